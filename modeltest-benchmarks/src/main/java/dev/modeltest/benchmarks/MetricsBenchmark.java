package dev.modeltest.benchmarks;

import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full binary and multiclass metric sets on 10 million rows, through the public entry point
 * {@link Metrics#computeAll}, on all cores (the common fork-join pool), in a 1 GiB heap.
 *
 * <p>Groups: label metrics (accuracy, balanced accuracy, precision, recall, F1, Matthews, kappa: one confusion-count
 * pass), ranking metrics (ROC AUC and average precision: one sort per one-vs-rest column), probability metrics (log
 * loss, Brier score, expected calibration error) and all of them. Rows per second = rows / time per operation. Run
 * with {@code scripts/bench/run_metrics_benchmark.sh}; results in {@code docs/performance.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MetricsBenchmark {

    /** The number of rows the targets are stated for. */
    public static final int ROWS = 10_000_000;

    /** The binary data set, built once per fork (each benchmark runs in its own JVM). */
    @State(Scope.Benchmark)
    public static class Binary {

        @Param({"10000000"})
        public int rows;

        Predictions predictions;

        @Setup(Level.Trial)
        public void setUp() {
            predictions = MetricsBenchmarkData.binary(rows).predictions(MetricsBenchmarkData.BINARY_CLASSES);
        }
    }

    /** The four-class data set. */
    @State(Scope.Benchmark)
    public static class Multiclass {

        @Param({"10000000"})
        public int rows;

        Predictions predictions;

        @Setup(Level.Trial)
        public void setUp() {
            predictions = MetricsBenchmarkData.multiclass(rows).predictions(MetricsBenchmarkData.MULTICLASS_CLASSES);
        }
    }

    private static Set<Metric> union(Set<Metric> a, Set<Metric> b, Set<Metric> c) {
        Set<Metric> all = EnumSet.copyOf(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static final Set<Metric> BINARY_ALL = union(
            MetricsBenchmarkData.LABEL_METRICS,
            MetricsBenchmarkData.RANKING_METRICS,
            MetricsBenchmarkData.BINARY_PROBABILITY_METRICS);
    private static final Set<Metric> MULTICLASS_ALL = union(
            MetricsBenchmarkData.LABEL_METRICS,
            MetricsBenchmarkData.RANKING_METRICS,
            MetricsBenchmarkData.MULTICLASS_PROBABILITY_METRICS);

    @Benchmark
    public Map<Metric, Double> binaryLabelMetrics(Binary data) {
        return Metrics.computeAll(
                data.predictions, MetricsBenchmarkData.LABEL_METRICS, MetricsBenchmarkData.BINARY_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> binaryRankingMetrics(Binary data) {
        return Metrics.computeAll(
                data.predictions, MetricsBenchmarkData.RANKING_METRICS, MetricsBenchmarkData.BINARY_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> binaryProbabilityMetrics(Binary data) {
        return Metrics.computeAll(
                data.predictions, MetricsBenchmarkData.BINARY_PROBABILITY_METRICS, MetricsBenchmarkData.BINARY_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> binaryAllMetrics(Binary data) {
        return Metrics.computeAll(data.predictions, BINARY_ALL, MetricsBenchmarkData.BINARY_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> multiclassLabelMetrics(Multiclass data) {
        return Metrics.computeAll(
                data.predictions, MetricsBenchmarkData.LABEL_METRICS, MetricsBenchmarkData.MULTICLASS_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> multiclassRankingMetrics(Multiclass data) {
        return Metrics.computeAll(
                data.predictions, MetricsBenchmarkData.RANKING_METRICS, MetricsBenchmarkData.MULTICLASS_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> multiclassProbabilityMetrics(Multiclass data) {
        return Metrics.computeAll(
                data.predictions,
                MetricsBenchmarkData.MULTICLASS_PROBABILITY_METRICS,
                MetricsBenchmarkData.MULTICLASS_OPTIONS);
    }

    @Benchmark
    public Map<Metric, Double> multiclassAllMetrics(Multiclass data) {
        return Metrics.computeAll(data.predictions, MULTICLASS_ALL, MetricsBenchmarkData.MULTICLASS_OPTIONS);
    }
}
