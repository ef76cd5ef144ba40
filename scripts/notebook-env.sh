#!/usr/bin/env bash
# Creates (or reuses) the Python virtualenv that runs notebooks/explore.ipynb: .venv-notebook/,
# with notebooks/requirements.txt from PyPI plus the Jupyter runner. Idempotent: a venv whose
# requirements have not changed since it was built is reused. Prints the venv's python path.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${NOTEBOOK_VENV:-.venv-notebook}"
python="${PYTHON:-python3}"
command -v "$python" >/dev/null || { echo "notebook-env: $python is required (Python 3.10+)" >&2; exit 1; }
stamp="$venv/.requirements.sha256"
want=$(cat notebooks/requirements.txt notebooks/requirements-run.txt | sha256sum | cut -d' ' -f1)
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "$venv/bin/python"; exit 0
fi
rm -rf "$venv"
"$python" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r notebooks/requirements.txt -r notebooks/requirements-run.txt >&2
"$venv/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null 2>&1 || true
echo "$want" > "$stamp"
echo "$venv/bin/python"
