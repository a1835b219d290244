#!/usr/bin/env bash
# Hearth at national scale, measured: prints figures and asserts nothing (record them in notes).
#
#   bash scripts/bench-scale.sh [sizes] [backends]    (after scripts/build.sh)
#   e.g. bash scripts/bench-scale.sh "1000 10000 100000" "sqlite postgres"   (the default)
#
# For each backend and size: `hearth demo --scale N` grows the demo council to N families
# (timed), then settles it as a database grown by months of use would be (PostgreSQL: VACUUM
# ANALYZE and a CHECKPOINT, so the bulk load's hint bits and dirty pages are not written during
# the timing; SQLite: a WAL checkpoint), then one user at a time asks each page 20 times untimed
# and 200 times timed: the caseload, a family page, a goal page, a parent's /me, My week and the
# team dashboard (a page of 25 families), and the workers' load, which reads the whole team
# (server time by curl: median and 95th percentile). Then the database's size, and the query
# plans of the dashboard's statements.
# Only 127.0.0.1 is contacted. PostgreSQL runs with its durable defaults. Installs sqlite3 (the
# command-line shell, for the plans) if missing.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

sizes="${1:-1000 10000 100000}"
backends="${2:-sqlite postgres}"
bin="$(hearth_bin)"
[[ -x "$bin" ]] || hearth_die "build first: bash scripts/build.sh"
hearth_runtime_env
pgbin="$(hearth_pg_bin)" || true
command -v sqlite3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
work="$(mktemp -d /tmp/hearth-scale.XXXXXX)"
pg_dir=""
server=""
cleanup() {
  [[ -z "$server" ]] || kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  [[ -z "$pg_dir" ]] || bash scripts/pg-stop.sh "$pg_dir" >/dev/null 2>&1 || true
  rm -rf -- "$work"
}
trap cleanup EXIT

# ask SQL: one value from the database under test.
ask() {
  if [[ "$backend" == sqlite ]]; then
    sqlite3 "$data/hearth.db" "$1"
  else
    "$pgbin/psql" -Atq -d "$url" -c "$1"
  fi
}

latency() {
  local label="$1"; shift
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@"; done
  for _ in $(seq 1 200); do curl -s -o /dev/null -w '%{time_total} %{http_code}\n' "$@"; done |
    sort -n | awk -v label="$label" -v n="$size" -v be="$backend" '
      $2 != 200 { bad++ }
      { t[NR] = $1 * 1000 }
      END { printf "  %-8s %7s  %-34s %8.2f %8.2f %s\n", be, n, label, t[int(NR*0.5)], t[int(NR*0.95)], (bad ? bad " not 200" : "") }'
}

echo "== Hearth at scale ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)): one user at a time, 200 requests a page"
printf '  %-8s %7s  %-34s %8s %8s\n' backend families page "p50 ms" "p95 ms"
for backend in $backends; do
  url=""
  if [[ "$backend" == postgres ]]; then
    [[ -n "$pgbin" ]] || hearth_die "no PostgreSQL found"
    pg_dir="$(mktemp -d /tmp/hearth-scale-pg.XXXXXX)"
    pg_admin="$(HEARTH_PG_DURABLE=1 bash scripts/pg-start.sh "$pg_dir")"
  fi
  for size in $sizes; do
    data="$work/$backend-$size"
    mkdir -p "$data"
    if [[ "$backend" == postgres ]]; then
      "$pgbin/psql" -q -d "$pg_admin" -c "CREATE DATABASE hearth_$size" >/dev/null
      url="${pg_admin%/*}/hearth_$size"
    else
      url="sqlite://$data/hearth.db"
    fi
    port="$(hearth_free_port)"
    base="http://127.0.0.1:$port"
    started=$(date +%s)
    DATABASE_URL="$url" HEARTH_DATA_DIR="$data" HEARTH_ADDR="127.0.0.1:$port" RUST_LOG="warn,sqlx=error" \
      "$bin" demo --scale "$size" >"$data/server.log" 2>&1 &
    server=$!
    until curl -fs -o /dev/null "$base/readyz"; do
      kill -0 "$server" 2>/dev/null || { cat "$data/server.log" >&2; hearth_die "hearth demo --scale $size stopped"; }
      sleep 1
    done
    grown="$(grep -m1 '^Grew' "$data/server.log" || echo "(no growth line)")"
    echo "  -- $backend, $size families: ready after $(($(date +%s) - started)) s; $grown"
    settled=$(date +%s)
    if [[ "$backend" == postgres ]]; then
      "$pgbin/psql" -q -d "$url" -c "VACUUM (ANALYZE)" -c "CHECKPOINT" >/dev/null
    else
      sqlite3 -cmd ".timeout 10000" "$data/hearth.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    fi
    echo "     settled in $(($(date +%s) - settled)) s"
    sam="$(hearth_sign_in sam.whitfield%40brookford.example)"
    maya="$(hearth_sign_in maya.okafor%40brookford.example)"
    kelly="$(hearth_sign_in kelly.ashworth)"
    # Kelly's own family, the demo's original (its copies share its name).
    family="$(ask "SELECT m.family_id FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.login = 'kelly.ashworth'")"
    own_page="$(curl -s -H "Origin: $base" -H "Cookie: $kelly" -X POST "$base/api/own_page")"
    goal="$(sed -n 's/.*"goals":\[{"id":"\([0-9a-f-]*\)".*/\1/p' <<<"$own_page")"
    [[ -n "$family" && -n "$goal" ]] || hearth_die "the demo's Ashworth family or Kelly's goal was not found"
    latency "GET /families (caseload)" -H "Cookie: $sam" "$base/families"
    latency "GET /families/{id} (family)" -H "Cookie: $sam" "$base/families/$family"
    latency "GET /families/{id}/goals/{goal}" -H "Cookie: $sam" "$base/families/$family/goals/$goal"
    latency "GET /me (parent)" -H "Cookie: $kelly" "$base/me"
    latency "GET /week (My week)" -H "Cookie: $sam" "$base/week"
    latency "GET /team (dashboard)" -H "Cookie: $maya" "$base/team"
    latency "GET /team?page=5 (dashboard)" -H "Cookie: $maya" "$base/team?page=5"
    latency "GET /team/workers (whole team)" -H "Cookie: $maya" "$base/team/workers"
    team="$(ask "SELECT team_id FROM accounts WHERE login = 'maya.okafor@brookford.example'")"
    echo "     Maya's team: $(ask "SELECT COUNT(*) FROM families WHERE team_id = '$team' AND closed_on IS NULL") open families; Sam holds $(ask "SELECT COUNT(*) FROM allocations w JOIN accounts a ON a.id = w.worker_id WHERE a.login = 'sam.whitfield@brookford.example'")"
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
    # The statements of a dashboard page (page 5), as store/families.rs and store/due_facts.rs
    # write them.
    in_page="f.id IN (SELECT p.id FROM families p WHERE p.team_id = '$team' AND p.closed_on IS NULL ORDER BY p.name, p.id LIMIT 25 OFFSET 100)"
    page_sql="SELECT f.id, f.name FROM families f JOIN teams t ON t.id = f.team_id WHERE $in_page ORDER BY f.name, f.id"
    latest_sql="SELECT e.family_id, e.chapter, e.kind, MAX(e.occurred_on) FROM workbook_entries e JOIN families f ON f.id = e.family_id WHERE $in_page AND e.kind IN ('visit', 'monthly_summary') GROUP BY e.family_id, e.chapter, e.kind"
    if [[ "$backend" == sqlite ]]; then
      echo "     database: $(du -h "$data/hearth.db" | cut -f1)"
      echo "     plans of a dashboard page's family list and its latest entries (SQLite):"
      sqlite3 "$data/hearth.db" "EXPLAIN QUERY PLAN $page_sql" | sed 's/^/       /'
      sqlite3 "$data/hearth.db" "EXPLAIN QUERY PLAN $latest_sql" | sed 's/^/       /'
      rm -f "$data/hearth.db"*
    else
      echo "     database: $("$pgbin/psql" -Atq -d "$url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
      echo "     plans of a dashboard page's family list and its latest entries (PostgreSQL):"
      "$pgbin/psql" -Atq -d "$url" -c "EXPLAIN ANALYZE $page_sql" | sed 's/^/       /'
      "$pgbin/psql" -Atq -d "$url" -c "EXPLAIN ANALYZE $latest_sql" | sed 's/^/       /'
      "$pgbin/psql" -q -d "$pg_admin" -c "DROP DATABASE hearth_$size" >/dev/null
    fi
  done
  [[ -z "$pg_dir" ]] || { bash scripts/pg-stop.sh "$pg_dir" >/dev/null 2>&1 || true; pg_dir=""; }
done
