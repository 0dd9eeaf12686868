package dev.modeltest.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** Samples are uniform, stratified samples keep the class shares within a row, and a seed always draws the same rows. */
class RowSamplerTest {

    @Test
    void drawsDistinctRowsInAscendingOrder() {
        int[] rows = RowSampler.uniform(1000, 300, 1);

        assertThat(rows).hasSize(300).isSorted().doesNotHaveDuplicates();
        assertThat(rows[0]).isGreaterThanOrEqualTo(0);
        assertThat(rows[299]).isLessThan(1000);
    }

    @Test
    void drawsTheSameRowsForTheSameSeedAndOthersForAnother() {
        assertThat(RowSampler.uniform(10_000, 100, 42)).isEqualTo(RowSampler.uniform(10_000, 100, 42));
        assertThat(RowSampler.uniform(10_000, 100, 42)).isNotEqualTo(RowSampler.uniform(10_000, 100, 43));
        assertThat(RowSampler.uniform(5, 5, 9)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void givesEveryRowTheSameChance() {
        // 20 000 samples of 5 of 50 rows (seeds 0..19 999, fixed: the test cannot flake): each row is drawn 2 000 times
        // on average. Chi-square with 49 degrees of freedom; a sampler that favours some rows fails it.
        int n = 50;
        int k = 5;
        int draws = 20_000;
        long[] counts = new long[n];
        for (int seed = 0; seed < draws; seed++) {
            for (int row : RowSampler.uniform(n, k, seed)) {
                counts[row]++;
            }
        }
        double expected = (double) draws * k / n;
        double chiSquare = 0;
        for (long c : counts) {
            chiSquare += (c - expected) * (c - expected) / expected;
        }
        double p = ChiSquaredDistribution.of(n - 1).survivalProbability(chiSquare);

        assertThat(p).isGreaterThan(0.001);
    }

    @Test
    void givesEveryPairOfRowsTheSameChanceToo() {
        // Uniform over sets, not only over rows: each of the 10 pairs of 5 rows, sampling 2, about equally often.
        long[] counts = new long[25];
        int draws = 20_000;
        for (int seed = 0; seed < draws; seed++) {
            int[] rows = RowSampler.uniform(5, 2, seed);
            counts[rows[0] * 5 + rows[1]]++;
        }
        double expected = draws / 10.0;
        double chiSquare = 0;
        int pairs = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                long c = counts[a * 5 + b];
                chiSquare += (c - expected) * (c - expected) / expected;
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(10);
        assertThat(ChiSquaredDistribution.of(9).survivalProbability(chiSquare)).isGreaterThan(0.001);
    }

    @Test
    void keepsEachClassShareWithinOneRow() {
        String[] labels = new String[1000];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = r % 10 < 6 ? "a" : r % 10 < 9 ? "b" : r % 3 == 0 ? null : "c";
        }
        long[] data = shares(labels, Arrays.stream(labels).mapToInt(l -> 0).toArray(), true);
        for (int k : new int[] {1, 7, 99, 333, 999}) {
            for (long seed = 0; seed < 20; seed++) {
                int[] rows = RowSampler.stratified(labels, k, seed);
                assertThat(rows).hasSize(k).isSorted().doesNotHaveDuplicates();
                long[] sample = shares(labels, rows, false);
                for (int s = 0; s < data.length; s++) {
                    double exact = (double) k * data[s] / labels.length;
                    assertThat((double) sample[s])
                            .as("class %d of a sample of %d", s, k)
                            .isBetween(exact - 1, exact + 1);
                }
            }
        }
        assertThat(RowSampler.stratified(labels, 333, 5)).isEqualTo(RowSampler.stratified(labels, 333, 5));
    }

    @Test
    void givesTheRoundingsRowsToTheLargestRemainders() {
        // 3 classes of 10, 10 and 10 rows, 2 rows: shares 0.67 each, the first two classes seen get one row each.
        assertThat(RowSampler.quotas(new int[] {10, 10, 10}, 3, 30, 2)).containsExactly(1, 1, 0);
        // 7, 2 and 1 rows of 10, 5 rows: 3.5, 1 and 0.5: the 3.5 goes up first, the tie to the class seen first.
        assertThat(RowSampler.quotas(new int[] {7, 2, 1}, 3, 10, 5)).containsExactly(4, 1, 0);
    }

    /** Counts the rows per class: a, b, c, missing. */
    private static long[] shares(String[] labels, int[] rows, boolean all) {
        long[] counts = new long[4];
        for (int i = 0; i < (all ? labels.length : rows.length); i++) {
            String label = labels[all ? i : rows[i]];
            counts[label == null ? 3 : label.charAt(0) - 'a']++;
        }
        return counts;
    }
}
