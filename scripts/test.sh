#!/usr/bin/env bash
# Runs every test of the repo: the OpenAPI drift check, all Jest suites and the
# Playwright e2e tests in Debian's Chromium (installed with apt-get when missing). The database
# tests need PostgreSQL on 127.0.0.1:5432 (trust auth for the postgres role); it is
# started when installed but down, and installed with apt-get when missing.
# Extra arguments go to the Jest run, e.g.
#   scripts/test.sh plugins/api-store-access-backend
#   scripts/test.sh --testPathPattern router
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"

PG_HOST=127.0.0.1
PG_PORT=5432

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pg_version() { ls -1 /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

ensure_postgres() {
  if command -v pg_isready >/dev/null 2>&1 && pg_ready; then
    return 0
  fi
  local installed=0
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(pg_version)" ]; then
    echo "[test] PostgreSQL is not installed: apt-get install -y postgresql ..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    installed=1
  fi
  local ver
  ver="$(pg_version)"
  if [ -z "$ver" ]; then
    echo "[test] no cluster under /etc/postgresql after installing PostgreSQL" >&2
    return 1
  fi
  if [ "$installed" = 1 ]; then
    # A fresh Debian cluster asks for a password on TCP; the tests connect as postgres
    # without one (as on the project's machines), so trust local TCP connections.
    local hba="/etc/postgresql/$ver/main/pg_hba.conf"
    if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
      as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    fi
  fi
  if ! pg_ready; then
    echo "[test] PostgreSQL $ver is down: starting it ..."
    # Started already (e.g. by the package's postinst) is fine; a reload picks up pg_hba.
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start ||
      as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main status >/dev/null
  elif [ "$installed" = 1 ]; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
  fi
  local i
  for i in $(seq 1 60); do
    pg_ready && { echo "[test] PostgreSQL $ver is ready on $PG_HOST:$PG_PORT"; return 0; }
    sleep 0.5
  done
  echo "[test] PostgreSQL did not answer on $PG_HOST:$PG_PORT within 30 s" >&2
  return 1
}

ensure_postgres

export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@$PG_HOST:$PG_PORT}"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export CI=true

echo "[test] OpenAPI spec in sync (check:openapi)"
yarn workspace backstage-plugin-api-store-access-backend check:openapi

echo "[test] Jest: backstage-cli repo test --maxWorkers=2 $*"
yarn backstage-cli repo test --maxWorkers=2 "$@"

# With arguments, only the Jest run was asked for (e.g. one package).
if [ "$#" -gt 0 ]; then
  exit 0
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "[test] Chromium is missing: apt-get install -y chromium ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "[test] Playwright e2e in Chromium (starts the example portal on ports 7300 and 3300)"
yarn playwright test
