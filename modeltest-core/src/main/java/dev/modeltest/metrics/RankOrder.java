package dev.modeltest.metrics;

/**
 * The one-vs-rest scores of a fixed selection sorted once, so that ROC AUC and average precision can be recomputed
 * for any multiplicities of the rows in one linear walk: a bootstrap replicate costs O(n), not a sort.
 *
 * <p>Entry {@code t} in ascending score order is the selection position {@code j} of a negative row or {@code ~j} of
 * a positive one.
 */
final class RankOrder {

    private final long[] keys;
    private final int[] entries;

    private RankOrder(long[] keys, int[] entries) {
        this.keys = keys;
        this.entries = entries;
    }

    static RankOrder of(Columns columns, Selection selection, int[] classes) {
        int size = selection.size;
        long length = (long) size * classes.length;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many scores to rank at once: " + length);
        }
        long[] keys = new long[(int) length];
        int[] entries = new int[(int) length];
        int t = 0;
        for (int c : classes) {
            double[] scores = columns.probabilities[c];
            for (int j = 0; j < size; j++) {
                int i = selection.row(j);
                double s = scores[i];
                if (!Double.isFinite(s)) {
                    throw columns.badProbability(i, c, s, "ranking metrics need finite scores");
                }
                keys[t] = RadixSort.key(s);
                entries[t] = columns.actual[i] == c ? ~j : j;
                t++;
            }
        }
        RadixSort.Sorted sorted = RadixSort.sort(keys, entries, t);
        return new RankOrder(sorted.keys(), sorted.payload());
    }

    /** Walks the tie groups with each entry counted {@code counts[j]} times ({@code null}: once). */
    RankSummary summary(int[] counts) {
        long positives = 0;
        long negatives = 0;
        for (int e : entries) {
            int w = counts == null ? 1 : counts[e < 0 ? ~e : e];
            if (e < 0) {
                positives += w;
            } else {
                negatives += w;
            }
        }
        RankSummary summary = new RankSummary(positives, negatives);
        int length = entries.length;
        int t = 0;
        while (t < length) {
            long key = keys[t];
            long pos = 0;
            long neg = 0;
            while (t < length && keys[t] == key) {
                int e = entries[t++];
                int w = counts == null ? 1 : counts[e < 0 ? ~e : e];
                if (e < 0) {
                    pos += w;
                } else {
                    neg += w;
                }
            }
            if (pos + neg > 0) {
                // Rows drawn zero times are not there at all: they must not split or form a group.
                summary.group(pos, neg);
            }
        }
        return summary;
    }
}
