#!/usr/bin/env bash
# `dossier export --sqlite` of a dossier, read back by Datasette's JSON API and by the sqlite3
# shell: the database holds exactly the mentions of the built site's CSV parts, and its
# full-text index answers a Hindi query. Installs datasette (pip) and sqlite3 (apt) when
# missing. Usage: scripts/check-export.sh DOSSIER_BINARY CONTENT_FOLDER BUILT_SITE
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$1 content=$2 site=$3
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
python3 -m datasette --version >/dev/null 2>&1 || { echo "installing datasette (pip)" >&2; python3 -m pip install --quiet datasette; }
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "installing sqlite3 (apt)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq sqlite3 >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" export --sqlite "$work/dossier.db" --content "$content"
via_datasette=$(python3 -m datasette "$work/dossier.db" --get '/dossier.json?sql=select+count(*)+as+n+from+mentions&_shape=array' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["n"])')
in_csv=$(python3 - "$site" <<'PY'
import csv, json, os, sys
site = sys.argv[1]
with open(os.path.join(site, "data", "parts.json"), encoding="utf-8") as handle:
    parts = json.load(handle)["tables"]["mentions"]["parts"]
print(sum(sum(1 for _ in csv.reader(open(os.path.join(site, part["csv"]["path"]), newline="", encoding="utf-8"))) - 1 for part in parts))
PY
)
echo "mentions: $via_datasette in the database (Datasette), $in_csv in the CSV parts of $site/data/" >&2
[ "$via_datasette" -eq "$in_csv" ] || { echo "the export does not hold every mention of the site" >&2; exit 1; }
found=$(sqlite3 "$work/dossier.db" "select count(*) from sentences_fts where sentences_fts match 'रूस'")
echo "sqlite3: $found sentences match रूस in sentences_fts" >&2
[ "$found" -gt 0 ] || { echo "the full-text index found nothing" >&2; exit 1; }
