#!/usr/bin/env bash
# Measures Hearth and prints figures; it asserts nothing (record the figures in your notes).
#
#   bash scripts/bench.sh [sqlite|postgres]     (after scripts/build.sh; default sqlite)
#
# - transfer: what a phone downloads for the first page (raw, brotli, gzip)
# - latency: server time for pages and server functions, median and 95th percentile of 200
#   sequential requests (curl's own timer, so process start-up is not counted)
# - throughput: requests per second with 16 connections for 10 seconds (wrk), for a page and
#   for a server function that reads a caseload and writes its audit entry
# Only 127.0.0.1 is ever contacted; every load stops by itself.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

backend="${1:-sqlite}"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work="$(mktemp -d /tmp/hearth-bench.XXXXXX)"
cleanup() {
  hearth_stop_measured
  rm -rf -- "$work"
}
trap cleanup EXIT
hearth_start_measured "$work" "$backend"

origin=(-H "Origin: $base")
cookie="$(curl -s -D - -o /dev/null "${origin[@]}" -H 'Accept: application/json' \
  --data 'login=sam.whitfield%40brookford.example&password=hearth-demo' "$base/api/sign_in" |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1)"
[[ -n "$cookie" ]] || hearth_die "could not sign in"
family="$(curl -s "${origin[@]}" -H "Cookie: $cookie" -X POST "$base/api/caseload" | grep -o '"id":"[0-9a-f-]*"' | head -n1 | cut -d'"' -f4)"
parent="$(curl -s -D - -o /dev/null "${origin[@]}" -H 'Accept: application/json' \
  --data 'login=kelly.ashworth&password=hearth-demo' "$base/api/sign_in" |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1)"
[[ -n "$parent" ]] || hearth_die "could not sign in as a parent"
goal="$(curl -s "${origin[@]}" -H "Cookie: $parent" -X POST "$base/api/own_page" |
  sed -n 's/.*"goals":\[{"id":"\([0-9a-f-]*\)".*/\1/p')"
[[ -n "$goal" ]] || hearth_die "the demo parent has no goal"

echo "== Hearth benchmark ($backend, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "-- transfer (bytes): raw / brotli / gzip"
size() { curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $2" ${3:+-H "Cookie: $3"} "$1"; }
page_assets="$(curl -s "$base/login" | grep -o '/pkg/[^"]*\.\(js\|wasm\|css\)' | sort -u)"
total_br=0
for asset in $page_assets; do
  raw="$(size "$base$asset" identity)"; br="$(size "$base$asset" br)"; gz="$(size "$base$asset" gzip)"
  total_br=$((total_br + br))
  printf '  %-44s %9s %9s %9s\n' "$asset" "$raw" "$br" "$gz"
done
for path in /login /families "/families/$family" "/families/$family/goals/$goal" \
  "/families/$family/goals/$goal/change" /prompts; do
  raw="$(size "$base$path" identity "$cookie")"; br="$(size "$base$path" br "$cookie")"; gz="$(size "$base$path" gzip "$cookie")"
  id_mark='{id}' goal_mark='{goal}'
  label="${path//$family/$id_mark}"
  printf '  %-44s %9s %9s %9s\n' "page ${label//$goal/$goal_mark}" "$raw" "$br" "$gz"
done
raw="$(size "$base/me" identity "$parent")"; br="$(size "$base/me" br "$parent")"; gz="$(size "$base/me" gzip "$parent")"
printf '  %-44s %9s %9s %9s\n' "page /me (parent, goals and charts)" "$raw" "$br" "$gz"
login_br="$(size "$base/login" br)"
echo "  first visit to /login over brotli: $((total_br + login_br)) bytes"

echo
echo "-- server latency (ms, 200 sequential requests): median / p95"
latency() {
  local label="$1"; shift
  for _ in $(seq 1 200); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done |
    sort -n | awk -v label="$label" '{ t[NR] = $1 * 1000 } END { printf "  %-44s %7.2f %7.2f\n", label, t[int(NR*0.5)], t[int(NR*0.95)] }'
}
latency "GET /login (signed out)" "$base/login"
latency "GET /families (page, caseload)" -H "Cookie: $cookie" "$base/families"
latency "GET /families/{id} (page, family)" -H "Cookie: $cookie" "$base/families/$family"
latency "GET /families/{id}/goals/{goal} (page)" -H "Cookie: $cookie" "$base/families/$family/goals/$goal"
latency "GET /me (parent page, what changed)" -H "Cookie: $parent" "$base/me"
latency "GET /me/goals/{goal} (parent's change plan)" -H "Cookie: $parent" "$base/me/goals/$goal"
latency "GET /families/{id}/goals/{goal}/change" -H "Cookie: $cookie" "$base/families/$family/goals/$goal/change"
latency "GET /prompts (the whole library)" -H "Cookie: $cookie" "$base/prompts"
latency "GET /prompts?words=&area=&stage= (search)" -H "Cookie: $cookie" "$base/prompts?words=school&area=education&stage=action"
latency "GET /families/{id}/workbook (page)" -H "Cookie: $cookie" "$base/families/$family/workbook"
latency "GET /week (page, due across families)" -H "Cookie: $cookie" "$base/week"
latency "GET /families/{id}/chronology.csv" -H "Cookie: $cookie" "$base/families/$family/chronology.csv"
latency "POST /api/caseload (server function)" "${origin[@]}" -H "Cookie: $cookie" -X POST "$base/api/caseload"
latency "GET /pkg/*.wasm (static, brotli)" -H 'Accept-Encoding: br' "$base$(echo "$page_assets" | grep wasm)"

echo
echo "-- throughput (16 connections, 10 s, wrk)"
cat >"$work/caseload.lua" <<LUA
wrk.method = "POST"
wrk.headers["Cookie"] = "$cookie"
wrk.headers["Origin"] = "$base"
wrk.headers["Accept"] = "application/json"
LUA
# A parent's rating of their goal: a new id each time (a real write, with its audit entry).
cat >"$work/rate.lua" <<LUA
wrk.method = "POST"
wrk.headers["Cookie"] = "$parent"
wrk.headers["Origin"] = "$base"
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
math.randomseed(os.time())
request = function()
  local id = string.gsub("xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx", "x", function() return string.format("%x", math.random(0, 15)) end)
  return wrk.format(nil, nil, nil, "goal=$goal&check_in=" .. id .. "&score=7")
end
LUA
rps() { wrk -t2 -c16 -d10s "$@" 2>/dev/null | awk '/Requests\/sec/ { print $2 }'; }
echo "  GET /families (page):             $(rps -H "Cookie: $cookie" "$base/families") req/s"
echo "  POST /api/caseload (with audit):  $(rps -s "$work/caseload.lua" "$base/api/caseload") req/s"
echo "  GET /login (no database):         $(rps "$base/login") req/s"
echo "  POST /api/rate_goal (a write):     $(rps -s "$work/rate.lua" "$base/api/rate_goal") req/s"
entries="$(HEARTH_DATA_DIR="$work" DATABASE_URL="${DATABASE_URL:-sqlite://$work/hearth.db}" "$(hearth_bin)" audit verify | tail -n1)"
echo "  after the load: $entries"
