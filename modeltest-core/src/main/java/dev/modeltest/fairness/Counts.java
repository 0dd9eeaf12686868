package dev.modeltest.fairness;

/**
 * The confusion counts of one group (or of all rows) for a binary decision: true and false positives, false and true
 * negatives. Every per-group rate is computed from these four numbers, which is also what makes the bootstrap cheap
 * (see {@link GroupBootstrap}).
 *
 * <p>With sample weights each cell also carries the sum of its rows' weights ({@code wtp} … {@code wtn}), and every
 * rate is a ratio of those sums: scikit-learn's metrics with {@code sample_weight} and Fairlearn's {@code MetricFrame}
 * with {@code sample_params={'sample_weight': w}}, e.g. selection rate {@code Σ w·ŷ / Σ w}. The row counts then count
 * the rows of positive weight only (a row of weight 0 is in no weighted figure). Without weights each weight sum is
 * its row count, so the rates are exactly the unweighted ones.
 *
 * <p>A rate whose denominator is zero is {@code NaN} (undefined). scikit-learn's {@code recall_score} and
 * {@code precision_score} return 0 there with a warning, and Fairlearn's {@code true_positive_rate} returns 0 through
 * {@code confusion_matrix(normalize='true')}; modeltest instead reports the group as not judged, because a rate of 0
 * read from no rows would fail (or pass) a check on no evidence.
 */
record Counts(long tp, long fp, long fn, long tn, double wtp, double wfp, double wfn, double wtn) {

    static final Counts ZERO = new Counts(0, 0, 0, 0);

    /** Unweighted counts: every row weighs 1. */
    Counts(long tp, long fp, long fn, long tn) {
        this(tp, fp, fn, tn, tp, fp, fn, tn);
    }

    /** Returns the sum of the weights of all rows (the row count without weights). */
    double weight() {
        return wtp + wfp + wfn + wtn;
    }

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
        return ratio(wtp + wfp, weight());
    }

    /** TP / (TP + FN): scikit-learn's {@code recall_score}, Fairlearn's {@code true_positive_rate}. */
    double truePositiveRate() {
        return ratio(wtp, wtp + wfn);
    }

    /** FP / (FP + TN): Fairlearn's {@code false_positive_rate}. */
    double falsePositiveRate() {
        return ratio(wfp, wfp + wtn);
    }

    /** TP / (TP + FP): scikit-learn's {@code precision_score}. */
    double precision() {
        return ratio(wtp, wtp + wfp);
    }

    /** (TP + TN) / n: scikit-learn's {@code accuracy_score}. */
    double accuracy() {
        return ratio(wtp + wtn, weight());
    }

    /**
     * 2·TP / (2·TP + FP + FN): scikit-learn's {@code f1_score}, the harmonic mean of precision and recall written so
     * that it stays defined when precision alone is undefined but the group has positives.
     */
    double f1() {
        return ratio(2 * wtp, 2 * wtp + wfp + wfn);
    }

    Counts plus(Counts other) {
        return new Counts(
                tp + other.tp,
                fp + other.fp,
                fn + other.fn,
                tn + other.tn,
                wtp + other.wtp,
                wfp + other.wfp,
                wfn + other.wfn,
                wtn + other.wtn);
    }

    /**
     * Divides; {@code NaN} when the denominator is 0. Without weights both are whole numbers held exactly (below
     * 2^53), so the quotient is the one of the row counts, bit for bit.
     */
    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
