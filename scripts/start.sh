#!/usr/bin/env bash
# Starts the example portal with our plugins: backend on http://localhost:7007, frontend
# on http://localhost:3000, configured by app-config.yaml (in-memory SQLite, e-mails
# written as files to ./mailbox). Works on a fresh machine with Node 20 and no yarn.
# Extra arguments go to `yarn start` (e.g. --config app-config.local.yaml).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"
echo "[start] node $(node --version), yarn $(yarn --version): backend :7007, frontend http://localhost:3000"
exec yarn start "$@"
