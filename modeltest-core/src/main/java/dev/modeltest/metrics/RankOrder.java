package dev.modeltest.metrics;

import dev.modeltest.internal.RadixSort;

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
                    throw columns.badProbability(i, c, "ranking metrics need finite scores");
                }
                keys[t] = RadixSort.key(s);
                entries[t] = columns.actual[i] == c ? ~j : j;
                t++;
            }
        }
        RadixSort.Sorted sorted = RadixSort.sort(keys, entries, t);
        return new RankOrder(sorted.keys(), sorted.payload());
    }

    /** Walks the tie groups from the highest score down, each entry counted {@code counts[j]} times ({@code null}: once). */
    RankSummary summary(int[] counts) {
        RankSummary summary = new RankSummary();
        int t = entries.length - 1;
        while (t >= 0) {
            long key = keys[t];
            long pos = 0;
            long neg = 0;
            while (t >= 0 && keys[t] == key) {
                int e = entries[t--];
                // Without a branch on the label, which is a coin toss per entry: sign is -1 for a positive, else 0.
                int sign = e >> 31;
                int w = counts == null ? 1 : counts[e ^ sign];
                pos += w & sign;
                neg += w & ~sign;
            }
            if (pos + neg > 0) {
                // Rows drawn zero times are not there at all: they must not form a group.
                summary.group(pos, neg);
            }
        }
        return summary;
    }
}
