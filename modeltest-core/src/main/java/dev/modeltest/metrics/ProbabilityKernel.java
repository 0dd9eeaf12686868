package dev.modeltest.metrics;

/** Log loss and Brier score: one pass of per-row losses; re-weighted evaluations reuse the log losses. */
final class ProbabilityKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private volatile double[] logLosses;

    ProbabilityKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        boolean logLoss = false;
        int brierPositive = -1;
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i] == Metric.LOG_LOSS) {
                logLoss = true;
            } else if (brierPositive < 0) {
                brierPositive = resolved[i].positive;
            } else if (brierPositive != resolved[i].positive) {
                throw new IllegalArgumentException("one pass computes the Brier score of one positive class");
            }
        }
        double[] losses = logLoss && counts != null ? logLosses() : null;
        ProbabilitySums sums =
                ProbabilitySums.of(columns, selection.withCounts(counts), logLoss, brierPositive, losses);
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = metrics[i] == Metric.LOG_LOSS ? sums.logLoss() : sums.brier();
        }
        return out;
    }

    double[] logLosses() {
        double[] losses = logLosses;
        if (losses == null) {
            synchronized (this) {
                losses = logLosses;
                if (losses == null) {
                    losses = ProbabilitySums.logLosses(columns, selection);
                    logLosses = losses;
                }
            }
        }
        return losses;
    }
}
