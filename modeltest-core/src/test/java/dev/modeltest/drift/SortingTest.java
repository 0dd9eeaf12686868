package dev.modeltest.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Sorting}: orders like {@code Arrays.sort} (with {@code -0.0} read as {@code 0.0}) and leaves out what is not a
 * finite number. The radix sort itself is tested in {@code RadixSortTest}.
 */
class SortingTest {

    @Test
    void sortsLikeArraysSortAcrossSignsMagnitudesAndTies() {
        for (int n : new int[] {100, 50_000}) {
            assertSortsLikeArraysSort(n);
        }
    }

    private static void assertSortsLikeArraysSort(int n) {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[n];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 6) {
                case 0 -> random.nextGaussian();
                case 1 -> -random.nextDouble() * 1e300;
                case 2 -> random.nextDouble() * 1e-300;
                case 3 -> Math.round(random.nextGaussian() * 3);
                case 4 -> i % 12 == 4 ? -0.0 : 0.0;
                default -> Double.MIN_VALUE * (random.nextBoolean() ? 1 : -1);
            };
        }
        double[] expected = values.clone();
        Arrays.sort(expected);

        double[] sorted = Sorting.sortedFinite(values);

        assertThat(sorted).hasSameSizeAs(expected);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(Double.doubleToRawLongBits(sorted[i]))
                    .as("n %d, index %d: %s vs %s", n, i, sorted[i], expected[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected[i] + 0.0));
        }
    }

    @Test
    void leavesOutNaNAndInfinitiesInLargeAndSmallArrays() {
        for (int n : new int[] {10, 10_000}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = i % 5 == 0 ? Double.NaN : i % 7 == 0 ? Double.NEGATIVE_INFINITY : n - i;
            }
            values[1] = Double.POSITIVE_INFINITY;
            double[] expected =
                    Arrays.stream(values).filter(Double::isFinite).sorted().toArray();

            assertThat(Sorting.sortedFinite(values)).as("n=%d", n).containsExactly(expected);
        }
    }
}
