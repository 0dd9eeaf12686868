package dev.modeltest.metrics;

/**
 * ROC AUC and average precision from the tie groups of a ranking, fed in ascending score order.
 *
 * <p>AUC is the Mann-Whitney statistic with ties counted one half, kept as an exact integer ({@code 2U}) and divided
 * once: that is the area under scikit-learn's trapezoidal ROC curve, without its rounding. Average precision is
 * scikit-learn's step sum {@code Σ (R_k − R_{k−1}) P_k}: each group with positives adds its share of the recall times
 * the precision at its threshold (all rows scoring at least as high).
 */
final class RankSummary {

    final long positives;
    final long negatives;
    private long positivesBelow;
    private long negativesBelow;
    private long twiceU;
    private double averagePrecision;

    RankSummary(long positives, long negatives) {
        this.positives = positives;
        this.negatives = negatives;
    }

    void group(long pos, long neg) {
        if (pos > 0) {
            twiceU += pos * (2 * negativesBelow + neg);
            long tp = positives - positivesBelow;
            long fp = negatives - negativesBelow;
            averagePrecision += (double) pos / positives * ((double) tp / (tp + fp));
        }
        positivesBelow += pos;
        negativesBelow += neg;
    }

    /** ROC AUC, NaN without positives or negatives (scikit-learn raises ValueError there). */
    double auc() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return twiceU / (2.0 * positives * negatives);
    }

    /** Average precision, 0 without positives (scikit-learn sets recall to 1 and gets 0). */
    double averagePrecision() {
        return positives == 0 ? 0.0 : averagePrecision;
    }
}
