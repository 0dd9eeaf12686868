package dev.modeltest.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Sorting}: the radix sort orders like {@code Arrays.sort} and leaves out what is not a finite number. */
class SortingTest {

    @Test
    void sortsLikeArraysSortAcrossSignsMagnitudesAndTies() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[50_000];
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

        assertThat(sorted.length).isGreaterThan(Sorting.RADIX_MIN);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(Double.doubleToRawLongBits(sorted[i]))
                    .as("index %d: %s vs %s", i, sorted[i], expected[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
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

    @Test
    void keysKeepTheOrderOfDoubles() {
        double[] ordered = {
            Double.NEGATIVE_INFINITY,
            -Double.MAX_VALUE,
            -1,
            -Double.MIN_VALUE,
            -0.0,
            0.0,
            Double.MIN_VALUE,
            1,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY
        };
        for (int i = 0; i + 1 < ordered.length; i++) {
            assertThat(Long.compareUnsigned(Sorting.key(ordered[i]), Sorting.key(ordered[i + 1])))
                    .as("%s < %s", ordered[i], ordered[i + 1])
                    .isNegative();
            assertThat(Sorting.value(Sorting.key(ordered[i]))).isEqualTo(ordered[i]);
        }
    }
}
