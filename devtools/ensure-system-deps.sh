#!/usr/bin/env bash
# Debian packages the tests and benchmarks use: Chromium for the browser suite, wrk for load figures.
# Installs what is missing when it can (root with apt-get); otherwise says what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Please install these Debian packages first: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
