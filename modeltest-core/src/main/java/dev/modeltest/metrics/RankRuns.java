package dev.modeltest.metrics;

import dev.modeltest.internal.RadixSort;
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
    private final Workspace workspace;
    private final List<Run> positiveRuns = new ArrayList<>();
    private final List<Run> negativeRuns = new ArrayList<>();

    /** Keys {@code [from, to)} of {@code keys}, ascending. */
    private record Run(long[] keys, int from, int to) {

        int length() {
            return to - from;
        }
    }

    /**
     * Arrays that one thread reuses from ranking to ranking, so that ranking several one-vs-rest columns in turn
     * allocates (and zeroes) its hundreds of megabytes once. A ranking's runs live in it until the next ranking.
     */
    static final class Workspace {

        private long[] keys = new long[0];
        private long[] scratch = new long[0];

        long[] keys(int length) {
            if (keys.length < length) {
                keys = new long[length];
            }
            return keys;
        }

        long[] scratch(int length) {
            if (scratch.length < length) {
                scratch = new long[length];
            }
            return scratch;
        }
    }

    RankRuns(Columns columns, Selection selection, int[] classes) {
        this(columns, selection, classes, null);
    }

    private RankRuns(Columns columns, Selection selection, int[] classes, Workspace workspace) {
        this.columns = columns;
        this.selection = selection;
        this.classes = classes;
        this.workspace = workspace;
    }

    /**
     * Sorted runs of the one-vs-rest scores of {@code classes} over the (unweighted) selection, sorted in parallel
     * chunks.
     */
    static RankRuns of(Columns columns, Selection selection, int[] classes) {
        requireUnweighted(selection);
        return Chunks.reduce(
                selection.size, Chunks.leafPerCore(selection.size), () -> new RankRuns(columns, selection, classes));
    }

    /**
     * The same on the calling thread only, in one chunk whose arrays come from {@code workspace}, for callers that run
     * several rankings side by side.
     */
    static RankRuns sequential(Columns columns, Selection selection, int[] classes, Workspace workspace) {
        requireUnweighted(selection);
        RankRuns runs = new RankRuns(columns, selection, classes, workspace);
        runs.absorb(0, selection.size);
        return runs;
    }

    private static void requireUnweighted(Selection selection) {
        if (selection.counts != null) {
            throw new IllegalStateException("sorted runs take each row once; weighted rows go through RankOrder");
        }
    }

    /**
     * Writes the keys of the positive entries to the front of one array and those of the negative entries to its
     * back, then sorts both parts.
     */
    @Override
    public void absorb(int from, int to) {
        int[] actual = columns.actual;
        int[] rows = selection.rows;
        long entries = (long) (to - from) * classes.length;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many scores to rank at once: " + entries);
        }
        int length = (int) entries;
        long[] keys = workspace == null ? new long[length] : workspace.keys(length);
        // Every key is written at both ends and only the index of its label advances: no branch on the label, which
        // is a coin toss per entry. A key written to the wrong end is overwritten by the next one (see the end).
        int front = 0;
        int back = length - 1;
        long and = -1;
        long or = 0;
        for (int c : classes) {
            double[] scores = columns.probabilities[c];
            for (int j = from; j < to; j++) {
                int i = rows == null ? j : rows[j];
                double s = scores[i];
                if (!Double.isFinite(s)) {
                    throw columns.badProbability(i, c, "ranking metrics need finite scores");
                }
                long key = RadixSort.key(s);
                int positive = actual[i] == c ? 1 : 0;
                keys[front] = key;
                keys[back] = key;
                front += positive;
                back -= 1 - positive;
                and &= key;
                or |= key;
            }
        }
        // Now front == back + 1: [0, front) are the positives, [front, length) the negatives. A stray write to
        // keys[back] by a positive landed either on a slot a later negative took, or, after the last negative, on
        // keys[front - 1], which the same positive wrote too.
        long[] scratch = workspace == null ? new long[Math.max(front, length - front)] : workspace.scratch(length);
        RadixSort.sort(keys, 0, front, scratch, and ^ or);
        RadixSort.sort(keys, front, length, scratch, and ^ or);
        add(positiveRuns, new Run(keys, 0, front));
        add(negativeRuns, new Run(keys, front, length));
    }

    private static void add(List<Run> runs, Run run) {
        if (run.length() > 0) {
            runs.add(run);
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
        if (merged.isEmpty()) {
            return new long[0];
        }
        Run run = merged.get(0);
        return Arrays.copyOfRange(run.keys(), run.from(), run.to());
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
        int i = left.from();
        int j = right.from();
        int na = left.to();
        int nb = right.to();
        long[] out = new long[left.length() + right.length()];
        int o = 0;
        while (i < na && j < nb) {
            out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, out, o, na - i);
        System.arraycopy(b, j, out, o + na - i, nb - j);
        return new Run(out, 0, out.length);
    }

    /**
     * Walks the tie groups. The runs are merged into one per label first: a two-array walk plus the merges costs less
     * than a walk over many runs, which compares every run's head at every key.
     */
    RankSummary summary() {
        Run p = single(positiveRuns);
        Run q = single(negativeRuns);
        RankSummary summary = new RankSummary();
        walk(p.keys(), p.from(), p.to(), q.keys(), q.from(), q.to(), summary);
        return summary;
    }

    private static Run single(List<Run> runs) {
        List<Run> merged = fewer(runs, 1);
        return merged.isEmpty() ? new Run(new long[0], 0, 0) : merged.get(0);
    }

    /** The two-run walk, from the highest score down. */
    private static void walk(
            long[] positives, int pFrom, int pTo, long[] negatives, int nFrom, int nTo, RankSummary summary) {
        int i = pTo - 1;
        int j = nTo - 1;
        while (i >= pFrom || j >= nFrom) {
            long key = i >= pFrom && (j < nFrom || positives[i] >= negatives[j]) ? positives[i] : negatives[j];
            int i0 = i;
            int j0 = j;
            while (i >= pFrom && positives[i] == key) {
                i--;
            }
            while (j >= nFrom && negatives[j] == key) {
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
        double[] falsePositives = new double[size];
        double[] truePositives = new double[size];
        for (int t = 0; t < size; t++) {
            // Exact: counts below 2^53.
            falsePositives[t] = fps[t];
            truePositives[t] = tps[t];
        }
        return new Groups(Arrays.copyOf(thresholds, size), falsePositives, truePositives, true);
    }

    /**
     * Distinct thresholds (descending) with cumulative false and true positives: row counts, or sums of sample weights
     * ({@link RankOrder#weightedGroups}); {@code dropIntermediate} whether the ROC curve drops the points it passes
     * straight through, as {@code roc_curve(drop_intermediate=True)} does (on counts, where "straight" is exact).
     */
    record Groups(double[] thresholds, double[] fps, double[] tps, boolean dropIntermediate) {}
}
