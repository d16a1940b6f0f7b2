#!/usr/bin/env bash
# Takes screenshots of the built site (public/) with headless Chromium into docs/screenshots/.
#
#   scripts/screenshots.sh
#
# Needs Debian/Ubuntu for the automatic installs: chromium, fonts-noto-core (Noto Sans
# Devanagari, without which Chromium draws Hindi text as boxes) and imagemagick (to shrink
# the PNGs to ~800px wide). Builds nothing itself except `make site` when public/ is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
public="$root/public"
out="$root/docs/screenshots"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
updated=""
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "screenshots: please install $* (apt-get not available)" >&2
    return 1
  fi
  if [ -z "$updated" ]; then
    $sudo apt-get update -qq
    updated=1
  fi
  echo "screenshots: installing $*" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  apt_install chromium
  browser=chromium
fi
# Devanagari glyphs: Noto Sans Devanagari comes with fonts-noto-core.
if ! fc-list 2>/dev/null | grep -i "devanagari" >/dev/null; then
  apt_install fonts-noto-core
fi
# ImageMagick's convert (a lookalike without -resize support is not enough).
if ! convert -version 2>/dev/null | grep ImageMagick >/dev/null; then
  apt_install imagemagick || true
fi
have_convert=""
if convert -version 2>/dev/null | grep ImageMagick >/dev/null; then have_convert=1; fi

if [ ! -f "$public/index.html" ]; then
  echo "screenshots: public/ is missing, running make site" >&2
  make site
fi

mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# shot NAME PAGE WIDTH HEIGHT [extra chromium flags...]
shot() {
  local name="$1" page="$2" width="$3" height="$4"
  shift 4
  local file="$out/$name.png"
  if [ ! -f "$public/$page" ]; then
    echo "screenshots: public/$page does not exist, skipping $name" >&2
    return 0
  fi
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --user-data-dir="$profile" \
    --run-all-compositor-stages-before-draw --virtual-time-budget=2000 \
    --window-size="$width,$height" --screenshot="$file" "$@" \
    "file://$public/$page" >/dev/null 2>&1
  if [ -n "$have_convert" ]; then
    # ~800px wide, 128-colour palette without dithering: crisp text, about 100 KB a page.
    local resize=()
    if [ "$width" -gt 800 ]; then resize=(-resize 800x); fi
    convert "$file" ${resize[@]+"${resize[@]}"} -dither None -colors 128 -strip -define png:compression-level=9 "$file"
  fi
  echo "screenshots: $file ($(wc -c <"$file") bytes)"
}

dark=(--force-dark-mode --blink-settings=preferredColorScheme=0)
article="$(cd "$public" && ls -d articles/*/index.html 2>/dev/null | sort | tail -n 1)"

shot home index.html 1280 1600
shot person people/kim-jong-un/index.html 1280 1600
shot meeting meetings/2024-11-29-belousov-kim-pyongyang/index.html 1280 1600
shot article-phone "${article:-articles/index.html}" 390 1400
shot person-dark people/kim-jong-un/index.html 1280 1600 "${dark[@]}"
shot explore explore/index.html 1280 1500
