#!/usr/bin/env bash
# Hearth under load, measured: prints figures and asserts nothing (record them in your notes).
#
#   bash scripts/load.sh [seconds] [connections]     (after scripts/build.sh; default 60 and 200)
#
# 1. Reads that record who read what, against the process alone: a parent's page (`/me`, one
#    audit entry per view) and `/healthz` (no database) on the same server, 64 connections for
#    10 s each, on SQLite and on PostgreSQL; the ratio says how far the audit trail's appends
#    hold page views back (docs/decisions/0019-audit-group-commit.md).
# 2. Two app servers on one PostgreSQL (durable: fsync and synchronous commits on), half the
#    connections each, for the given seconds: nine in ten requests a parent's page, one in ten a
#    new rating of their goal (a write with its own id). Throughput, p50/p95/p99 and errors per
#    server, as wrk reports them (wrk cannot merge two runs' percentiles).
# Only 127.0.0.1 is ever contacted; every load stops by itself. Installs wrk if it is missing.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

seconds="${1:-60}"
connections="${2:-200}"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bin="$(hearth_bin)"
[[ -x "$bin" ]] || hearth_die "build first: bash scripts/build.sh"
hearth_runtime_env

work="$(mktemp -d /tmp/hearth-load.XXXXXX)"
pids=()
pg_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -z "$pg_dir" ]] || bash scripts/pg-stop.sh "$pg_dir" >/dev/null 2>&1 || true
  rm -rf -- "$work"
}
trap cleanup EXIT
# The keys every server here shares, as a council's servers on one database must.
for key in audit secrets; do
  od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/$key.key"
  chmod 600 "$work/$key.key"
done
metrics_token="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"

# start NAME COMMAND [DATABASE_URL]: a server with its own data directory, sharing the first
# server's keys; sets $base.
start() {
  local name="$1" command="$2" url="${3:-}" port dir="$work/$1"
  mkdir -p "$dir"
  port="$(hearth_free_port)"
  base="http://127.0.0.1:$port"
  env ${url:+DATABASE_URL="$url"} HEARTH_DATA_DIR="$dir" HEARTH_ADDR="127.0.0.1:$port" \
    HEARTH_AUDIT_KEY_FILE="$work/audit.key" HEARTH_SECRETS_KEY_FILE="$work/secrets.key" \
    HEARTH_METRICS_TOKEN="$metrics_token" RUST_LOG=error "$bin" "$command" >"$dir/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -fs -o /dev/null "$base/healthz" && return 0; sleep 0.2; done
  hearth_die "the server $name did not answer (see $dir/server.log)"
}

# Kelly, a demo parent: her session cookie and her first goal's id.
sign_in_parent() {
  cookie="$(curl -s -D - -o /dev/null -H "Origin: $base" -H 'Accept: application/json' \
    --data 'login=kelly.ashworth&password=hearth-demo' "$base/api/sign_in" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1)"
  [[ -n "$cookie" ]] || hearth_die "could not sign in as a parent"
  goal="$(curl -s -H "Origin: $base" -H "Cookie: $cookie" -X POST "$base/api/own_page" |
    sed -n 's/.*"goals":\[{"id":"\([0-9a-f-]*\)".*/\1/p')"
  [[ -n "$goal" ]] || hearth_die "the demo parent has no goal"
}

# A wrk script: `writes` in 100 requests rate the goal with a new id, the rest read /me. Each
# thread seeds its own ids from its number and the run's, so no two requests share an id.
lua() {
  cat <<LUA
local cookie, goal, origin, writes = "$cookie", "$goal", "$base", $1
local n = 0
setup = function(thread)
  thread:set("number", math.random(1, 1000000000))
end
init = function(args)
  math.randomseed(os.time() * 1000 + number + tonumber(args[1] or 0))
end
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx", "x", function()
    return string.format("%x", math.random(0, 15))
  end))
end
request = function()
  n = n + 1
  if n % 100 < writes then
    return wrk.format("POST", "/api/rate_goal", {
      ["Cookie"] = cookie, ["Origin"] = origin, ["Accept"] = "application/json",
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, "goal=" .. goal .. "&check_in=" .. uuid() .. "&score=7")
  end
  return wrk.format("GET", "/me", { ["Cookie"] = cookie })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout,
    e.connect, e.read, e.write, e.status, e.timeout))
end
LUA
}

# run NAME LABEL CONNECTIONS SECONDS SCRIPT URL [SEED]: one wrk run, printed as a row; wrk's
# own figures are kept in $work/NAME.raw (req/s, p50, p95, p99, errors and their kinds).
run() {
  local name="$1" label="$2" conns="$3" secs="$4" script="$5" url="$6" seed="${7:-0}"
  wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s "$script" "$url" -- "$seed" 2>/dev/null |
    sed -n 's/^RESULT //p' >"$work/$name.raw"
  awk -v label="$label" '{
      printf "  %-40s %9.0f %8.2f %8.2f %8.2f %7d", label, $1, $2, $3, $4, $5
      if ($5 > 0) printf "  (connect %d, read %d, write %d, status %d, timeout %d)", $6, $7, $8, $9, $10
      printf "\n" }' "$work/$name.raw"
}
# How many page views' audit entries each commit sealed (decision 19), from the server's /metrics.
group_size() {
  curl -s -H "Authorization: Bearer $metrics_token" "$base/metrics" |
    awk '/^hearth_audit_group_size_sum/ { s = $2 } /^hearth_audit_group_size_count/ { c = $2 }
      END { if (c > 0) printf "  audit entries sealed per commit: %.1f on average (%d commits)\n", s / c, c }'
}
header() { printf '  %-40s %9s %8s %8s %8s %7s\n' "" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors"; }

echo "== Hearth under load ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
echo "   $bin"

for backend in sqlite postgres; do
  url=""
  if [[ "$backend" == postgres ]]; then
    pg_dir="$(mktemp -d /tmp/hearth-load-pg.XXXXXX)"
    url="$(HEARTH_PG_DURABLE=1 bash scripts/pg-start.sh "$pg_dir")"
  fi
  start "one-$backend" demo "$url"
  sign_in_parent
  lua 0 >"$work/reads.lua"
  sed -n '/^done = /,$p' "$work/reads.lua" >"$work/plain.lua"
  echo
  echo "-- 1. a parent's page against the process alone ($backend, one server, 64 connections, 10 s)"
  header
  run health "GET /healthz (no database)" 64 10 "$work/plain.lua" "$base/healthz"
  run page "GET /me (a parent's page, audited)" 64 10 "$work/reads.lua" "$base/me"
  awk 'NR == FNR { h = $1; next } { if (h > 0) printf "  /me as a share of /healthz: %.1f%%\n", 100 * $1 / h }' \
    "$work/health.raw" "$work/page.raw"
  group_size
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
  unset 'pids[-1]'
done

echo
half=$((connections / 2))
echo "-- 2. two app servers on one PostgreSQL, $half connections each, ${seconds} s: 90% /me, 10% a new rating"
start a serve "$url"
base_a="$base"
start b serve "$url"
base_b="$base"
# Each server's writes carry its own Origin, as a browser on that address sends them.
base="$base_a" lua 10 >"$work/mixed-a.lua"
base="$base_b" lua 10 >"$work/mixed-b.lua"
header
run a "server A" "$half" "$seconds" "$work/mixed-a.lua" "$base_a/me" 1 >"$work/a.txt" &
load_a=$!
run b "server B" "$half" "$seconds" "$work/mixed-b.lua" "$base_b/me" 2 >"$work/b.txt" &
load_b=$!
wait "$load_a" "$load_b"
cat "$work/a.txt" "$work/b.txt"
base="$base_a" group_size
base="$base_b" group_size
awk '{ total += $1; errors += $5 } END { printf "  together: %.0f req/s, %d errors\n", total, errors }' \
  "$work/a.raw" "$work/b.raw"
verdict="$(DATABASE_URL="$url" HEARTH_DATA_DIR="$work/a" HEARTH_AUDIT_KEY_FILE="$work/audit.key" \
  HEARTH_SECRETS_KEY_FILE="$work/secrets.key" "$bin" audit verify 2>&1 | tail -n1)"
echo "  after the load: $verdict"
