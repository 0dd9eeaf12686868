package dev.modeltest.spark;

import dev.modeltest.check.CheckResult;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} job of docs/spark.md, word for word between the markers ({@link SparkDocsTest} checks that
 * the page shows this code and runs it).
 */
final class NightlyGateJob {

    private NightlyGateJob() {}

    // docs/spark.md: start
    static int gate(SparkSession spark, String path) {
        Dataset<Row> scored = spark.read().parquet(path);
        List<CheckResult> results = SparkGates.evaluate(
                scored,
                path,
                "label",
                "prediction",
                MetricGate.builder("nightly accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.9)
                        .build(),
                MetricGate.builder("fraud recall", Metric.RECALL, Bound.AT_LEAST, 0.8)
                        .options(MetricOptions.defaults().withPositiveLabel("fraud"))
                        .confidence(0.95)
                        .build());
        results.forEach(r -> System.out.println(r.verdict() + " " + r.title() + "\n" + r.message()));
        return SparkGates.anyFailed(results) ? 1 : 0;
    }
    // docs/spark.md: end
}
