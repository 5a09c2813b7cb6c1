#!/usr/bin/env bash
# The product's main job on embedded defaults: set up, start a local cluster
# (redis-server, a coordinator, 2 shard workers), load the demo collection, run a
# search, and keep serving until Ctrl-C. Extra arguments go to `vecshard up`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node packages/cli/dist/main.js up --demo "$@"
