#!/usr/bin/env bash
# How long a subject access request takes to gather, and how big its disclosure is, for a demo
# parent (Kelly Ashworth, of the demo's richest family), against a running Hearth with the demo
# data. With curl only: signs in as the demo's information governance officer, logs a request,
# times the review page's data (every passage gathered) RUNS times, says it is ready, has the
# team manager approve it, then times and weighs the document (JSON and the printable page).
#
#   bash scripts/bench-disclosure.sh http://127.0.0.1:3000 [RUNS]
set -euo pipefail

base="${1:?usage: bench-disclosure.sh BASE_URL [RUNS]}"
base="${base%/}"
runs="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT

fail() {
  printf 'bench-disclosure: FAILED: %s\n' "$*" >&2
  [[ -s "$work/body" ]] && head -c 600 "$work/body" >&2 && echo >&2
  exit 1
}

# call JAR FUNCTION [--data-urlencode k=v ...]: POSTs to a server function, body in $work/body,
# prints the status.
call() {
  local jar=$1 function=$2
  shift 2
  curl -sS --max-time 60 -o "$work/body" -w '%{http_code}' -b "$jar" -c "$jar" \
    -X POST -H "Origin: $base" -H 'Content-Type: application/x-www-form-urlencoded' \
    "$@" "$base/api/$function"
}

sign_in() {
  local jar=$1 login=$2
  local code
  code="$(call "$jar" sign_in --data-urlencode "login=$login" --data-urlencode 'password=hearth-demo')"
  [[ "$code" =~ ^(200|302|303)$ ]] || fail "signing in as $login answered $code"
}

# json EXPR: reads $work/body as JSON and prints EXPR of it (node, which the project has).
json() {
  node -e "const d = JSON.parse(require('fs').readFileSync('$work/body', 'utf8')); console.log($1)"
}

hana="$work/hana" maya="$work/maya"
sign_in "$hana" hana.ito@brookford.example
sign_in "$maya" maya.okafor@brookford.example

code="$(call "$hana" find_request_subject -H 'Accept: text/html' --data-urlencode 'name=Kelly Ashworth' -D "$work/headers")"
found="$(grep -i '^location:' "$work/headers" | sed -E 's/.*found=([0-9a-f-]+).*/\1/' | tr -d '\r')"
[[ -n "$found" ]] || fail "the search gave no held id ($code)"
code="$(call "$hana" request_subjects --data-urlencode "found=$found")"
[[ "$code" == 200 ]] || fail "request_subjects answered $code"
member="$(json 'd.subjects[0].member_id')"

request="$(node -e 'console.log(require("crypto").randomUUID())')"
code="$(call "$hana" log_information_request --data-urlencode "request=$request" \
  --data-urlencode "member=$member" --data-urlencode "received_on=$(date +%F)" \
  --data-urlencode 'identity_checked_on=' --data-urlencode 'requester=')"
[[ "$code" =~ ^(200|302|303)$ ]] || fail "logging the request answered $code"

times=()
for ((i = 0; i < runs; i++)); do
  t="$(curl -sS --max-time 60 -o "$work/body" -w '%{time_total}' -b "$hana" -X POST \
    -H "Origin: $base" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode "request=$request" "$base/api/disclosure_review")"
  times+=("$t")
done
passages="$(json 'd.passages.length')"
version="$(json 'd.version')"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f", m*1000}'; }
p95() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }
echo "gathering for Kelly Ashworth: $passages passages; median $(median "${times[@]}") ms, p95 $(p95 "${times[@]}") ms over $runs runs (disclosure_review, one request at a time)"

review_bytes="$(curl -sS --max-time 60 -o "$work/review.html" -w '%{size_download}' -b "$hana" "$base/information-requests/$request/review")"
grep -q 'Review the disclosure for Kelly Ashworth' "$work/review.html" || fail "the review page has no heading"
echo "review page: $review_bytes bytes ($(gzip -9c "$work/review.html" | wc -c) gzip), every passage with its withholding form"

code="$(call "$hana" review_disclosure --data-urlencode "request=$request" --data-urlencode "version=$version")"
[[ "$code" =~ ^(200|302|303)$ ]] || fail "saying it is ready answered $code"
code="$(call "$maya" disclosure_review --data-urlencode "request=$request")"
version="$(json 'd.version')"
code="$(call "$maya" approve_disclosure --data-urlencode "request=$request" --data-urlencode "version=$version")"
[[ "$code" =~ ^(200|302|303)$ ]] || fail "approving answered $code"

t="$(curl -sS --max-time 60 -o "$work/doc.json" -w '%{time_total}' -b "$hana" -X POST \
  -H "Origin: $base" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode "request=$request" "$base/api/disclosure_document")"
json_bytes="$(wc -c <"$work/doc.json")"
t_page="$(curl -sS --max-time 60 -o "$work/doc.html" -w '%{time_total}' -b "$hana" "$base/information-requests/$request/disclosure")"
html_bytes="$(wc -c <"$work/doc.html")"
html_gzip="$(gzip -9c "$work/doc.html" | wc -c)"
grep -q 'The information we hold about Kelly Ashworth' "$work/doc.html" || fail "the document page has no heading"
printf 'document: JSON %d bytes in %.1f ms; printable page %d bytes (%d gzip) in %.1f ms\n' \
  "$json_bytes" "$(awk -v t="$t" 'BEGIN { print t * 1000 }')" "$html_bytes" "$html_gzip" "$(awk -v t="$t_page" 'BEGIN { print t * 1000 }')"
