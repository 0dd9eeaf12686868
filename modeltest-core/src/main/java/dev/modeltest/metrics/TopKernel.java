package dev.modeltest.metrics;

/**
 * Top-k accuracy: whether each row's true class is among its {@code k} highest scores, decided once per selection
 * and {@code k}; re-weighted evaluations count the hits.
 */
final class TopKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private volatile Hits hits;

    /** The hits of one {@code k}, per selection position. */
    private record Hits(int k, boolean[] of) {}

    TopKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            long[] p = proportion(metrics[i], resolved[i], counts);
            out[i] = p[1] == 0 ? Double.NaN : (double) p[0] / p[1];
        }
        return out;
    }

    @Override
    public long[] proportion(Metric metric, Resolved resolved, int[] counts) {
        boolean[] hit = hits(resolved.k);
        long successes = 0;
        long trials = 0;
        for (int j = 0; j < hit.length; j++) {
            int w = counts == null ? 1 : counts[j];
            trials += w;
            if (hit[j]) {
                successes += w;
            }
        }
        return new long[] {successes, trials};
    }

    boolean[] hits(int k) {
        Hits h = hits;
        if (h == null || h.k() != k) {
            h = new Hits(k, columns.k == 2 ? binaryHits() : rankHits(k));
            hits = h;
        }
        return h.of();
    }

    /**
     * scikit-learn's binary case ({@code k = 1}): the second class is predicted where its score is above 0.5 (above 0
     * when a score of the rows is outside [0, 1]).
     */
    private boolean[] binaryHits() {
        double[] scores = columns.probabilities[1];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < selection.size; j++) {
            int i = selection.row(j);
            double s = finite(i, 1);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double threshold = min >= 0 && max <= 1 ? 0.5 : 0;
        boolean[] out = new boolean[selection.size];
        for (int j = 0; j < out.length; j++) {
            int i = selection.row(j);
            out[j] = (scores[i] > threshold ? 1 : 0) == columns.actual[i];
        }
        return out;
    }

    /**
     * scikit-learn's multiclass case: {@code argsort(scores, kind="mergesort")[::-1][:k]} holds the true class. Read
     * as a count: the true class {@code t} is in the top {@code k} when fewer than {@code k} classes rank before it,
     * a class {@code c} ranking before it when its score is higher, or equal and {@code c > t} (the stable ascending
     * sort, reversed, puts the later of tied classes first).
     */
    private boolean[] rankHits(int k) {
        boolean[] out = new boolean[selection.size];
        for (int j = 0; j < out.length; j++) {
            int i = selection.row(j);
            int t = columns.actual[i];
            double own = finite(i, t);
            int before = 0;
            for (int c = 0; c < columns.k; c++) {
                double s = finite(i, c);
                if (s > own || (s == own && c > t)) {
                    before++;
                }
            }
            out[j] = before < k;
        }
        return out;
    }

    private double finite(int row, int classIndex) {
        double s = columns.probabilities[classIndex][row];
        if (!Double.isFinite(s)) {
            throw columns.badProbability(row, classIndex, "top-k accuracy needs finite scores");
        }
        return s;
    }
}
