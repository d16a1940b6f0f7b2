#!/usr/bin/env bash
# Installs the system packages Dossier builds against (cmark-gfm and its GFM extensions;
# mimalloc, the executable's allocator; SQLite, for export) when they are missing. Debian/Ubuntu only;
# elsewhere it says what to install.
set -euo pipefail
if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
   && [ -f /usr/include/mimalloc.h ] && [ -f /usr/include/sqlite3.h ]; then
  exit 0
fi
packages="libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libsqlite3-dev pkg-config"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Dossier needs cmark-gfm with its extensions, mimalloc and SQLite (Debian: $packages); install them and retry." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing $packages" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
