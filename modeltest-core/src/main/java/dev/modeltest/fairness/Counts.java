package dev.modeltest.fairness;

/**
 * The confusion counts of one group (or of all rows) for a binary decision: true and false positives, false and true
 * negatives. Every per-group rate is computed from these four numbers, which is also what makes the bootstrap cheap
 * (see {@link GroupBootstrap}).
 *
 * <p>A rate whose denominator is zero is {@code NaN} (undefined). scikit-learn's {@code recall_score} and
 * {@code precision_score} return 0 there with a warning, and Fairlearn's {@code true_positive_rate} returns 0 through
 * {@code confusion_matrix(normalize='true')}; modeltest instead reports the group as not judged, because a rate of 0
 * read from no rows would fail (or pass) a check on no evidence.
 */
record Counts(long tp, long fp, long fn, long tn) {

    static final Counts ZERO = new Counts(0, 0, 0, 0);

    /** Returns the number of rows. */
    long n() {
        return tp + fp + fn + tn;
    }

    /** Returns the number of rows whose true label is the positive one. */
    long positives() {
        return tp + fn;
    }

    /** Returns the number of rows whose true label is the negative one. */
    long negatives() {
        return fp + tn;
    }

    /** Returns the number of rows predicted positive ("selected"). */
    long selected() {
        return tp + fp;
    }

    /** P(ŷ = pos): Fairlearn's {@code selection_rate(y_true, y_pred, pos_label=pos)}. */
    double selectionRate() {
        return ratio(selected(), n());
    }

    /** TP / (TP + FN): scikit-learn's {@code recall_score}, Fairlearn's {@code true_positive_rate}. */
    double truePositiveRate() {
        return ratio(tp, positives());
    }

    /** FP / (FP + TN): Fairlearn's {@code false_positive_rate}. */
    double falsePositiveRate() {
        return ratio(fp, negatives());
    }

    /** TP / (TP + FP): scikit-learn's {@code precision_score}. */
    double precision() {
        return ratio(tp, selected());
    }

    /** (TP + TN) / n: scikit-learn's {@code accuracy_score}. */
    double accuracy() {
        return ratio(tp + tn, n());
    }

    /**
     * 2·TP / (2·TP + FP + FN): scikit-learn's {@code f1_score}, the harmonic mean of precision and recall written so
     * that it stays defined when precision alone is undefined but the group has positives.
     */
    double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    Counts plus(Counts other) {
        return new Counts(tp + other.tp, fp + other.fp, fn + other.fn, tn + other.tn);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
