#!/usr/bin/env bash
# Starts a private, throwaway PostgreSQL server for tests and prints its URL:
#
#   url=$(bash scripts/pg-start.sh /tmp/some-empty-dir)
#   ...   # postgres://postgres@127.0.0.1:PORT/postgres
#   bash scripts/pg-stop.sh /tmp/some-empty-dir
#
# DIR is created if missing (default: a new mktemp dir, whose path is then
# printed on stderr). The cluster lives in DIR/data, its log in DIR/postgres.log,
# its unix socket in DIR. It listens on 127.0.0.1 only, on a free port, with
# trust authentication for 127.0.0.1 only, and with durability switched off
# (fsync, synchronous_commit, full_page_writes) unless HEARTH_PG_DURABLE=1: it is
# for tests only.
#
# initdb refuses to run as root, so as root the server runs as the system user
# `hearthpg` (created here if missing). Only the URL goes to stdout.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

dir="${1:-}"
if [[ -z "$dir" ]]; then
  dir="$(mktemp -d /tmp/hearth-pg.XXXXXX)"
  echo "pg-start: using $dir" >&2
fi
mkdir -p -- "$dir"
dir="$(cd -- "$dir" && pwd -P)"
[[ ! -e "$dir/data" ]] || hearth_die "$dir/data already exists; give pg-start.sh an empty dir"
touch "$dir/.hearth-pg" # pg-stop.sh removes only dirs that carry this mark

pgbin="$(hearth_pg_bin)" || hearth_die "no PostgreSQL server found under /usr/lib/postgresql/*/bin (run scripts/setup-tools.sh)"

# Runs a command as the cluster's owner, from inside the cluster's dir (the
# owner may not be allowed into the caller's working directory).
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd -- "$dir" && runuser -u hearthpg -- "$@")
  else
    (cd -- "$dir" && "$@")
  fi
}

if [[ $EUID -eq 0 ]]; then
  if ! id -u hearthpg >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin --comment "Hearth test PostgreSQL" hearthpg
  fi
  chown hearthpg:hearthpg "$dir" "$dir/.hearth-pg"
fi
chmod 700 "$dir"

as_owner "$pgbin/initdb" --pgdata="$dir/data" --username=postgres \
  --auth=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  hearth_die "initdb failed"
}
# trust, and nothing but: the socket in the private dir, and 127.0.0.1.
as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF

# Tests throw their databases away, so they skip waiting for the disk. HEARTH_PG_DURABLE=1 keeps
# PostgreSQL's defaults: what a commit's answer promises then survives the server's crash.
speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[[ "${HEARTH_PG_DURABLE:-}" == 1 ]] && speed=""

for attempt in 1 2 3 4 5; do
  port="$(hearth_free_port)"
  if as_owner "$pgbin/pg_ctl" --pgdata="$dir/data" --log="$dir/postgres.log" \
    --wait --timeout=60 --silent \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200 $speed" \
    start >&2; then
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    exit 0
  fi
  echo "pg-start: start on port $port failed (attempt $attempt)" >&2
done
tail -n 30 "$dir/postgres.log" >&2 || true
hearth_die "PostgreSQL did not start"
