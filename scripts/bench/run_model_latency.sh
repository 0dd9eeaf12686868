#!/usr/bin/env bash
# Measures a model's latency two ways and prints them side by side:
#   1. under JMH (dev.modeltest.benchmarks.ModelLatencyBenchmark: forks, warm-up iterations, Blackhole, SampleTime), and
#   2. in-test, with @LatencyUnder's own check (ModelLatencyBenchmark.main), in IN_TEST_RUNS fresh JVMs.
#
# Usage, from anywhere (paths in -p values are relative to the repository root):
#   scripts/bench/run_model_latency.sh                       # the examples' iris RandomForest, 1 row per call
#   scripts/bench/run_model_latency.sh -p batchSize=32
#   scripts/bench/run_model_latency.sh -p model=path/to/model.ser -p data=path/to/data.csv -p label=y
#   scripts/bench/run_model_latency.sh -p provider=com.example.MyProvider -p data=... -p label=...
# Other JMH options pass through, e.g. -f 3 -i 10 -prof gc. A provider class must be on the class path: put its
# directory or jar in EXTRA_CLASSPATH.
#
# Environment: IN_TEST_RUNS (default 3) in-test runs; JMH_ONLY=1 or IN_TEST_ONLY=1 to run one side;
# SKIP_BUILD=1 to reuse the last build's class path.
#
# Writes target/model-latency/jmh.json (JMH's results) and target/model-latency/in-test-<n>.txt (the gate's messages).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/target/model-latency"
mkdir -p "$OUT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # smile-core is an optional dependency of modeltest-core, so it is on modeltest-core's own class path (not on the
  # benchmarks' one): take both. Formatting is not this script's business, so spotless is skipped.
  mvn -q compile dependency:build-classpath -pl modeltest-benchmarks -am \
    -Dmdep.outputFile=target/latency-cp.txt -Dmdep.includeScope=runtime -Dspotless.check.skip=true >&2
fi
CP="$ROOT/modeltest-benchmarks/target/classes:$(cat "$ROOT/modeltest-benchmarks/target/latency-cp.txt")"
CP="$CP:$(cat "$ROOT/modeltest-core/target/latency-cp.txt")${EXTRA_CLASSPATH:+:$EXTRA_CLASSPATH}"

# The -p key=value pairs are the benchmark's parameters and the in-test run's settings alike.
params=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[i]}" == -p && $((i + 1)) -lt ${#args[@]} ]]; then
    params+=("${args[i + 1]}")
  fi
done

if [[ "${IN_TEST_ONLY:-0}" != 1 ]]; then
  echo "== JMH: ModelLatencyBenchmark ${params[*]:-}" >&2
  java -cp "$CP" org.openjdk.jmh.Main 'ModelLatencyBenchmark' -rf json -rff "$OUT/jmh.json" "$@" >&2
fi

in_test=()
if [[ "${JMH_ONLY:-0}" != 1 ]]; then
  for ((run = 1; run <= ${IN_TEST_RUNS:-3}; run++)); do
    echo "== in-test run $run: @LatencyUnder's check ${params[*]:-}" >&2
    # Exit status 1 or 2 (FAIL, INCONCLUSIVE) is expected with a low limit; the figures are what matters here.
    java -cp "$CP" dev.modeltest.benchmarks.ModelLatencyBenchmark "${params[@]}" > "$OUT/in-test-$run.txt" || true
    cat "$OUT/in-test-$run.txt" >&2
    in_test+=("$(tail -n 1 "$OUT/in-test-$run.txt" | sed -n 's/.*p50Millis=\([^ ]*\).*/\1/p')")
  done
fi

# The comparison, in microseconds per call.
/usr/bin/env python3 - "$OUT/jmh.json" "${in_test[@]}" <<'PY'
import json, os, statistics, sys
path, in_test = sys.argv[1], [float(v) * 1000 for v in sys.argv[2:] if v]
jmh = None
if os.environ.get("IN_TEST_ONLY") != "1" and os.path.exists(path):
    results = [r for r in json.load(open(path)) if r["benchmark"].endswith("ModelLatencyBenchmark.predict")]
    if results:
        metric = results[-1]["primaryMetric"]
        scale = {"ns/op": 0.001, "us/op": 1.0, "ms/op": 1000.0}[metric["scoreUnit"]]
        jmh = {k: v * scale for k, v in metric["scorePercentiles"].items()}
print()
if jmh:
    print("JMH (SampleTime, all forks):  p50 %.3f µs  p90 %.3f µs  p99 %.3f µs  p99.9 %.3f µs" % (
        jmh["50.0"], jmh["90.0"], jmh["99.0"], jmh["99.9"]))
if in_test:
    print("in-test (@LatencyUnder), p50 of each run: " + ", ".join("%.3f µs" % v for v in in_test))
if jmh and in_test:
    median = statistics.median(in_test)
    difference = (median - jmh["50.0"]) / jmh["50.0"]
    print("p50: in-test median %.3f µs vs JMH %.3f µs: %+.1f%% (%s 10%%)" % (
        median, jmh["50.0"], 100 * difference, "within" if abs(difference) <= 0.10 else "NOT within"))
PY
