package dev.modeltest.metrics;

/**
 * Regression metrics: one pass of sums; the median absolute error from errors sorted once per selection; the losses
 * with a parameter or a domain and the D² scores from their own passes ({@link RegressionLosses}), the D² pinball
 * score's quantile from the true values sorted once.
 */
final class RegressionKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private volatile SortedValues sortedErrors;
    private volatile SortedValues sortedActual;

    RegressionKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        RegressionSums sums = null;
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            RegressionFormula formula = (RegressionFormula) metrics[i].formula();
            if (formula == RegressionFormula.MEDIAN_ABSOLUTE_ERROR) {
                out[i] = sortedErrors().median(counts);
            } else if (formula.isLoss()) {
                out[i] = RegressionLosses.value(
                        metrics[i], resolved[i], columns, selection.withCounts(counts), this::sortedActual);
            } else {
                if (sums == null) {
                    sums = RegressionSums.of(columns, selection.withCounts(counts));
                }
                out[i] = sums.value(metrics[i], resolved[i].forceFinite);
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

    /** The true values of the selection, sorted once (validated finite by the pass that comes before). */
    private SortedValues sortedActual() {
        SortedValues sorted = sortedActual;
        if (sorted == null) {
            synchronized (this) {
                sorted = sortedActual;
                if (sorted == null) {
                    double[] values = new double[selection.size];
                    for (int j = 0; j < values.length; j++) {
                        values[j] = columns.actualValues[selection.row(j)];
                    }
                    sorted = SortedValues.of(values);
                    sortedActual = sorted;
                }
            }
        }
        return sorted;
    }
}
