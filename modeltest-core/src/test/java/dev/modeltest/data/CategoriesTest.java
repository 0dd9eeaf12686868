package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Columns encode as categories named as {@link TestData#strings} names the values, in order of first appearance. */
class CategoriesTest {

    private static final int MISSING = Integer.MIN_VALUE;

    @Test
    void encodesSmallWholeNumbersThroughATable() {
        Categories categories = Categories.ofInts(new int[] {3, 1, MISSING, 3, -2}, MISSING);

        assertThat(categories.codes()).containsExactly(0, 1, -1, 0, 2);
        assertThat(categories.names()).containsExactly("3", "1", "-2");
    }

    @Test
    void encodesWholeNumbersFarApartThroughAHashMap() {
        Categories categories = Categories.ofInts(new int[] {2_000_000_000, -2_000_000_000, 2_000_000_000}, MISSING);

        assertThat(categories.codes()).containsExactly(0, 1, 0);
        assertThat(categories.names()).containsExactly("2000000000", "-2000000000");
    }

    @Test
    void namesWholeDecimalsWithoutAFractionAndMergesZeroAndNegativeZero() {
        Categories whole = Categories.ofDoubles(new double[] {1.0, Double.NaN, 0.0, -0.0, 1.0});
        Categories fractions = Categories.ofDoubles(new double[] {0.5, -0.0, 0.0, 0.5, 1e20});

        assertThat(whole.codes()).containsExactly(0, -1, 1, 1, 0);
        assertThat(whole.names()).containsExactly("1", "0");
        assertThat(fractions.codes()).containsExactly(0, 1, 1, 0, 2);
        assertThat(fractions.names()).containsExactly("0.5", "0", "1.0E20");
    }

    @Test
    void encodesTextKeepingMissingCellsMissing() {
        Categories categories = Categories.ofStrings(new String[] {"b", null, "a", "b"});

        assertThat(categories.codes()).containsExactly(0, -1, 1, 0);
        assertThat(categories.names()).containsExactly("b", "a");
    }
}
