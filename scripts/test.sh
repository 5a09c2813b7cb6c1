#!/usr/bin/env bash
# The whole test suite: set-up, lint, type-check (part of the build), and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx biome check .
npx vitest run "$@"
