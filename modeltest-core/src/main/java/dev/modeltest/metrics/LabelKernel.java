package dev.modeltest.metrics;

/** Label metrics: one confusion-count pass shared by all of them. */
final class LabelKernel implements ConfusionKernel {

    private final Columns columns;
    private final Selection selection;

    LabelKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    long[] counts(int[] counts) {
        return ConfusionCounts.of(columns, selection.withCounts(counts)).counts;
    }

    @Override
    public long[] counts() {
        return counts(null);
    }

    @Override
    public int classCount() {
        return columns.k;
    }

    @Override
    public String className(int c) {
        return columns.classes.get(c);
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        long[] confusion = counts(counts);
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = LabelMetrics.value(metrics[i], confusion, columns.k, resolved[i]);
        }
        return out;
    }

    @Override
    public long[] proportion(Metric metric, Resolved resolved, int[] counts) {
        return LabelMetrics.proportion(metric, counts(counts), columns.k, resolved);
    }
}
