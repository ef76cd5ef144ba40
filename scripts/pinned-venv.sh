#!/usr/bin/env bash
# Sourced by scripts/ftm-env.sh and scripts/notebook-env.sh: the one way this repository builds a
# Python virtualenv from pinned requirement files on PyPI.
#
# build_pinned_venv LABEL VENV MIN_MINOR WHY PIP_FLAGS REQUIREMENTS...
#   LABEL      prefix of every message, and of the lock file's name (ftm-env, notebook-env)
#   VENV       the venv's folder, relative to the current directory unless absolute
#   MIN_MINOR  the lowest Python 3 minor version accepted (PYTHON, default python3)
#   WHY        what needs that version, for the error message
#   PIP_FLAGS  extra flags for pip install, one word or empty (--no-deps for a fully pinned tree)
# Reuses the venv when it was built from the same requirement files with the same Python minor
# version (a stamp of both); otherwise rebuilds it, then runs `venv_post_install VENV` when the
# caller defines that function. One builder at a time (flock): a second caller waits, then finds
# the venv ready. Prints the absolute path of the venv's python on stdout, everything else on
# stderr; exits 1 with a message naming the fix when Python or its venv module is missing.
build_pinned_venv() {
  local label=$1 venv=$2 min_minor=$3 why=$4 pip_flags=$5
  shift 5
  local requirements=("$@")
  [[ "$venv" == /* ]] || venv="$PWD/$venv"
  local python="${PYTHON:-python3}"

  command -v "$python" >/dev/null || { echo "$label: $python is required (Python 3.$min_minor+) but is not on PATH" >&2; exit 1; }
  local version
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  "$python" -c "import sys; sys.exit(sys.version_info < (3, $min_minor))" ||
    { echo "$label: $python is Python $version; $why needs 3.$min_minor+ (set PYTHON)" >&2; exit 1; }

  if command -v flock >/dev/null; then
    exec 9>"${TMPDIR:-/tmp}/actorgraph-$label-$(printf '%s' "$venv" | sha256sum | cut -c1-16).lock"
    flock 9
  fi

  local stamp="$venv/.requirements.sha256" want
  want=$( (echo "python $version"; cat "${requirements[@]}") | sha256sum | cut -d' ' -f1)
  if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "$venv/bin/python"
    return 0
  fi

  echo "$label: building $venv (Python $version) from ${requirements[*]} ..." >&2
  local started
  started=$(date +%s)
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2 ||
    { echo "$label: '$python -m venv' failed; on Debian or Ubuntu install python3-venv (apt-get install python3-venv)" >&2; exit 1; }
  local args=() r
  for r in "${requirements[@]}"; do args+=(-r "$r"); done
  # shellcheck disable=SC2086 # PIP_FLAGS is one word or empty
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input $pip_flags "${args[@]}" >&2
  if declare -F venv_post_install >/dev/null; then venv_post_install "$venv" >&2; fi
  echo "$want" > "$stamp"
  echo "$label: $venv ready in $(( $(date +%s) - started )) s" >&2
  echo "$venv/bin/python"
}
