package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.drift.DriftCheck;
import dev.modeltest.drift.DriftOptions;
import dev.modeltest.drift.ValueCounts;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.fairness.GroupCounts;
import dev.modeltest.fairness.GroupCountsCheck;
import dev.modeltest.quality.DuplicateCounts;
import dev.modeltest.quality.DuplicateRowsCheck;
import dev.modeltest.quality.MissingRateCheck;
import dev.modeltest.quality.MissingValuesCheck;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apiguardian.api.API;

/**
 * Decides modeltest's fairness, drift and data-quality checks on Spark {@code Dataset}s without bringing their rows to
 * the driver: Spark counts (per group and label pair for fairness, per distinct value for drift, per column for
 * missing values), and the driver decides with core's code on the merged counts: the same values, intervals, verdicts
 * and messages as the in-memory engine on the same rows. For fairness that is {@link
 * GroupCountsCheck#evaluate(GroupCounts, String, String)}:
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

    /**
     * Decides whether columns of current data drifted from reference data (usually the training data), as {@link
     * DriftCheck} does in memory: the same methods, corrections, per-column table, message and verdict. Each Dataset
     * is counted by Spark: its rows and each column's values in one aggregate job, then every column's distinct values
     * in one more ({@code groupBy(column, value).count()}), whose counts come to the driver; there core spreads them
     * out again into the sorted columns it measures ({@link DriftCheck#evaluate(String, ValueCounts, ValueCounts,
     * List, DriftOptions)}), so every measure is exact. The driver holds 8 bytes per value of the column being
     * measured; a column of more than {@link ValueCounts#MAX_VALUES} values is refused.
     *
     * @param where what the check is called in messages, e.g. {@code nightly drift}
     * @param reference the reference rows, e.g. the training data
     * @param referenceName the reference's name for messages and reports
     * @param current the rows compared with it, e.g. last night's inputs
     * @param currentName their name for messages and reports
     * @param columns the columns to compare, at least one; numbers in both Datasets are compared as numbers, anything
     *     else as text
     * @param options the method and the check
     * @return the result
     * @throws ConfigurationException before any job, for an option out of range, no column named, a column missing
     *     (naming the nearest) or of a type drift does not compare (dates, arrays), or a method that needs numbers on
     *     text
     * @throws DataException if a Dataset has no rows, or a column has more than {@link ValueCounts#MAX_VALUES} values
     */
    public static CheckResult drift(
            String where,
            Dataset<Row> reference,
            String referenceName,
            Dataset<Row> current,
            String currentName,
            List<String> columns,
            DriftOptions options) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(referenceName, "referenceName");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(currentName, "currentName");
        Objects.requireNonNull(options, "options");
        return SparkDrift.evaluate(where, reference, referenceName, current, currentName, columns, options);
    }

    /**
     * Decides missing-value checks ({@link MissingValuesCheck}, {@link MissingRateCheck}) on a Dataset with one Spark
     * SQL aggregate: the rows, and per column the cells that are null (or NaN in a float or double column). The
     * result is the in-memory result on the same rows, except that the message names no example rows (a Dataset has
     * no row numbers) and the details hold no {@code firstMissingRows}.
     *
     * @param data the rows; any partitioning, any order
     * @param dataName the data's name for messages and reports
     * @param checks the checks; their named columns (none: every column) are counted in one job
     * @return one result per check, in order
     * @throws ConfigurationException before any job, for a check that is not a missing-value check
     * @throws DataException before any job, for a named column that is missing (naming the nearest); after the
     *     count, if the Dataset has no rows
     */
    public static List<CheckResult> missing(Dataset<Row> data, String dataName, Check... checks) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataName, "dataName");
        return SparkQuality.missing(data, dataName, checks);
    }

    /**
     * Decides duplicate-row checks ({@link DuplicateRowsCheck}) on a Dataset: the rows grouped by the compared columns
     * ({@code groupBy(columns).count()}, a shuffle of every distinct row), the duplicates and groups added up and the
     * five largest groups taken as examples, and the counts handed to core's {@link
     * DuplicateRowsCheck#evaluate(DuplicateCounts)}. The verdict, count of duplicate rows, groups, n and title are
     * the in-memory result on the same rows; the message lists the largest groups by size and values (a Dataset has
     * no row numbers; in memory it lists the first groups by their rows).
     *
     * @param data the rows; any partitioning, any order
     * @param dataName the data's name for messages and reports
     * @param checks the checks; checks that compare the same columns share one count
     * @return one result per check, in order
     * @throws DataException before any job, for a named column that is missing (naming the nearest); after the
     *     count, if the Dataset has no rows
     */
    public static List<CheckResult> duplicates(Dataset<Row> data, String dataName, DuplicateRowsCheck... checks) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dataName, "dataName");
        return SparkQuality.duplicates(data, dataName, checks);
    }
}
