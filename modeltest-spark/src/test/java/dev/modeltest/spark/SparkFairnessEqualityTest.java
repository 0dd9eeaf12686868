package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.DisparateImpactCheck;
import dev.modeltest.fairness.EqualOpportunityCheck;
import dev.modeltest.fairness.EqualizedOddsCheck;
import dev.modeltest.fairness.FairnessOptions;
import dev.modeltest.fairness.GroupMetric;
import dev.modeltest.fairness.GroupMetricAtLeastCheck;
import dev.modeltest.fairness.GroupMetricGapAtMostCheck;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fairness checks give the same results on Spark as in memory: value, bootstrap interval, verdict, message,
 * details and per-group table, whatever the partitioning and the order of the rows. The data are core's fairness
 * golden set (1188 rows; groups by sex and by sex × age band, among them a group X too small to judge).
 */
class SparkFairnessEqualityTest {

    private static final String PATH = "../modeltest-core/src/test/resources/golden/fairness/fairness-data.csv";
    private static final String NAME = "fairness-data.csv";
    private static final FairnessOptions SEX = FairnessOptions.of("sex");
    private static final FairnessOptions SEX_AGE = FairnessOptions.of("sex", "age_band");

    private static Subject subject;
    private static Dataset<Row> read;

    @BeforeAll
    static void read() {
        subject = Subject.of(new SubjectSpec(
                "SparkFairnessEqualityTest",
                PATH,
                "y_true",
                new ModelSource.Columns("y_pred", List.of()),
                List.of(),
                TaskHint.CLASSIFICATION));
        read = LocalSpark.session().read().option("header", "true").csv(PATH).cache();
    }

    @AfterAll
    static void close() {
        subject.close();
        read.unpersist();
    }

    /** Every fairness check, by one attribute and by two, on points and on bootstrap intervals. */
    private static List<Check> checks() {
        return List.of(
                new DemographicParityCheck("parity", SEX, 0.1, Double.NaN),
                new DemographicParityCheck("parity ratio at 95%", SEX.withConfidence(0.95), Double.NaN, 0.8),
                new DemographicParityCheck("intersectional parity", SEX_AGE, 0.3, Double.NaN),
                new EqualOpportunityCheck("opportunity", SEX, 0.05),
                new EqualOpportunityCheck("opportunity, positive no", SEX.withPositiveLabel("no"), 0.2),
                new EqualizedOddsCheck("odds at 90%", SEX_AGE.withConfidence(0.9), 0.3),
                new DisparateImpactCheck("four-fifths", SEX, List.of("M"), DisparateImpactCheck.FOUR_FIFTHS),
                new DisparateImpactCheck("impact by sex and age", SEX_AGE, List.of("M", "26-40"), 0.9),
                new GroupMetricAtLeastCheck("recall floor", SEX_AGE, GroupMetric.RECALL, 0.6),
                new GroupMetricGapAtMostCheck("accuracy gap", SEX.withMinGroupSize(5), GroupMetric.ACCURACY, 0.05));
    }

    private static Dataset<Row> partition(String partitioning) {
        return switch (partitioning) {
            case "as read" -> read;
            case "shuffled by seed 1 into 3 partitions" ->
                read.repartition(3, functions.rand(1)).sortWithinPartitions(functions.rand(2));
            case "shuffled by seed 7 into 6 partitions" ->
                read.repartition(6, functions.rand(7)).sortWithinPartitions(functions.rand(8));
            case "hashed by sex into 9 partitions, most of them empty" ->
                read.repartition(9, functions.col("sex")).sortWithinPartitions(functions.rand(3));
            default -> throw new IllegalArgumentException(partitioning);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "as read",
                "shuffled by seed 1 into 3 partitions",
                "shuffled by seed 7 into 6 partitions",
                "hashed by sex into 9 partitions, most of them empty"
            })
    void everyFairnessCheckGivesTheInMemoryResult(String partitioning) {
        Dataset<Row> rows = partition(partitioning);
        assertThat(rows.rdd().getNumPartitions())
                .isEqualTo(
                        partitioning.equals("as read")
                                ? 1
                                : Integer.parseInt(partitioning
                                        .replaceAll("\\D+", " ")
                                        .trim()
                                        .split(" ")[partitioning.contains("seed") ? 1 : 0]));
        List<Check> checks = checks();

        List<CheckResult> onSpark = SparkChecks.fairness(rows, NAME, "y_true", "y_pred", checks.toArray(Check[]::new));

        assertThat(onSpark).hasSameSizeAs(checks);
        for (int i = 0; i < checks.size(); i++) {
            CheckResult expected = checks.get(i).run(subject);
            CheckResult actual = onSpark.get(i);
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("attachments")
                    .as("%s, %s", actual.title(), partitioning)
                    .isEqualTo(expected);
            assertThat(actual.attachments())
                    .extracting(Attachment::name)
                    .isEqualTo(expected.attachments().stream()
                            .map(Attachment::name)
                            .toList());
            // The per-group table as CSV and as HTML; the chart is drawn from the same table.
            assertThat(actual.attachments().get(0).content().get())
                    .isEqualTo(expected.attachments().get(0).content().get());
            assertThat(actual.attachments().get(2).content().get())
                    .isEqualTo(expected.attachments().get(2).content().get());
        }
        assertThat(onSpark).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL);
        assertThat(onSpark.get(1).interval()).isNotNull();
    }
}
