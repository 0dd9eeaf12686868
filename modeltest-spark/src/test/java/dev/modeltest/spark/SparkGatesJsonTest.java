package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Metric;
import dev.modeltest.report.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The job's JSON summary is core's run-record form of each result, written with the Jackson that Spark brings
 * (2.18 for Spark 4.0, where core is built against 2.20): the module's tests run on Spark's, as a cluster does.
 */
class SparkGatesJsonTest {

    /** Accuracy ≥ 0.7 (3 of 4 right: PASS) and recall ≥ 0.7 (1 of 2 positives found: FAIL) on four scored rows. */
    private static List<CheckResult> accuracyAndRecall() {
        StructType schema =
                new StructType().add("label", DataTypes.IntegerType).add("prediction", DataTypes.IntegerType);
        var rows = LocalSpark.session()
                .createDataFrame(
                        Arrays.asList(
                                RowFactory.create(1, 1),
                                RowFactory.create(0, 0),
                                RowFactory.create(1, 0),
                                RowFactory.create(0, 0)),
                        schema);
        List<CheckResult> results = SparkGates.evaluate(
                rows,
                "scores",
                "label",
                "prediction",
                MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.7)
                        .build(),
                MetricGate.builder("recall", Metric.RECALL, Bound.AT_LEAST, 0.7).build());
        return results;
    }

    @Test
    void theSummaryHoldsEveryResultAsTheRunRecordWritesIt() {
        List<CheckResult> results = accuracyAndRecall();

        Object parsed = Json.read(SparkGates.json(results));

        assertThat(parsed).isInstanceOf(List.class);
        List<?> objects = (List<?>) parsed;
        assertThat(objects).hasSize(2);
        Map<?, ?> accuracy = (Map<?, ?>) objects.get(0);
        Map<?, ?> recall = (Map<?, ?>) objects.get(1);
        assertThat(accuracy.get("key")).isEqualTo("metric-at-least:accuracy");
        assertThat(accuracy.get("verdict")).isEqualTo("PASS");
        assertThat(((Number) accuracy.get("measured")).doubleValue()).isEqualTo(0.75);
        // Numbers as labels: classes 0 and 1 in numeric order, 1 the positive class; one of its two rows is found.
        assertThat(recall.get("title")).isEqualTo("recall (positive class '1') ≥ 0.7000 on scores");
        assertThat(recall.get("verdict")).isEqualTo("FAIL");
        assertThat(((Number) recall.get("measured")).doubleValue()).isEqualTo(0.5);
        assertThat(recall.get("message")).isEqualTo(results.get(1).message());
    }

    @Test
    void theMarkdownSummaryIsTheJUnitRunsWithTheJobAndData() {
        List<CheckResult> results = accuracyAndRecall();

        String md = SparkGates.markdown("nightly", "scores", results);

        assertThat(md)
                .startsWith("## ❌ modeltest: 2 checks: 1 passed, 1 failed\n\n"
                        + "| | model | check | measured | threshold | interval | verdict |\n"
                        + "|:-:|---|---|--:|---|---|---|\n"
                        + "| ✅ | nightly | accuracy ≥ 0.7000 on scores | 0.7500 | ≥ 0.7000 | "
                        + results.get(0).interval() + " | PASS |\n"
                        + "| ❌ | nightly | recall (positive class '1') ≥ 0.7000 on scores | 0.5000 | ≥ 0.7000 | "
                        + results.get(1).interval() + " | **FAIL** |\n")
                .contains("### Checks that did not pass\n\n**nightly · recall (positive class '1') ≥ 0.7000 on"
                        + " scores** (`metric-at-least:recall`, FAIL)\n")
                .contains(results.get(1).message())
                .contains("| nightly | scored on Spark |  | scores (4 rows) |  |");
    }

    @Test
    void theTestsRunOnSparksJackson() {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .startsWith("2.18.");
    }
}
