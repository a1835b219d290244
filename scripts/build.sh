#!/usr/bin/env bash
# Release build of Hearth: the server binary, the browser bundle (wasm + js, run
# through npm binaryen's wasm-opt and esbuild) and the stylesheet (lightningcss),
# by `cargo xtask build`; then .br and .gz copies of every file in the site's pkg
# dir.
#
#   bash scripts/build.sh          (run scripts/setup-tools.sh once before)
#
# Results:
#   $CARGO_TARGET_DIR/release/hearth        the server (hash.txt beside it)
#   <site root>/pkg/*                       printed at the end; start the server
#                                           with LEPTOS_SITE_ROOT set to it
#                                           (scripts/demo.sh and test.sh do)
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

for tool in wasm-opt esbuild lightningcss; do
  [[ -x "$HEARTH_ROOT/end2end/node_modules/.bin/$tool" ]] ||
    hearth_die "$tool is missing from end2end/node_modules: run bash scripts/setup-tools.sh"
done

# The build task (xtask/) does what `cargo leptos build --release` does, with the libraries
# cargo-leptos uses, so nothing has to be installed with `cargo install` (decision 22).
echo "build: cargo xtask build (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo xtask build

bin="$(hearth_bin)"
site="$(hearth_site_root)"
pkg="$site/$(hearth_site_pkg_dir)"
[[ -x "$bin" ]] || hearth_die "the build finished but $bin is missing"
[[ -f "$(dirname -- "$bin")/hash.txt" ]] ||
  hearth_die "$(dirname -- "$bin")/hash.txt is missing (hash-files = true in Cargo.toml); leptos could not name the hashed files"
[[ -d "$pkg" ]] || hearth_die "the build finished but $pkg is missing"

node scripts/precompress.mjs "$pkg"

echo "build: server  $bin ($(du -h "$bin" | cut -f1))"
echo "build: site    $site"
echo "build: hashes  $(tr '\n' ' ' <"$(dirname -- "$bin")/hash.txt")"
