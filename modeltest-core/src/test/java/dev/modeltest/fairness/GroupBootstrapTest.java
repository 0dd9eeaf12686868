package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Interval;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The group-stratified bootstrap and its binomial sampler. */
class GroupBootstrapTest {

    private static final GroupBootstrap.Statistic DIFFERENCE =
            (groups, overall) -> groups[1].selectionRate() - groups[0].selectionRate();

    @ParameterizedTest(name = "Bin({0}, {1})")
    @CsvSource({"1, 0.3", "10, 0.5", "37, 0.05", "100, 0.9", "1000, 0.37", "12345, 0.001", "100000, 0.5", "50, 0.999"})
    void samplerGivesTheLibrarysInverseCdfAtEveryDeviate(int trials, double p) {
        BinomialDistribution library = BinomialDistribution.of(trials, p);
        BinomialSampler sampler = new BinomialSampler(p);
        double[] deviates = new double[1003];
        for (int i = 0; i < 1000; i++) {
            deviates[i] = (i + 0.5) / 1000;
        }
        deviates[1000] = 0;
        deviates[1001] = 1e-12;
        deviates[1002] = 1 - 1e-12;
        for (double u : deviates) {
            int expected = library.inverseCumulativeProbability(u);
            int actual = sampler.sample(trials, u);
            if (actual != expected) {
                // Only a deviate within rounding of a CDF step may land on the neighbouring value.
                double step = library.cumulativeProbability(Math.min(actual, expected));
                assertThat(Math.abs(step - u))
                        .as("u=%s gives %s, library %s", u, actual, expected)
                        .isLessThan(1e-12);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameIntervalBitForBit() {
        Counts[] groups = {new Counts(40, 5, 10, 45), new Counts(45, 15, 5, 35)};

        Interval first = GroupBootstrap.run(groups, DIFFERENCE, 2000, 7, 0.95).interval();
        Interval second = GroupBootstrap.run(groups, DIFFERENCE, 2000, 7, 0.95).interval();
        Interval otherSeed =
                GroupBootstrap.run(groups, DIFFERENCE, 2000, 8, 0.95).interval();

        assertThat(Double.doubleToRawLongBits(second.lower())).isEqualTo(Double.doubleToRawLongBits(first.lower()));
        assertThat(Double.doubleToRawLongBits(second.upper())).isEqualTo(Double.doubleToRawLongBits(first.upper()));
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.method()).isEqualTo("bootstrap percentile, 2000 resamples, seed 7");
    }

    @Test
    void groupsWhoseRowsAreAllAlikeGiveAPointInterval() {
        // Nobody in the first group is selected, everybody in the second: every resample has the same rates.
        Counts[] groups = {new Counts(0, 0, 20, 20), new Counts(20, 20, 0, 0)};

        GroupBootstrap.Result result = GroupBootstrap.run(groups, DIFFERENCE, 500, 1, 0.95);

        assertThat(result.interval().lower()).isEqualTo(1.0);
        assertThat(result.interval().upper()).isEqualTo(1.0);
        assertThat(result.undefined()).isZero();
    }

    @Test
    void aLargeSampleMatchesTheNormalApproximationOfADifferenceOfProportions() {
        // Selection rates 0.3 and 0.5 of 5000 rows each: the difference 0.2 has standard error
        // sqrt(0.3·0.7/5000 + 0.5·0.5/5000) = 0.009592; the bootstrap's 95% bounds lie near 0.2 ± 1.96·0.009592.
        Counts[] groups = {new Counts(1000, 500, 1500, 2000), new Counts(1500, 1000, 1000, 1500)};
        double se = Math.sqrt(0.3 * 0.7 / 5000 + 0.5 * 0.5 / 5000);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

        Interval interval =
                GroupBootstrap.run(groups, DIFFERENCE, 4000, 3, 0.95).interval();

        assertThat(interval.lower()).isCloseTo(0.2 - z * se, within(0.002));
        assertThat(interval.upper()).isCloseTo(0.2 + z * se, within(0.002));
    }

    @Test
    void resamplesThatLeaveTheStatisticUndefinedAreDroppedAndCounted() {
        // One positive row in 30: a resample keeps none of it with probability (29/30)^30 = 0.362.
        Counts[] groups = {new Counts(1, 0, 0, 29), new Counts(10, 0, 5, 15)};
        GroupBootstrap.Statistic tprDifference = (g, overall) -> g[1].truePositiveRate() - g[0].truePositiveRate();

        GroupBootstrap.Result result = GroupBootstrap.run(groups, tprDifference, 2000, 5, 0.9);

        assertThat(result.undefined()).isBetween(650, 800);
        assertThat(result.interval()).isNotNull();
    }

    @Test
    void everyResampleUndefinedGivesNoInterval() {
        Counts[] groups = {new Counts(0, 0, 0, 30), new Counts(0, 0, 0, 30)};
        GroupBootstrap.Statistic tprDifference = (g, overall) -> g[1].truePositiveRate() - g[0].truePositiveRate();

        GroupBootstrap.Result result = GroupBootstrap.run(groups, tprDifference, 100, 5, 0.9);

        assertThat(result.interval()).isNull();
        assertThat(result.undefined()).isEqualTo(100);
    }
}
