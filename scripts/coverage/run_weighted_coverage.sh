#!/bin/sh
# Runs the coverage simulation of the intervals on weighted rows (dev.modeltest.metrics.WeightedCoverage, test scope of
# modeltest-core) and prints the Markdown table of docs/dev/performance-lab.md ("Intervals on weighted rows").
#
#   scripts/coverage/run_weighted_coverage.sh                 # 300 test sets per cell, 1000 resamples, 50..20000 rows
#   scripts/coverage/run_weighted_coverage.sh 100 500 50,200  # a quick look
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -q -B test-compile dependency:build-classpath -pl modeltest-core -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/coverage-classpath.txt -Dmdep.includeScope=test
cd modeltest-core
echo "load before: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/coverage-classpath.txt)" \
    dev.modeltest.metrics.WeightedCoverage "$@"
echo "load after: $(cat /proc/loadavg 2>/dev/null || uptime)"
