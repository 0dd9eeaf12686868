#!/usr/bin/env bash
# Does a latency gate with 2x headroom stay green on a busy machine?
#
#   1. Measures the model's p99 on the machine as it is ("quiet": nothing started by this script), in QUIET_RUNS
#      fresh JVMs, with @LatencyUnder's check at its defaults; the quiet p99 is the median of those runs.
#   2. Loads every CPU with a second process: `stress-ng --cpu <nproc>` when installed (Debian: apt-get install
#      stress-ng), else one shell busy loop per CPU; bounded by `timeout`, and killed by PID on exit.
#   3. Runs the gate @LatencyUnder(millis = 2 x quiet p99) RUNS times, each in a fresh JVM (as a CI run would), and
#      prints how many passed, with each run's verdict, p99 and rounds.
#
# Not part of `mvn test`. Usage, from anywhere:
#   scripts/latency/flake_check.sh                                  # the examples' iris RandomForest
#   RUNS=20 HEADROOM=2 scripts/latency/flake_check.sh -p batchSize=8
#   scripts/latency/flake_check.sh -p model=path/to/model.ser -p data=path/to/data.csv -p label=y
# Environment: RUNS (20), QUIET_RUNS (3), HEADROOM (2), SKIP_BUILD=1 to reuse the last build's class path,
# MAX_SECONDS (1800): the load generator's time limit.
# Writes target/latency-flake/{quiet,loaded}-<n>.txt (each run's message) and summary.txt.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/target/latency-flake"
mkdir -p "$OUT"
RUNS=${RUNS:-20}
QUIET_RUNS=${QUIET_RUNS:-3}
HEADROOM=${HEADROOM:-2}
MAX_SECONDS=${MAX_SECONDS:-1800}
CPUS=$(nproc)

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q compile dependency:build-classpath -pl modeltest-benchmarks -am \
    -Dmdep.outputFile=target/latency-cp.txt -Dmdep.includeScope=runtime -Dspotless.check.skip=true >&2
fi
CP="$ROOT/modeltest-benchmarks/target/classes:$(cat "$ROOT/modeltest-benchmarks/target/latency-cp.txt")"
CP="$CP:$(cat "$ROOT/modeltest-core/target/latency-cp.txt")${EXTRA_CLASSPATH:+:$EXTRA_CLASSPATH}"

params=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[i]}" == -p && $((i + 1)) -lt ${#args[@]} ]]; then
    params+=("${args[i + 1]}")
  fi
done

figure() { # figure <file> <key>: a key=value figure from the last line of a run's output
  tail -n 1 "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

gate() { # gate <output file> [key=value...]: runs the in-test check once; prints its exit status
  local file=$1
  shift
  set +e
  java -cp "$CP" dev.modeltest.benchmarks.ModelLatencyBenchmark "${params[@]}" "$@" > "$file" 2>&1
  local status=$?
  set -e
  echo "$status"
}

echo "machine: $CPUS CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before the quiet runs" | tee "$OUT/summary.txt"
quiet=()
for ((run = 1; run <= QUIET_RUNS; run++)); do
  gate "$OUT/quiet-$run.txt" millis=1000 > /dev/null
  quiet+=("$(figure "$OUT/quiet-$run.txt" p99Millis)")
  echo "quiet run $run: p50 $(figure "$OUT/quiet-$run.txt" p50Millis) ms, p99 ${quiet[-1]} ms" | tee -a "$OUT/summary.txt"
done
read -r QUIET_P99 LIMIT < <(printf '%s\n' "${quiet[@]}" | sort -g | awk -v h="$HEADROOM" '
  { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.6f %.6f\n", m, h * m }')
echo "quiet p99 (median of $QUIET_RUNS runs): $QUIET_P99 ms; gate: @LatencyUnder(millis = $LIMIT) = ${HEADROOM}x" \
  | tee -a "$OUT/summary.txt"

load_pids=()
stop_load() {
  for pid in "${load_pids[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  wait 2> /dev/null || true
}
trap stop_load EXIT
if command -v stress-ng > /dev/null; then
  timeout "$MAX_SECONDS" stress-ng --cpu "$CPUS" --cpu-method all --quiet &
  load_pids+=($!)
  LOAD="stress-ng --cpu $CPUS --cpu-method all"
else
  for ((c = 0; c < CPUS; c++)); do
    timeout "$MAX_SECONDS" sh -c 'while :; do :; done' &
    load_pids+=($!)
  done
  LOAD="$CPUS shell busy loops"
fi
sleep 2
echo "load: $LOAD (pids ${load_pids[*]})" | tee -a "$OUT/summary.txt"

passed=0
for ((run = 1; run <= RUNS; run++)); do
  status=$(gate "$OUT/loaded-$run.txt" "millis=$LIMIT")
  verdict=$(figure "$OUT/loaded-$run.txt" verdict)
  [[ "$status" == 0 ]] && passed=$((passed + 1))
  printf 'loaded run %2d: %s (p99 %s ms, rounds %s, load average %s)\n' "$run" "${verdict:-ERROR status $status}" \
    "$(figure "$OUT/loaded-$run.txt" p99Millis)" "$(figure "$OUT/loaded-$run.txt" rounds)" \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/summary.txt"
done
stop_load
trap - EXIT
echo "passed $passed of $RUNS under load ($LOAD), limit $LIMIT ms = ${HEADROOM} x quiet p99 $QUIET_P99 ms" \
  | tee -a "$OUT/summary.txt"
