package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.DisparateImpactCheck;
import dev.modeltest.fairness.FairnessOptions;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Metric;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to the fairness checks on Spark fails naming it; where the schema tells, before any job runs. */
class SparkFairnessBadInputTest {

    private static final String WHERE = "nightly parity";
    private static final DemographicParityCheck PARITY =
            new DemographicParityCheck(WHERE, FairnessOptions.of("sex").withMinGroupSize(1), 0.5, Double.NaN);

    private static final StructType SCHEMA = new StructType()
            .add("sex", DataTypes.StringType)
            .add("label", DataTypes.StringType)
            .add("prediction", DataTypes.StringType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType));

    private static Dataset<Row> rows(Row... rows) {
        return LocalSpark.session().createDataFrame(Arrays.asList(rows), SCHEMA);
    }

    private static Row row(String sex, String label, String prediction) {
        return RowFactory.create(sex, label, prediction, List.of());
    }

    private static Dataset<Row> scored() {
        return rows(row("F", "yes", "yes"), row("F", "no", "yes"), row("M", "yes", "no"), row("M", "no", "no"));
    }

    @Test
    void aGoodDatasetIsDecided() {
        List<CheckResult> results = SparkChecks.fairness(scored(), "loans", "label", "prediction", PARITY);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.measured()).isEqualTo(1.0);
        });
    }

    @Test
    void aMissingAttributeColumnIsNamedWithTheNearestBeforeAnyJob() throws Throwable {
        DemographicParityCheck bySx = new DemographicParityCheck(WHERE, FairnessOptions.of("sx"), 0.1, Double.NaN);
        Executable call = () -> SparkChecks.fairness(scored(), "loans", "label", "prediction", bySx);

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set loans has no attribute column 'sx' (did you mean 'sex'?); its columns are sex,"
                        + " label, prediction, tags");
        assertThat(SparkJobs.of("fairness-missing-attribute", call)).isZero();
    }

    @Test
    void aMissingLabelColumnIsNamedBeforeAnyJob() throws Throwable {
        Executable call = () -> SparkChecks.fairness(scored(), "loans", "lable", "prediction", PARITY);

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set loans has no label column 'lable' (did you mean 'label'?); its columns are sex,"
                        + " label, prediction, tags");
        assertThat(SparkJobs.of("fairness-missing-label", call)).isZero();
    }

    @Test
    void anAttributeThatCannotFormGroupsIsRefusedBeforeAnyJob() throws Throwable {
        DemographicParityCheck byTags = new DemographicParityCheck(WHERE, FairnessOptions.of("tags"), 0.1, Double.NaN);
        Executable call = () -> SparkChecks.fairness(scored(), "loans", "label", "prediction", byTags);

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set loans: attribute column 'tags' holds array<string>, not labels; an attribute"
                        + " column holds text, numbers or booleans");
        assertThat(SparkJobs.of("fairness-array-attribute", call)).isZero();
    }

    @Test
    void aThresholdIsRefusedBeforeAnyJob() throws Throwable {
        DemographicParityCheck byProbability =
                new DemographicParityCheck(WHERE, FairnessOptions.of("sex").withThreshold(0.3), 0.1, Double.NaN);
        Executable call = () -> SparkChecks.fairness(scored(), "loans", "label", "prediction", byProbability);

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nightly parity: 'threshold' decides on each row's probability of the positive class,"
                        + " which counts of labels do not hold; remove 'threshold' to judge the predicted labels");
        assertThat(SparkJobs.of("fairness-threshold", call)).isZero();
    }

    @Test
    void aCheckThatIsNoFairnessCheckIsRefused() {
        MetricGate accuracy = MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.5)
                .build();

        assertThatThrownBy(() -> SparkChecks.fairness(scored(), "loans", "label", "prediction", accuracy))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("MetricGate is not a fairness check: SparkChecks.fairness decides DemographicParityCheck,"
                        + " EqualOpportunityCheck, EqualizedOddsCheck, DisparateImpactCheck, GroupMetricAtLeastCheck"
                        + " and GroupMetricGapAtMostCheck");
    }

    @Test
    void anEmptyDatasetFailsNamingIt() {
        assertThatThrownBy(() -> SparkChecks.fairness(rows(), "loans of 2026-12-06", "label", "prediction", PARITY))
                .isInstanceOf(DataException.class)
                .hasMessage("data set loans of 2026-12-06 has no rows");
    }

    @Test
    void missingGroupValuesAreCountedAndNamed() {
        Dataset<Row> withNulls = rows(row("F", "yes", "yes"), row(null, "no", "yes"), row(null, "yes", "no"));

        assertThatThrownBy(() -> SparkChecks.fairness(withNulls, "loans", "label", "prediction", PARITY))
                .isInstanceOf(DataException.class)
                .hasMessage("data set loans, attribute column 'sex': 2 rows are empty (null); every row needs a value"
                        + " to be put in a group (fill it, e.g. with 'unknown', or drop the row)");
    }

    @Test
    void missingLabelsAreCounted() {
        Dataset<Row> withNulls = rows(row("F", null, "yes"), row("M", "no", "yes"));

        assertThatThrownBy(() -> SparkChecks.fairness(withNulls, "loans", "label", "prediction", PARITY))
                .isInstanceOf(DataException.class)
                .hasMessage("data set loans, label column 'label': 1 row is empty (null)");
    }

    @Test
    void moreThanTwoClassesAreRefusedAsInMemory() {
        Dataset<Row> threeClasses = rows(row("F", "yes", "maybe"), row("M", "no", "yes"));

        assertThatThrownBy(() -> SparkChecks.fairness(threeClasses, "loans", "label", "prediction", PARITY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nightly parity: fairness checks apply to binary classifiers, but predictions column"
                        + " 'prediction' on loans has 3 classes [maybe, no, yes]; compare one class against the rest"
                        + " in a column of its own");
    }

    @Test
    void aPrivilegedGroupThatDoesNotOccurIsNamed() {
        DisparateImpactCheck impact =
                new DisparateImpactCheck(WHERE, FairnessOptions.of("sex").withMinGroupSize(1), List.of("W"), 0.8);

        assertThatThrownBy(() -> SparkChecks.fairness(scored(), "loans", "label", "prediction", impact))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "nightly parity: 'privileged' must name a group of sex in the data, was \"W\" (did you mean 'F'?);"
                                + " the groups are F, M");
    }
}
