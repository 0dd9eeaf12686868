package dev.modeltest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {

    @Test
    void keysOrderDoublesNumericallyWithSignedZerosAlike() {
        double[] values = {
            Double.NEGATIVE_INFINITY,
            -1e300,
            -1.5,
            -Double.MIN_VALUE,
            -0.0,
            0.0,
            Double.MIN_VALUE,
            0.1,
            1,
            1e300,
            Double.POSITIVE_INFINITY
        };
        for (int i = 1; i < values.length; i++) {
            long previous = RadixSort.key(values[i - 1]);
            long current = RadixSort.key(values[i]);
            if (values[i - 1] == values[i]) {
                assertThat(current).isEqualTo(previous);
            } else {
                assertThat(current).isGreaterThan(previous);
            }
            assertThat(RadixSort.value(current)).isEqualTo(values[i] + 0.0);
        }
    }

    @Test
    void sortsLikeArraysSortAtEverySize() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 2, 100, 4095, 4096, 5000, 100_000}) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = switch (i % 3) {
                    case 0 -> RadixSort.key(random.nextGaussian());
                    case 1 -> RadixSort.key(Math.rint(random.nextDouble() * 20) / 20);
                    default -> random.nextLong();
                };
            }
            assertSortsLikeArraysSort(keys);
        }
    }

    @Test
    void sortsPartOfAnArrayAndLeavesTheRestAlone() {
        SplittableRandom random = new SplittableRandom(8);
        long[] keys = new long[30_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = RadixSort.key(random.nextDouble());
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted, 5_000, 25_000);

        long[] actual = keys.clone();
        RadixSort.sort(actual, 5_000, 25_000, new long[20_000], RadixSort.varying(actual, 5_000, 25_000));

        assertThat(actual).containsExactly(sorted);
    }

    @Test
    void sortsWhateverBitsVary() {
        // Keys varying in only a few low bits (one pass, no runs), in about 20 bits (two narrow passes), in bits that
        // are not contiguous, all equal, and a mask wider than the varying bits (-1, always allowed).
        SplittableRandom random = new SplittableRandom(9);
        int n = 20_000;
        long[][] cases = new long[5][n];
        for (int i = 0; i < n; i++) {
            cases[0][i] = 1000 + random.nextInt(1 << 9);
            cases[1][i] = -5L * random.nextInt(1 << 20);
            cases[2][i] = ((long) random.nextInt(4) << 60) | random.nextInt(8);
            cases[3][i] = 42;
            cases[4][i] = RadixSort.key(random.nextGaussian());
        }
        for (long[] keys : cases) {
            assertSortsLikeArraysSort(keys);
        }
        long[] keys = cases[4].clone();
        long[] expected = keys.clone();
        Arrays.sort(expected);
        RadixSort.sort(keys, 0, n, new long[n], -1L);
        assertThat(keys).containsExactly(expected);
    }

    private static void assertSortsLikeArraysSort(long[] keys) {
        long[] expected = keys.clone();
        Arrays.sort(expected);
        long[] actual = keys.clone();

        RadixSort.sort(actual, 0, actual.length, new long[actual.length], RadixSort.varying(actual, 0, actual.length));

        assertThat(actual).containsExactly(expected);
    }

    @Test
    void sortsKeysThatTieInTheirHighBits() {
        // Scores within a few thousand ulps of each other tie in the 32 bits the radix passes sort on (from the highest
        // varying bit down): the run fix-up orders them, in runs of every length (short ones by insertion, long ones by
        // comparison sort, sorted ones left alone).
        SplittableRandom random = new SplittableRandom(7);
        int n = 50_000;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double base = 0.5 + (i % 7 == 0 ? 0.25 : 0) + (i % 11 == 0 ? -1.75 : 0);
            keys[i] = RadixSort.key(base + random.nextInt(1 << 12) * Math.ulp(base) * (i % 3 == 0 ? 1 : 1000));
        }
        assertSortsLikeArraysSort(keys);
    }

    @Test
    void sortsAPayloadAlongStably() {
        SplittableRandom random = new SplittableRandom(6);
        for (int n : new int[] {10, 4095, 20_000}) {
            long[] keys = new long[n];
            int[] payload = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = random.nextInt(50) - 25;
                payload[i] = i;
            }

            RadixSort.Sorted sorted = RadixSort.sort(keys.clone(), payload.clone(), n);

            for (int i = 0; i < n; i++) {
                assertThat(sorted.keys()[i]).isEqualTo(keys[sorted.payload()[i]]);
                if (i > 0) {
                    assertThat(sorted.keys()[i]).isGreaterThanOrEqualTo(sorted.keys()[i - 1]);
                    if (sorted.keys()[i] == sorted.keys()[i - 1]) {
                        assertThat(sorted.payload()[i]).isGreaterThan(sorted.payload()[i - 1]);
                    }
                }
            }
        }
    }
}
