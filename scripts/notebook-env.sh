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
source scripts/pinned-venv.sh
# The notebook runs on the venv's own kernel, which scripts/run-notebook.py names.
venv_post_install() {
  "$1/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (actorgraph notebook)"
}
build_pinned_venv notebook-env "${NOTEBOOK_VENV:-.venv-notebook}" 11 "the notebook's pinned packages (pandas 3, numpy 2.4)" "" \
  notebooks/requirements.txt notebooks/requirements-run.txt
