package dev.modeltest.spark;

import dev.modeltest.check.CheckResult;
import dev.modeltest.drift.DriftOptions;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The drift job of docs/spark.md, word for word between the markers ({@link SparkChecksDocsTest} checks that the page
 * shows this code and runs it).
 */
final class NightlyDriftJob {

    private NightlyDriftJob() {}

    // docs/spark.md drift: start
    static int gate(SparkSession spark, String train, String inputs) {
        CheckResult drift = SparkChecks.drift(
                "nightly drift",
                spark.read().parquet(train),
                train,
                spark.read().parquet(inputs),
                inputs,
                List.of("age", "city"),
                DriftOptions.defaults());
        System.out.println(drift.verdict() + " " + drift.title() + "\n" + drift.message());
        return SparkGates.anyFailed(List.of(drift)) ? 1 : 0;
    }
    // docs/spark.md drift: end
}
