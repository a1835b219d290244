# shellcheck shell=bash
# Sourced (never run) by the other scripts in this folder. Safe to source twice.
#
# - puts cargo's bin dir and end2end/node_modules/.bin on PATH. The second one
#   gives `cargo leptos` (for those who use it) the wasm-opt of npm's `binaryen`
#   package: Debian's binaryen must never be used (its wasm-opt silently breaks
#   hydration). `cargo xtask build` finds it there by path.
# - builds outside the work tree, in $HOME/.cache/hearth/target, unless
#   CARGO_TARGET_DIR (or CARGO_BUILD_TARGET_DIR) is already set, so that a fresh
#   clone on the same machine reuses the compiled dependencies.
#   `cargo xtask build`, like cargo-leptos 0.3.10, puts the server binary (and
#   hash.txt beside it) there and the wasm build in <target>/front. The site
#   stays where Cargo.toml's site-root says ("target/site", relative to the
#   workspace); see hearth_site_root in lib.sh.

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

# Two checkouts on one machine share that target dir, and cargo judges our own crates by the
# mtimes of their sources against the last build, whichever checkout made it: a file edited
# here before another checkout's build would look already built. So when the last build came
# from elsewhere, our sources are marked newer (dependencies stay cached). Two checkouts
# building at the same time still race: build one after the other.
hearth_checkout_mark="$CARGO_TARGET_DIR/.hearth-checkout"
if [[ "$(cat "$hearth_checkout_mark" 2>/dev/null)" != "$HEARTH_ROOT" ]]; then
  find "$HEARTH_ROOT/app" "$HEARTH_ROOT/server" "$HEARTH_ROOT/frontend" -type f \
    -not -path '*/node_modules/*' -exec touch {} + 2>/dev/null || true
  mkdir -p "$CARGO_TARGET_DIR" && printf '%s\n' "$HEARTH_ROOT" >"$hearth_checkout_mark"
fi
unset hearth_checkout_mark
