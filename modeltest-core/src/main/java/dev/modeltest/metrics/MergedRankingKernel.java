package dev.modeltest.metrics;

/**
 * Binary ROC AUC and average precision from a {@link RocSummary} merged elsewhere (average precision's value as a sum
 * in another order, its jackknife interval from an influence pass); the value as {@link RankSummary} computes it for the rows
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
            out[i] = switch (metrics[i]) {
                case ROC_AUC -> summary.auc();
                case AVERAGE_PRECISION -> summary.averagePrecision();
                default -> throw new IllegalArgumentException(metrics[i] + " is not computed from a ROC summary");
            };
        }
        return out;
    }

    /**
     * Average precision's infinitesimal jackknife on the logit scale, as for the rows from {@link
     * dev.modeltest.stats.PoissonBootstrap#RECOMMENDED_FROM_ROWS} rows on, from the influence pass's merged sum of
     * squares.
     *
     * @throws IllegalArgumentException if the summary has no influence pass ({@link RocSummary#withInfluence})
     */
    MetricInterval averagePrecision(double level) {
        if (Double.isNaN(summary.averagePrecisionVariance)) {
            throw new IllegalArgumentException("average precision's interval needs the rows' influences: an influence"
                    + " pass over the ranking, RocSummary.withInfluence(ranking.influencePass() ...)");
        }
        return Intervals.averagePrecision(
                summary.averagePrecision(),
                summary.averagePrecisionVariance,
                summary.count(),
                Math.min(summary.positives, summary.negatives),
                level);
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
