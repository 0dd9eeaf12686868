package dev.modeltest.benchmarks;

import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The data of {@link MetricsBenchmark}, generated from a fixed seed, and a writer that saves it for
 * {@code scripts/bench/sklearn_metrics.py}, so that scikit-learn is timed on exactly the same rows.
 *
 * <p>Binary: 30% positives, the positive probability a logistic of a normal score (full double precision), the label
 * predicted at 0.5. Multiclass: four classes with priors 0.4/0.3/0.2/0.1, softmax probabilities of normal logits
 * shifted towards the true class, the label their argmax.
 *
 * <p>Run {@code main(directory [rows])} to write little-endian {@code int32} labels and {@code float64} probabilities
 * (one column after another) plus {@code java-values.csv}, the metrics this library computes on them.
 */
public final class MetricsBenchmarkData {

    static final long SEED = 20240601L;
    static final List<String> BINARY_CLASSES = List.of("negative", "positive");
    static final List<String> MULTICLASS_CLASSES = List.of("c0", "c1", "c2", "c3");

    static final Set<Metric> LABEL_METRICS = EnumSet.of(
            Metric.ACCURACY,
            Metric.BALANCED_ACCURACY,
            Metric.PRECISION,
            Metric.RECALL,
            Metric.F1,
            Metric.MATTHEWS,
            Metric.COHEN_KAPPA);
    static final Set<Metric> RANKING_METRICS = EnumSet.of(Metric.ROC_AUC, Metric.AVERAGE_PRECISION);
    static final Set<Metric> BINARY_PROBABILITY_METRICS =
            EnumSet.of(Metric.LOG_LOSS, Metric.BRIER, Metric.EXPECTED_CALIBRATION_ERROR);
    static final Set<Metric> MULTICLASS_PROBABILITY_METRICS =
            EnumSet.of(Metric.LOG_LOSS, Metric.EXPECTED_CALIBRATION_ERROR);

    /** Binary metrics: positive class "positive"; 10 equal-width calibration bins. */
    static final MetricOptions BINARY_OPTIONS = MetricOptions.defaults();

    /** Multiclass metrics: macro averaging (one-vs-rest for ROC AUC and AP), top-label calibration. */
    static final MetricOptions MULTICLASS_OPTIONS = MetricOptions.defaults().withAverage(Averaging.MACRO);

    private MetricsBenchmarkData() {}

    /** The raw columns of a classification data set. */
    record Columns(int[] actual, int[] predicted, double[][] probabilities) {

        Predictions predictions(List<String> classes) {
            return Predictions.classification("benchmark", "generated", classes, actual, predicted, probabilities);
        }
    }

    static Columns binary(int n) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[] negative = new double[n];
        double[] positive = new double[n];
        for (int i = 0; i < n; i++) {
            boolean yes = random.nextDouble() < 0.3;
            double score = random.nextGaussian() * 1.2 + (yes ? 1.0 : -1.0);
            double p = 1 / (1 + Math.exp(-score));
            actual[i] = yes ? 1 : 0;
            predicted[i] = p >= 0.5 ? 1 : 0;
            positive[i] = p;
            negative[i] = 1 - p;
        }
        return new Columns(actual, predicted, new double[][] {negative, positive});
    }

    static Columns multiclass(int n) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int k = 4;
        double[] prior = {0.4, 0.3, 0.2, 0.1};
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[k][n];
        double[] e = new double[k];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int y = 0;
            for (double acc = prior[0]; u >= acc && y < k - 1; acc += prior[++y]) {
                // walk the cumulative priors
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                e[c] = Math.exp(random.nextGaussian() + (c == y ? 1.5 : 0));
                sum += e[c];
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                p[c][i] = e[c] / sum;
                if (p[c][i] > p[best][i]) {
                    best = c;
                }
            }
            actual[i] = y;
            predicted[i] = best;
        }
        return new Columns(actual, predicted, p);
    }

    /** Writes the data sets and this library's metric values into {@code args[0]}; {@code args[1]} rows. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/metrics-bench-data");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : MetricsBenchmark.ROWS;
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("dataset,metric,value");
        Columns binary = binary(rows);
        write(dir, "binary", binary);
        values(
                lines,
                "binary",
                binary.predictions(BINARY_CLASSES),
                BINARY_OPTIONS,
                LABEL_METRICS,
                RANKING_METRICS,
                BINARY_PROBABILITY_METRICS);
        binary = null;
        Columns multiclass = multiclass(rows);
        write(dir, "multiclass", multiclass);
        values(
                lines,
                "multiclass",
                multiclass.predictions(MULTICLASS_CLASSES),
                MULTICLASS_OPTIONS,
                LABEL_METRICS,
                RANKING_METRICS,
                MULTICLASS_PROBABILITY_METRICS);
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(dir.resolve("java-values.csv"), StandardCharsets.UTF_8))) {
            lines.forEach(out::println);
        }
        System.out.println("wrote " + rows + " rows per data set to " + dir.toAbsolutePath());
    }

    @SafeVarargs
    private static void values(
            List<String> lines, String name, Predictions p, MetricOptions options, Set<Metric>... sets) {
        for (Set<Metric> set : sets) {
            for (Map.Entry<Metric, Double> e :
                    Metrics.computeAll(p, set, options).entrySet()) {
                lines.add(name + "," + e.getKey().name() + "," + e.getValue());
            }
        }
    }

    private static void write(Path dir, String name, Columns c) throws IOException {
        writeInts(dir.resolve(name + "_actual.i32"), c.actual());
        writeInts(dir.resolve(name + "_predicted.i32"), c.predicted());
        try (OutputStream out =
                new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + "_proba.f64")), 1 << 20)) {
            ByteBuffer buffer = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] column : c.probabilities()) {
                for (double v : column) {
                    if (!buffer.hasRemaining()) {
                        out.write(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    buffer.putDouble(v);
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    private static void writeInts(Path path, int[] values) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 20))) {
            for (int v : values) {
                out.writeInt(Integer.reverseBytes(v));
            }
        }
    }
}
