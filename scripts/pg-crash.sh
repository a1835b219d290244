#!/usr/bin/env bash
# Stops a PostgreSQL started by pg-start.sh as a power cut would (`-m immediate`: no checkpoint,
# connections dropped) and starts it again on the same port. For the kill test.
#
#   bash scripts/pg-crash.sh DIR
set -euo pipefail

source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

dir="${1:?usage: pg-crash.sh DIR}"
[[ -e "$dir/.hearth-pg" ]] || hearth_die "$dir was not made by pg-start.sh"
pgbin="$(hearth_pg_bin)" || hearth_die "no PostgreSQL server found"
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd -- "$dir" && runuser -u hearthpg -- "$@")
  else
    (cd -- "$dir" && "$@")
  fi
}
# `restart` starts it with the options it was started with (postmaster.opts), port included.
as_owner "$pgbin/pg_ctl" --pgdata="$dir/data" --log="$dir/postgres.log" \
  --wait --timeout=60 --silent --mode=immediate restart >&2
