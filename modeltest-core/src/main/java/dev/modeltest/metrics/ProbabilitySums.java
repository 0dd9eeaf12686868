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
    double logLossSum;
    double brierSum;
    long weight;

    /**
     * @param brierPositive the positive class for the Brier score, or -1 for no Brier score
     */
    ProbabilitySums(Columns columns, Selection selection, boolean logLoss, int brierPositive) {
        this.columns = columns;
        this.selection = selection;
        this.logLoss = logLoss;
        this.brierPositive = brierPositive;
    }

    static ProbabilitySums of(Columns columns, Selection selection, boolean logLoss, int brierPositive) {
        return Chunks.reduce(
                selection.size, Chunks.LEAF, () -> new ProbabilitySums(columns, selection, logLoss, brierPositive));
    }

    @Override
    public void absorb(int from, int to) {
        double[][] p = columns.probabilities;
        int[] actual = columns.actual;
        int k = columns.k;
        int positive = brierPositive;
        for (int j = from; j < to; j++) {
            int i = selection.row(j);
            int w = selection.count(j);
            if (w == 0) {
                continue;
            }
            weight += w;
            if (logLoss) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    double v = p[c][i];
                    if (!Double.isFinite(v)) {
                        throw columns.badProbability(i, c, v, "log loss needs finite probabilities");
                    }
                    sum += clip(v);
                }
                double loss = -Math.log(clip(p[actual[i]][i]) / sum);
                logLossSum += w == 1 ? loss : w * loss;
            }
            if (positive >= 0) {
                double v = p[positive][i];
                if (!(v >= 0 && v <= 1)) {
                    throw columns.badProbability(i, positive, v, "the Brier score needs probabilities in [0, 1]");
                }
                double d = (actual[i] == positive ? 1 : 0) - v;
                brierSum += w == 1 ? d * d : w * (d * d);
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
