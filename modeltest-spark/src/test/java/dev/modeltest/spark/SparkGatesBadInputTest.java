package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.latency.LatencyCheck;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
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

/**
 * Bad input fails naming it, and where Spark can tell without reading rows, before any job runs: a missing column
 * (with the nearest name), predictions of another type than the labels, a gate that cannot run on Spark (yet). An
 * empty Dataset and missing labels need a look at the rows, so they fail after one job.
 */
class SparkGatesBadInputTest {

    private static final MetricGate ACCURACY = MetricGate.builder(
                    "nightly accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.5)
            .build();

    private static final StructType TEXT = new StructType()
            .add("label", DataTypes.StringType)
            .add("prediction", DataTypes.StringType)
            .add("score", DataTypes.DoubleType);

    private static Dataset<Row> rows(StructType schema, Row... rows) {
        return LocalSpark.session().createDataFrame(Arrays.asList(rows), schema);
    }

    private static Dataset<Row> scored() {
        return rows(
                TEXT,
                RowFactory.create("cat", "cat", 0.9),
                RowFactory.create("dog", "cat", 0.4),
                RowFactory.create("dog", "dog", 0.8));
    }

    /** Runs {@code call} in its own job group and returns the number of Spark jobs it started. */
    private static int jobsOf(String group, Executable call) throws Throwable {
        var context = LocalSpark.session().sparkContext();
        context.setJobGroup(group, group, false);
        try {
            call.execute();
        } catch (RuntimeException expected) {
            // The assertions on the exception are made separately.
        } finally {
            context.clearJobGroup();
        }
        return context.statusTracker().getJobIdsForGroup(group).length;
    }

    @Test
    void aMissingLabelColumnIsNamedWithTheNearestColumnBeforeAnyJob() throws Throwable {
        Executable call = () -> SparkGates.evaluate(scored(), "scores", "lable", "prediction", ACCURACY);
        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set scores has no label column 'lable' (did you mean 'label'?); its columns are"
                        + " label, prediction, score");
        assertThat(jobsOf("missing-label", call)).isZero();
    }

    @Test
    void aMissingPredictionColumnIsNamed() {
        assertThatThrownBy(() -> SparkGates.evaluate(scored(), "scores", "label", "predictoin", ACCURACY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set scores has no predictions column 'predictoin' (did you mean 'prediction'?);"
                        + " its columns are label, prediction, score");
    }

    @Test
    void predictionsOfAnotherTypeThanTheLabelsFailBeforeAnyJob() throws Throwable {
        Executable call = () -> SparkGates.evaluate(scored(), "scores", "label", "score", ACCURACY);
        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set scores: label column 'label' holds text (string) but predictions column 'score'"
                        + " holds numbers (double); the predictions must be labels of the label column's type");
        assertThat(jobsOf("type-mismatch", call)).isZero();
    }

    @Test
    void aColumnThatCannotHoldLabelsIsRefused() {
        StructType schema = new StructType()
                .add("label", DataTypes.createArrayType(DataTypes.StringType))
                .add("prediction", DataTypes.StringType);
        assertThatThrownBy(() -> SparkGates.evaluate(rows(schema), "scores", "label", "prediction", ACCURACY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set scores: label column 'label' holds array<string>, not labels; a label column"
                        + " holds text, numbers or booleans");
    }

    @Test
    void anEmptyDatasetFailsNamingIt() throws Throwable {
        Executable call =
                () -> SparkGates.evaluate(rows(TEXT), "scores of 2026-12-06", "label", "prediction", ACCURACY);
        assertThatThrownBy(call::execute)
                .isInstanceOf(DataException.class)
                .hasMessage("data set scores of 2026-12-06 has no rows");
    }

    @Test
    void missingLabelsAndPredictionsAreCounted() {
        Dataset<Row> withNulls = rows(
                TEXT,
                RowFactory.create("cat", "cat", 0.9),
                RowFactory.create(null, "cat", 0.4),
                RowFactory.create(null, "dog", 0.8));
        assertThatThrownBy(() -> SparkGates.evaluate(withNulls, "scores", "label", "prediction", ACCURACY))
                .isInstanceOf(DataException.class)
                .hasMessage("data set scores, label column 'label': 2 rows are empty (null)");
        Dataset<Row> nullPrediction = rows(TEXT, RowFactory.create("cat", null, 0.9));
        assertThatThrownBy(() -> SparkGates.evaluate(nullPrediction, "scores", "label", "prediction", ACCURACY))
                .isInstanceOf(DataException.class)
                .hasMessage("data set scores, predictions column 'prediction': 1 row is empty (null)");
    }

    @Test
    void aLatencyGateSaysThatItTimesTheModelBeforeAnyJob() throws Throwable {
        Check latency =
                LatencyCheck.builder("@LatencyUnder on NightlyJob.fast()", 5).build();
        Executable call = () -> SparkGates.evaluate(scored(), "scores", "label", "prediction", ACCURACY, latency);
        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("LatencyCheck times the model, and a scored Spark Dataset holds the model's predictions,"
                        + " not the model: latency and throughput cannot be gated on Spark; time the model in a"
                        + " @ModelTest instead");
        assertThat(jobsOf("latency", call)).isZero();
    }

    @Test
    void aBootstrapIntervalOnFewerThanTenThousandRowsIsRefusedAfterTheCount() throws Throwable {
        MetricGate f1 = MetricGate.builder("@F1AtLeast on NightlyJob.f1()", Metric.F1, Bound.AT_LEAST, 0.8)
                .build();
        Executable call = () -> SparkGates.evaluate(scored(), "scores", "label", "prediction", f1);
        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "@F1AtLeast on NightlyJob.f1(): F1 (positive class 'dog')'s interval is a bootstrap here, and"
                                + " below 10000 rows"
                                + " (these counts hold 3) it is BCa over the rows, which draws rows by their position, so"
                                + " confusion counts merged from elsewhere cannot give it; from 10000 rows on it is the Poisson"
                                + " bootstrap per confusion cell, which they give. So few rows fit in memory: evaluate them as"
                                + " Predictions");
        // Unlike the refusals made from the configuration, this one needs the rows counted: the message has their
        // number. (Counting the jobs would race with Spark's listener bus, which reports job starts asynchronously.)
        MetricGate bootstrap = MetricGate.builder("boot", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                .interval(IntervalMethod.BOOTSTRAP)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(scored(), "scores", "label", "prediction", bootstrap))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("boot: accuracy's interval is a bootstrap here, and below 10000 rows (these"
                        + " counts hold 3)");
    }

    @Test
    void aRankingMetricAndARegressionBootstrapAreRefusedBeforeAnyJob() throws Throwable {
        MetricGate logLoss = MetricGate.builder("log loss gate", Metric.LOG_LOSS, Bound.AT_MOST, 0.8)
                .build();
        Executable probabilities = () -> SparkGates.evaluate(scored(), "scores", "label", "prediction", logLoss);
        assertThatThrownBy(probabilities::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("log loss gate: log loss is not computed from merged counts or sums, so it"
                        + " cannot be decided on data merged from elsewhere yet;");
        assertThat(jobsOf("log-loss", probabilities)).isZero();
        MetricGate auc = MetricGate.builder("auc gate", Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                .build();
        Executable noScores = () -> SparkGates.evaluate(scored(), "scores", "label", "prediction", auc);
        assertThatThrownBy(noScores::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("data set scores: ROC AUC ranks the rows by the positive class's score, and no"
                        + " score column is given;");
        assertThat(jobsOf("auc-without-scores", noScores)).isZero();
        Executable textScores = () ->
                SparkGates.evaluate(scored(), "scores", "label", "prediction", java.util.Map.of("dog", "label"), auc);
        assertThatThrownBy(textScores::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set scores: score column 'label' of class 'dog' holds text (string), not numbers");
        assertThat(jobsOf("auc-text-scores", textScores)).isZero();
        MetricGate bootstrap = MetricGate.builder("boot", Metric.MAE, Bound.AT_MOST, 0.8)
                .interval(IntervalMethod.BOOTSTRAP)
                .build();
        Executable call = () -> SparkGates.evaluate(scored(), "scores", "label", "prediction", bootstrap);
        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("boot: interval BOOTSTRAP resamples the rows, which data merged from elsewhere do not"
                        + " have yet; use AUTO or EXACT");
        assertThat(jobsOf("mae-bootstrap", call)).isZero();
    }

    @Test
    void aMacroAverageIsRefusedOnceTheClassesAreKnown() {
        Dataset<Row> threeClasses = rows(
                TEXT,
                RowFactory.create("cat", "cat", 0.9),
                RowFactory.create("dog", "bird", 0.4),
                RowFactory.create("bird", "bird", 0.8));
        // AUTO on three classes is the macro average, whose interval is a bootstrap over the rows.
        MetricGate precision = MetricGate.builder("precision gate", Metric.PRECISION, Bound.AT_LEAST, 0.5)
                .average(Averaging.AUTO)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(threeClasses, "scores", "label", "prediction", precision))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("precision gate: precision (macro)'s interval is a bootstrap here, and below"
                        + " 10000 rows (these counts hold 3)");
        // The same gate on two classes is binary precision, with its Wilson interval.
        List<CheckResult> results = SparkGates.evaluate(scored(), "scores", "label", "prediction", precision);
        assertThat(results.get(0).details())
                .containsEntry(
                        "intervalMethod",
                        "Wilson, 1 of 1; approximate here:" + " fewer than 100 trials (1), see docs/intervals.md");
    }

    @Test
    void aRegressionGateOnTextLabelsFailsBeforeAnyJob() throws Throwable {
        MetricGate mae =
                MetricGate.builder("mae gate", Metric.MAE, Bound.AT_MOST, 1).build();
        Executable call = () -> SparkGates.evaluate(scored(), "scores", "label", "prediction", mae);
        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "data set scores: mean absolute error measures a regressor, but label column 'label' holds text (string),"
                                + " not numbers");
        assertThat(jobsOf("mae-on-text", call)).isZero();
    }

    @Test
    void missingAndInfiniteValuesOfARegressorAreCounted() {
        StructType numbers = new StructType().add("y", DataTypes.DoubleType).add("y_hat", DataTypes.DoubleType);
        MetricGate mae =
                MetricGate.builder("mae gate", Metric.MAE, Bound.AT_MOST, 1).build();
        Dataset<Row> withNull = rows(numbers, RowFactory.create(1.0, 1.5), RowFactory.create(2.0, null));
        assertThatThrownBy(() -> SparkGates.evaluate(withNull, "values", "y", "y_hat", mae))
                .isInstanceOf(DataException.class)
                .hasMessage("data set values, predictions column 'y_hat': 1 row is empty (null)");
        Dataset<Row> infinite = rows(
                numbers,
                RowFactory.create(Double.POSITIVE_INFINITY, 1.5),
                RowFactory.create(Double.NaN, 2.0),
                RowFactory.create(2.0, 2.5));
        assertThatThrownBy(() -> SparkGates.evaluate(infinite, "values", "y", "y_hat", mae))
                .isInstanceOf(DataException.class)
                .hasMessage("data set values, label column 'y': 2 rows are NaN or infinite, not a finite number");
    }

    @Test
    void aFailingGateIsReportedForTheJobsExitCode() {
        MetricGate strict = MetricGate.builder("strict", Metric.ACCURACY, Bound.AT_LEAST, 0.9)
                .build();
        List<CheckResult> results = SparkGates.evaluate(scored(), "scores", "label", "prediction", ACCURACY, strict);
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, false);
        assertThat(SparkGates.anyFailed(results)).isTrue();
        assertThat(SparkGates.anyFailed(results.subList(0, 1))).isFalse();
    }
}
