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
source scripts/pinned-venv.sh
# --no-deps: the file pins the whole tree, so pip resolves nothing (faster, and exactly the tree pinned).
build_pinned_venv ftm-env "${FTM_VENV:-.venv-ftm}" 10 "followthemoney 4" --no-deps scripts/ftm-requirements.txt
