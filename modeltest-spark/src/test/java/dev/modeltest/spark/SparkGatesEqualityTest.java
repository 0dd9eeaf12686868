package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same gates on the same rows give the same results on Spark as in memory: value, interval, verdict, message,
 * threshold, n and details, whatever the partitioning and the order of the rows. The data are the repository's golden
 * and example sets: the metric goldens' binary (ham/spam, 400 rows) and multiclass (4 classes, 500 rows) sets and the
 * examples' scored breast-cancer set (143 rows).
 */
class SparkGatesEqualityTest {

    /** A scored data set: its file, its label and prediction columns, and one of its classes for binary gates. */
    record Scored(String path, String label, String prediction, String someClass) {
        String name() {
            return Path.of(path).getFileName().toString();
        }
    }

    static final Scored BINARY =
            new Scored("../modeltest-core/src/test/resources/golden/metrics/binary.csv", "actual", "predicted", "ham");
    static final Scored MULTICLASS = new Scored(
            "../modeltest-core/src/test/resources/golden/metrics/multiclass.csv", "actual", "predicted", "dog");
    static final Scored BREAST_CANCER = new Scored(
            "../modeltest-examples/src/test/resources/breast-cancer-scored.csv", "diagnosis", "predicted", "malignant");

    /** Partitionings: as read, shuffled into several partitions, and hashed into more partitions than classes. */
    static final List<String> PARTITIONINGS = List.of(
            "as read",
            "shuffled by seed 1 into 3 partitions",
            "shuffled by seed 7 into 5 partitions",
            "hashed by label into 9 partitions, most of them empty");

    static Dataset<Row> partition(Dataset<Row> rows, String partitioning, Scored data) {
        return switch (partitioning) {
            case "as read" -> rows;
            case "shuffled by seed 1 into 3 partitions" -> shuffled(rows, 1, 3);
            case "shuffled by seed 7 into 5 partitions" -> shuffled(rows, 7, 5);
            case "hashed by label into 9 partitions, most of them empty" ->
                rows.repartition(9, functions.col(data.label())).sortWithinPartitions(functions.rand(3));
            default -> throw new IllegalArgumentException(partitioning);
        };
    }

    /** Rows hashed by a seeded random number into {@code partitions}, each partition in a seeded random order. */
    private static Dataset<Row> shuffled(Dataset<Row> rows, long seed, int partitions) {
        return rows.repartition(partitions, functions.rand(seed)).sortWithinPartitions(functions.rand(seed + 1));
    }

    /** Every gate the Spark path decides, passing, failing and inconclusive, on point values and on intervals. */
    private static List<MetricGate> gates(Scored data) {
        MetricOptions positive = MetricOptions.defaults().withPositiveLabel(data.someClass());
        return List.of(
                MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.7)
                        .build(),
                MetricGate.builder("accuracy too high", Metric.ACCURACY, Bound.AT_LEAST, 0.99)
                        .build(),
                MetricGate.builder("@AccuracyAtLeast", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .reportedAsAccuracyCheck()
                        .build(),
                MetricGate.builder("accuracy at 95%", Metric.ACCURACY, Bound.AT_LEAST, 0.75)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("accuracy at 90% exact", Metric.ACCURACY, Bound.AT_LEAST, 0.6)
                        .confidence(0.9)
                        .interval(dev.modeltest.metrics.IntervalMethod.EXACT)
                        .build(),
                MetricGate.builder("precision", Metric.PRECISION, Bound.AT_LEAST, 0.6)
                        .options(positive)
                        .build(),
                MetricGate.builder("recall at 95%", Metric.RECALL, Bound.AT_LEAST, 0.8)
                        .options(positive)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("micro precision", Metric.PRECISION, Bound.AT_LEAST, 0.5)
                        .average(Averaging.MICRO)
                        .build(),
                MetricGate.builder("micro recall", Metric.RECALL, Bound.AT_MOST, 0.5)
                        .average(Averaging.MICRO)
                        .build(),
                MetricGate.builder("zero-one loss", Metric.ZERO_ONE_LOSS, Bound.AT_MOST, 0.2)
                        .confidence(0.99)
                        .build(),
                MetricGate.builder("hamming loss", Metric.HAMMING_LOSS, Bound.AT_MOST, 0.05)
                        .build());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Scored data : List.of(BINARY, MULTICLASS, BREAST_CANCER)) {
            for (String partitioning : PARTITIONINGS) {
                out.add(Arguments.of(data.name(), partitioning, data));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void everyGateGivesTheInMemoryResult(String name, String partitioning, Scored data) {
        Predictions inMemory = inMemory(data);
        Dataset<Row> rows = partition(read(data), partitioning, data);
        int partitions = rows.rdd().getNumPartitions();
        assertThat(partitions)
                .isEqualTo(
                        partitioning.equals("as read")
                                ? 1
                                : partitioning.contains("9") ? 9 : 3 + 2 * (partitioning.contains("5") ? 1 : 0));
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
                    .as("%s on %s, %s", gates.get(i).metric(), name, partitioning)
                    .isEqualTo(expected);
            // The confusion matrix table (none for @AccuracyAtLeast's result), with the same counts.
            assertThat(actual.attachments())
                    .extracting(a -> a.name())
                    .isEqualTo(
                            expected.attachments().stream().map(a -> a.name()).toList());
            for (int a = 0; a < actual.attachments().size(); a++) {
                assertThat(actual.attachments().get(a).content().get())
                        .isEqualTo(expected.attachments().get(a).content().get());
            }
        }
        assertThat(onSpark.get(0).attachments()).extracting(a -> a.name()).containsExactly("confusion matrix counts");
        // The cases are not all alike: each data set passes some gates and fails others.
        assertThat(onSpark).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL);
    }

    /** The in-memory engine's predictions: the file read by core, the prediction column as the model. */
    static Predictions inMemory(Scored data) {
        SubjectSpec spec = new SubjectSpec(
                "SparkGatesEqualityTest",
                data.path(),
                data.label(),
                new ModelSource.Columns(data.prediction(), List.of()),
                List.of(),
                TaskHint.CLASSIFICATION);
        return Subject.of(spec).predictions();
    }

    /** Each file read once, as text columns (what core reads labels as), and kept in memory for the other cases. */
    private static final Map<String, Dataset<Row>> READ = new ConcurrentHashMap<>();

    static Dataset<Row> read(Scored data) {
        return READ.computeIfAbsent(
                data.path(),
                path -> LocalSpark.session()
                        .read()
                        .option("header", "true")
                        .csv(path)
                        .cache());
    }
}
