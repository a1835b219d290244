#!/usr/bin/env bash
# Times the case system's import at a council's scale, on SQLite and on PostgreSQL, and prints
# lines per second for a check, the import and a second check. It asserts only that the import
# is right (everyone in, nothing refused, the second check adds nothing), never how fast.
#
#   bash scripts/bench-import.sh [PEOPLE]      (default 10000; release build of the test)
#
# Only a private PostgreSQL on 127.0.0.1 is contacted; it is stopped at the end.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

people="${1:-10000}"
work="$(mktemp -d /tmp/hearth-import-bench.XXXXXX)"
chmod 755 "$work" # the private PostgreSQL runs as another user when run as root
cleanup() {
  bash scripts/pg-stop.sh "$work/pg" >/dev/null 2>&1 || true
  rm -rf -- "$work"
}
trap cleanup EXIT
pg_url="$(bash scripts/pg-start.sh "$work/pg" | tail -n1)"

echo "== Hearth import benchmark ($people people, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
HEARTH_IMPORT_PEOPLE="$people" HEARTH_TEST_POSTGRES_URL="$pg_url" \
  cargo test --release -p server --test import_speed -- --nocapture --test-threads=1 2>&1 |
  grep -oE 'import of .*|test result.*|panicked.*'
