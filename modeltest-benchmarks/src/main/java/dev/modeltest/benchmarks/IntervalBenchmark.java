package dev.modeltest.benchmarks;

import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricInterval;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.util.SplittableRandom;
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
 * One interval per method on a million rows, as a check computes it (the metric prepared, then its 95% interval with
 * 2000 resamples): Wilson (accuracy), DeLong on the logit scale (binary ROC AUC, and the macro average of a 4-class
 * model's one-vs-rest AUCs), Student-t (log loss), delta method (R²), the infinitesimal jackknife (average
 * precision, binary and macro), the Poisson bootstrap per confusion-matrix cell (F1), per calibration cell (expected
 * calibration error, equal-width and equal-mass bins), per block of sorted errors (median absolute error) and, forced
 * with {@code interval = BOOTSTRAP}, per row (average precision). Run with {@code
 * scripts/bench/run_interval_benchmark.sh}; figures in docs/performance.md.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IntervalBenchmark {

    /** Binary predictions and a regression on the same number of rows. */
    @State(Scope.Benchmark)
    public static class Data {

        @Param({"1000000"})
        public int rows;

        Predictions binary;
        Predictions multiclass;
        Predictions regression;

        @Setup(Level.Trial)
        public void setUp() {
            binary = MetricsBenchmarkData.binary(rows).predictions(MetricsBenchmarkData.BINARY_CLASSES);
            multiclass = MetricsBenchmarkData.multiclass(rows).predictions(MetricsBenchmarkData.MULTICLASS_CLASSES);
            SplittableRandom random = new SplittableRandom(MetricsBenchmarkData.SEED);
            double[] y = new double[rows];
            double[] yHat = new double[rows];
            for (int i = 0; i < rows; i++) {
                double x = random.nextGaussian();
                y[i] = 2 * x + random.nextGaussian();
                yHat[i] = 1.9 * x;
            }
            regression = Predictions.regression("regression", "bench", y, yHat);
        }
    }

    private static MetricInterval interval(Predictions p, Metric metric) {
        return interval(p, metric, MetricOptions.defaults(), IntervalMethod.AUTO);
    }

    private static MetricInterval interval(Predictions p, Metric metric, MetricOptions options, IntervalMethod method) {
        return Metrics.sample(p, metric, options).interval(method, 0.95, 42, 2000);
    }

    @Benchmark
    public MetricInterval wilsonAccuracy(Data d) {
        return interval(d.binary, Metric.ACCURACY);
    }

    @Benchmark
    public MetricInterval deLongAuc(Data d) {
        return interval(d.binary, Metric.ROC_AUC);
    }

    @Benchmark
    public MetricInterval studentTLogLoss(Data d) {
        return interval(d.binary, Metric.LOG_LOSS);
    }

    @Benchmark
    public MetricInterval deltaR2(Data d) {
        return interval(d.regression, Metric.R2);
    }

    @Benchmark
    public MetricInterval poissonCellsF1(Data d) {
        return interval(d.binary, Metric.F1);
    }

    @Benchmark
    public MetricInterval poissonCellsCalibration(Data d) {
        return interval(d.binary, Metric.EXPECTED_CALIBRATION_ERROR);
    }

    @Benchmark
    public MetricInterval deLongMacroAuc(Data d) {
        return interval(d.multiclass, Metric.ROC_AUC, MetricsBenchmarkData.MULTICLASS_OPTIONS, IntervalMethod.AUTO);
    }

    @Benchmark
    public MetricInterval jackknifeAveragePrecision(Data d) {
        return interval(d.binary, Metric.AVERAGE_PRECISION);
    }

    @Benchmark
    public MetricInterval jackknifeMacroAveragePrecision(Data d) {
        return interval(
                d.multiclass, Metric.AVERAGE_PRECISION, MetricsBenchmarkData.MULTICLASS_OPTIONS, IntervalMethod.AUTO);
    }

    @Benchmark
    public MetricInterval poissonCellsEqualMassCalibration(Data d) {
        return interval(
                d.binary,
                Metric.EXPECTED_CALIBRATION_ERROR,
                MetricOptions.defaults().withBinning(Binning.EQUAL_MASS),
                IntervalMethod.AUTO);
    }

    @Benchmark
    public MetricInterval poissonBlocksMedianError(Data d) {
        return interval(d.regression, Metric.MEDIAN_ABSOLUTE_ERROR);
    }

    @Benchmark
    public MetricInterval poissonRowsAveragePrecision(Data d) {
        return interval(d.binary, Metric.AVERAGE_PRECISION, MetricOptions.defaults(), IntervalMethod.BOOTSTRAP);
    }
}
