#!/bin/sh
# Renders a modeltest model page (target/modeltest/pages/<class>.html) in headless Chromium and saves a PNG.
#
#   scripts/report/page-screenshot.sh PAGE.html OUT.png [WIDTH [HEIGHT]]
#
# WIDTH and HEIGHT are the browser window's size in CSS pixels (default 1400 x 2200): the screenshot shows what
# fits in that window, from the top of the page. The page is opened as a file: it needs no server and no network
# (its style sheet and pictures are inside it), and Chromium is started with networking features off, so a page that
# tried to load anything from elsewhere would show the gap.
#
# Needs Debian's chromium package (apt-get install -y chromium); set CHROMIUM to use another binary.
set -eu

if [ $# -lt 2 ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
page=$1
out=$2
width=${3:-1400}
height=${4:-2200}
chromium=${CHROMIUM:-chromium}

[ -f "$page" ] || { echo "no such page: $page" >&2; exit 1; }
command -v "$chromium" >/dev/null 2>&1 || { echo "$chromium not found: apt-get install -y chromium" >&2; exit 1; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs_page=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --hide-scrollbars --user-data-dir="$profile" --window-size="$width,$height" \
  --virtual-time-budget=5000 --screenshot="$abs_out" "file://$abs_page" 2>/dev/null
[ -s "$abs_out" ] || { echo "chromium wrote no screenshot" >&2; exit 1; }
echo "$abs_out"
