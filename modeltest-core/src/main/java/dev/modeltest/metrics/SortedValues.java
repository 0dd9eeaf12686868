package dev.modeltest.metrics;

import dev.modeltest.internal.RadixSort;

/**
 * One value per selection position, sorted once, for order statistics under any multiplicities of the positions: the
 * median absolute error and the equal-mass calibration edges. Order statistics and percentiles are those of the
 * multiset in which position {@code j} occurs {@code counts[j]} times, as if the rows had been copied.
 */
final class SortedValues {

    private final long[] keys;
    private final int[] positions;

    private SortedValues(long[] keys, int[] positions) {
        this.keys = keys;
        this.positions = positions;
    }

    /** Sorts {@code values[j]} for {@code j} in {@code [0, values.length)}; the array is consumed. */
    static SortedValues of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] positions = new int[n];
        for (int j = 0; j < n; j++) {
            keys[j] = RadixSort.key(values[j]);
            positions[j] = j;
        }
        RadixSort.Sorted sorted = RadixSort.sort(keys, positions, n);
        return new SortedValues(sorted.keys(), sorted.payload());
    }

    /** Returns the total multiplicity. */
    long total(int[] counts) {
        if (counts == null) {
            return keys.length;
        }
        long total = 0;
        for (int p : positions) {
            total += counts[p];
        }
        return total;
    }

    /** Returns the values at the given 0-based ranks (each in {@code [0, total)}) of the expanded multiset. */
    double[] atRanks(long[] ranks, int[] counts) {
        double[] out = new double[ranks.length];
        if (counts == null) {
            for (int r = 0; r < ranks.length; r++) {
                out[r] = RadixSort.value(keys[(int) ranks[r]]);
            }
            return out;
        }
        // One walk needs the ranks in order; they come nearly sorted, so an insertion sort of their indexes is linear.
        int[] order = new int[ranks.length];
        for (int r = 0; r < ranks.length; r++) {
            int at = r;
            while (at > 0 && ranks[order[at - 1]] > ranks[r]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = r;
        }
        long below = 0;
        int r = 0;
        for (int t = 0; t < keys.length && r < ranks.length; t++) {
            long upTo = below + counts[positions[t]];
            while (r < ranks.length && ranks[order[r]] < upTo) {
                out[order[r++]] = RadixSort.value(keys[t]);
            }
            below = upTo;
        }
        return out;
    }

    /** {@code numpy.median} of the expanded multiset; NaN when it is empty. */
    double median(int[] counts) {
        long n = total(counts);
        if (n == 0) {
            return Double.NaN;
        }
        if (n % 2 == 1) {
            return atRanks(new long[] {n / 2}, counts)[0];
        }
        double[] middle = atRanks(new long[] {n / 2 - 1, n / 2}, counts);
        return (middle[0] + middle[1]) / 2;
    }

    /**
     * {@code numpy.percentile(values, q * 100)} with the default linear method, for each {@code q} in {@code [0, 1]}
     * where {@code q} is given exactly as NumPy sees it after dividing the percentage by 100.
     */
    double[] quantiles(double[] q, int[] counts) {
        long n = total(counts);
        double[] out = new double[q.length];
        if (n == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        long[] ranks = new long[2 * q.length];
        double[] gamma = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double virtual = (n - 1) * q[i];
            long previous;
            long next;
            if (virtual >= n - 1) {
                previous = n - 1;
                next = n - 1;
            } else {
                previous = (long) Math.floor(virtual);
                next = previous + 1;
            }
            gamma[i] = virtual - previous;
            ranks[2 * i] = previous;
            ranks[2 * i + 1] = next;
        }
        double[] values = atRanks(ranks, counts);
        for (int i = 0; i < q.length; i++) {
            out[i] = lerp(values[2 * i], values[2 * i + 1], gamma[i]);
        }
        return out;
    }

    /** NumPy's {@code _lerp}: interpolates from the nearer end for accuracy. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
