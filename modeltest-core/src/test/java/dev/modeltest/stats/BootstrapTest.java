package dev.modeltest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MetricSample;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static double[] exponential(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -Math.log(1 - random.nextDouble());
        }
        return x;
    }

    private static Bootstrap.Statistic mean(double[] x) {
        return counts -> {
            double sum = 0;
            long total = 0;
            for (int j = 0; j < x.length; j++) {
                sum += counts[j] * x[j];
                total += counts[j];
            }
            return sum / total;
        };
    }

    @Test
    void sameSeedGivesTheSameIntervalBitForBitOnAnyPool() throws Exception {
        double[] x = exponential(300, 1);
        Bootstrap bootstrap = Bootstrap.seeded(42);

        Bootstrap.Result first = bootstrap.interval(x.length, mean(x), 0.95);
        Bootstrap.Result again = bootstrap.interval(x.length, mean(x), 0.95);
        ForkJoinPool single = new ForkJoinPool(1);
        Bootstrap.Result onOneThread;
        try {
            onOneThread = single.submit(() -> bootstrap.interval(x.length, mean(x), 0.95))
                    .get();
        } finally {
            single.shutdown();
        }

        assertThat(again).isEqualTo(first);
        assertThat(onOneThread).isEqualTo(first);
        assertThat(first.method()).isEqualTo(Bootstrap.Method.BCA);
        assertThat(first.interval().method()).isEqualTo("BCa bootstrap");
    }

    @Test
    void anotherSeedGivesAnotherInterval() {
        double[] x = exponential(300, 1);

        Bootstrap.Result a = Bootstrap.seeded(1).interval(x.length, mean(x), 0.95);
        Bootstrap.Result b = Bootstrap.seeded(2).interval(x.length, mean(x), 0.95);

        assertThat(a.interval().lower()).isNotEqualTo(b.interval().lower());
        assertThat(a.estimate()).isEqualTo(b.estimate());
    }

    @Test
    void bothIntervalsCoverTheMeanOfASkewedSampleAndBcaLeansRight() {
        double[] x = exponential(400, 3);
        double estimate = mean(x).apply(ones(400));

        Bootstrap.Result bca = Bootstrap.seeded(7).interval(400, mean(x), 0.95);
        Bootstrap.Result percentile =
                Bootstrap.seeded(7).withMethod(Bootstrap.Method.PERCENTILE).interval(400, mean(x), 0.95);

        assertThat(bca.interval().contains(estimate)).isTrue();
        assertThat(percentile.interval().contains(estimate)).isTrue();
        // Right skew: BCa moves both bounds up relative to the percentile interval.
        assertThat(bca.interval().upper()).isGreaterThan(percentile.interval().upper());
        assertThat(percentile.biasCorrection()).isNaN();
        assertThat(bca.standardError()).isCloseTo(standardDeviation(x) / Math.sqrt(400), withinPercentage(10));
    }

    @Test
    void theAccelerationIsTheJackknifeSkewnessOfTheMean() {
        // For the mean, U_i = (n − 1)(mean θ_(·) − θ_(i)) = x_i − mean x, so a = Σd³ / (6 (Σd²)^1.5).
        double[] x = exponential(500, 4);
        Bootstrap.Result result = Bootstrap.seeded(1).withReplicates(200).interval(500, mean(x), 0.95);

        assertThat(result.acceleration()).isCloseTo(meanAcceleration(x), within(1e-12));
    }

    @Test
    void aboveAThousandRowsTheJackknifeLeavesOutGroups() {
        double[] x = exponential(5000, 5);
        Bootstrap.Result result = Bootstrap.seeded(1).withReplicates(200).interval(5000, mean(x), 0.95);

        // A delete-d jackknife over 1000 random groups estimates the same acceleration, less precisely.
        assertThat(result.acceleration()).isCloseTo(meanAcceleration(x), withinPercentage(35));
        assertThat(result.acceleration()).isNotEqualTo(meanAcceleration(x));
    }

    @Test
    void aConstantStatisticGivesAPointInterval() {
        Bootstrap.Result result = Bootstrap.seeded(1).withReplicates(100).interval(20, counts -> 0.5, 0.95);

        assertThat(result.interval().lower()).isEqualTo(0.5);
        assertThat(result.interval().upper()).isEqualTo(0.5);
        assertThat(result.acceleration()).isZero();
    }

    @Test
    void fallsBackToPercentileWhenEveryReplicateLiesOnOneSide() {
        // Distinct rows drawn: n on the sample itself, fewer on every resample, so z0 is −∞ and BCa is undefined.
        Bootstrap.Statistic distinct = counts -> {
            int d = 0;
            for (int c : counts) {
                d += c > 0 ? 1 : 0;
            }
            return d;
        };

        Bootstrap.Result result = Bootstrap.seeded(1).withReplicates(100).interval(30, distinct, 0.95);

        assertThat(result.method()).isEqualTo(Bootstrap.Method.PERCENTILE);
        assertThat(result.interval().method()).isEqualTo("percentile bootstrap");
        assertThat(result.interval().upper()).isLessThan(30);
    }

    @Test
    void leavesOutAndCountsReplicatesWhereTheStatisticIsUndefined() {
        double[] x = exponential(50, 6);
        Bootstrap.Statistic unlessRowOneIsDrawn = counts -> counts[0] == 0 ? Double.NaN : mean(x).apply(counts);

        Bootstrap.Result result = Bootstrap.seeded(1).withReplicates(1000).interval(50, unlessRowOneIsDrawn, 0.95);

        // P(row 1 not drawn) = (49/50)^50 ≈ 0.364.
        assertThat(result.undefinedReplicates()).isBetween(300, 430);
        assertThat(result.replicates()).isEqualTo(1000);
    }

    @Test
    void aReplicateEqualToTheEstimateUpToRoundingIsATie() {
        // 0.1 + 0.2 summed in another order is 0.30000000000000004: the same value to the bias correction.
        double[] replicates = {0.1, 0.1 + 0.2, 0.5, 0.7};

        assertThat(Bootstrap.percentileOfScore(replicates, 0.3)).isEqualTo((1 + 2) / 8.0);
        assertThat(Bootstrap.percentileOfScore(replicates, 0.31)).isEqualTo((2 + 2) / 8.0);
    }

    @Test
    void refusesAStatisticUndefinedOnEveryResample() {
        Bootstrap.Statistic onlyOnTheSample = counts -> {
            for (int c : counts) {
                if (c != 1) {
                    return Double.NaN;
                }
            }
            return 1;
        };

        assertThatIllegalStateException()
                .isThrownBy(() -> Bootstrap.seeded(1).withReplicates(50).interval(20, onlyOnTheSample, 0.95))
                .withMessage("the statistic is NaN on all 50 bootstrap resamples");
    }

    @Test
    void refusesAStatisticUndefinedOnTheSample() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Bootstrap.seeded(1).interval(20, counts -> Double.NaN, 0.95))
                .withMessage("the statistic is NaN on the sample itself; there is no estimate to put an interval"
                        + " around");
    }

    @Test
    void refusesBadArguments() {
        Bootstrap bootstrap = Bootstrap.seeded(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bootstrap.interval(0, counts -> 1, 0.95))
                .withMessage("n must be positive, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bootstrap.interval(10, counts -> 1, 1.0))
                .withMessage("confidence must be in (0, 1), was 1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bootstrap.withReplicates(5))
                .withMessage("replicates must be in [10, 10000000], was 5");
    }

    @Test
    void aMetricSampleIsAThreadSafeStatistic() throws Exception {
        Predictions p = Predictions.regression("r.csv", "m", exponential(2000, 8), exponential(2000, 9));
        MetricSample median = Metrics.sample(p, Metric.MEDIAN_ABSOLUTE_ERROR, MetricOptions.defaults());
        Bootstrap bootstrap = Bootstrap.seeded(3).withReplicates(400);

        Bootstrap.Result parallel = bootstrap.interval(median.size(), median::value, 0.9);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            Bootstrap.Result sequential = single.submit(() -> bootstrap.interval(median.size(), median::value, 0.9))
                    .get();
            assertThat(sequential).isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
        assertThat(parallel.interval().contains(median.value())).isTrue();
    }

    private static int[] ones(int n) {
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static double meanAcceleration(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double cubes = 0;
        double squares = 0;
        for (double v : x) {
            double d = v - mean;
            cubes += d * d * d;
            squares += d * d;
        }
        return cubes / (6 * Math.pow(squares, 1.5));
    }

    private static double standardDeviation(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (x.length - 1));
    }
}
