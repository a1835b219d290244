# shellcheck shell=bash
# Sourced (never run) by the other scripts in this folder. Safe to source twice.
#
# - puts cargo's bin dir and end2end/node_modules/.bin on PATH. The second one
#   gives cargo-leptos the wasm-opt of npm's `binaryen` package: Debian's
#   binaryen must never be used (its wasm-opt silently breaks hydration).
# - builds outside the work tree, in $HOME/.cache/hearth/target, unless
#   CARGO_TARGET_DIR (or CARGO_BUILD_TARGET_DIR) is already set, so that a fresh
#   clone on the same machine reuses the compiled dependencies.
#   cargo-leptos 0.3.10 honours it: it takes cargo metadata's target_directory
#   for the server binary (and hash.txt beside it) and for the wasm build
#   (<target>/front). The site stays where Cargo.toml's site-root says
#   ("target/site", relative to the workspace); see hearth_site_root in lib.sh.

HEARTH_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"

case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) PATH="$HOME/.cargo/bin:$PATH" ;;
esac
case ":$PATH:" in
  *":$HEARTH_ROOT/end2end/node_modules/.bin:"*) ;;
  *) PATH="$HEARTH_ROOT/end2end/node_modules/.bin:$PATH" ;;
esac
export PATH

if [[ -z "${CARGO_TARGET_DIR:-}" ]]; then
  CARGO_TARGET_DIR="${CARGO_BUILD_TARGET_DIR:-$HOME/.cache/hearth/target}"
fi
case "$CARGO_TARGET_DIR" in
  /*) ;;
  *) CARGO_TARGET_DIR="$HEARTH_ROOT/$CARGO_TARGET_DIR" ;;
esac
export CARGO_TARGET_DIR
