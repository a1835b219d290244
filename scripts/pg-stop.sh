#!/usr/bin/env bash
# Stops the PostgreSQL server that scripts/pg-start.sh started in DIR and
# removes DIR. Does nothing to a dir that pg-start.sh did not make.
#
#   bash scripts/pg-stop.sh DIR
set -uo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

dir="${1:?usage: pg-stop.sh DIR}"
[[ -d "$dir" ]] || exit 0
[[ -f "$dir/.hearth-pg" ]] || hearth_die "$dir was not made by pg-start.sh; leaving it alone"

if [[ -f "$dir/data/postmaster.pid" ]] && pgbin="$(hearth_pg_bin)"; then
  if [[ $EUID -eq 0 ]]; then
    (cd -- "$dir" && runuser -u hearthpg -- "$pgbin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --silent stop)
  else
    (cd -- "$dir" && "$pgbin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --silent stop)
  fi
fi
rm -rf -- "$dir"
