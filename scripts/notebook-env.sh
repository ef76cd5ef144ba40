#!/usr/bin/env bash
# Creates (or reuses) the Python virtualenv that runs notebooks/explore.ipynb: .venv-notebook/,
# with notebooks/requirements.txt and notebooks/requirements-run.txt (both pinned) from PyPI, and
# the venv's own Jupyter kernel `python3` (ipykernel install --sys-prefix), which
# scripts/run-notebook.py uses. Idempotent: a venv built from the same requirement files with the
# same Python minor version is reused. Prints the absolute path of the venv's python on stdout;
# everything else goes to stderr.
#
# Environment: PYTHON (default python3; 3.11+), NOTEBOOK_VENV (default .venv-notebook, relative
# to the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${NOTEBOOK_VENV:-.venv-notebook}"
[[ "$venv" == /* ]] || venv="$PWD/$venv"
python="${PYTHON:-python3}"

command -v "$python" >/dev/null || { echo "notebook-env: $python is required (Python 3.11+) but is not on PATH" >&2; exit 1; }
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  { echo "notebook-env: $python is Python $version; the notebook's pinned packages (pandas 3, numpy 2.4) need 3.11+ (set PYTHON)" >&2; exit 1; }

# One builder at a time: a second caller waits, then finds the venv ready.
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/actorgraph-notebook-env-$(printf '%s' "$venv" | sha256sum | cut -c1-16).lock"
  flock 9
fi

stamp="$venv/.requirements.sha256"
want=$( (echo "python $version"; cat notebooks/requirements.txt notebooks/requirements-run.txt) | sha256sum | cut -d' ' -f1)
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "$venv/bin/python"; exit 0
fi

echo "notebook-env: building $venv (Python $version) from notebooks/requirements.txt and requirements-run.txt ..." >&2
started=$(date +%s)
rm -rf "$venv"
"$python" -m venv "$venv" >&2 ||
  { echo "notebook-env: '$python -m venv' failed; on Debian or Ubuntu install python3-venv (apt-get install python3-venv)" >&2; exit 1; }
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  -r notebooks/requirements.txt -r notebooks/requirements-run.txt >&2
"$venv/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (actorgraph notebook)" >&2
echo "$want" > "$stamp"
echo "notebook-env: $venv ready in $(( $(date +%s) - started )) s" >&2
echo "$venv/bin/python"
