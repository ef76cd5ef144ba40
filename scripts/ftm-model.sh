#!/usr/bin/env bash
# Generates src/import/ftm-model.json, actorgraph's FollowTheMoney model, from the pinned
# followthemoney package (its followthemoney/schema/*.yaml, through scripts/ftm-model.py).
#
#   bash scripts/ftm-model.sh            regenerate from the version pinned in scripts/ftm-requirements.txt
#   bash scripts/ftm-model.sh 4.12.0     upgrade: pin followthemoney 4.12.0 and its dependencies
#                                        (pip freeze of a fresh venv), then regenerate
#   bash scripts/ftm-model.sh --check [FILE]   exit 1 when the committed file (or FILE) differs from
#                                        what the pin generates
#
# An upgrade is this one command and the diff of ftm-model.json and ftm-requirements.txt to
# review (docs/import.md, "FollowTheMoney version").
set -euo pipefail
cd "$(dirname "$0")/.."
out="src/import/ftm-model.json"
requirements="scripts/ftm-requirements.txt"
python="${PYTHON:-python3}"

if [[ $# -gt 0 && "$1" != "--check" ]]; then
  version="$1"
  [[ "$version" =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "ftm-model: '$version' is not a version number" >&2; exit 2; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "ftm-model: resolving followthemoney==$version and its dependencies ..." >&2
  "$python" -m venv "$tmp/venv" >&2
  "$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "followthemoney==$version" >&2
  { sed -n '1,/^[^#]/p' "$requirements" | grep '^#'; "$tmp/venv/bin/python" -m pip freeze --disable-pip-version-check; } > "$tmp/requirements.txt"
  mv "$tmp/requirements.txt" "$requirements"
fi

venv_python=$(bash scripts/ftm-env.sh)
if [[ "${1:-}" == "--check" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  [[ -n "${2:-}" ]] && out="$2"
  "$venv_python" scripts/ftm-model.py "$tmp/model.json"
  if ! cmp -s "$tmp/model.json" "$out"; then
    echo "ftm-model: $out differs from what $(grep '^followthemoney==' "$requirements") generates; run bash scripts/ftm-model.sh and review the diff" >&2
    diff -u "$out" "$tmp/model.json" | head -n 40 >&2 || true
    exit 1
  fi
  echo "ftm-model: $out matches $(grep '^followthemoney==' "$requirements")" >&2
  exit 0
fi
"$venv_python" scripts/ftm-model.py "$out"
echo "ftm-model: wrote $out from $(grep '^followthemoney==' "$requirements")" >&2
