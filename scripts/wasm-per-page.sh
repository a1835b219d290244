#!/usr/bin/env bash
# Shows that a page without islands adds nothing to the browser bundle: builds the wasm of
# the committed tree twice, as it is and with one more page (a copy of the chronology page,
# with its own route and server call), and prints both sizes and whether the linked bundles
# are byte for byte the same. Pages are server components; only islands reach the wasm.
#
#   bash scripts/wasm-per-page.sh      (about 3 minutes warm; the first run builds the
#                                       dependencies once, into <target>/wasm-per-page)
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

work="$(mktemp -d "${TMPDIR:-/tmp}/hearth-wasm-per-page.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
probe_target="$CARGO_TARGET_DIR/wasm-per-page"

mkdir -p "$work/as-is" "$work/one-more-page"
git archive HEAD | tar -x -C "$work/as-is"
git archive HEAD | tar -x -C "$work/one-more-page"

# The extra page: the chronology page under another name and address.
page="$work/one-more-page/app/src/pages"
sed 's/ChronologyPage/ChronologyCopyPage/g' "$page/chronology.rs" >"$page/chronology_copy.rs"
printf 'pub mod chronology_copy;\n' >>"$page/mod.rs"
app_rs="$work/one-more-page/app/src/app.rs"
grep -q 'pages::chronology::ChronologyPage' "$app_rs" ||
  hearth_die "app.rs no longer routes the chronology page; update this script"
sed -i 's|\(\( *\)<Route path=path!("/families/:id/chronology") view=pages::chronology::ChronologyPage \(.*\)\)$|\1\n\2<Route path=path!("/families/:id/chronology-copy") view=pages::chronology_copy::ChronologyCopyPage \3|' "$app_rs"
grep -q 'ChronologyCopyPage' "$app_rs" || hearth_die "could not add the route"

bundle() {
  local tree=$1
  (cd "$tree" && cargo build --quiet -p frontend --lib --no-default-features \
    --target wasm32-unknown-unknown --profile wasm-release --target-dir "$probe_target")
  cp "$probe_target/wasm32-unknown-unknown/wasm-release/frontend.wasm" "$tree.wasm"
}

# The linker's output, before wasm-split, wasm-bindgen and wasm-opt: those are deterministic,
# so the same input gives the same site.
report() {
  printf '%-16s %s bytes, sha256 %s\n' "$2" "$(stat -c %s "$1.wasm")" "$(sha256sum "$1.wasm" | cut -c1-16)"
}

echo "building the bundle as committed ($(git rev-parse --short HEAD))"
bundle "$work/as-is"
echo "building it with one more page (/families/:id/chronology-copy)"
bundle "$work/one-more-page"
report "$work/as-is" "as committed"
report "$work/one-more-page" "one more page"
if cmp -s "$work/as-is.wasm" "$work/one-more-page.wasm"; then
  echo "the two bundles are identical: the page added 0 bytes of wasm"
else
  echo "the bundles differ: the page reached the wasm"
  exit 1
fi
