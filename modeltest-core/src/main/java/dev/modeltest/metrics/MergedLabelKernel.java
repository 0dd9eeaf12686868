package dev.modeltest.metrics;

import java.util.List;

/**
 * Label metrics from confusion counts that were added up elsewhere (over the partitions of a distributed data set):
 * the same {@link LabelMetrics} formulas as {@link LabelKernel}, but with no rows behind them, so the metric cannot be
 * re-weighted row by row. Only the intervals that come from the counts themselves apply: Wilson, and the Poisson
 * bootstrap per confusion cell ({@link dev.modeltest.stats.PoissonBootstrap#ofCells}), which draws a replicate's
 * table from the counts and the seed alone.
 */
final class MergedLabelKernel implements ConfusionKernel {

    private final long[] counts;
    private final List<String> classes;

    MergedLabelKernel(long[] counts, List<String> classes) {
        this.counts = counts;
        this.classes = List.copyOf(classes);
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] weights) {
        requireNoWeights(weights);
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = LabelMetrics.value(metrics[i], counts, classes.size(), resolved[i]);
        }
        return out;
    }

    @Override
    public long[] proportion(Metric metric, Resolved resolved, int[] weights) {
        requireNoWeights(weights);
        return LabelMetrics.proportion(metric, counts, classes.size(), resolved);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public int classCount() {
        return classes.size();
    }

    @Override
    public String className(int c) {
        return classes.get(c);
    }

    private static void requireNoWeights(int[] weights) {
        if (weights != null) {
            throw new UnsupportedOperationException(
                    "merged confusion counts have no rows to re-weight: a bootstrap needs the rows");
        }
    }
}
