#!/usr/bin/env bash
# Sign-in under attack, measured: prints figures and asserts nothing (record them in your notes).
#
#   bash scripts/flood.sh [sqlite|postgres] [attempts]     (after scripts/build.sh; 400 attempts)
#
# - a flood: `attempts` sign-ins to unknown logins, all at once, each from its own address, while a
#   signed-in worker keeps opening their caseload: the server's peak memory (VmHWM), how the
#   attempts were answered, and the worker's page time during the flood (median / p95 / max);
# - parallel guesses: 40 wrong passwords for one login at once, and how many were checked;
# - a visit saved during a flood of guesses: how long the save took.
# Only 127.0.0.1 is ever contacted; every load stops by itself.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

backend="${1:-sqlite}"
attempts="${2:-400}"
work="$(mktemp -d /tmp/hearth-flood.XXXXXX)"
cleanup() {
  hearth_stop_measured
  rm -rf -- "$work"
}
trap cleanup EXIT
# As if behind one proxy of the council's own, so each attempt can come from an address of its
# own (X-Forwarded-For): a flood from many machines, not one the per-address limit stops early.
HEARTH_TRUSTED_PROXIES=1 RUST_LOG=error hearth_start_measured "$work" "$backend"

origin=(-H "Origin: $base" -H 'Accept: application/json')
sign_in() {
  curl -s -D - -o /dev/null "${origin[@]}" --data "login=$1&password=hearth-demo" "$base/api/sign_in" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1
}
cookie="$(sign_in 'sam.whitfield%40brookford.example')"
[[ -n "$cookie" ]] || hearth_die "could not sign in"
family="$(curl -s "${origin[@]}" -H "Cookie: $cookie" --data '' "$base/api/caseload" | grep -o '"id":"[0-9a-f-]*"' | head -n1 | cut -d'"' -f4)"
kib() { awk -v k="$1" '/^VmHWM|^VmRSS/ { if ($1 == k":") print $2 }' "/proc/$server_pid/status"; }

echo "== Hearth under a sign-in flood ($backend, $(nproc) cores, $attempts attempts, $(date -u +%Y-%m-%dT%H:%MZ))"
echo "  memory before: $(( $(kib VmRSS) / 1024 )) MiB resident, peak so far $(( $(kib VmHWM) / 1024 )) MiB"

# The worker's caseload page, opened again and again while the flood runs.
watch_page() {
  while [[ ! -f "$work/flood.done" ]]; do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "Cookie: $cookie" "$base/families"
  done >"$work/page.times"
}
watch_page &
watcher=$!
started=$(date +%s.%N)
# Attempt i comes from 10.1.(i / 250).(i % 250).
addr() { echo "10.1.$(( $1 / 250 )).$(( $1 % 250 ))"; }
export -f addr
export base
seq 1 "$attempts" | xargs -P "$attempts" -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" \
  -H "Origin: $base" -H "Accept: application/json" -H "X-Forwarded-For: $(addr {})" \
  --data "login=stranger{}%40nowhere.example&password=not-a-password" "$base/api/sign_in"' \
  >"$work/flood.codes"
ended=$(date +%s.%N)
touch "$work/flood.done"
wait "$watcher"
echo "  flood answered in $(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.1f", b - a }') s:" \
  "$(sort "$work/flood.codes" | uniq -c | awk '{ printf "%s × %s  ", $1, $2 }')"
echo "  memory peak during the flood: $(( $(kib VmHWM) / 1024 )) MiB"
sort -n "$work/page.times" | awk '{ t[NR] = $1 * 1000; if ($2 != 200) bad++ }
  END { printf "  signed-in page during the flood (%d loads, %d not 200): median %.0f ms, p95 %.0f ms, max %.0f ms\n",
    NR, bad, t[int(NR*0.5)+1], t[int(NR*0.95)+1], t[NR] }'

echo
echo "-- 40 wrong passwords for one login at once, each from its own address"
seq 1 40 | xargs -P 40 -I{} bash -c 'curl -s -o /dev/null -w "%{http_code}\n" \
  -H "Origin: $base" -H "Accept: application/json" -H "X-Forwarded-For: 10.2.0.{}" \
  --data "login=priya.nair%40brookford.example&password=guess{}" "$base/api/sign_in"' >"$work/guess.codes"
echo "  checked (422): $(grep -c 422 "$work/guess.codes" || true); refused (429): $(grep -c 429 "$work/guess.codes" || true)"

echo
echo "-- a visit saved while guesses flood in"
rm -f "$work/flood.done"
(seq 1 "$attempts" | xargs -P 100 -I{} bash -c 'curl -s -o /dev/null \
  -H "Origin: $base" -H "Accept: application/json" -H "X-Forwarded-For: $(addr {})" \
  --data "login=stranger{}%40elsewhere.example&password=x" "$base/api/sign_in"') &
flood=$!
sleep 0.5
today="$(date -u +%Y-%m-%d)"
save_ms="$(curl -s -o /dev/null -w '%{time_total}' "${origin[@]}" -H "Cookie: $cookie" \
  --data "family=$family&entry=$(cat /proc/sys/kernel/random/uuid)&version=&kind=visit&occurred_on=$today&summary=Seen+at+home" \
  "$base/api/save_entry" | awk '{ printf "%.0f", $1 * 1000 }')"
wait "$flood"
echo "  the visit saved in $save_ms ms"
