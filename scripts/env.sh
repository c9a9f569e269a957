# Sourced by the other scripts: one place for paths and tool versions.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
E2E_DIR="$ROOT/tests/e2e"
WASM_SPLIT_VERSION="0.2.4"
LEPTOSFMT_VERSION="0.1.33"
# The wasm-bindgen CLI must equal the crate in Cargo.lock (pinned with "=").
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
export PATH="$HOME/.cargo/bin:$E2E_DIR/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Debug info makes cold test builds much slower on 2 cores and is never read.
export CARGO_PROFILE_DEV_DEBUG=0
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Each step says when it starts (seconds since the script began), so a
# slow step shows in any log.
step() { printf '\n\033[1m==> [%ss] %s\033[0m\n' "$SECONDS" "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }
