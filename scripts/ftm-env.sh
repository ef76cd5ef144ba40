#!/usr/bin/env bash
# Creates (or reuses) the Python virtualenv with the pinned FollowTheMoney library: .venv-ftm/,
# from scripts/ftm-requirements.txt (followthemoney and its whole dependency tree, pinned) from
# PyPI. Used to generate src/import/ftm-model.json (scripts/ftm-model.sh) and by the tests that
# check the committed model and load our FtM export with the real library
# (tests/integration/ftm-python.int.test.ts). Idempotent: a venv built from the same requirement
# file with the same Python minor version is reused. Prints the absolute path of the venv's
# python on stdout; everything else goes to stderr.
#
# Environment: PYTHON (default python3; 3.10+, followthemoney 4's floor), FTM_VENV (default
# .venv-ftm, relative to the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${FTM_VENV:-.venv-ftm}"
[[ "$venv" == /* ]] || venv="$PWD/$venv"
python="${PYTHON:-python3}"
requirements="scripts/ftm-requirements.txt"

command -v "$python" >/dev/null || { echo "ftm-env: $python is required (Python 3.10+) but is not on PATH" >&2; exit 1; }
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
  { echo "ftm-env: $python is Python $version; followthemoney 4 needs 3.10+ (set PYTHON)" >&2; exit 1; }

# One builder at a time: a second caller waits, then finds the venv ready.
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/actorgraph-ftm-env-$(printf '%s' "$venv" | sha256sum | cut -c1-16).lock"
  flock 9
fi

stamp="$venv/.requirements.sha256"
want=$( (echo "python $version"; cat "$requirements") | sha256sum | cut -d' ' -f1)
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "$venv/bin/python"; exit 0
fi

echo "ftm-env: building $venv (Python $version) from $requirements ..." >&2
started=$(date +%s)
rm -rf "$venv"
"$python" -m venv "$venv" >&2 ||
  { echo "ftm-env: '$python -m venv' failed; on Debian or Ubuntu install python3-venv (apt-get install python3-venv)" >&2; exit 1; }
# --no-deps: the file pins the whole tree, so pip resolves nothing (faster, and exactly the tree pinned).
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input --no-deps -r "$requirements" >&2
echo "$want" > "$stamp"
echo "ftm-env: $venv ready in $(( $(date +%s) - started )) s" >&2
echo "$venv/bin/python"
