#!/usr/bin/env bash
# Builds the examples' Allure report with the trend of earlier builds, also across `mvn clean` and on CI runners that
# start from a fresh checkout: the trend lives in a directory outside target/, which CI can cache.
#
#   scripts/report/with-history.sh [HISTORY_DIR] [extra Maven arguments...]
#
# HISTORY_DIR (default ${XDG_CACHE_HOME:-~/.cache}/modeltest/examples-history) holds two things between builds:
#   allure/     the previous report's history/ folder (Allure's trend graphs and each test's History tab)
#   modeltest/  each model test class's metrics run after run (the "<check> over builds" charts)
# The report ends up in modeltest-examples/target/site/allure-maven-plugin, as with the plain command.
set -euo pipefail
cd "$(dirname "$0")/../.."

HISTORY=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/modeltest/examples-history}
shift || true
mkdir -p "$HISTORY/allure" "$HISTORY/modeltest"
HISTORY=$(cd "$HISTORY" && pwd)

# Both are properties of modeltest-examples/pom.xml: modeltest.report.history is where the report profile copies
# Allure's history from (into the new results); modeltest.examples.history is where the examples' tests read and
# append each class's metrics (the JUnit configuration parameter modeltest.history.dir).
mvn -B verify -Preport -pl modeltest-examples -am \
  -Dmodeltest.report.history="$HISTORY/allure" \
  -Dmodeltest.examples.history="$HISTORY/modeltest" \
  "$@"

REPORT=modeltest-examples/target/site/allure-maven-plugin
rm -rf "$HISTORY/allure" && mkdir -p "$HISTORY/allure"
cp -R "$REPORT/history/." "$HISTORY/allure/"
echo "Report: $REPORT/index.html (serve it, e.g. python3 -m http.server -d $REPORT 8080)"
echo "History kept in $HISTORY"
