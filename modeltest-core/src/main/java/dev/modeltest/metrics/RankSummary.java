package dev.modeltest.metrics;

/**
 * ROC AUC and average precision from the tie groups of a ranking, fed in descending score order, in one pass.
 *
 * <p>AUC is the Mann-Whitney statistic with ties counted one half, kept as an exact integer ({@code 2U}) and divided
 * once: that is the area under scikit-learn's trapezoidal ROC curve, without its rounding. A positive group adds
 * {@code pos · (2·negatives below + tied negatives)} to {@code 2U}; walking down, the negatives below are not known
 * yet, so the walk sums {@code pos · (2·negatives at or above − tied negatives)} and subtracts it from {@code 2PN} at
 * the end. Average precision is scikit-learn's step sum {@code Σ (R_k − R_{k−1}) P_k}: each group with positives adds
 * its positives times the precision at its threshold (all rows scoring at least as high), divided by {@code P} at the
 * end.
 */
final class RankSummary {

    private long positives;
    private long negatives;
    private long twiceUAbove;
    private double precisionSum;

    /** Adds the next tie group down: {@code pos} positive and {@code neg} negative rows with the same score. */
    void group(long pos, long neg) {
        positives += pos;
        negatives += neg;
        if (pos > 0) {
            twiceUAbove += pos * (2 * negatives - neg);
            precisionSum += pos * ((double) positives / (positives + negatives));
        }
    }

    /** Returns the number of positive rows. */
    long positives() {
        return positives;
    }

    /** Returns the number of negative rows. */
    long negatives() {
        return negatives;
    }

    /** ROC AUC, NaN without positives or negatives (scikit-learn raises ValueError there). */
    double auc() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        long twiceU = 2 * positives * negatives - twiceUAbove;
        return twiceU / (2.0 * positives * negatives);
    }

    /** Average precision, 0 without positives (scikit-learn sets recall to 1 and gets 0). */
    double averagePrecision() {
        return positives == 0 ? 0.0 : precisionSum / positives;
    }
}
