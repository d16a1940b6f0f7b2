#!/usr/bin/env bash
# Installs what the browser tests run (headless Chromium: the search page's scripts, the
# sharded index) when it is missing. Debian/Ubuntu only; elsewhere those tests are skipped
# and this says why.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no chromium: the browser tests will be skipped (install chromium to run them)" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing chromium (browser tests)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
