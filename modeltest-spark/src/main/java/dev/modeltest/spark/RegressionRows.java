package dev.modeltest.spark;

import dev.modeltest.metrics.RegressionSummary;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * The mergeable state of the regression metrics in one partition: core's {@link RegressionSummary} of the rows with
 * finite values, and how many rows lack a value or hold one that is not finite. Its size is fixed, whatever the rows.
 */
final class RegressionRows implements Serializable {

    private static final long serialVersionUID = 1L;

    final RegressionSummary summary;
    long missingLabels;
    long missingPredictions;
    long infiniteLabels;
    long infinitePredictions;

    /** The state of a first pass. */
    RegressionRows() {
        this(new RegressionSummary());
    }

    /** The state of a pass into {@code summary}: empty, or a second pass's ({@link RegressionSummary#centredOn}). */
    RegressionRows(RegressionSummary summary) {
        this.summary = summary;
    }

    /** Adds one row: column 0 the true value, column 1 the prediction, both cast to double. */
    static RegressionRows add(RegressionRows state, Row row) {
        boolean bad = false;
        if (row.isNullAt(0)) {
            state.missingLabels++;
            bad = true;
        } else if (!Double.isFinite(row.getDouble(0))) {
            state.infiniteLabels++;
            bad = true;
        }
        if (row.isNullAt(1)) {
            state.missingPredictions++;
            bad = true;
        } else if (!Double.isFinite(row.getDouble(1))) {
            state.infinitePredictions++;
            bad = true;
        }
        if (!bad) {
            state.summary.add(row.getDouble(0), row.getDouble(1));
        }
        return state;
    }

    /** Adds {@code other}'s rows to {@code state}'s. */
    static RegressionRows merge(RegressionRows state, RegressionRows other) {
        state.summary.merge(other.summary);
        state.missingLabels += other.missingLabels;
        state.missingPredictions += other.missingPredictions;
        state.infiniteLabels += other.infiniteLabels;
        state.infinitePredictions += other.infinitePredictions;
        return state;
    }
}
