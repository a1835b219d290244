#!/usr/bin/env bash
# Release build of Hearth: the server binary, the browser bundle (wasm + js, run
# through npm binaryen's wasm-opt) and the stylesheet, then .br and .gz copies of
# every file in the site's pkg dir.
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

command -v cargo-leptos >/dev/null 2>&1 || hearth_die "cargo-leptos is missing: run bash scripts/setup-tools.sh"
command -v wasm-bindgen >/dev/null 2>&1 || hearth_die "wasm-bindgen is missing: run bash scripts/setup-tools.sh"
[[ "$(command -v wasm-opt || true)" == "$HEARTH_ROOT/end2end/node_modules/.bin/wasm-opt" ]] ||
  hearth_die "wasm-opt must be npm binaryen's (end2end/node_modules/.bin); run bash scripts/setup-tools.sh"

# cargo-leptos 0.3.10 looks for the server at <target>/release/<bin-package>
# (release/server) unless bin-exe-name says otherwise, and fails after a good
# build when it is not there. Our binary is `hearth`. (Cargo.toml's
# [[workspace.metadata.leptos]] should say bin-exe-name = "hearth" too, for
# `cargo leptos serve` and `watch`; the variable overrides it either way.)
export LEPTOS_BIN_EXE_NAME="${LEPTOS_BIN_EXE_NAME:-hearth}"

echo "build: cargo leptos build --release (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
cargo leptos build --release

bin="$(hearth_bin)"
site="$(hearth_site_root)"
pkg="$site/$(hearth_site_pkg_dir)"
[[ -x "$bin" ]] || hearth_die "cargo leptos build finished but $bin is missing"
[[ -f "$(dirname -- "$bin")/hash.txt" ]] ||
  hearth_die "$(dirname -- "$bin")/hash.txt is missing (hash-files = true in Cargo.toml); leptos could not name the hashed files"
[[ -d "$pkg" ]] || hearth_die "cargo leptos build finished but $pkg is missing"

node scripts/precompress.mjs "$pkg"

echo "build: server  $bin ($(du -h "$bin" | cut -f1))"
echo "build: site    $site"
echo "build: hashes  $(tr '\n' ' ' <"$(dirname -- "$bin")/hash.txt")"
