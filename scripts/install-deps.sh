#!/usr/bin/env bash
# Installs the system packages Dossier builds against (cmark-gfm and its GFM extensions;
# mimalloc, the executable's allocator; SQLite, for export; netCDF and GSHHG's low-resolution
# coastlines, for the maps) when they are missing. Debian/Ubuntu only;
# elsewhere it says what to install.
set -euo pipefail
if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
   && [ -f /usr/include/mimalloc.h ] && [ -f /usr/include/sqlite3.h ] && [ -f /usr/include/netcdf.h ] \
   && [ -f /usr/share/gmt-gshhg/binned_GSHHS_l.nc ]; then
  exit 0
fi
packages="libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libsqlite3-dev libnetcdf-dev gmt-gshhg-low pkg-config"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Dossier needs cmark-gfm with its extensions, mimalloc, SQLite, netCDF and GSHHG coastlines (Debian: $packages); install them and retry." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing $packages" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
