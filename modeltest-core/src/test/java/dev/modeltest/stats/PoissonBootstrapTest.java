package dev.modeltest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Interval;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** The counter-based Poisson bootstrap: its weights, its determinism on any pool, and the per-cell shortcut. */
class PoissonBootstrapTest {

    @Test
    void weightsAreAPureFunctionOfSeedRowAndReplicateWithPoissonOneMoments() {
        int draws = 1_000_000;
        long sum = 0;
        long squares = 0;
        long zeros = 0;
        for (int j = 0; j < draws; j++) {
            int w = PoissonBootstrap.weight(42, j, 7);
            sum += w;
            squares += (long) w * w;
            zeros += w == 0 ? 1 : 0;
        }
        double mean = (double) sum / draws;
        double variance = (double) squares / draws - mean * mean;

        // Standard errors: mean 1/√N = 0.001; P(0) √(e⁻¹(1−e⁻¹)/N) ≈ 0.0005; variance ≈ √(3/N) ≈ 0.0017.
        assertThat(mean).isCloseTo(1, within(0.004));
        assertThat(variance).isCloseTo(1, within(0.007));
        assertThat((double) zeros / draws).isCloseTo(Math.exp(-1), within(0.002));
        assertThat(PoissonBootstrap.weight(42, 5, 7)).isEqualTo(PoissonBootstrap.weight(42, 5, 7));
        int[] buffer = new int[10];
        PoissonBootstrap.weights(42, 7, buffer);
        for (int j = 0; j < buffer.length; j++) {
            assertThat(buffer[j]).isEqualTo(PoissonBootstrap.weight(42, j, 7));
        }
    }

    @Test
    void poissonOneInverseCdfHasTheRightCutPoints() {
        assertThat(PoissonBootstrap.poissonOne(0)).isZero();
        assertThat(PoissonBootstrap.poissonOne(Math.exp(-1) - 1e-12)).isZero();
        assertThat(PoissonBootstrap.poissonOne(Math.exp(-1) + 1e-12)).isEqualTo(1);
        assertThat(PoissonBootstrap.poissonOne(2 * Math.exp(-1) + 1e-12)).isEqualTo(2);
        assertThat(PoissonBootstrap.poissonOne(Math.nextDown(1.0))).isBetween(10, 23);
    }

    /** A weighted mean of 50 000 values. */
    private static final double[] VALUES = values(50_000);

    private static double[] values(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 0.618_033_988_7) % 1.0 + (i % 7 == 0 ? 2 : 0);
        }
        return v;
    }

    private static double weightedMean(int[] w) {
        double s = 0;
        long total = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * VALUES[j];
            total += w[j];
        }
        return total == 0 ? Double.NaN : s / total;
    }

    private static <T> T inPool(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void givesTheSameIntervalBitForBitOnOneThreadAndOnFour() throws Exception {
        Interval one = inPool(
                1,
                () -> PoissonBootstrap.ofRows(VALUES.length, PoissonBootstrapTest::weightedMean, 0.95, 42, 300)
                        .interval());
        Interval four = inPool(
                4,
                () -> PoissonBootstrap.ofRows(VALUES.length, PoissonBootstrapTest::weightedMean, 0.95, 42, 300)
                        .interval());
        Interval otherSeed = PoissonBootstrap.ofRows(VALUES.length, PoissonBootstrapTest::weightedMean, 0.95, 43, 300)
                .interval();

        assertThat(Double.doubleToRawLongBits(four.lower())).isEqualTo(Double.doubleToRawLongBits(one.lower()));
        assertThat(Double.doubleToRawLongBits(four.upper())).isEqualTo(Double.doubleToRawLongBits(one.upper()));
        assertThat(otherSeed).isNotEqualTo(one);
        assertThat(one.method()).isEqualTo("Poisson bootstrap");
    }

    @Test
    void agreesWithTheStudentTIntervalOfAMeanOnManyRows() {
        Interval poisson = PoissonBootstrap.ofRows(VALUES.length, PoissonBootstrapTest::weightedMean, 0.95, 42, 1000)
                .interval();
        StudentT.Result t = StudentT.mean(VALUES, 0.95);
        double halfWidth = t.upper() - t.mean();

        assertThat(poisson.lower()).isCloseTo(t.lower(), within(0.1 * halfWidth));
        assertThat(poisson.upper()).isCloseTo(t.upper(), within(0.1 * halfWidth));
    }

    /** F1 of the positive class from a 2×2 table {tn, fp, fn, tp}. */
    private static final ToDoubleFunction<long[]> F1 = c -> 2.0 * c[3] / (2.0 * c[3] + c[1] + c[2]);

    @Test
    void cellDrawsHaveTheDistributionOfSummedRowWeights() {
        long[] cells = {60, 9, 14, 37};
        int[] cellOfRow = new int[120];
        int at = 0;
        for (int c = 0; c < cells.length; c++) {
            for (int r = 0; r < cells[c]; r++) {
                cellOfRow[at++] = c;
            }
        }
        int replicates = 4000;
        double[] byRows = new double[replicates];
        double[] byCells = new double[replicates];
        double[][] totalsByRows = new double[cells.length][replicates];
        double[][] totalsByCells = new double[cells.length][replicates];
        org.apache.commons.statistics.distribution.PoissonDistribution[] d =
                new org.apache.commons.statistics.distribution.PoissonDistribution[cells.length];
        for (int c = 0; c < cells.length; c++) {
            d[c] = org.apache.commons.statistics.distribution.PoissonDistribution.of(cells[c]);
        }
        for (int b = 0; b < replicates; b++) {
            long[] rowTable = new long[cells.length];
            for (int j = 0; j < cellOfRow.length; j++) {
                rowTable[cellOfRow[j]] += PoissonBootstrap.weight(7, j, b);
            }
            long[] cellTable = new long[cells.length];
            for (int c = 0; c < cells.length; c++) {
                cellTable[c] = d[c].inverseCumulativeProbability(PoissonBootstrap.uniform(7, c, b));
                totalsByRows[c][b] = rowTable[c];
                totalsByCells[c][b] = cellTable[c];
            }
            byRows[b] = F1.applyAsDouble(rowTable);
            byCells[b] = F1.applyAsDouble(cellTable);
        }
        KolmogorovSmirnovTest ks = KolmogorovSmirnovTest.withDefaults();
        for (int c = 0; c < cells.length; c++) {
            assertThat(mean(totalsByCells[c]))
                    .isCloseTo(cells[c], within(4 * Math.sqrt(cells[c] / (double) replicates)));
            assertThat(variance(totalsByCells[c])).isCloseTo(cells[c], within(0.1 * cells[c]));
            assertThat(variance(totalsByRows[c])).isCloseTo(cells[c], within(0.1 * cells[c]));
        }
        assertThat(mean(byCells)).isCloseTo(mean(byRows), within(0.005));
        assertThat(Math.sqrt(variance(byCells))).isCloseTo(Math.sqrt(variance(byRows)), within(0.004));
        // Discrete values make the KS test conservative; a different distribution would still fail it badly.
        assertThat(ks.test(byCells, byRows).getPValue()).isGreaterThan(0.001);
    }

    @Test
    void cellIntervalsAreTheSameOnAnyPool() throws Exception {
        long[] cells = {600_000, 90_000, 140_000, 370_000};
        Interval one = inPool(
                1, () -> PoissonBootstrap.ofCells(cells, F1, 0.95, 42, 2000).interval());
        Interval two = inPool(
                2, () -> PoissonBootstrap.ofCells(cells, F1, 0.95, 42, 2000).interval());

        assertThat(two).isEqualTo(one);
        assertThat(one.contains(F1.applyAsDouble(cells))).isTrue();
    }

    /** 2 500 skewed values in ascending order, with ties. */
    private static final double[] SORTED = sortedSkewed(2_500);

    private static double[] sortedSkewed(int n) {
        double[] v = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            v[i] = Math.round(Math.exp(random.nextGaussian()) * 100) / 100.0;
        }
        java.util.Arrays.sort(v);
        return v;
    }

    /** The median or maximum of the multiset in which value {@code j} of {@link #SORTED} appears {@code w[j]} times. */
    private static double byRows(int[] w, PoissonBootstrap.OrderStatistic statistic) {
        long total = 0;
        for (int x : w) {
            total += x;
        }
        if (total == 0) {
            return Double.NaN;
        }
        if (statistic == PoissonBootstrap.OrderStatistic.MAXIMUM) {
            int j = w.length - 1;
            while (w[j] == 0) {
                j--;
            }
            return SORTED[j];
        }
        return (rank(w, (total - 1) / 2) + rank(w, total / 2)) / 2;
    }

    private static double rank(int[] w, long r) {
        int j = 0;
        while (r >= w[j]) {
            r -= w[j++];
        }
        return SORTED[j];
    }

    @Test
    void orderStatisticBlocksGiveTheIntervalOfPerRowWeights() {
        for (PoissonBootstrap.OrderStatistic statistic : PoissonBootstrap.OrderStatistic.values()) {
            PoissonBootstrap.Result blocks = PoissonBootstrap.ofOrderStatistic(SORTED, statistic, 0.95, 42, 8000);
            PoissonBootstrap.Result rows =
                    PoissonBootstrap.ofRows(SORTED.length, w -> byRows(w, statistic), 0.95, 42, 8000);

            double halfWidth = (rows.interval().upper() - rows.interval().lower()) / 2;
            // Different draws of the same distribution: with 8000 replicates the 2.5% and 97.5% quantiles agree to a
            // few hundredths of the half-width; a wrong block draw (one too many rows, totals not Poisson) does not.
            assertThat(blocks.interval().lower())
                    .as(statistic + " lower")
                    .isCloseTo(rows.interval().lower(), within(0.08 * halfWidth));
            assertThat(blocks.interval().upper())
                    .as(statistic + " upper")
                    .isCloseTo(rows.interval().upper(), within(0.08 * halfWidth));
            assertThat(blocks.standardError())
                    .as(statistic + " standard error")
                    .isCloseTo(rows.standardError(), within(0.06 * rows.standardError()));
            assertThat(blocks.interval().method()).isEqualTo("Poisson bootstrap");
        }
    }

    @Test
    void orderStatisticBlocksAreTheSameOnAnyPoolAndMoveWithTheSeed() throws Exception {
        PoissonBootstrap.Result one = inPool(
                1,
                () -> PoissonBootstrap.ofOrderStatistic(SORTED, PoissonBootstrap.OrderStatistic.MEDIAN, 0.95, 42, 500));
        PoissonBootstrap.Result four = inPool(
                4,
                () -> PoissonBootstrap.ofOrderStatistic(SORTED, PoissonBootstrap.OrderStatistic.MEDIAN, 0.95, 42, 500));
        PoissonBootstrap.Result otherSeed =
                PoissonBootstrap.ofOrderStatistic(SORTED, PoissonBootstrap.OrderStatistic.MEDIAN, 0.95, 43, 500);

        assertThat(four).isEqualTo(one);
        assertThat(otherSeed.standardError()).isNotEqualTo(one.standardError());
        assertThatThrownBy(() -> PoissonBootstrap.ofOrderStatistic(
                        new double[] {2, 1}, PoissonBootstrap.OrderStatistic.MEDIAN, 0.95, 42, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values not in ascending order at 1");
        assertThatThrownBy(() -> PoissonBootstrap.ofOrderStatistic(
                        new double[0], PoissonBootstrap.OrderStatistic.MEDIAN, 0.95, 42, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no values");
    }

    @Test
    void refusesBadArgumentsAndAllUndefinedReplicates() {
        assertThatThrownBy(() -> PoissonBootstrap.ofRows(10, w -> 1, 1.5, 42, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1), was 1.5");
        assertThatThrownBy(() -> PoissonBootstrap.ofCells(new long[] {-1}, t -> 1, 0.95, 42, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cell 0 has a negative count -1");
        assertThatThrownBy(() -> PoissonBootstrap.ofRows(10, w -> Double.NaN, 0.95, 42, 100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the statistic is NaN on all 100 Poisson bootstrap replicates");
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
