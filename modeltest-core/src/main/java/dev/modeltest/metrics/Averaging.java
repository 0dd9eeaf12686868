package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * How a per-class metric becomes one number, as scikit-learn's {@code average} parameter.
 *
 * <p>Used by precision, recall, F1, F-beta, Jaccard, ROC AUC and average precision; Brier score and expected
 * calibration error accept {@link #AUTO} and {@link #BINARY} only; the other metrics take no averaging ({@link
 * #AUTO}). {@link #NONE} applies to the averaged metrics only.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Averaging {
    /**
     * {@link #BINARY} when there are two classes, {@link #MACRO} otherwise (for expected calibration error: the
     * top-label confidence otherwise). The default, so that one setting suits both kinds of classifier.
     */
    AUTO,
    /**
     * The positive class only, scored against all others ({@code average='binary'} with {@code pos_label}). On two
     * classes the positive class is the second in {@link dev.modeltest.model.Predictions#classes()} order unless a
     * positive label is given; on more classes a positive label is required and the metric is the one-vs-rest value
     * for that class, as scikit-learn computes it on {@code y_true == label}.
     */
    BINARY,
    /** The unweighted mean of the per-class values ({@code average='macro'}). */
    MACRO,
    /** The metric of the pooled counts or of the pooled one-vs-rest scores ({@code average='micro'}). */
    MICRO,
    /** The mean of the per-class values weighted by each class's number of true rows ({@code average='weighted'}). */
    WEIGHTED,
    /**
     * No average: one value per class ({@code average=None}), over the classes present in the true or predicted labels
     * for precision, recall, F1, F-beta and Jaccard and over every class for ROC AUC and average precision, each the
     * class's {@link #BINARY} (one-vs-rest) value. A check passes only when every class passes, each decided with its
     * own interval; {@link Metrics#perClass} gives the values, and the methods that return one number refuse it.
     *
     * @since 0.2.0
     */
    NONE
}
