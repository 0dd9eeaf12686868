#!/bin/sh
# Builds modeltest-benchmarks and runs IntervalBenchmark (JMH single shots, one fork, 1 GiB heap): one 95% interval per
# method on a million rows, 2000 resamples. See docs/performance.md for the figures.
#
#   scripts/bench/run_interval_benchmark.sh                        # every method (the per-row bootstrap takes minutes)
#   scripts/bench/run_interval_benchmark.sh 'IntervalBenchmark.(wilson|deLong|studentT|delta|poissonCells).*' -i 3
#                                                                  # the first argument selects, the rest go to JMH
set -eu
PATTERN=${1:-dev.modeltest.benchmarks.IntervalBenchmark}
[ $# -gt 0 ] && shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -q -B package dependency:build-classpath -pl modeltest-benchmarks -am \
    -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cd modeltest-benchmarks
CP="target/classes:$(cat target/classpath.txt)"
echo "load before JMH: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -cp "$CP" org.openjdk.jmh.Main "$PATTERN" -f 1 -rf json \
    -rff target/interval-jmh.json "$@"
echo "load after JMH: $(cat /proc/loadavg 2>/dev/null || uptime)"
