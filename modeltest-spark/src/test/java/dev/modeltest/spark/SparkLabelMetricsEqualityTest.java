package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.ZeroDivision;
import dev.modeltest.model.Predictions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every label metric on Spark equals the in-memory engine's, bit for bit, from 10 000 rows on, where the interval of a
 * metric without a Wilson interval is the Poisson bootstrap per confusion cell (a function of the counts and the
 * seed): macro and weighted averages, F1, F-beta, Jaccard, balanced accuracy (adjusted), Matthews, Cohen's kappa
 * (unweighted, linear, quadratic), {@code zeroDivision}, a forced bootstrap, every class on its own ({@code average =
 * NONE}). The data are the golden and example sets
 * of {@link SparkGatesEqualityTest}, each written out as many times as reach 10 000 rows, in the same partitionings.
 */
class SparkLabelMetricsEqualityTest {

    /** The rows of {@code data}'s file repeated until there are at least 10 000, as a CSV in the build directory. */
    static SparkGatesEqualityTest.Scored stacked(SparkGatesEqualityTest.Scored data) {
        try {
            List<String> lines = Files.readAllLines(Path.of(data.path()));
            List<String> body = lines.subList(1, lines.size());
            int copies = (10_000 + body.size() - 1) / body.size();
            List<String> out = new ArrayList<>();
            out.add(lines.get(0));
            for (int c = 0; c < copies; c++) {
                out.addAll(body);
            }
            Path dir = Files.createDirectories(Path.of("target", "stacked"));
            Path file = dir.resolve(data.name().replace(".csv", "-x" + copies + ".csv"));
            Files.write(file, out);
            return new SparkGatesEqualityTest.Scored(
                    file.toString(), data.label(), data.prediction(), data.someClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every label metric, with each averaging and option it takes, passing, failing and inconclusive. */
    private static List<MetricGate> gates(SparkGatesEqualityTest.Scored data) {
        MetricOptions positive = MetricOptions.defaults().withPositiveLabel(data.someClass());
        return List.of(
                MetricGate.builder("macro precision", Metric.PRECISION, Bound.AT_LEAST, 0.7)
                        .average(Averaging.MACRO)
                        .build(),
                MetricGate.builder("weighted recall at 95%", Metric.RECALL, Bound.AT_LEAST, 0.75)
                        .average(Averaging.WEIGHTED)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("f1", Metric.F1, Bound.AT_LEAST, 0.8).build(),
                MetricGate.builder("f1 of one class at 90%", Metric.F1, Bound.AT_LEAST, 0.85)
                        .options(positive)
                        .confidence(0.9)
                        .build(),
                MetricGate.builder("f2 weighted", Metric.F_BETA, Bound.AT_LEAST, 0.6)
                        .options(MetricOptions.defaults().withBeta(2).withAverage(Averaging.WEIGHTED))
                        .build(),
                MetricGate.builder("f0.5 micro at 95%", Metric.F_BETA, Bound.AT_MOST, 0.8)
                        .options(MetricOptions.defaults().withBeta(0.5).withAverage(Averaging.MICRO))
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("jaccard", Metric.JACCARD, Bound.AT_LEAST, 0.6)
                        .build(),
                MetricGate.builder("balanced accuracy", Metric.BALANCED_ACCURACY, Bound.AT_LEAST, 0.8)
                        .confidence(0.99)
                        .build(),
                MetricGate.builder("adjusted balanced accuracy", Metric.ADJUSTED_BALANCED_ACCURACY, Bound.AT_LEAST, 0.5)
                        .build(),
                MetricGate.builder("matthews at 95%", Metric.MATTHEWS, Bound.AT_LEAST, 0.6)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("kappa", Metric.COHEN_KAPPA, Bound.AT_LEAST, 0.65)
                        .seed(7)
                        .resamples(500)
                        .build(),
                MetricGate.builder("kappa linear", Metric.COHEN_KAPPA_LINEAR, Bound.AT_LEAST, 0.6)
                        .build(),
                MetricGate.builder("kappa quadratic at 95%", Metric.COHEN_KAPPA_QUADRATIC, Bound.AT_LEAST, 0.9)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("macro f1, 0/0 as NaN", Metric.F1, Bound.AT_LEAST, 0.5)
                        .average(Averaging.MACRO)
                        .zeroDivision(ZeroDivision.NAN)
                        .build(),
                MetricGate.builder("accuracy, bootstrap", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .interval(IntervalMethod.BOOTSTRAP)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("f1 per class", Metric.F1, Bound.AT_LEAST, 0.6)
                        .average(Averaging.NONE)
                        .build(),
                MetricGate.builder("recall per class at 95%", Metric.RECALL, Bound.AT_LEAST, 0.7)
                        .average(Averaging.NONE)
                        .confidence(0.95)
                        .build());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (SparkGatesEqualityTest.Scored data : List.of(
                SparkGatesEqualityTest.BINARY,
                SparkGatesEqualityTest.MULTICLASS,
                SparkGatesEqualityTest.BREAST_CANCER)) {
            SparkGatesEqualityTest.Scored large = stacked(data);
            for (String partitioning : SparkGatesEqualityTest.PARTITIONINGS) {
                out.add(Arguments.of(large.name(), partitioning, large));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void everyLabelMetricGivesTheInMemoryResult(String name, String partitioning, SparkGatesEqualityTest.Scored data) {
        Predictions inMemory = SparkGatesEqualityTest.inMemory(data);
        assertThat(inMemory.size()).isBetween(10_000, 10_100);
        Dataset<Row> rows = SparkGatesEqualityTest.partition(SparkGatesEqualityTest.read(data), partitioning, data);
        List<MetricGate> gates = gates(data);

        List<CheckResult> onSpark = SparkGates.evaluate(
                rows, data.name(), data.label(), data.prediction(), gates.toArray(MetricGate[]::new));

        assertThat(onSpark).hasSameSizeAs(gates);
        for (int i = 0; i < gates.size(); i++) {
            CheckResult expected = gates.get(i).evaluate(inMemory);
            CheckResult actual = onSpark.get(i);
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("attachments")
                    // Bit for bit, NaN equal to NaN.
                    .withComparatorForType(Double::compare, Double.class)
                    .as("gate %s (%s) on %s, %s", i, gates.get(i).metric(), name, partitioning)
                    .isEqualTo(expected);
            assertThat(actual.attachments().get(0).content().get())
                    .isEqualTo(expected.attachments().get(0).content().get());
        }
        // The intervals are the bootstrap's, not Wilson's: F1's comes from the per-cell Poisson bootstrap.
        assertThat(onSpark.get(2).details().get("intervalMethod"))
                .asString()
                .startsWith("Poisson bootstrap, 2000 resamples, seed 42");
        assertThat(onSpark).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL);
    }
}
