package dev.modeltest.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Sorts {@code long} keys in signed order by a least-significant-digit radix sort, optionally carrying an {@code int}
 * payload. For modeltest's own packages (ranking metrics, drift); not API.
 *
 * <p>Written by hand because ranking metrics and drift sort millions of scores per evaluation and the JDK's comparison
 * sort costs several times more (docs/performance.md has the figures); no library on the class path sorts primitive
 * keys with a payload. Keys alone: two passes of up to 16 bits from the highest varying bit, then a fix-up of the
 * runs that tie there. Keys with a payload: six stable passes of 11 bits; a pass whose digit is the same for every
 * key is skipped.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class RadixSort {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int MASK = BUCKETS - 1;
    private static final int PASSES = 6;
    /** Below this the histograms cost more than a comparison sort. */
    private static final int SMALL = 4096;

    private RadixSort() {}

    /** Maps a double to a long whose signed order is the double's numeric order; -0.0 and 0.0 map alike. */
    public static long key(double value) {
        long bits = Double.doubleToRawLongBits(value + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The inverse of {@link #key(double)}. */
    public static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    private static int digit(long key, int pass) {
        long unsigned = key ^ Long.MIN_VALUE;
        return (int) ((unsigned >>> (pass * BITS)) & MASK);
    }

    /** The widest digit of {@link #sort(long[], int, int, long[], long)}: 2^16 counters fit in the L2 cache. */
    private static final int WIDE_BITS = 16;

    /**
     * Sorts {@code keys[from, to)} ascending in place, with {@code scratch} (at least {@code to - from} long) as the
     * buffer. {@code varying} has a one for every bit in which some keys differ (a superset will do, {@code -1} is
     * always right): bits above its highest one are the same in every key and are not sorted on.
     *
     * <p>Two radix passes of at most 16 bits order the keys by the 32 bits from the highest varying bit down; keys that
     * tie there are then put in order by sorting each run that one scan finds out of order. Radix passes that start at
     * the highest <em>varying</em> bit, not at bit 63, matter for scores: probabilities share their sign and top
     * exponent bits, and with fixed digits far more of them would tie in the sorted bits.
     */
    public static void sort(long[] keys, int from, int to, long[] scratch, long varying) {
        int length = to - from;
        if (length < SMALL) {
            Arrays.sort(keys, from, to);
            return;
        }
        if (varying == 0) {
            return;
        }
        int top = 63 - Long.numberOfLeadingZeros(varying);
        int low = Math.max(0, top - 31);
        int bits = top - low + 1;
        int passes = bits <= WIDE_BITS ? 1 : 2;
        int width = (bits + passes - 1) / passes;
        int mask = (1 << width) - 1;
        int[][] counts = new int[2][1 << width];
        int[] lowCounts = counts[0];
        int[] highCounts = counts[1];
        int highShift = low + width;
        for (int i = from; i < to; i++) {
            long unsigned = keys[i] ^ Long.MIN_VALUE;
            lowCounts[(int) ((unsigned >>> low) & mask)]++;
            highCounts[(int) ((unsigned >>> highShift) & mask)]++;
        }
        long[] source = keys;
        int sourceFrom = from;
        long[] target = scratch;
        int targetFrom = 0;
        for (int pass = 0; pass < passes; pass++) {
            int[] count = counts[pass];
            if (isTrivial(count, length)) {
                continue;
            }
            int[] offsets = offsets(count);
            int shift = low + pass * width;
            for (int i = sourceFrom; i < sourceFrom + length; i++) {
                long k = source[i];
                target[targetFrom + offsets[(int) (((k ^ Long.MIN_VALUE) >>> shift) & mask)]++] = k;
            }
            long[] swap = source;
            source = target;
            target = swap;
            int swapFrom = sourceFrom;
            sourceFrom = targetFrom;
            targetFrom = swapFrom;
        }
        if (source != keys) {
            System.arraycopy(source, sourceFrom, keys, from, length);
        }
        if (low > 0) {
            sortTiedRuns(keys, from, to, low);
        }
    }

    /**
     * Puts in order the runs of keys that tie in their bits from {@code shift} up (the radix passes ordered the runs
     * but not within them). Only a run holding a key smaller than its predecessor needs work, so one scan finds them.
     */
    private static void sortTiedRuns(long[] keys, int from, int to, int shift) {
        int i = from + 1;
        while (i < to) {
            if (keys[i - 1] <= keys[i]) {
                i++;
                continue;
            }
            long high = keys[i] >>> shift;
            int start = i - 1;
            while (start > from && keys[start - 1] >>> shift == high) {
                start--;
            }
            int end = i + 1;
            while (end < to && keys[end] >>> shift == high) {
                end++;
            }
            if (end - start <= 16) {
                insertionSort(keys, start, end);
            } else {
                Arrays.sort(keys, start, end);
            }
            i = end;
        }
    }

    /** Returns the bits in which the given keys differ: the argument {@code varying} of {@link #sort}. */
    public static long varying(long[] keys, int from, int to) {
        long and = -1;
        long or = 0;
        for (int i = from; i < to; i++) {
            and &= keys[i];
            or |= keys[i];
        }
        return and ^ or;
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
    public static Sorted sort(long[] keys, int[] payload, int length) {
        if (length < SMALL) {
            sortSmall(keys, payload, length);
            return new Sorted(keys, payload);
        }
        int[][] counts = histograms(keys, length);
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
    public record Sorted(long[] keys, int[] payload) {}

    /** The digit counts of all six passes, in one read of the keys. */
    private static int[][] histograms(long[] keys, int length) {
        int[][] counts = new int[PASSES][BUCKETS];
        int[] c0 = counts[0];
        int[] c1 = counts[1];
        int[] c2 = counts[2];
        int[] c3 = counts[3];
        int[] c4 = counts[4];
        int[] c5 = counts[5];
        for (int i = 0; i < length; i++) {
            long unsigned = keys[i] ^ Long.MIN_VALUE;
            c0[(int) (unsigned & MASK)]++;
            c1[(int) ((unsigned >>> BITS) & MASK)]++;
            c2[(int) ((unsigned >>> (2 * BITS)) & MASK)]++;
            c3[(int) ((unsigned >>> (3 * BITS)) & MASK)]++;
            c4[(int) ((unsigned >>> (4 * BITS)) & MASK)]++;
            c5[(int) ((unsigned >>> (5 * BITS)) & MASK)]++;
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
        int[] offsets = new int[count.length];
        int sum = 0;
        for (int b = 0; b < count.length; b++) {
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
