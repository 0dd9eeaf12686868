package dev.modeltest.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The mergeable state of the label metrics in one partition: how many rows have each (true label, predicted label)
 * pair, and how many rows lack one or the other. Its size is the number of distinct pairs (at most the classes
 * squared), whatever the number of rows; merging adds the counts, so any partitioning gives the same state.
 */
final class LabelPairs implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One (true, predicted) pair of labels, as text. */
    record Pair(String actual, String predicted) implements Serializable {}

    final Map<Pair, Long> counts = new HashMap<>();
    long missingLabels;
    long missingPredictions;

    /** Counts one row: column 0 the true label, column 1 the predicted one, both cast to text. */
    static LabelPairs add(LabelPairs state, Row row) {
        String actual = row.getString(0);
        String predicted = row.getString(1);
        if (actual == null) {
            state.missingLabels++;
        }
        if (predicted == null) {
            state.missingPredictions++;
        }
        if (actual != null && predicted != null) {
            state.counts.merge(new Pair(actual, predicted), 1L, Long::sum);
        }
        return state;
    }

    /** Adds {@code other}'s counts to {@code state}'s. */
    static LabelPairs merge(LabelPairs state, LabelPairs other) {
        other.counts.forEach((pair, n) -> state.counts.merge(pair, n, Long::sum));
        state.missingLabels += other.missingLabels;
        state.missingPredictions += other.missingPredictions;
        return state;
    }
}
