#!/usr/bin/env bash
# The benchmarks of the API Store Access plugins: `yarn bench` from the repository root.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); see bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Node 22 and an installed node_modules (scripts/toolchain.sh is idempotent and quick).
# shellcheck source=../scripts/toolchain.sh
source scripts/toolchain.sh
exec node bench/run.js "$@"
