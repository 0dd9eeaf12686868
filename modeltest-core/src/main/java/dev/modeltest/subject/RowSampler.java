package dev.modeltest.subject;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the rows of a sample: which rows depends on the data's size (and labels, when stratified) and the seed only.
 * The rows come back in ascending order, so a sample keeps the data's row order.
 */
final class RowSampler {

    private RowSampler() {}

    /** Returns {@code k} of the rows {@code 0..n-1}, each set of {@code k} rows equally likely. */
    static int[] uniform(int n, int k, long seed) {
        requireSize(n, k);
        BitSet chosen = new BitSet(n);
        choose(new SplittableRandom(seed), n, null, k, chosen);
        return chosen.stream().toArray();
    }

    /**
     * Returns {@code k} rows, each label's share of them its share of the data rounded to a whole row by largest
     * remainders (ties to the label seen first), each label's rows drawn uniformly. A missing label (null) is a
     * stratum of its own.
     */
    static int[] stratified(String[] labels, int k, long seed) {
        int n = labels.length;
        requireSize(n, k);
        Map<String, Integer> index = new HashMap<>();
        List<int[]> strata = new ArrayList<>();
        int[] counts = new int[16];
        int[] stratumOf = new int[n];
        for (int r = 0; r < n; r++) {
            Integer s = index.get(labels[r]);
            if (s == null) {
                s = strata.size();
                index.put(labels[r], s);
                strata.add(null);
                if (s == counts.length) {
                    counts = java.util.Arrays.copyOf(counts, s * 2);
                }
            }
            stratumOf[r] = s;
            counts[s]++;
        }
        int m = strata.size();
        for (int s = 0; s < m; s++) {
            strata.set(s, new int[counts[s]]);
        }
        int[] filled = new int[m];
        for (int r = 0; r < n; r++) {
            int s = stratumOf[r];
            strata.get(s)[filled[s]++] = r;
        }
        int[] quota = quotas(counts, m, n, k);
        SplittableRandom random = new SplittableRandom(seed);
        BitSet chosen = new BitSet(n);
        for (int s = 0; s < m; s++) {
            choose(random, counts[s], strata.get(s), quota[s], chosen);
        }
        return chosen.stream().toArray();
    }

    /** Each stratum's share of {@code k}: the floor of {@code k * count / n}, plus one for the largest remainders. */
    static int[] quotas(int[] counts, int m, int n, int k) {
        int[] quota = new int[m];
        long[] remainder = new long[m];
        int given = 0;
        for (int s = 0; s < m; s++) {
            long exact = (long) k * counts[s];
            quota[s] = (int) (exact / n);
            remainder[s] = exact % n;
            given += quota[s];
        }
        Integer[] order = new Integer[m];
        for (int s = 0; s < m; s++) {
            order[s] = s;
        }
        // Stable sort: equal remainders keep the order the labels were first seen in.
        java.util.Arrays.sort(order, (a, b) -> Long.compare(remainder[b], remainder[a]));
        for (int i = 0; given < k; i++) {
            quota[order[i]]++;
            given++;
        }
        return quota;
    }

    /**
     * Marks {@code k} of {@code rows} in {@code chosen}, each set equally likely: Floyd's algorithm (Bentley and Floyd,
     * "A sample of brilliance", CACM 30(9), 1987), {@code k} draws and no copy of the rows.
     *
     * @param rows the rows to choose from, or null for the rows {@code 0..n-1}
     */
    private static void choose(SplittableRandom random, int n, int[] rows, int k, BitSet chosen) {
        BitSet taken = rows == null ? chosen : new BitSet(n);
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = taken.get(t) ? j : t;
            taken.set(pick);
            chosen.set(rows == null ? pick : rows[pick]);
        }
    }

    private static void requireSize(int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("cannot sample " + k + " of " + n + " rows");
        }
    }
}
