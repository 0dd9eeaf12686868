package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Binary ROC AUC ranked in Spark equals the in-memory engine's: the value bit for bit (the Mann-Whitney count is an
 * integer), DeLong's logit interval within a relative 1e-12 (the placements' sums in another order), and verdict,
 * message and details exactly, whatever the partitioning. The data are the golden binary set (ham/spam, 400 rows,
 * scores of two decimals, so many ties), the golden multiclass set with a named positive class, and the examples'
 * scored breast-cancer set.
 */
class SparkRankingEqualityTest {

    /** A scored set with its score columns, one per class that may be positive. */
    record Ranked(SparkGatesEqualityTest.Scored data, Map<String, String> scores, String positiveLabel) {}

    private static final Ranked BINARY =
            new Ranked(SparkGatesEqualityTest.BINARY, ordered("ham", "p_ham", "spam", "p_spam"), null);
    private static final Ranked MULTICLASS = new Ranked(
            SparkGatesEqualityTest.MULTICLASS,
            ordered("bird", "p_bird", "cat", "p_cat", "dog", "p_dog", "fish", "p_fish"),
            "dog");
    private static final Ranked BREAST_CANCER =
            new Ranked(SparkGatesEqualityTest.BREAST_CANCER, ordered("malignant", "p_malignant"), null);

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static List<MetricGate> gates(Ranked ranked) {
        MetricOptions options = ranked.positiveLabel() == null
                ? MetricOptions.defaults()
                : MetricOptions.defaults().withPositiveLabel(ranked.positiveLabel());
        return List.of(
                MetricGate.builder("auc", Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                        .options(options)
                        .build(),
                MetricGate.builder("auc at 95%", Metric.ROC_AUC, Bound.AT_LEAST, 0.9)
                        .options(options)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("auc at 90%, exact", Metric.ROC_AUC, Bound.AT_LEAST, 0.97)
                        .options(options)
                        .confidence(0.9)
                        .interval(dev.modeltest.metrics.IntervalMethod.EXACT)
                        .build(),
                MetricGate.builder("accuracy beside it", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .build());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Ranked ranked : List.of(BINARY, MULTICLASS, BREAST_CANCER)) {
            for (String partitioning : SparkGatesEqualityTest.PARTITIONINGS) {
                out.add(Arguments.of(ranked.data().name(), partitioning, ranked));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void rocAucGivesTheInMemoryResult(String name, String partitioning, Ranked ranked) {
        SparkGatesEqualityTest.Scored data = ranked.data();
        Predictions inMemory = inMemory(ranked);
        Dataset<Row> rows = SparkGatesEqualityTest.partition(read(data), partitioning, data);
        List<MetricGate> gates = gates(ranked);

        List<CheckResult> onSpark = SparkGates.evaluate(
                rows, data.name(), data.label(), data.prediction(), ranked.scores(), gates.toArray(MetricGate[]::new));

        for (int i = 0; i < gates.size(); i++) {
            CheckResult expected = gates.get(i).evaluate(inMemory);
            CheckResult actual = onSpark.get(i);
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("attachments")
                    .withEqualsForType(SparkRankingEqualityTest::close, Double.class)
                    .as("gate %s (%s) on %s, %s", i, gates.get(i).metric(), name, partitioning)
                    .isEqualTo(expected);
            // The value to the last bit: 2U is an exact integer on both sides.
            assertThat(actual.measured()).isEqualTo(expected.measured());
        }
        assertThat(onSpark.get(1).details().get("intervalMethod").toString()).startsWith("DeLong (logit), ");
    }

    static Stream<Arguments> largeCases() {
        List<Arguments> out = new ArrayList<>();
        for (Ranked ranked : List.of(BINARY, BREAST_CANCER)) {
            Ranked large = new Ranked(
                    SparkLabelMetricsEqualityTest.stacked(ranked.data()), ranked.scores(), ranked.positiveLabel());
            for (String partitioning :
                    List.of(SparkGatesEqualityTest.PARTITIONINGS.get(0), SparkGatesEqualityTest.PARTITIONINGS.get(2))) {
                out.add(Arguments.of(large.data().name(), partitioning, large));
            }
        }
        return out.stream();
    }

    /**
     * Average precision from 10 000 rows on (the sets written out as often as reach that): the value within 1e-12 (a
     * sum over the groups in another order) and the infinitesimal jackknife's interval from a third job, the rows'
     * influences, within 1e-12; ROC AUC beside it on the same ranking.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("largeCases")
    void averagePrecisionGivesTheInMemoryResultFromTenThousandRows(String name, String partitioning, Ranked ranked) {
        SparkGatesEqualityTest.Scored data = ranked.data();
        Predictions inMemory = inMemory(ranked);
        Dataset<Row> rows = SparkGatesEqualityTest.partition(read(data), partitioning, data);
        List<MetricGate> gates = List.of(
                MetricGate.builder("ap", Metric.AVERAGE_PRECISION, Bound.AT_LEAST, 0.9)
                        .build(),
                MetricGate.builder("ap at 95%", Metric.AVERAGE_PRECISION, Bound.AT_LEAST, 0.95)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("auc at 95%", Metric.ROC_AUC, Bound.AT_LEAST, 0.9)
                        .confidence(0.95)
                        .build());

        List<CheckResult> onSpark = SparkGates.evaluate(
                rows, data.name(), data.label(), data.prediction(), ranked.scores(), gates.toArray(MetricGate[]::new));

        for (int i = 0; i < gates.size(); i++) {
            assertThat(onSpark.get(i))
                    .usingRecursiveComparison()
                    .ignoringFields("attachments")
                    .withEqualsForType(SparkRankingEqualityTest::close, Double.class)
                    .as("gate %s (%s) on %s, %s", i, gates.get(i).metric(), name, partitioning)
                    .isEqualTo(gates.get(i).evaluate(inMemory));
        }
        assertThat(onSpark.get(1).details().get("intervalMethod").toString())
                .startsWith("infinitesimal jackknife (logit), ");
    }

    @Test
    void averagePrecisionBelowTenThousandRowsIsRefusedAfterTheRanking() {
        SparkGatesEqualityTest.Scored data = BINARY.data();
        MetricGate ap = MetricGate.builder("ap", Metric.AVERAGE_PRECISION, Bound.AT_LEAST, 0.9)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(
                        read(data), data.name(), data.label(), data.prediction(), BINARY.scores(), ap))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ap: average precision (positive class 'spam')'s interval is a bootstrap here,"
                        + " and below 10000 rows (this ranking holds 400)");
    }

    @Test
    void theDataSetsPassSomeGatesAndFailOthers() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Ranked ranked : List.of(BINARY, MULTICLASS, BREAST_CANCER)) {
            SparkGatesEqualityTest.Scored data = ranked.data();
            SparkGates.evaluate(
                            read(data),
                            data.name(),
                            data.label(),
                            data.prediction(),
                            ranked.scores(),
                            gates(ranked).toArray(MetricGate[]::new))
                    .forEach(r -> verdicts.add(r.verdict()));
        }
        assertThat(verdicts).contains(Verdict.PASS, Verdict.FAIL);
    }

    @Test
    void anAverageOverClassesAClassWithoutScoresAndMissingScoresAreRefused() {
        SparkGatesEqualityTest.Scored data = MULTICLASS.data();
        MetricGate macro = MetricGate.builder("macro auc", Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(
                        read(data), data.name(), data.label(), data.prediction(), MULTICLASS.scores(), macro))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("macro auc: ROC AUC (one-vs-rest, macro) averages the AUCs of 4 classes, which the ranking"
                        + " of one class's scores does not give; name a positiveLabel to gate the AUC of that class");
        MetricGate ofDog = gates(MULTICLASS).get(0);
        assertThatThrownBy(() -> SparkGates.evaluate(
                        read(data), data.name(), data.label(), data.prediction(), Map.of("cat", "p_cat"), ofDog))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set multiclass.csv: ROC AUC of class 'dog' ranks the rows by that class's score,"
                        + " but the scores name columns for cat only");
        assertThatThrownBy(() -> SparkGates.evaluate(read(data), data.name(), data.label(), data.prediction(), ofDog))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set multiclass.csv: ROC AUC ranks the rows by the positive class's score, and no"
                        + " score column is given; pass the score column of each class that may be positive, e.g."
                        + " Map.of(\"yes\", \"p_yes\")");
        assertThatThrownBy(() -> SparkGates.evaluate(
                        read(data), data.name(), data.label(), data.prediction(), Map.of("dog", "p_dgo"), ofDog))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("data set multiclass.csv has no score column 'p_dgo' (did you mean 'p_dog'?)");
        Dataset<Row> holes = read(data)
                .withColumn(
                        "p_dog",
                        functions
                                .when(functions.col("group").equalTo("north"), functions.lit(null))
                                .otherwise(functions.col("p_dog")));
        assertThatThrownBy(() -> SparkGates.evaluate(
                        holes, data.name(), data.label(), data.prediction(), MULTICLASS.scores(), ofDog))
                .isInstanceOf(DataException.class)
                .hasMessageMatching("data set multiclass.csv, score column 'p_dog': \\d+ rows are empty \\(null\\)");
    }

    private static Predictions inMemory(Ranked ranked) {
        SparkGatesEqualityTest.Scored data = ranked.data();
        SubjectSpec spec = new SubjectSpec(
                "SparkRankingEqualityTest",
                data.path(),
                data.label(),
                new ModelSource.Columns(
                        data.prediction(), List.copyOf(ranked.scores().values())),
                List.of(),
                TaskHint.CLASSIFICATION);
        return Subject.of(spec).predictions();
    }

    private static final Map<String, Dataset<Row>> READ = new ConcurrentHashMap<>();

    /** Each file read once with its score columns typed as numbers, kept in memory for the other cases. */
    private static Dataset<Row> read(SparkGatesEqualityTest.Scored data) {
        return READ.computeIfAbsent(
                data.path(),
                path -> LocalSpark.session()
                        .read()
                        .option("header", "true")
                        .option("inferSchema", "true")
                        .csv(path)
                        .cache());
    }

    /** Equal within a relative 1e-12: sums over the rows in another order. */
    private static boolean close(Double a, Double b) {
        return a.equals(b) || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }
}
