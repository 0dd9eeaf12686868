#!/bin/sh
# Builds modeltest-benchmarks, writes the two CSV files of LoadingBenchmark (1 M x 10 doubles, 190 MB; 1 M x 50 mixed
# columns, 350 MB) and their Parquet copies (numeric.parquet, mixed.parquet, written by DuckDB), runs LoadingBenchmark
# on all four (JMH, one fork, 2 GiB heap; -p file=numeric.parquet,mixed.parquet for the Parquet files only), times
# pandas' read_csv on the CSV files
# (scripts/bench/pandas_loading.py), reads each file in a heap twice the size of its table (LoadingHeapCheck), and runs
# EncodingBenchmark (label encoding and Predictions for 10 M rows). Takes about six minutes on a 2-core machine.
#
#   scripts/bench/run_loading_benchmark.sh              # everything
#   scripts/bench/run_loading_benchmark.sh -wi 1 -i 3   # extra arguments go to JMH (here: fewer iterations)
#   SKIP_PANDAS=1 scripts/bench/run_loading_benchmark.sh
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=modeltest-benchmarks/target/loading-bench
# LoadingBenchmark's default directory, relative to the repository root (JMH's -jvmArgsAppend would replace the
# benchmark's own -Xmx, so the directory is not passed that way).
DATA="$ROOT/$OUT/data"
mkdir -p "$DATA"

# Test compilation is skipped: the benchmark needs the main classes only.
mvn -q -B package dependency:build-classpath -pl modeltest-benchmarks -am \
    -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="modeltest-benchmarks/target/classes:$(cat modeltest-benchmarks/target/classpath.txt)"

java -cp "$CP" dev.modeltest.benchmarks.LoadingBenchmarkData "$DATA"

# Other work on the machine slows both sides down: print the load next to the figures.
echo "load before JMH: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -cp "$CP" org.openjdk.jmh.Main 'dev.modeltest.benchmarks.LoadingBenchmark' -f 1 \
    -rf json -rff "$OUT/jmh.json" "$@"

if [ "${SKIP_PANDAS:-}" != "1" ]; then
    echo "load before pandas: $(cat /proc/loadavg 2>/dev/null || uptime)"
    /usr/bin/python3 scripts/bench/pandas_loading.py "$DATA" "$OUT/jmh.json"
fi

# The tables: numeric 76 MiB (10 doubles a row), mixed 299 MiB (30 doubles, 18 ints or text codes, 2 booleans).
# Each file must read in a heap of twice that.
echo "load before the heap check: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -Xmx152m -cp "$CP" dev.modeltest.benchmarks.LoadingHeapCheck "$DATA/numeric.csv"
java -Xmx598m -cp "$CP" dev.modeltest.benchmarks.LoadingHeapCheck "$DATA/mixed.csv"

echo "load before EncodingBenchmark: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -cp "$CP" org.openjdk.jmh.Main 'dev.modeltest.benchmarks.EncodingBenchmark' -f 1 \
    -rf json -rff "$OUT/encoding-jmh.json" "$@"
