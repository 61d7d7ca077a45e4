#!/usr/bin/env bash
# Install Debian packages the tests and pictures need, unless the program is there already:
#   scripts/apt-ensure.sh PROGRAM PACKAGE...
# e.g. `scripts/apt-ensure.sh /usr/bin/chromium chromium fonts-dejavu-core` (headless browser test) and
# `scripts/apt-ensure.sh /usr/bin/dot graphviz fonts-dejavu-core` (disorder diagrams).
# Idempotent and cheap when PROGRAM exists; needs root (or sudo) and apt the first time.
set -euo pipefail

[ "$#" -ge 2 ] || { echo "usage: $0 PROGRAM PACKAGE..." >&2; exit 2; }
PROGRAM="$1"
shift

if [ -x "$PROGRAM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "apt-ensure: no $PROGRAM and no apt-get; install $* by other means" >&2
    exit 2
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "apt-ensure: need root (or sudo) to apt-get install $*" >&2; exit 2; }
    SUDO="sudo"
fi
echo "apt-ensure: installing Debian's $* (one time)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
[ -x "$PROGRAM" ] || { echo "apt-ensure: apt-get did not install $PROGRAM" >&2; exit 2; }
echo "apt-ensure: installed $PROGRAM" >&2
