#!/usr/bin/env bash
# Makes the databases `server/tests/upgrade.rs` upgrades: the demo council as a released build
# writes it, on SQLite and on PostgreSQL, dumped as SQL and gzipped into
# server/tests/fixtures/upgrade/. Run it with the release binary you are about to leave, before
# adding a migration (a build of main before your change), so the test then migrates from it.
#
#   bash scripts/make-upgrade-fixture.sh PATH/TO/OLD/hearth
#
# Needs sqlite3 and PostgreSQL's pg_dump (installed if missing). The audit trail is sealed with
# the tests' key (server/tests/support/mod.rs), so the test can verify it after the upgrade.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

bin="${1:?usage: make-upgrade-fixture.sh PATH/TO/OLD/hearth}"
[[ -x "$bin" ]] || hearth_die "$bin is not a hearth binary"
command -v sqlite3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
pgbin="$(hearth_pg_bin)" || hearth_die "no PostgreSQL found (run scripts/setup-tools.sh)"
out="server/tests/fixtures/upgrade"
mkdir -p "$out"

work="$(mktemp -d /tmp/hearth-fixture.XXXXXX)"
pg_dir="$(mktemp -d /tmp/hearth-fixture-pg.XXXXXX)"
trap 'bash scripts/pg-stop.sh "$pg_dir" >/dev/null 2>&1 || true; rm -rf -- "$work"' EXIT
sed -n 's/^pub const AUDIT_KEY: &str = "\(.*\)";$/\1/p' server/tests/support/mod.rs >"$work/audit.key"
[[ -s "$work/audit.key" ]] || hearth_die "the tests' audit key was not found"

# demo URL: starts the old build on a database until its demo council is in, then stops it.
demo() {
  local url="$1" port
  port="$(hearth_free_port)"
  DATABASE_URL="$url" HEARTH_DATA_DIR="$work" HEARTH_AUDIT_KEY_FILE="$work/audit.key" \
    HEARTH_ADDR="127.0.0.1:$port" RUST_LOG=warn "$bin" demo >"$work/demo.log" 2>&1 &
  local pid=$!
  local base="http://127.0.0.1:$port" login cookie
  for _ in $(seq 1 150); do
    curl -fs -o /dev/null "$base/readyz" && break
    sleep 0.2
  done
  # A little use, so the audit trail the upgrade must keep verifiable is not empty.
  for login in sam.whitfield%40brookford.example kelly.ashworth; do
    cookie="$(curl -s -D - -o /dev/null -H "Origin: $base" -H 'Accept: application/json' \
      --data "login=$login&password=hearth-demo" "$base/api/sign_in" |
      sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1)"
    [[ -n "$cookie" ]] || hearth_die "the old build did not sign $login in"
    curl -fs -o /dev/null -H "Cookie: $cookie" "$base/" -L
  done
  kill "$pid"
  wait "$pid" || true
}

demo "sqlite://$work/hearth.db"
sqlite3 "$work/hearth.db" .dump | gzip -9n >"$out/sqlite.sql.gz"

pg_url="$(bash scripts/pg-start.sh "$pg_dir")"
demo "$pg_url"
"$pgbin/pg_dump" --no-owner --no-privileges "$pg_url" | gzip -9n >"$out/postgres.sql.gz"

version="$("$bin" --version)"
printf '%s\n' "Made by: $version, with this checkout at $(git rev-parse --short HEAD)" "Schema version: $(sqlite3 "$work/hearth.db" 'SELECT MAX(version) FROM _sqlx_migrations')" \
  "On: $(date -u +%Y-%m-%d)" >"$out/MADE_BY"
ls -l "$out"
