package dev.modeltest.fairness;

import org.apiguardian.api.API;

/**
 * A per-group metric of a binary classifier, computed from the group's confusion counts (true positives TP, false
 * positives FP, false negatives FN, true negatives TN, with the configured positive label). A metric whose denominator
 * is zero in a group is undefined there, and the group is listed as not judged.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum GroupMetric {
    /** (TP + TN) / n; scikit-learn's {@code accuracy_score}. */
    ACCURACY("accuracy", "no rows"),
    /** TP / (TP + FP); scikit-learn's {@code precision_score}. Undefined when the group has no positive predictions. */
    PRECISION("precision", "no positive predictions"),
    /**
     * TP / (TP + FN), the true-positive rate; scikit-learn's {@code recall_score}, Fairlearn's
     * {@code true_positive_rate}. Undefined when the group has no positive rows.
     */
    RECALL("recall", "no positive rows"),
    /**
     * FP / (FP + TN); Fairlearn's {@code false_positive_rate}. Lower is better. Undefined when the group has no
     * negative rows.
     */
    FALSE_POSITIVE_RATE("false-positive rate", "no negative rows"),
    /** (TP + FP) / n, the share predicted positive; Fairlearn's {@code selection_rate}. */
    SELECTION_RATE("selection rate", "no rows"),
    /**
     * 2·TP / (2·TP + FP + FN); scikit-learn's {@code f1_score}. Undefined when the group has neither positive rows nor
     * positive predictions.
     */
    F1("F1", "no positive rows and no positive predictions");

    private final String displayName;
    private final String undefinedWhen;

    GroupMetric(String displayName, String undefinedWhen) {
        this.displayName = displayName;
        this.undefinedWhen = undefinedWhen;
    }

    /** Returns the name shown in messages and reports, e.g. {@code false-positive rate}. */
    public String displayName() {
        return displayName;
    }

    /** Returns whether a lower value is the better one (only the false-positive rate). */
    public boolean lowerIsBetter() {
        return this == FALSE_POSITIVE_RATE;
    }

    /** Says why the metric is undefined in a group, e.g. {@code no positive rows}. */
    String undefinedWhen() {
        return undefinedWhen;
    }

    /**
     * Returns whether the metric is a proportion, {@link #successes} of {@link #trials}, which has a Wilson interval
     * per group; F1 is not.
     */
    boolean isProportion() {
        return this != F1;
    }

    /** Returns the numerator of a proportion metric ({@link #isProportion()}); 0 for F1. */
    long successes(Counts counts) {
        return switch (this) {
            case ACCURACY -> counts.tp() + counts.tn();
            case PRECISION, RECALL -> counts.tp();
            case FALSE_POSITIVE_RATE -> counts.fp();
            case SELECTION_RATE -> counts.selected();
            case F1 -> 0;
        };
    }

    /** Returns the denominator of a proportion metric ({@link #isProportion()}); 0 for F1. */
    long trials(Counts counts) {
        return switch (this) {
            case ACCURACY, SELECTION_RATE -> counts.n();
            case PRECISION -> counts.selected();
            case RECALL -> counts.positives();
            case FALSE_POSITIVE_RATE -> counts.negatives();
            case F1 -> 0;
        };
    }

    /** Returns the metric of the counts, {@code NaN} when undefined. */
    double of(Counts counts) {
        return switch (this) {
            case ACCURACY -> counts.accuracy();
            case PRECISION -> counts.precision();
            case RECALL -> counts.truePositiveRate();
            case FALSE_POSITIVE_RATE -> counts.falsePositiveRate();
            case SELECTION_RATE -> counts.selectionRate();
            case F1 -> counts.f1();
        };
    }
}
