#!/bin/sh
# Builds modeltest-benchmarks and runs EndToEndBenchmark (JMH: one fork, 1 GiB heap, 2 warm-up and 5 measured
# shots): the whole @ModelTest class MillionRowModelTest (twelve gates) through the JUnit Platform launcher, as
# `mvn test` runs it, on 1,000,000 and 100,000 generated rows. Then prints, for the last shot of each row count, the
# step times from modeltest's run record and each check's own time. See docs/performance.md for the figures.
#
#   scripts/bench/run_end_to_end.sh                         # both row counts in 1 GiB (about 10 minutes)
#   scripts/bench/run_end_to_end.sh -p rows=1000000 -wi 1 -i 2   # extra arguments go to JMH (a million rows, 3 shots)
#   scripts/bench/run_end_to_end.sh -wi 1 -i 1              # fewer shots
#
# With `wide` as the first argument it runs WideModelTest instead (-p shape=wide: fifty features; schema, missing
# values, duplicates, drift on all fifty, three metrics, demographic parity) in a 4 GiB heap:
#
#   scripts/bench/run_end_to_end.sh wide -p rows=1000000 -wi 0 -i 1   # one shot on a million rows × 50 features
#   scripts/bench/run_end_to_end.sh wide -p rows=20000 -wi 0 -i 1     # a quick check that every gate passes
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

if [ "${1:-}" = wide ]; then
    shift
    set -- -p shape=wide -jvmArgsAppend "-Xms4g -Xmx4g" "$@"
fi

# Test compilation is skipped: the benchmark needs the main classes only.
mvn -q -B package dependency:build-classpath -pl modeltest-benchmarks -am \
    -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cd modeltest-benchmarks
CP="target/classes:$(cat target/classpath.txt)"

# The model test's paths are relative to the working directory, the module's, as under `mvn test`: the data goes to
# modeltest-benchmarks/target/end-to-end/, the run records to target/end-to-end/modeltest/<rows>/runs/.
OUT=target/end-to-end
# Only this run's records: the breakdown below is printed for the row counts whose shots completed.
rm -rf "$OUT/modeltest"
mkdir -p "$OUT"
# Other work on the machine slows the shots down: print the load next to the figures.
echo "load before JMH: $(cat /proc/loadavg 2>/dev/null || uptime)"
java -cp "$CP" org.openjdk.jmh.Main 'dev.modeltest.benchmarks.EndToEndBenchmark' -f 1 \
    -prof gc -prof 'dev.modeltest.benchmarks.DataValidationBenchmark$CpuTime' \
    -rf json -rff "$OUT/jmh.json" "$@"
echo "load after JMH: $(cat /proc/loadavg 2>/dev/null || uptime)"

java -cp "$CP" dev.modeltest.benchmarks.EndToEndReport "$OUT"/modeltest/*/
