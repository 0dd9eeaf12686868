package dev.modeltest.metrics;

/**
 * The mergeable state of log loss and Brier score: the weighted sums of the per-row losses and the total weight.
 */
final class ProbabilitySums implements Chunks.Accumulator<ProbabilitySums> {

    /** NumPy's float64 eps, scikit-learn 1.2's {@code log_loss(eps="auto")}. */
    static final double EPS = Math.ulp(1.0);

    private final Columns columns;
    private final Selection selection;
    private final boolean logLoss;
    private final int brierPositive;
    private final double[] logLosses;
    double logLossSum;
    double brierSum;
    long weight;

    /**
     * @param brierPositive the positive class for the Brier score, or -1 for no Brier score
     * @param logLosses each selection position's log loss, computed before by {@link #logLosses}, or {@code null} to
     *     compute them on the way
     */
    ProbabilitySums(Columns columns, Selection selection, boolean logLoss, int brierPositive, double[] logLosses) {
        this.columns = columns;
        this.selection = selection;
        this.logLoss = logLoss;
        this.brierPositive = brierPositive;
        this.logLosses = logLosses;
    }

    static ProbabilitySums of(
            Columns columns, Selection selection, boolean logLoss, int brierPositive, double[] logLosses) {
        return Chunks.reduce(
                selection.size,
                Chunks.LEAF,
                () -> new ProbabilitySums(columns, selection, logLoss, brierPositive, logLosses));
    }

    /**
     * Returns each selection position's log loss: it does not depend on how often the row counts, so re-weighted
     * evaluations (bootstrap replicates) add them up instead of taking a logarithm per row each time.
     */
    static double[] logLosses(Columns columns, Selection selection) {
        double[] out = new double[selection.size];
        for (int j = 0; j < out.length; j++) {
            out[j] = logLoss(columns, selection.row(j));
        }
        return out;
    }

    /**
     * One row's loss: probabilities (each in [0, 1], {@link Columns#probability}) clipped to [ε, 1 − ε], renormalized,
     * and the true class's negative log.
     */
    private static double logLoss(Columns columns, int i) {
        double sum = 0;
        for (int c = 0; c < columns.k; c++) {
            sum += clip(columns.probability(i, c, "log loss"));
        }
        return -Math.log(clip(columns.probabilities[columns.actual[i]][i]) / sum);
    }

    @Override
    public void absorb(int from, int to) {
        double[][] p = columns.probabilities;
        int[] actual = columns.actual;
        int positive = brierPositive;
        for (int j = from; j < to; j++) {
            int i = selection.row(j);
            // Rows drawn zero times add w · loss = 0: no branch on the weight, which is a coin toss per row.
            int w = selection.count(j);
            weight += w;
            if (logLoss) {
                double loss = logLosses != null ? logLosses[j] : logLoss(columns, i);
                logLossSum += w * loss;
            }
            if (positive >= 0) {
                double v = columns.probability(i, positive, "the Brier score");
                double d = (actual[i] == positive ? 1 : 0) - v;
                brierSum += w * (d * d);
            }
        }
    }

    private static double clip(double v) {
        return v < EPS ? EPS : v > 1 - EPS ? 1 - EPS : v;
    }

    @Override
    public ProbabilitySums merge(ProbabilitySums other) {
        logLossSum += other.logLossSum;
        brierSum += other.brierSum;
        weight += other.weight;
        return this;
    }

    double logLoss() {
        return weight == 0 ? Double.NaN : logLossSum / weight;
    }

    double brier() {
        return weight == 0 ? Double.NaN : brierSum / weight;
    }
}
