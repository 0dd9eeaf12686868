package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.fairness.GroupCounts;
import dev.modeltest.fairness.GroupCountsCheck;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apiguardian.api.API;

/**
 * Decides modeltest's fairness checks on a Spark {@code Dataset} without bringing its rows to the driver: Spark counts
 * the rows per group and label pair (a Spark SQL aggregate), and the driver decides with core's code on the merged
 * counts ({@link GroupCountsCheck#evaluate(GroupCounts, String, String)}): the same value, bootstrap interval, verdict,
 * message and per-group table as the in-memory engine on the same rows.
 *
 * <pre>{@code
 * Dataset<Row> scored = spark.read().parquet("s3://bucket/loans/2026-12-06");
 * List<CheckResult> results = SparkChecks.fairness(scored, "loans 2026-12-06", "repaid", "approved",
 *         new DemographicParityCheck("nightly parity", FairnessOptions.of("sex"), 0.1, Double.NaN),
 *         new DisparateImpactCheck("four-fifths", FairnessOptions.of("sex"), List.of("M"), 0.8));
 * }</pre>
 *
 * <p>The results are the in-memory engine's {@link CheckResult}s; {@link SparkGates#anyFailed(List)} and {@link
 * SparkGates#json(List)} take them too. docs/spark.md says what runs where.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class SparkChecks {

    private SparkChecks() {}

    /**
     * Decides fairness checks on the scored rows: one {@code groupBy(attributes, label, prediction).count()} per
     * distinct grouping of the checks (plus a cheap job that checks that there is a row).
     *
     * @param scored the scored rows; any partitioning, any order
     * @param dataName the data's name for messages and reports, e.g. the table or the path
     * @param label the column of true labels
     * @param prediction the column of predicted labels, of the label column's type (text, number or boolean)
     * @param checks the fairness checks ({@link GroupCountsCheck}s); their options name the attribute columns
     * @return one result per check, in order
     * @throws ConfigurationException before any job, for a check that is not a fairness check or decides on a
     *     probability threshold, a missing column (naming the nearest), or predictions of another type than the
     *     labels; after the count, for labels that are not two classes, or a positive label or privileged group
     *     that does not occur
     * @throws DataException if the Dataset has no rows, or a label, prediction or attribute value is missing (null)
     */
    public static List<CheckResult> fairness(
            Dataset<Row> scored, String dataName, String label, String prediction, Check... checks) {
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(dataName, "dataName");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(prediction, "prediction");
        return SparkFairness.evaluate(scored, dataName, label, prediction, checks);
    }
}
