# shellcheck shell=bash
# Helpers shared by build.sh, demo.sh, test.sh and the PostgreSQL scripts.
# Sourced, never run. Sources env.sh.

# shellcheck source=scripts/env.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/env.sh"

hearth_die() {
  printf '\nERROR: %s\n' "$*" >&2
  exit 1
}

# The value of a key in the [[workspace.metadata.leptos]] table of Cargo.toml.
hearth_leptos_setting() {
  local key=$1
  awk -v key="$key" '
    /^\[\[?workspace\.metadata\.leptos\]\]?/ { inside = 1; next }
    /^\[/ { inside = 0 }
    inside && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" {
      sub(/^[^=]*=[[:space:]]*/, ""); sub(/[[:space:]]*(#.*)?$/, ""); gsub(/"/, "");
      print; exit
    }' "$HEARTH_ROOT/Cargo.toml"
}

# Where cargo-leptos writes the site. A site-root of "target/site" is taken
# relative to the workspace (cargo-leptos 0.3.10 does not move it under
# CARGO_TARGET_DIR); only a site-root that starts with the marker
# "CARGO_TARGET_DIR/" lands there. If the expected dir has no pkg/ but the other
# one has, the other one wins, so a change of site-root does not break us.
hearth_site_root() {
  local configured expected other
  configured="$(hearth_leptos_setting site-root)"
  configured="${configured:-CARGO_TARGET_DIR/site}"
  case "$configured" in
    CARGO_TARGET_DIR/* | CARGO_BUILD_TARGET_DIR/*)
      expected="$CARGO_TARGET_DIR/${configured#*/}"
      other="$HEARTH_ROOT/target/site" ;;
    /*)
      expected="$configured"
      other="$CARGO_TARGET_DIR/site" ;;
    *)
      expected="$HEARTH_ROOT/$configured"
      other="$CARGO_TARGET_DIR/site" ;;
  esac
  if [[ ! -d "$expected/$(hearth_site_pkg_dir)" && -d "$other/$(hearth_site_pkg_dir)" ]]; then
    echo "$other"
  else
    echo "$expected"
  fi
}

hearth_site_pkg_dir() {
  local pkg
  pkg="$(hearth_leptos_setting site-pkg-dir)"
  echo "${pkg:-pkg}"
}

# HEARTH_BIN measures another build, such as a copy kept from an earlier commit.
hearth_bin() {
  echo "${HEARTH_BIN:-$CARGO_TARGET_DIR/release/hearth}"
}

# Environment the release binary needs when it is started by hand rather than
# by `cargo leptos serve`. leptos reads these at run time; without
# LEPTOS_HASH_FILES=true the pages would name pkg/hearth.js instead of the
# hashed file names that hash.txt (beside the binary) records.
hearth_runtime_env() {
  export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$(hearth_site_root)}"
  export LEPTOS_SITE_PKG_DIR="${LEPTOS_SITE_PKG_DIR:-$(hearth_site_pkg_dir)}"
  export LEPTOS_OUTPUT_NAME="${LEPTOS_OUTPUT_NAME:-hearth}"
  export LEPTOS_HASH_FILES="${LEPTOS_HASH_FILES:-true}"
  export LEPTOS_HASH_FILE_NAME="${LEPTOS_HASH_FILE_NAME:-hash.txt}"
  export LEPTOS_ENV="${LEPTOS_ENV:-PROD}"
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
hearth_free_port() {
  local port tries
  if command -v python3 >/dev/null 2>&1 &&
    port="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' 2>/dev/null)" && [[ -n "$port" ]]; then
    echo "$port"
    return 0
  fi
  for ((tries = 0; tries < 200; tries++)); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  hearth_die "no free TCP port found on 127.0.0.1"
}

# The bin dir of the newest PostgreSQL server installed from Debian's packages.
hearth_pg_bin() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" ]] || continue
    if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$dir" | sort -V | tail -n 1)" == "$dir" ]]; then
      best="$dir"
    fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}


# Starts the release binary with demo data for a measuring script, on a free port, with its
# database in $1 (SQLite) or, with $2 = postgres, on a private PostgreSQL of its own. Sets
# server_pid, base and pg_dir, and waits until it answers. The caller's EXIT trap calls
# hearth_stop_measured. Variables set on the call (HEARTH_TRUSTED_PROXIES=1 …) reach the server.
hearth_start_measured() {
  local work="$1" backend="$2" port bin
  bin="$(hearth_bin)"
  [[ -x "$bin" ]] || hearth_die "build first: bash scripts/build.sh"
  port="$(hearth_free_port)"
  base="http://127.0.0.1:$port"
  if [[ "$backend" == postgres ]]; then
    # A directory of its own: the server runs as an unprivileged user who cannot enter $work.
    pg_dir="$(mktemp -d /tmp/hearth-measure-pg.XXXXXX)"
    DATABASE_URL="$(bash scripts/pg-start.sh "$pg_dir")"
    export DATABASE_URL
  fi
  HEARTH_DATA_DIR="$work" HEARTH_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$(hearth_site_root)" \
    RUST_LOG="${RUST_LOG:-warn}" "$bin" demo >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$base/login" && return 0; sleep 0.2; done
  hearth_die "the server did not answer (see $work/server.log)"
}

# The session cookie (name=value) of a demo account signed in at $base, or nothing when refused.
# $1 is the login, URL-encoded (sam.whitfield%40brookford.example).
hearth_sign_in() {
  curl -s -D - -o /dev/null -H "Origin: $base" -H 'Accept: application/json' \
    --data "login=$1&password=hearth-demo" "$base/api/sign_in" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1
}

hearth_stop_measured() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "${pg_dir:-}" ]] && bash scripts/pg-stop.sh "$pg_dir" >/dev/null 2>&1 || true
}
