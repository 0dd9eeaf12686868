package dev.modeltest.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mergeable state of ROC AUC and average precision: sorted runs of the score keys ({@link RadixSort#key}) of the
 * positive rows and of the negative rows. Each absorbed chunk adds one sorted run of each; merging two states joins
 * their runs, so the state of any split holds exactly the keys of all rows. AUC and AP then follow from one walk over
 * the tie groups.
 *
 * <p>One state can absorb several one-vs-rest columns (micro averaging pools them).
 */
final class RankRuns implements Chunks.Accumulator<RankRuns> {

    private final Columns columns;
    private final Selection selection;
    private final int[] classes;
    private final List<Run> positiveRuns = new ArrayList<>();
    private final List<Run> negativeRuns = new ArrayList<>();

    /** The first {@code length} keys of {@code keys}, ascending. */
    private record Run(long[] keys, int length) {}

    RankRuns(Columns columns, Selection selection, int[] classes) {
        this.columns = columns;
        this.selection = selection;
        this.classes = classes;
    }

    /**
     * Sorted runs of the one-vs-rest scores of {@code classes} over the (unweighted) selection, sorted in parallel
     * chunks.
     */
    static RankRuns of(Columns columns, Selection selection, int[] classes) {
        return of(columns, selection, classes, Chunks.leafPerCore(selection.size));
    }

    /** The same on the calling thread only, for callers that run several rankings side by side. */
    static RankRuns sequential(Columns columns, Selection selection, int[] classes) {
        return of(columns, selection, classes, Math.max(1, selection.size));
    }

    private static RankRuns of(Columns columns, Selection selection, int[] classes, int leaf) {
        if (selection.counts != null) {
            throw new IllegalStateException("sorted runs take each row once; weighted rows go through RankOrder");
        }
        return Chunks.reduce(selection.size, leaf, () -> new RankRuns(columns, selection, classes));
    }

    @Override
    public void absorb(int from, int to) {
        int[] actual = columns.actual;
        int[] rows = selection.rows;
        long pos = 0;
        for (int c : classes) {
            for (int j = from; j < to; j++) {
                pos += actual[rows == null ? j : rows[j]] == c ? 1 : 0;
            }
        }
        long neg = (long) (to - from) * classes.length - pos;
        if (pos > Integer.MAX_VALUE - 8 || neg > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many scores to rank at once: " + (pos + neg));
        }
        // One slot of slack each, so that every key can be written to both arrays and only one index advances: no
        // branch on the label in the hot loop.
        long[] p = new long[(int) pos + 1];
        long[] q = new long[(int) neg + 1];
        int pi = 0;
        int qi = 0;
        for (int c : classes) {
            double[] scores = columns.probabilities[c];
            for (int j = from; j < to; j++) {
                int i = rows == null ? j : rows[j];
                double s = scores[i];
                if (!Double.isFinite(s)) {
                    throw columns.badProbability(i, c, s, "ranking metrics need finite scores");
                }
                long key = RadixSort.key(s);
                int positive = actual[i] == c ? 1 : 0;
                p[pi] = key;
                q[qi] = key;
                pi += positive;
                qi += 1 - positive;
            }
        }
        add(positiveRuns, RadixSort.sort(p, pi), pi);
        add(negativeRuns, RadixSort.sort(q, qi), qi);
    }

    private static void add(List<Run> runs, long[] sorted, int length) {
        if (length > 0) {
            runs.add(new Run(sorted, length));
        }
    }

    @Override
    public RankRuns merge(RankRuns other) {
        positiveRuns.addAll(other.positiveRuns);
        negativeRuns.addAll(other.negativeRuns);
        return this;
    }

    /** Returns all positive keys in one sorted array. */
    long[] positives() {
        return mergeAll(positiveRuns);
    }

    /** Returns all negative keys in one sorted array. */
    long[] negatives() {
        return mergeAll(negativeRuns);
    }

    private static long[] mergeAll(List<Run> runs) {
        List<Run> merged = fewer(runs, 1);
        return merged.isEmpty()
                ? new long[0]
                : Arrays.copyOf(merged.get(0).keys(), merged.get(0).length());
    }

    /** Merges runs pairwise until at most {@code ways} remain. */
    private static List<Run> fewer(List<Run> runs, int ways) {
        List<Run> current = runs;
        while (current.size() > ways) {
            List<Run> next = new ArrayList<>();
            for (int r = 0; r < current.size(); r += 2) {
                next.add(r + 1 < current.size() ? mergeSorted(current.get(r), current.get(r + 1)) : current.get(r));
            }
            current = next;
        }
        return current;
    }

    private static Run mergeSorted(Run left, Run right) {
        long[] a = left.keys();
        long[] b = right.keys();
        int na = left.length();
        int nb = right.length();
        long[] out = new long[na + nb];
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < na && j < nb) {
            out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, out, o, na - i);
        System.arraycopy(b, j, out, o + na - i, nb - j);
        return new Run(out, na + nb);
    }

    /**
     * Walks the tie groups. The runs are merged into one per label first: a two-array walk plus the merges costs less
     * than a walk over many runs, which compares every run's head at every key.
     */
    RankSummary summary() {
        List<Run> p = fewer(positiveRuns, 1);
        List<Run> q = fewer(negativeRuns, 1);
        long[] positives = p.isEmpty() ? new long[0] : p.get(0).keys();
        int np = p.isEmpty() ? 0 : p.get(0).length();
        long[] negatives = q.isEmpty() ? new long[0] : q.get(0).keys();
        int nq = q.isEmpty() ? 0 : q.get(0).length();
        RankSummary summary = new RankSummary();
        walk(positives, np, negatives, nq, summary);
        return summary;
    }

    /** The two-run walk, from the highest score down. */
    private static void walk(long[] positives, int np, long[] negatives, int nq, RankSummary summary) {
        int i = np - 1;
        int j = nq - 1;
        while (i >= 0 || j >= 0) {
            long key = i >= 0 && (j < 0 || positives[i] >= negatives[j]) ? positives[i] : negatives[j];
            int i0 = i;
            int j0 = j;
            while (i >= 0 && positives[i] == key) {
                i--;
            }
            while (j >= 0 && negatives[j] == key) {
                j--;
            }
            summary.group(i0 - i, j0 - j);
        }
    }

    /**
     * The tie groups in descending score order as scikit-learn's {@code _binary_clf_curve} gives them: the distinct
     * thresholds and the cumulative false and true positive counts at each.
     */
    Groups descendingGroups() {
        long[] positives = positives();
        long[] negatives = negatives();
        int capacity = 16;
        double[] thresholds = new double[capacity];
        long[] fps = new long[capacity];
        long[] tps = new long[capacity];
        int size = 0;
        int i = positives.length - 1;
        int j = negatives.length - 1;
        long tp = 0;
        long fp = 0;
        while (i >= 0 || j >= 0) {
            long key = i >= 0 && (j < 0 || positives[i] >= negatives[j]) ? positives[i] : negatives[j];
            while (i >= 0 && positives[i] == key) {
                i--;
                tp++;
            }
            while (j >= 0 && negatives[j] == key) {
                j--;
                fp++;
            }
            if (size == capacity) {
                capacity *= 2;
                thresholds = Arrays.copyOf(thresholds, capacity);
                fps = Arrays.copyOf(fps, capacity);
                tps = Arrays.copyOf(tps, capacity);
            }
            thresholds[size] = RadixSort.value(key);
            fps[size] = fp;
            tps[size] = tp;
            size++;
        }
        return new Groups(Arrays.copyOf(thresholds, size), Arrays.copyOf(fps, size), Arrays.copyOf(tps, size));
    }

    /** Distinct thresholds (descending) with cumulative false and true positives. */
    record Groups(double[] thresholds, long[] fps, long[] tps) {}
}
