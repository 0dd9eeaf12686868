package dev.modeltest.metrics;

/** Regression metrics: one pass of sums; the median absolute error from errors sorted once per selection. */
final class RegressionKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private volatile SortedValues sortedErrors;

    RegressionKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        RegressionSums sums = null;
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i] == Metric.MEDIAN_ABSOLUTE_ERROR) {
                out[i] = sortedErrors().median(counts);
            } else {
                if (sums == null) {
                    sums = RegressionSums.of(columns, selection.withCounts(counts));
                }
                out[i] = sums.value(metrics[i]);
            }
        }
        return out;
    }

    private SortedValues sortedErrors() {
        SortedValues sorted = sortedErrors;
        if (sorted == null) {
            synchronized (this) {
                sorted = sortedErrors;
                if (sorted == null) {
                    double[] errors = new double[selection.size];
                    for (int j = 0; j < errors.length; j++) {
                        int i = selection.row(j);
                        double a = columns.actualValues[i];
                        double p = columns.predictedValues[i];
                        if (!Double.isFinite(a)) {
                            throw columns.badValue(i, "true", a);
                        }
                        if (!Double.isFinite(p)) {
                            throw columns.badValue(i, "predicted", p);
                        }
                        errors[j] = Math.abs(p - a);
                    }
                    sorted = SortedValues.of(errors);
                    sortedErrors = sorted;
                }
            }
        }
        return sorted;
    }
}
