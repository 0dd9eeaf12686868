#!/bin/sh
# Generates scored rows as Parquet in Spark (50 million by default, written once into modeltest-spark/target and
# reused) and gates them with SparkGates in local[*]: rows per second and peak memory (docs/dev/spark-benchmark.md).
#
#   scripts/spark/run_benchmark.sh                     # 50 million rows, 2 GiB heap
#   ROWS=100000000 XMX=4g scripts/spark/run_benchmark.sh
#   MVN_FLAGS=-o scripts/spark/run_benchmark.sh         # extra Maven flags (here: offline)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ROWS=${ROWS:-50000000}
XMX=${XMX:-2g}

# The benchmark is a main class of the module's tests, which have Spark on their class path.
mvn -q -B ${MVN_FLAGS:-} test-compile dependency:build-classpath -pl modeltest-spark -am -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
CP="modeltest-spark/target/test-classes:modeltest-spark/target/classes:$(cat modeltest-spark/target/classpath.txt)"

echo "load before: $(cat /proc/loadavg 2>/dev/null || uptime)"
# GNU time prints the peak resident memory of the whole JVM as well, when it is installed.
TIME=""
[ -x /usr/bin/time ] && TIME="/usr/bin/time -v"
$TIME java -Xmx"$XMX" \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
    -cp "$CP" dev.modeltest.spark.SparkBenchmark "$ROWS" modeltest-spark/target/spark-benchmark 2>&1 \
    | grep -v '^\s*\(Page size\|Exit status\|Socket\|Signals\|Swaps\|Average\|File system\)'
echo "load after: $(cat /proc/loadavg 2>/dev/null || uptime)"
