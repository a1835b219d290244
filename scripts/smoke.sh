#!/usr/bin/env bash
# A small HTTP check of a running Hearth with the demo data, with curl only:
# the sign-in page answers, a demo practitioner signs in with a plain form POST
# (as a browser without JavaScript does), gets a session cookie and sees their
# families; a cross-site POST is refused. test.sh runs it against the server on
# PostgreSQL (the Playwright suite covers the SQLite one in depth).
#
#   bash scripts/smoke.sh http://127.0.0.1:3000
set -euo pipefail

base="${1:?usage: smoke.sh BASE_URL}"
base="${base%/}"
jar="$(mktemp)"
body="$(mktemp)"
trap 'rm -f -- "$jar" "$body"' EXIT

fail() {
  printf 'smoke: FAILED: %s\n' "$*" >&2
  if [[ -s "$body" ]]; then
    echo "smoke: response body (first 40 lines):" >&2
    head -n 40 "$body" >&2
  fi
  exit 1
}

# status URL [curl args...]: prints the status code, body into $body
status() {
  local url=$1
  shift
  curl -sS --max-time 20 -o "$body" -w '%{http_code}' -b "$jar" -c "$jar" "$@" "$url"
}

code="$(status "$base/login")"
[[ "$code" == 200 ]] || fail "GET /login answered $code, expected 200"
grep -q 'Sign in to Hearth' "$body" || fail "GET /login has no \"Sign in to Hearth\""
echo "smoke: GET /login 200"

code="$(status "$base/api/sign_in" -X POST \
  -H "Origin: $base" -H "Referer: $base/login" -H 'Accept: text/html' \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'login=sam.whitfield@brookford.example' \
  --data-urlencode 'password=hearth-demo')"
[[ "$code" =~ ^(200|302|303)$ ]] || fail "POST /api/sign_in answered $code, expected a redirect or 200"
grep -q $'\t' "$jar" || fail "POST /api/sign_in set no cookie that curl keeps (a __Host-/Secure cookie over plain http is dropped)"
echo "smoke: POST /api/sign_in $code, session cookie set"

code="$(status "$base/families")"
[[ "$code" == 200 ]] || fail "GET /families with the session cookie answered $code, expected 200"
grep -q 'My families' "$body" || fail "GET /families has no \"My families\""
grep -q 'The Ashworth family' "$body" || fail "GET /families does not list The Ashworth family"
echo "smoke: GET /families 200, lists The Ashworth family"

code="$(status "$base/api/sign_in" -X POST \
  -H 'Origin: https://evil.example' \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'login=sam.whitfield@brookford.example' \
  --data-urlencode 'password=hearth-demo')"
[[ "$code" == 403 ]] || fail "cross-site POST /api/sign_in answered $code, expected 403"
echo "smoke: cross-site POST /api/sign_in 403"
echo "smoke: all checks passed against $base"
