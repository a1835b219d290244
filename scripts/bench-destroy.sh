#!/usr/bin/env bash
# What destroying a family costs, on SQLite, against the release build with the demo data: the
# demo's richest family (Ashworth) is closed 40 years back, read 50 times by the information
# governance officer (entries the destruction will erase), then destroyed through the server
# function as the "Retention" page does. Prints the time, the file's size before and after, the
# entries erased, whether the family's name is left anywhere in the file, and the trail's
# verdict. Prints figures, asserts nothing.
#
#   bash scripts/bench-destroy.sh        (after scripts/build.sh)
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
command -v sqlite3 >/dev/null || hearth_die "sqlite3 is needed: apt-get install -y sqlite3"

work="$(mktemp -d /tmp/hearth-destroy.XXXXXX)"
cleanup() {
  hearth_stop_measured
  rm -rf -- "$work"
}
trap cleanup EXIT
hearth_start_measured "$work" sqlite
db="$work/hearth.db"

cookie="$(hearth_sign_in hana.ito%40brookford.example)"
[[ -n "$cookie" ]] || hearth_die "could not sign in the demo's information governance officer"
family="$(sqlite3 "$db" "SELECT id FROM families WHERE name = 'Ashworth'")"
sqlite3 "$db" "UPDATE families SET closed_on = '1986-04-30' WHERE id = '$family'"
for _ in $(seq 1 50); do
  curl -s -o /dev/null -H "Origin: $base" -H "Cookie: $cookie" --data "family=$family" \
    "$base/api/family_disposal"
done
echo "before: database $(stat -c %s "$db") B, $(sqlite3 "$db" 'SELECT COUNT(*) FROM audit_log') audit entries"
curl -s -o /dev/null -w "destroy_family: HTTP %{http_code} in %{time_total} s\n" \
  -H "Origin: $base" -H "Cookie: $cookie" --data "family=$family&confirm%5B%5D=yes" \
  "$base/api/destroy_family"
echo "after: database $(stat -c %s "$db") B, write-ahead log $(stat -c %s "$db-wal" 2>/dev/null || echo 0) B"
sqlite3 "$db" "SELECT 'erased audit entries: ' || erased_entries FROM destroyed_families"
hearth_stop_measured
server_pid=""
echo "\"Ashworth\" in the file and its log: $(cat "$db" "$db-wal" 2>/dev/null | grep -c -a Ashworth || true) lines"
HEARTH_DATA_DIR="$work" "$(hearth_bin)" audit verify
