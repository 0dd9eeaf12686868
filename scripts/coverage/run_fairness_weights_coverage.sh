#!/bin/sh
# Runs the coverage simulation of the fairness checks' bootstrap interval on rows with sample weights, beside the
# unweighted bootstrap (dev.modeltest.fairness.WeightedCoverage, test scope of modeltest-core), and prints the
# Markdown table of docs/dev/fairness-weights-coverage.md.
#
#   scripts/coverage/run_fairness_weights_coverage.sh                  # the table: 1000 sets per cell, 1000 resamples, n = 50,200,1000
#   scripts/coverage/run_fairness_weights_coverage.sh 200 300 50,200   # a quick look
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -q -B test-compile dependency:build-classpath -pl modeltest-core -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/coverage-classpath.txt -Dmdep.includeScope=test
cd modeltest-core
echo "load before: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/coverage-classpath.txt)" \
    dev.modeltest.fairness.WeightedCoverage "$@"
echo "load after: $(cat /proc/loadavg 2>/dev/null || uptime)"
