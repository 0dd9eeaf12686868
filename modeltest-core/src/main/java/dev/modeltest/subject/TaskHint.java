package dev.modeltest.subject;

import org.apiguardian.api.API;

/**
 * Says what the predictions are when the model cannot: only needed with predictions columns.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TaskHint {
    /**
     * Decide from the data: text or boolean labels, or score columns, mean classification; numeric labels and
     * predictions that are all whole numbers with at most 20 distinct values mean classification; anything else is
     * regression.
     */
    AUTO,
    /** The predictions are class labels. */
    CLASSIFICATION,
    /** The predictions are numbers. */
    REGRESSION
}
