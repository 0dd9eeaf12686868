package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.fairness.GroupCounts;
import dev.modeltest.fairness.GroupCountsCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * The fairness checks on Spark: the rows counted per (group, true label, predicted label) by a Spark SQL aggregate,
 * and the counts handed to core's {@link GroupCountsCheck#evaluate(GroupCounts, String, String)}.
 */
final class SparkFairness {

    private SparkFairness() {}

    /** Refuses, before any job, a check that is not a fairness check or cannot be decided from counts. */
    static GroupCountsCheck supported(Check check) {
        if (!(check instanceof GroupCountsCheck fairness)) {
            throw new ConfigurationException(check.getClass().getSimpleName()
                    + " is not a fairness check: SparkChecks.fairness decides DemographicParityCheck,"
                    + " EqualOpportunityCheck, EqualizedOddsCheck, DisparateImpactCheck, GroupMetricAtLeastCheck and"
                    + " GroupMetricGapAtMostCheck");
        }
        Optional<String> refused = fairness.notFromGroupCounts();
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        return fairness;
    }

    static List<CheckResult> evaluate(
            Dataset<Row> scored, String dataName, String label, String prediction, Check... checks) {
        if (checks.length == 0) {
            throw new ConfigurationException("SparkChecks.fairness on " + dataName + ": no check to decide");
        }
        List<GroupCountsCheck> fairness = new ArrayList<>();
        for (Check check : checks) {
            fairness.add(supported(check));
        }
        String what = "data set " + dataName;
        DataType labelType = SparkColumns.requireLabels(scored, what, label, "label");
        DataType predictionType = SparkColumns.requireLabels(scored, what, prediction, "predictions");
        if (!SparkColumns.kind(labelType).equals(SparkColumns.kind(predictionType))) {
            throw new ConfigurationException(what + ": label column '" + label + "' holds "
                    + SparkColumns.kind(labelType) + " (" + labelType.simpleString() + ") but predictions column '"
                    + prediction + "' holds " + SparkColumns.kind(predictionType) + " ("
                    + predictionType.simpleString() + "); the predictions must be labels of the label column's type");
        }
        for (GroupCountsCheck check : fairness) {
            for (String attribute : check.options().attributes()) {
                SparkColumns.requireLabels(scored, what, attribute, "attribute");
            }
        }
        SparkColumns.requireRows(scored, what);
        // One aggregate per distinct grouping, shared by the checks that group alike.
        Map<List<String>, GroupCounts> counted = new LinkedHashMap<>();
        String modelName = "predictions column '" + prediction + "'";
        List<CheckResult> results = new ArrayList<>();
        for (GroupCountsCheck check : fairness) {
            List<String> attributes = check.options().attributes();
            GroupCounts counts =
                    counted.computeIfAbsent(attributes, a -> count(scored, dataName, label, prediction, a));
            results.add(check.evaluate(counts, dataName, modelName));
        }
        return List.copyOf(results);
    }

    /**
     * Counts the rows per (group, true label, predicted label): {@code groupBy(...).count()}, a Spark SQL aggregate
     * that counts in each partition and shuffles only the partial counts (one row per distinct key and partition);
     * its result, groups × 4 rows at most, comes to the driver.
     */
    static GroupCounts count(
            Dataset<Row> scored, String dataName, String label, String prediction, List<String> attributes) {
        List<Column> keys = new ArrayList<>();
        for (String attribute : attributes) {
            keys.add(functions.col(attribute).cast("string"));
        }
        keys.add(functions.col(label).cast("string"));
        keys.add(functions.col(prediction).cast("string"));
        List<Row> cells = scored.groupBy(keys.toArray(Column[]::new)).count().collectAsList();
        int k = attributes.size();
        long[] missingAttribute = new long[k];
        long missingLabels = 0;
        long missingPredictions = 0;
        GroupCounts.Builder counts = GroupCounts.builder(attributes);
        for (Row cell : cells) {
            long rows = cell.getLong(k + 2);
            boolean complete = true;
            List<String> group = new ArrayList<>(k);
            for (int a = 0; a < k; a++) {
                if (cell.isNullAt(a)) {
                    missingAttribute[a] += rows;
                    complete = false;
                }
                group.add(cell.getString(a));
            }
            if (cell.isNullAt(k)) {
                missingLabels += rows;
                complete = false;
            }
            if (cell.isNullAt(k + 1)) {
                missingPredictions += rows;
                complete = false;
            }
            if (complete) {
                counts.add(group, cell.getString(k), cell.getString(k + 1), rows);
            }
        }
        String what = "data set " + dataName;
        if (missingLabels > 0) {
            throw SparkColumns.missing(what, "label", label, missingLabels, "");
        }
        if (missingPredictions > 0) {
            throw SparkColumns.missing(what, "predictions", prediction, missingPredictions, "");
        }
        for (int a = 0; a < k; a++) {
            if (missingAttribute[a] > 0) {
                DataException e = SparkColumns.missing(
                        what,
                        "attribute",
                        attributes.get(a),
                        missingAttribute[a],
                        "; every row needs a value to be put in a group (fill it, e.g. with 'unknown', or drop the"
                                + " row)");
                throw e;
            }
        }
        return counts.build();
    }
}
