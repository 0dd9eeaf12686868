#!/bin/sh
# Renders a test of a generated Allure 2 report in headless Chromium and saves a PNG, with one of its attachments
# open when asked.
#
#   scripts/report/allure-screenshot.sh REPORT_DIR SUITE OUT.png [TEST [ATTACHMENT [WIDTH [HEIGHT]]]]
#
# REPORT_DIR is the generated report (e.g. modeltest-examples/target/site/allure-maven-plugin), SUITE the model test
# class's simple name (its suite in the report), TEST the test's name or a part of it (default: the suite's first test
# by name that has ATTACHMENT), ATTACHMENT an attachment's name to open full-size (e.g. "model page"; "-" or empty:
# none), WIDTH and HEIGHT the window in CSS pixels (default 1600 x 1400). The report is served on 127.0.0.1 by
# python3's http.server for the time of the screenshot (Allure reports load their data with JavaScript and do not
# open from a file). A test's address is looked up in the report itself: Allure gives each test and attachment its
# uid when it generates the report.
#
# Needs Debian's chromium and python3; set CHROMIUM to use another browser binary.
set -eu

if [ $# -lt 3 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
report=$1
suite=$2
out=$3
test=${4:-}
attachment=${5:-}
[ "$attachment" = "-" ] && attachment=
width=${6:-1600}
height=${7:-1400}
chromium=${CHROMIUM:-chromium}

[ -f "$report/index.html" ] || { echo "no Allure report in $report (no index.html)" >&2; exit 1; }
command -v "$chromium" >/dev/null 2>&1 || { echo "$chromium not found: apt-get install -y chromium" >&2; exit 1; }

fragment=$(python3 - "$report" "$suite" "$test" "$attachment" <<'EOF'
import glob, json, os, sys
report, suite, test, attachment = sys.argv[1:5]

def attachments(step):
    for a in step.get("attachments") or []:
        yield a
    for s in step.get("steps") or []:
        yield from attachments(s)

found = []
for path in glob.glob(os.path.join(report, "data", "test-cases", "*.json")):
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    labels = {(l.get("name"), l.get("value")) for l in case.get("labels") or []}
    if ("suite", suite) not in labels or test not in case.get("name", ""):
        continue
    uid = None
    if attachment:
        uid = next((a["uid"] for a in attachments(case.get("testStage") or {}) if a.get("name") == attachment), None)
        if uid is None:
            continue
    found.append((case["name"], case["uid"], uid))
if not found:
    sys.exit("no test of suite %r%s%s in %s" % (suite, " named like %r" % test if test else "",
             " with an attachment %r" % attachment if attachment else "", report))
name, case_uid, attachment_uid = sorted(found)[0]
print("#testresult/" + case_uid + ("?attachment=" + attachment_uid if attachment_uid else ""))
print(name, file=sys.stderr)
EOF
)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
profile=$(mktemp -d)
python3 -m http.server --bind 127.0.0.1 --directory "$report" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
# Wait for the server to answer.
i=0
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html')" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 50 ] || { echo "the report server did not start" >&2; exit 1; }
  sleep 0.1
done

abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --hide-scrollbars --user-data-dir="$profile" --window-size="$width,$height" \
  --virtual-time-budget=10000 --screenshot="$abs_out" "http://127.0.0.1:$port/index.html$fragment" 2>/dev/null
[ -s "$abs_out" ] || { echo "chromium wrote no screenshot" >&2; exit 1; }
echo "$abs_out"
