package dev.modeltest.metrics;

/**
 * Label metrics from confusion counts that were added up elsewhere (over the partitions of a distributed data set):
 * the same {@link LabelMetrics} formulas as {@link LabelKernel}, but with no rows behind them, so the metric cannot be
 * re-weighted row by row and only the intervals that come from the counts themselves (Wilson) apply.
 */
final class MergedLabelKernel implements Kernel {

    private final long[] counts;
    private final int k;

    MergedLabelKernel(long[] counts, int k) {
        this.counts = counts;
        this.k = k;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] weights) {
        requireNoWeights(weights);
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = LabelMetrics.value(metrics[i], counts, k, resolved[i]);
        }
        return out;
    }

    @Override
    public long[] proportion(Metric metric, Resolved resolved, int[] weights) {
        requireNoWeights(weights);
        return LabelMetrics.proportion(metric, counts, k, resolved);
    }

    private static void requireNoWeights(int[] weights) {
        if (weights != null) {
            throw new UnsupportedOperationException(
                    "merged confusion counts have no rows to re-weight: a bootstrap needs the rows");
        }
    }
}
