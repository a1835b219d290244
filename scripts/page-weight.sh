#!/usr/bin/env bash
# What each page costs a phone on its first visit, measured against the release build: prints
# figures and the budgets beside them, asserts nothing (record them in notes).
#
#   bash scripts/page-weight.sh [--lighthouse]     (after scripts/build.sh)
#
# For the sign-in page, a parent's /me, a goal page, a family page, the visit form and the
# prompt library: the page's HTML and every asset Chromium loads for it (CSS, JS, wasm, and the
# wasm chunks its islands fetch once awake; scripts/page-assets.mjs), each raw, gzip and brotli
# as Hearth serves them, and the first visit's total. Budgets (issue 14): /me at most
# 150 KB compressed, the sign-in page 60 KB, a staff page 250 KB.
# With --lighthouse, Lighthouse's mobile run (simulated slow 4G, 4x CPU slowdown) on each page,
# with the same Chromium as the end-to-end tests: performance score, LCP, TBT, CLS. Lighthouse
# is installed from npm into ~/.cache/hearth/lighthouse when missing. Only 127.0.0.1 is contacted.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

lighthouse=""
[[ "${1:-}" == "--lighthouse" ]] && lighthouse=1
work="$(mktemp -d /tmp/hearth-weight.XXXXXX)"
cleanup() {
  hearth_stop_measured
  rm -rf -- "$work"
}
trap cleanup EXIT
hearth_start_measured "$work" sqlite

sam="$(hearth_sign_in sam.whitfield%40brookford.example)"
parent="$(hearth_sign_in kelly.ashworth)"
[[ -n "$sam" && -n "$parent" ]] || hearth_die "could not sign in the demo's worker and parent"
own_page="$(curl -s -H "Origin: $base" -H "Cookie: $parent" -X POST "$base/api/own_page")"
goal="$(sed -n 's/.*"goals":\[{"id":"\([0-9a-f-]*\)".*/\1/p' <<<"$own_page")"
family="$(curl -s -H "Origin: $base" -H "Cookie: $sam" -X POST "$base/api/caseload" |
  grep -o '"id":"[0-9a-f-]*","name":"Ashworth"' | head -n1 | cut -d'"' -f4)"
[[ -n "$goal" && -n "$family" ]] || hearth_die "the demo's Ashworth family or Kelly's goal was not found"

# label|path|cookie|budget in KB
routes=(
  "/login (signed out)|/login||60"
  "/me (parent)|/me|$parent|150"
  "goal page (worker)|/families/$family/goals/$goal|$sam|250"
  "family page (worker)|/families/$family|$sam|250"
  "visit form (worker)|/families/$family/workbook/new/visit|$sam|250"
  "/prompts (worker)|/prompts|$sam|250"
)

size() { curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $2" ${3:+-H "Cookie: $3"} "$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

echo "== Page weight, first visit ($(date -u +%Y-%m-%dT%H:%MZ)): KB raw / gzip / brotli"
printf '  %-28s %-6s %8s %8s %8s\n' page part raw gzip brotli
for route in "${routes[@]}"; do
  IFS='|' read -r label path cookie budget <<<"$route"
  html="$(curl -s ${cookie:+-H "Cookie: $cookie"} "$base$path")"
  # The page's title, so a sign-in page or an error shown instead is seen at once.
  title="$(grep -o '<title>[^<]*</title>' <<<"$html" | head -n1 | sed 's/<[^>]*>//g' || true)"
  echo "  -- $label: \"$title\""
  # Every file Chromium loads for the page, the chunks its islands fetch included.
  assets="$(node scripts/page-assets.mjs "$base" "$path" "$cookie")"
  total_raw=0 total_gz=0 total_br=0
  for part in html css js wasm; do
    if [[ "$part" == html ]]; then
      urls="$path"
    else
      urls="$(grep "\.$part\$" <<<"$assets" || true)"
    fi
    raw=0 gz=0 br=0
    for url in $urls; do
      raw=$((raw + $(size "$base$url" identity "$cookie")))
      gz=$((gz + $(size "$base$url" gzip "$cookie")))
      br=$((br + $(size "$base$url" br "$cookie")))
    done
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '  %-28s %-6s %8s %8s %8s\n' "$label" "$part" "$(kb $raw)" "$(kb $gz)" "$(kb $br)"
  done
  verdict="met"
  (( total_br > budget * 1024 )) && verdict="MISSED"
  printf '  %-28s %-6s %8s %8s %8s   budget %s KB compressed: %s\n' "$label" total \
    "$(kb $total_raw)" "$(kb $total_gz)" "$(kb $total_br)" "$budget" "$verdict"
done

[[ -n "$lighthouse" ]] || exit 0
tools="$HOME/.cache/hearth/lighthouse"
if [[ ! -x "$tools/node_modules/.bin/lighthouse" ]]; then
  mkdir -p "$tools"
  npm install --silent --prefix "$tools" lighthouse@12 >/dev/null
fi
echo
echo "== Lighthouse mobile (simulated slow 4G, 4x CPU slowdown), Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
printf '  %-28s %6s %8s %8s %6s\n' page score "LCP s" "TBT ms" CLS
for route in "${routes[@]}"; do
  IFS='|' read -r label path cookie _ <<<"$route"
  headers='{}'
  [[ -z "$cookie" ]] || headers="{\"Cookie\": \"$cookie\"}"
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "$base$path" \
    --only-categories=performance --output=json --output-path="$work/lh.json" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" --extra-headers="$headers" >/dev/null 2>&1 ||
    { printf '  %-28s lighthouse failed\n' "$label"; continue; }
  read -r score lcp tbt cls < <(jq -r '[(.categories.performance.score * 100 | round),
    (.audits["largest-contentful-paint"].numericValue / 1000), (.audits["total-blocking-time"].numericValue | round),
    .audits["cumulative-layout-shift"].numericValue] | @tsv' "$work/lh.json")
  printf '  %-28s %6s %8.2f %8s %6.3f\n' "$label" "$score" "$lcp" "$tbt" "$cls"
done
