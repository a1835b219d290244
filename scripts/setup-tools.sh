#!/usr/bin/env bash
# Installs what building, demoing and testing Hearth needs, and only what is
# missing. Idempotent; when everything is there it takes a second or two and
# touches no network.
#
#   bash scripts/setup-tools.sh
#
# - Debian packages: chromium (for Playwright), postgresql (only if no initdb is
#   found under /usr/lib/postgresql/*/bin), curl. `apt-get update` runs only when
#   one of them has to be installed.
# - rustup: the wasm32-unknown-unknown target, rustfmt and clippy.
# - `npm ci` in end2end/ (Playwright, axe, and the prebuilt tools release builds
#   use: npm's binaryen for wasm-opt, esbuild, lightningcss) when node_modules is
#   missing or older than the lock file. Never `npx playwright install`: the
#   browser is Debian's /usr/bin/chromium.
#
# Nothing is installed with `cargo install`: the release build is a crate of the
# workspace (`cargo xtask build`, decision 22). Developers who want
# `cargo leptos watch` install cargo-leptos themselves.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

say() { printf 'setup-tools: %s\n' "$*"; }

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    hearth_die "need root (or sudo) to run: $*"
  fi
}

# --- Debian packages -------------------------------------------------------
apt_missing=()
[[ -x /usr/bin/chromium ]] || apt_missing+=(chromium)
hearth_pg_bin >/dev/null || apt_missing+=(postgresql)
command -v curl >/dev/null 2>&1 || apt_missing+=(curl)
if ((${#apt_missing[@]})); then
  say "installing Debian packages: ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q "${apt_missing[@]}"
  hearth_pg_bin >/dev/null || hearth_die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"
fi

# --- Node.js ---------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  hearth_die "Node.js 20 or newer with npm is required (it is part of this machine's image)"
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || hearth_die "Node.js 20 or newer is required, found $(node --version)"

# --- Rust toolchain pieces -------------------------------------------------
if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
  hearth_die "cargo and rustup are required (rustup's stable toolchain)"
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# --- end2end/node_modules --------------------------------------------------
if [[ ! -f end2end/node_modules/.package-lock.json ||
  end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]]; then
  say "npm ci in end2end/"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
for tool in wasm-opt esbuild lightningcss; do
  [[ -x "end2end/node_modules/.bin/$tool" ]] ||
    hearth_die "end2end/node_modules/.bin/$tool is missing (npm ci in end2end/ should have installed it)"
done

[[ "$(command -v wasm-opt)" == "$HEARTH_ROOT/end2end/node_modules/.bin/wasm-opt" ]] ||
  hearth_die "wasm-opt on PATH is $(command -v wasm-opt), not npm's binaryen"

say "ready: $(cargo --version), binaryen $(node -p 'require("./end2end/node_modules/binaryen/package.json").version') (npm), $(/usr/bin/chromium --version 2>/dev/null | head -n 1), PostgreSQL $("$(hearth_pg_bin)/postgres" --version | awk '{print $3}'), node $(node --version)"
