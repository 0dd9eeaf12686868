#!/bin/sh
# Runs the coverage simulation of the metric gates' intervals (dev.modeltest.metrics.Coverage, test scope of
# modeltest-core) and prints the Markdown table of docs/intervals.md.
#
#   scripts/coverage/run_coverage.sh              # 1000 test sets per cell (fewer for the costly bootstrap cells), 1000 resamples
#   scripts/coverage/run_coverage.sh 200 500      # 200 sets per cell, 500 bootstrap resamples: a quick look
#   scripts/coverage/run_coverage.sh ranking 1000 1000   # only the rows of NDCG@10 and MAP@10 (whole queries drawn)
#   scripts/coverage/run_coverage.sh 250 1000 'one-vs-one|partial' 50,200   # only the rows whose metric label holds
#                                                 # one of the '|'-separated parts, at these row counts
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -q -B test-compile dependency:build-classpath -pl modeltest-core -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/coverage-classpath.txt -Dmdep.includeScope=test
cd modeltest-core
echo "load before: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/coverage-classpath.txt)" \
    dev.modeltest.metrics.Coverage "$@"
echo "load after: $(cat /proc/loadavg 2>/dev/null || uptime)"
