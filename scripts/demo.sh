#!/usr/bin/env bash
# README command 1: install what is missing, build, and run Hearth with the
# demo data (made-up families; the demo logins are printed on start).
#
#   bash scripts/demo.sh
#
# Environment (all optional): HEARTH_DATA_DIR (default ./data, holds the SQLite
# database), HEARTH_ADDR (default 127.0.0.1:3000), DATABASE_URL (to use
# PostgreSQL instead), HEARTH_PUBLIC_ORIGIN. Extra arguments go to `hearth demo`.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
bash scripts/setup-tools.sh
bash scripts/build.sh

# shellcheck source=scripts/lib.sh
source scripts/lib.sh
hearth_runtime_env
export HEARTH_DATA_DIR="${HEARTH_DATA_DIR:-./data}"
mkdir -p -- "$HEARTH_DATA_DIR"

echo "demo: starting $(hearth_bin) demo (data in $HEARTH_DATA_DIR, site in $LEPTOS_SITE_ROOT)"
exec "$(hearth_bin)" demo "$@"
