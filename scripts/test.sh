#!/usr/bin/env bash
# README command 2: every check the project has, in the order CI runs them.
# Exits non-zero on the first failure.
#
#   bash scripts/test.sh            all of it (.ci/run calls exactly this)
#   bash scripts/test.sh e2e smoke  only the named steps, with the build there is
#                                   (names: tools fmt clippy unit server build
#                                   e2e audit smoke; PostgreSQL starts when needed)
#
#  1. tools            scripts/setup-tools.sh (installs only what is missing)
#  2. format           cargo fmt --check
#  3. clippy           server side (app+ssr, server), browser side (app+hydrate,
#                      frontend on wasm32) and the build task (xtask), warnings
#                      are errors
#  4. (postgres)       a private PostgreSQL on 127.0.0.1 (scripts/pg-start.sh)
#  5. unit tests       cargo test -p app --features ssr, cargo test -p xtask
#  6. server tests     cargo test -p server, on SQLite and on that PostgreSQL
#  7. release build    scripts/build.sh
#  8. e2e (SQLite)     `hearth demo` on a fresh data dir, Playwright's three
#                      projects (hydrated, no-js, phone) against it
#  9. audit (SQLite)   `hearth audit verify` on that data after the run
# 10. smoke (Postgres) `hearth demo` on a fresh PostgreSQL database,
#                      scripts/smoke.sh against it, then `hearth audit verify`
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

started_at=$SECONDS
current_step=""
summary=()
cleanups=() # commands run on exit, last first
server_pid=""
server_log=""

on_exit() {
  local rc=$?
  set +e
  if [[ -n "$server_pid" ]]; then stop_server; fi
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do
    eval "${cleanups[$i]}" >/dev/null 2>&1
  done
  if ((rc != 0)); then
    printf '\n==> test.sh FAILED (exit %d) in step "%s" after %ds\n' "$rc" "$current_step" $((SECONDS - started_at)) >&2
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() {
  local title=$1
  shift
  current_step=$title
  printf '\n==================================================================\n'
  printf '==> [%d] %s\n' $((${#summary[@]} + 1)) "$title"
  printf '==================================================================\n'
  local t0=$SECONDS
  "$@"
  local dt=$((SECONDS - t0))
  printf -- '--> %s: done in %ds\n' "$title" "$dt"
  summary+=("$(printf '%-34s %5ds' "$title" "$dt")")
}

# make_temp_dir VAR NAME: a fresh temporary dir in $VAR, removed on exit.
# (Not $(...): the cleanup must be registered in this shell, not a subshell.)
make_temp_dir() {
  local d
  d="$(mktemp -d "${TMPDIR:-/tmp}/hearth-$2.XXXXXX")"
  cleanups+=("rm -rf -- '$d'")
  printf -v "$1" '%s' "$d"
}

# start_server LOG VAR=VALUE...: starts `hearth demo` in the background with the
# given environment (DATABASE_URL unset unless given) and waits until it answers.
start_server() {
  server_log=$1
  shift
  local addr="" kv
  for kv in "$@"; do
    if [[ "$kv" == HEARTH_ADDR=* ]]; then addr="${kv#HEARTH_ADDR=}"; fi
  done
  [[ -n "$addr" ]] || hearth_die "start_server needs HEARTH_ADDR"
  env -u DATABASE_URL "$@" "$run_bin" demo >"$server_log" 2>&1 &
  server_pid=$!
  echo "started hearth demo (pid $server_pid) on http://$addr, log $server_log"
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null --max-time 2 "http://$addr/login" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "--- hearth exited before answering; its log:" >&2
      cat "$server_log" >&2
      server_pid=""
      hearth_die "hearth demo did not start"
    fi
    if ((SECONDS >= deadline)); then
      echo "--- hearth did not answer GET /login with 200 within 60 s; its log:" >&2
      cat "$server_log" >&2
      hearth_die "hearth demo did not answer in time"
    fi
    sleep 0.5
  done
  echo "hearth answers on http://$addr ($((SECONDS - deadline + 60))s)"
}

stop_server() {
  local pid=$server_pid
  server_pid=""
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "hearth (pid $pid) ignored SIGTERM for 10 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# --- the steps ---------------------------------------------------------------

do_tools() {
  bash scripts/setup-tools.sh
}

do_fmt() {
  cargo fmt --all -- --check
}

do_clippy() {
  echo "+ cargo clippy -p app --features ssr --all-targets -- -D warnings"
  cargo clippy -p app --features ssr --all-targets -- -D warnings
  echo "+ cargo clippy -p server --all-targets -- -D warnings"
  cargo clippy -p server --all-targets -- -D warnings
  echo "+ cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings"
  cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
  echo "+ cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings"
  cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
  echo "+ cargo clippy -p xtask --profile xtask --all-targets -- -D warnings"
  cargo clippy -p xtask --profile xtask --all-targets -- -D warnings
}

pg_dir=""
pg_url=""
do_postgres() {
  pg_dir="$(mktemp -d /tmp/hearth-pg.XXXXXX)"
  cleanups+=("bash scripts/pg-stop.sh '$pg_dir'")
  pg_url="$(bash scripts/pg-start.sh "$pg_dir")"
  echo "PostgreSQL $("$(hearth_pg_bin)/postgres" --version | awk '{print $3}') at $pg_url (data in $pg_dir)"
}

do_unit_tests() {
  cargo test -p app --features ssr
  cargo test -p xtask --profile xtask
}

# The server tests take about five minutes once built; a test that hangs must fail the run
# long before CI's limit, and say so.
SERVER_TESTS_WITHIN=1200

do_server_tests() {
  cargo test -p server --no-run
  local rc=0
  # pg_dump and pg_restore of the same PostgreSQL, for the backup tests.
  HEARTH_TEST_POSTGRES_URL="$pg_url" HEARTH_PG_BIN="$(hearth_pg_bin)" \
    timeout --kill-after=10 "$SERVER_TESTS_WITHIN" cargo test -p server || rc=$?
  if ((rc == 124)); then
    echo "server tests still running after ${SERVER_TESTS_WITHIN}s: a test hangs (look for 'has been running for over 60 seconds' above)" >&2
  fi
  return "$rc"
}

do_build() {
  bash scripts/build.sh
}

# The servers below run a private copy of what build.sh made: the binary,
# hash.txt beside it (leptos reads it from the running binary's dir) and the
# site. Another build in this work tree (which replaces target/site) then
# cannot pull the files from under a running test. LEPTOS_* are exported only
# now: builds read them from the environment.
run_bin=""
use_built_site() {
  [[ -z "$run_bin" ]] || return 0
  local bin site run_dir
  bin="$(hearth_bin)"
  site="$(hearth_site_root)"
  [[ -x "$bin" ]] || hearth_die "$bin is missing: run the build step"
  [[ -d "$site/$(hearth_site_pkg_dir)" ]] || hearth_die "$site/$(hearth_site_pkg_dir) is missing: run the build step"
  make_temp_dir run_dir run
  cp -- "$bin" "$run_dir/hearth"
  if [[ -f "$(dirname -- "$bin")/hash.txt" ]]; then cp -- "$(dirname -- "$bin")/hash.txt" "$run_dir/"; fi
  cp -R -- "$site" "$run_dir/site"
  run_bin="$run_dir/hearth"
  LEPTOS_SITE_ROOT="$run_dir/site"
  export LEPTOS_SITE_ROOT
  hearth_runtime_env
  echo "running a copy of $bin and $site from $run_dir"
  env | grep '^LEPTOS_' | sort
}

e2e_data=""
do_e2e() {
  use_built_site
  make_temp_dir e2e_data e2e-data
  local port
  port="$(hearth_free_port)"
  start_server "$e2e_data/hearth.log" HEARTH_DATA_DIR="$e2e_data" HEARTH_ADDR="127.0.0.1:$port"
  local out="$e2e_data/playwright.out" rc=0
  (
    cd end2end
    HEARTH_E2E_BASE_URL="http://127.0.0.1:$port" HEARTH_E2E_BIN="$run_bin" npx playwright test
  ) 2>&1 | tee "$out" || rc=$?
  stop_server
  if ((rc != 0)); then
    echo "--- last 60 lines of the hearth log ($e2e_data/hearth.log):" >&2
    tail -n 60 "$e2e_data/hearth.log" >&2
    return "$rc"
  fi
  # One closing line in the plain 'N passed, N failed' form for CI's reader.
  local passed skipped
  passed="$(sed -nE 's/^[[:space:]]*([0-9]+) passed.*/\1/p' "$out" | tail -n 1)"
  skipped="$(sed -nE 's/^[[:space:]]*([0-9]+) skipped.*/\1/p' "$out" | tail -n 1)"
  [[ -n "$passed" && "$passed" -gt 0 ]] || hearth_die "Playwright ran no test"
  echo "playwright: ${passed} passed, 0 failed, ${skipped:-0} skipped"
  # A page whose bundle had to be loaded twice is not a failure, but it is not right either.
  local reloaded
  reloaded="$(grep -c 'did not hydrate within 20 s; loading it again' "$out" || true)"
  if ((reloaded > 0)); then
    echo "WARNING: ${reloaded} page(s) woke only when loaded again; their loading state is above"
  fi
}

do_audit_sqlite() {
  [[ -n "$e2e_data" ]] || hearth_die "the audit step checks the data of the e2e step: run both"
  env -u DATABASE_URL HEARTH_DATA_DIR="$e2e_data" "$run_bin" audit verify
}

do_postgres_smoke() {
  use_built_site
  local db="hearth_smoke" port data admin_port
  admin_port="${pg_url##*:}"
  admin_port="${admin_port%%/*}"
  "$(hearth_pg_bin)/createdb" -h 127.0.0.1 -p "$admin_port" -U postgres "$db"
  local url="postgres://postgres@127.0.0.1:$admin_port/$db"
  make_temp_dir data pg-smoke-data
  port="$(hearth_free_port)"
  start_server "$data/hearth.log" DATABASE_URL="$url" HEARTH_DATA_DIR="$data" HEARTH_ADDR="127.0.0.1:$port"
  if ! bash scripts/smoke.sh "http://127.0.0.1:$port"; then
    echo "--- last 60 lines of the hearth log ($data/hearth.log):" >&2
    tail -n 60 "$data/hearth.log" >&2
    return 1
  fi
  stop_server
  echo "+ hearth audit verify (PostgreSQL)"
  env DATABASE_URL="$url" HEARTH_DATA_DIR="$data" "$run_bin" audit verify
}

all_steps=(tools fmt clippy unit server build e2e audit smoke)
if (($# == 0)); then
  selected=("${all_steps[@]}")
else
  selected=("$@")
  for name in "${selected[@]}"; do
    [[ " ${all_steps[*]} " == *" $name "* ]] || hearth_die "unknown step '$name' (steps: ${all_steps[*]})"
  done
fi
wanted() { [[ " ${selected[*]} " == *" $1 "* ]]; }

if wanted tools; then step "Tools" do_tools; fi
if wanted fmt; then step "Format (cargo fmt --check)" do_fmt; fi
if wanted clippy; then step "Clippy (ssr and hydrate)" do_clippy; fi
if wanted server || wanted smoke; then step "Start PostgreSQL" do_postgres; fi
if wanted unit; then step "Tests: app (ssr)" do_unit_tests; fi
if wanted server; then step "Tests: server (SQLite + Postgres)" do_server_tests; fi
if wanted build; then step "Release build" do_build; fi
if wanted e2e; then step "End-to-end (Playwright, SQLite)" do_e2e; fi
if wanted audit; then step "Audit trail verify (SQLite)" do_audit_sqlite; fi
if wanted smoke; then step "Smoke on PostgreSQL" do_postgres_smoke; fi

printf '\n==================================================================\n'
printf '==> Summary\n'
printf '    %s\n' "${summary[@]}"
printf '==> test.sh: all %d steps passed in %ds\n' "${#summary[@]}" $((SECONDS - started_at))
