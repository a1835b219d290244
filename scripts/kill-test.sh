#!/usr/bin/env bash
# The kill test, long version: Hearth is killed with SIGKILL at random moments while several
# clients save, then started again; every answered save must be there once, the database sound
# and the audit trail intact. Prints the counts per backend.
#
#   bash scripts/kill-test.sh [kills]     (default 25 per backend)
#
# SQLite, then PostgreSQL on a private server started here with its durable defaults (the test
# servers run without fsync), which is itself stopped once with `pg_ctl -m immediate` half way.
# CI runs the same test with 3 kills per backend, without the PostgreSQL crash (scripts/test.sh).
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

kills="${1:-25}"
pg_dir="$(mktemp -d /tmp/hearth-kill-pg.XXXXXX)"
trap 'bash scripts/pg-stop.sh "$pg_dir" >/dev/null 2>&1 || true' EXIT
pg_url="$(HEARTH_PG_DURABLE=1 bash scripts/pg-start.sh "$pg_dir")"

echo "== kill test: $kills kills per backend ($(date -u +%Y-%m-%dT%H:%MZ))"
HEARTH_KILLS="$kills" HEARTH_TEST_POSTGRES_URL="$pg_url" \
  HEARTH_CRASH_POSTGRES="bash '$PWD/scripts/pg-crash.sh' '$pg_dir'" \
  cargo test -p server --test crash -- --nocapture --test-threads=1 2>&1 |
  grep -E '^(Sqlite|Postgres):|^test |test result|panicked|assert'
