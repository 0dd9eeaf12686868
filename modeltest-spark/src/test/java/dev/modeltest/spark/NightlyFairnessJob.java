package dev.modeltest.spark;

import dev.modeltest.check.CheckResult;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.DisparateImpactCheck;
import dev.modeltest.fairness.FairnessOptions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fairness job of docs/spark.md, word for word between the markers ({@link SparkChecksDocsTest} checks that the
 * page shows this code and runs it).
 */
final class NightlyFairnessJob {

    private NightlyFairnessJob() {}

    // docs/spark.md fairness: start
    static int gate(SparkSession spark, String path) {
        Dataset<Row> scored = spark.read().parquet(path);
        FairnessOptions bySex = FairnessOptions.of("sex").withPositiveLabel("approved");
        List<CheckResult> results = SparkChecks.fairness(
                scored,
                path,
                "label",
                "prediction",
                new DemographicParityCheck("approval parity", bySex, 0.1, Double.NaN),
                new DisparateImpactCheck("four-fifths rule", bySex, List.of("M"), 0.8));
        results.forEach(r -> System.out.println(r.verdict() + " " + r.title() + "\n" + r.message()));
        return SparkGates.anyFailed(results) ? 1 : 0;
    }
    // docs/spark.md fairness: end
}
