#!/bin/sh
# Builds modeltest-benchmarks, runs MetricsBenchmark (JMH: one fork, 1 GiB heap, 10 million rows per data set),
# writes the same generated data to files and times scikit-learn on it (scripts/bench/sklearn_metrics.py), printing
# rows per second for both and the ratio. Takes about five minutes on a 2-core machine.
#
#   scripts/bench/run_metrics_benchmark.sh              # everything
#   scripts/bench/run_metrics_benchmark.sh -wi 1 -i 2   # extra arguments go to JMH (here: fewer iterations)
#   SKIP_SKLEARN=1 scripts/bench/run_metrics_benchmark.sh
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=modeltest-benchmarks/target/metrics-bench
mkdir -p "$OUT"

# Test compilation is skipped: the benchmark needs the main classes only.
mvn -q -B package dependency:build-classpath -pl modeltest-benchmarks -am \
    -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="modeltest-benchmarks/target/classes:$(cat modeltest-benchmarks/target/classpath.txt)"

# Other work on the machine slows both sides down: print the load next to the figures.
echo "load before JMH: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -cp "$CP" org.openjdk.jmh.Main 'dev.modeltest.benchmarks.MetricsBenchmark' -f 1 \
    -rf json -rff "$OUT/jmh.json" "$@"

if [ "${SKIP_SKLEARN:-}" = "1" ]; then
    exit 0
fi
java -Xmx2g -cp "$CP" dev.modeltest.benchmarks.MetricsBenchmarkData "$OUT/data"
echo "load before scikit-learn: $(cat /proc/loadavg 2>/dev/null || uptime)"
/usr/bin/python3 scripts/bench/sklearn_metrics.py "$OUT/data" "$OUT/jmh.json"
