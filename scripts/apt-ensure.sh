#!/usr/bin/env bash
# Install Debian's chromium for the headless browser test (tests/server/test_browser.py).
# Idempotent and cheap when chromium is already there; needs root (or sudo) and apt the first time.
set -euo pipefail

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "setup-browser: no $CHROMIUM and no apt-get; install Chromium and set CHROMIUM=/path/to/chromium" >&2
    exit 2
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup-browser: need root (or sudo) to apt-get install chromium" >&2; exit 2; }
    SUDO="sudo"
fi
echo "setup-browser: installing Debian's chromium (one time)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x "$CHROMIUM" ] || { echo "setup-browser: apt-get did not install $CHROMIUM" >&2; exit 2; }
echo "setup-browser: installed $("$CHROMIUM" --version 2>/dev/null)" >&2
