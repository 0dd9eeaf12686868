package dev.modeltest.metrics;

/**
 * Binary ROC AUC from a {@link RocSummary} merged elsewhere: the value as {@link RankSummary} computes it for the rows
 * (the same exact {@code 2U}), DeLong's logit interval as {@link Intervals} computes it from the rows' placements,
 * here from their merged moments. No rows are behind it, so it cannot be re-weighted.
 */
final class MergedRankingKernel implements Kernel {

    private final RocSummary summary;

    MergedRankingKernel(RocSummary summary) {
        this.summary = summary;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] weights) {
        if (weights != null) {
            throw new UnsupportedOperationException(
                    "a merged ranking summary has no rows to re-weight: a bootstrap needs the rows");
        }
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i] != Metric.ROC_AUC) {
                throw new IllegalArgumentException(metrics[i] + " is not computed from a ROC summary");
            }
            out[i] = summary.auc();
        }
        return out;
    }

    /** DeLong's logit interval, as for the rows. */
    MetricInterval deLong(double level) {
        long m = summary.positives;
        long n = summary.negatives;
        return Intervals.deLong(
                summary.auc(),
                summary.deLongVariance(),
                m + " positive and " + n + " negative rows",
                Math.min(m, n),
                level);
    }
}
