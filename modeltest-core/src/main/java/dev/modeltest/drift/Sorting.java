package dev.modeltest.drift;

import dev.modeltest.internal.RadixSort;

/**
 * Sorted copies of numeric columns, the first step of every comparison of continuous columns (KS, Wasserstein,
 * quantile bins).
 *
 * <p>Sorting is most of the cost of drift on large samples (a 20-column comparison of two million-row samples sorts 40
 * columns), so it uses the radix sort the ranking metrics use rather than {@code Arrays.sort}.
 */
final class Sorting {

    private Sorting() {}

    /**
     * Returns the finite values in ascending order; NaN and infinities are left out, and {@code -0.0} comes back as
     * {@code 0.0} (the two compare equal, and every statistic here treats them alike).
     */
    static double[] sortedFinite(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        long[] keys = new long[n];
        long and = -1;
        long or = 0;
        int k = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                long key = RadixSort.key(v);
                keys[k++] = key;
                and &= key;
                or |= key;
            }
        }
        RadixSort.sort(keys, 0, n, new long[n], and ^ or);
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = RadixSort.value(keys[i]);
        }
        return sorted;
    }
}
