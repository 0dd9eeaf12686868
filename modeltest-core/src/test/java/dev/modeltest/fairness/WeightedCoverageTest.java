package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A small seeded run of the weighted coverage simulation ({@link WeightedCoverage}; the full table is in
 * docs/dev/fairness-weights-coverage.md): a weighted bootstrap that ignored the weights, or resampled them wrongly,
 * would miss the population's weighted value and fail. With 400 sets the Monte Carlo standard error is about 1.1
 * points; the band [90%, 99%] leaves room for it.
 */
class WeightedCoverageTest {

    @Test
    void theWeightedBootstrapCoversTheWeightedDemographicParityDifference() {
        WeightedCoverage.Group[] apart = WeightedCoverage.scenarios().get(0);

        WeightedCoverage.Cell cell = WeightedCoverage.run(
                "apart", apart[0], apart[1], WeightedCoverage.Statistic.DP_DIFFERENCE, true, 300, 0, 400, 400, 5);

        assertThat(cell.truth()).as(cell.row()).isBetween(0.1, 0.3);
        assertThat(cell.twoSided()).as(cell.row()).isBetween(0.90, 0.99);
        assertThat(cell.lowerHolds()).as(cell.row()).isGreaterThanOrEqualTo(0.93);
        assertThat(cell.upperHolds()).as(cell.row()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void theUnweightedBootstrapMissesTheWeightedValue() {
        // The same rows, their weights ignored: the interval is about the unweighted rates, which differ here.
        WeightedCoverage.Group[] apart = WeightedCoverage.scenarios().get(0);
        double weighted = WeightedCoverage.Statistic.DP_DIFFERENCE.truth(apart[0].rates(true), apart[1].rates(true));
        double unweighted =
                WeightedCoverage.Statistic.DP_DIFFERENCE.truth(apart[0].rates(false), apart[1].rates(false));

        assertThat(Math.abs(weighted - unweighted))
                .as("%s vs %s", weighted, unweighted)
                .isGreaterThan(0.05);
    }
}
