package dev.modeltest.benchmarks;

import dev.modeltest.data.TestData;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Predictor;
import java.util.List;
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
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Building {@link Predictions} for 10 million rows: encoding the label column as class indexes ({@link
 * Predictor#encodeLabels}, on a fresh {@link TestData} each time so nothing is cached) and checking the predictions
 * (class indexes in range, lengths) without copying them ({@link Predictions#wrapClassification}), as the extension
 * does after predicting; {@code copyingFactory} is the public factory that copies its arrays, for comparison.
 * Binary classification with probabilities. Target: encoding plus building in at most 100 ms. Run with {@code
 * scripts/bench/run_loading_benchmark.sh}; results in {@code docs/performance.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EncodingBenchmark {

    static final List<String> CLASSES = List.of("0", "1");

    /** Ten million rows: labels as read from a CSV file (whole numbers) and as text, predictions, probabilities. */
    @State(Scope.Benchmark)
    public static class Rows {

        @Param({"10000000"})
        public int rows;

        Table table;
        int[] actual;
        int[] predicted;
        double[][] probabilities;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(20261206L);
            int[] labels = new int[rows];
            String[] text = new String[rows];
            predicted = new int[rows];
            probabilities = new double[2][rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(10) < 3 ? 1 : 0;
                text[r] = labels[r] == 1 ? "1" : "0";
                double p = random.nextDouble();
                probabilities[1][r] = p;
                probabilities[0][r] = 1 - p;
                predicted[r] = p >= 0.5 ? 1 : 0;
            }
            table = Table.create("bench", IntColumn.create("label", labels), StringColumn.create("text", text));
            actual = Predictor.encodeLabels(TestData.of("bench", table), "label", CLASSES);
        }
    }

    /** Encodes a whole-number label column. */
    @Benchmark
    public int[] encodeNumberLabels(Rows rows) {
        return Predictor.encodeLabels(TestData.of("bench", rows.table), "label", CLASSES);
    }

    /** Encodes a text label column. */
    @Benchmark
    public int[] encodeTextLabels(Rows rows) {
        return Predictor.encodeLabels(TestData.of("bench", rows.table), "text", CLASSES);
    }

    /** Checks and keeps the arrays, as after predicting. */
    @Benchmark
    public Predictions build(Rows rows) {
        return Predictions.wrapClassification(
                "bench", "generated", CLASSES, rows.actual, rows.predicted, rows.probabilities);
    }

    /** Encodes the labels and builds the predictions: the whole step. */
    @Benchmark
    public Predictions encodeAndBuild(Rows rows) {
        int[] actual = Predictor.encodeLabels(TestData.of("bench", rows.table), "label", CLASSES);
        return Predictions.wrapClassification(
                "bench", "generated", CLASSES, actual, rows.predicted, rows.probabilities);
    }

    /** The public factory, which copies every array first. */
    @Benchmark
    public Predictions copyingFactory(Rows rows) {
        return Predictions.classification(
                "bench", "generated", CLASSES, rows.actual, rows.predicted, rows.probabilities);
    }
}
