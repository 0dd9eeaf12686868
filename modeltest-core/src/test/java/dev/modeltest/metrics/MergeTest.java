package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The accumulators are mergeable: absorbing the rows in pieces and merging the pieces gives the state of absorbing
 * them all at once, for any split. Counts and sorted runs are equal exactly; floating-point sums to rounding.
 */
class MergeTest {

    private static final int N = 5000;

    private final Predictions binary = RandomPredictions.classification(N, 2, 1);
    private final Predictions multiclass = RandomPredictions.classification(N, 4, 2);
    private final Predictions regression = RandomPredictions.regression(N, 3);

    /** Absorbs [0, n) in random pieces and merges them in a random tree. */
    private static <A extends Chunks.Accumulator<A>> A inPieces(
            int n, long seed, java.util.function.Supplier<A> empty) {
        SplittableRandom random = new SplittableRandom(seed);
        List<A> pieces = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + 1 + random.nextInt(n / 3));
            A a = empty.get();
            a.absorb(from, to);
            pieces.add(a);
            from = to;
        }
        A empties = empty.get();
        empties.absorb(0, 0);
        pieces.add(random.nextInt(pieces.size()), empties);
        while (pieces.size() > 1) {
            int i = random.nextInt(pieces.size() - 1);
            pieces.set(i, pieces.get(i).merge(pieces.remove(i + 1)));
        }
        return pieces.get(0);
    }

    private static <A extends Chunks.Accumulator<A>> A whole(int n, java.util.function.Supplier<A> empty) {
        A a = empty.get();
        a.absorb(0, n);
        return a;
    }

    private static Selection all(int n) {
        return new Selection(null, null, n);
    }

    @Test
    void confusionCountsMergeExactly() {
        for (Predictions p : List.of(binary, multiclass)) {
            Columns columns = Columns.of(p);
            for (long seed = 0; seed < 20; seed++) {
                ConfusionCounts merged = inPieces(N, seed, () -> new ConfusionCounts(columns, all(N)));
                ConfusionCounts whole = whole(N, () -> new ConfusionCounts(columns, all(N)));
                assertThat(merged.counts).containsExactly(whole.counts);
            }
        }
    }

    @Test
    void sortedRunsMergeExactly() {
        Columns columns = Columns.of(multiclass);
        for (int[] classes : new int[][] {{0}, {3}, {0, 1, 2, 3}}) {
            for (long seed = 0; seed < 20; seed++) {
                RankRuns merged = inPieces(N, seed, () -> new RankRuns(columns, all(N), classes));
                RankRuns whole = whole(N, () -> new RankRuns(columns, all(N), classes));
                assertThat(Arrays.equals(merged.positives(), whole.positives())).isTrue();
                assertThat(Arrays.equals(merged.negatives(), whole.negatives())).isTrue();
                assertThat(merged.summary().auc()).isEqualTo(whole.summary().auc());
                assertThat(merged.summary().averagePrecision())
                        .isEqualTo(whole.summary().averagePrecision());
            }
        }
    }

    @Test
    void calibrationBinsMerge() {
        Columns columns = Columns.of(multiclass);
        double[] inner = {0.1, 0.25, 0.5, 0.75, 0.9};
        for (Confidence confidence : List.of(Confidence.topLabel(), Confidence.ofClass(2))) {
            for (long seed = 0; seed < 20; seed++) {
                CalibrationBins merged =
                        inPieces(N, seed, () -> new CalibrationBins(columns, all(N), confidence, inner));
                CalibrationBins whole = whole(N, () -> new CalibrationBins(columns, all(N), confidence, inner));
                assertThat(merged.counts).containsExactly(whole.counts);
                assertThat(merged.hits).containsExactly(whole.hits);
                for (int b = 0; b < whole.confidenceSums.length; b++) {
                    assertThat(merged.confidenceSums[b]).isCloseTo(whole.confidenceSums[b], within(1e-9));
                }
                assertThat(merged.expectedCalibrationError())
                        .isCloseTo(whole.expectedCalibrationError(), within(1e-12));
            }
        }
    }

    @Test
    void probabilitySumsMerge() {
        Columns columns = Columns.of(multiclass);
        for (long seed = 0; seed < 20; seed++) {
            ProbabilitySums merged = inPieces(N, seed, () -> new ProbabilitySums(columns, all(N), true, 1, null));
            ProbabilitySums whole = whole(N, () -> new ProbabilitySums(columns, all(N), true, 1, null));
            assertThat(merged.weight).isEqualTo(whole.weight);
            assertThat(merged.logLoss()).isCloseTo(whole.logLoss(), within(1e-12 * whole.logLoss()));
            assertThat(merged.brier()).isCloseTo(whole.brier(), within(1e-12 * whole.brier()));
        }
    }

    @Test
    void regressionSumsMerge() {
        Columns columns = Columns.of(regression);
        for (long seed = 0; seed < 20; seed++) {
            RegressionSums merged = inPieces(N, seed, () -> new RegressionSums(columns, all(N)));
            RegressionSums whole = whole(N, () -> new RegressionSums(columns, all(N)));
            for (Metric m : List.of(
                    Metric.MSE,
                    Metric.RMSE,
                    Metric.MAE,
                    Metric.MAPE,
                    Metric.MAX_ERROR,
                    Metric.R2,
                    Metric.EXPLAINED_VARIANCE)) {
                double w = whole.value(m);
                assertThat(merged.value(m)).as(m.name()).isCloseTo(w, within(1e-12 * Math.abs(w)));
            }
        }
    }

    @Test
    void aConstantColumnStaysExactlyConstantAcrossMerges() {
        double[] y = new double[1000];
        double[] yHat = new double[1000];
        Arrays.fill(y, 0.1);
        Arrays.fill(yHat, 0.1);
        yHat[500] = 0.2;
        Columns columns = Columns.of(Predictions.regression("constant.csv", "m", y, yHat));

        RegressionSums merged = inPieces(1000, 7, () -> new RegressionSums(columns, all(1000)));

        // Summing 0.1 a thousand times does not give 100 exactly, so the centred sum picks up rounding noise; R² must
        // still be force_finite's value for a constant target, not 1 − error / noise.
        assertThat(merged.centredActual).isPositive();
        assertThat(merged.value(Metric.R2)).isEqualTo(0.0);
        assertThat(merged.value(Metric.EXPLAINED_VARIANCE)).isEqualTo(0.0);
    }

    /** The chunk tree is fixed by the row count: parallel, sequential and in-pool runs agree bit for bit. */
    @Test
    void parallelAndSequentialEvaluationsAgreeBitForBit() throws Exception {
        int n = 3 * Chunks.LEAF + 12345;
        Predictions classifier = RandomPredictions.classification(n, 3, 11);
        Predictions regressor = RandomPredictions.regression(n, 12);
        BiFunction<Predictions, Metric, Double> compute = (p, m) ->
                Metrics.compute(p, m, MetricOptions.defaults().withPositiveLabel(m == Metric.BRIER ? "c1" : null));
        List<Object[]> cases = List.of(
                new Object[] {classifier, Metric.LOG_LOSS},
                new Object[] {classifier, Metric.BRIER},
                new Object[] {classifier, Metric.EXPECTED_CALIBRATION_ERROR},
                new Object[] {classifier, Metric.ROC_AUC},
                new Object[] {classifier, Metric.F1},
                new Object[] {regressor, Metric.R2},
                new Object[] {regressor, Metric.EXPLAINED_VARIANCE},
                new Object[] {regressor, Metric.MAPE});
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            for (Object[] c : cases) {
                Predictions p = (Predictions) c[0];
                Metric m = (Metric) c[1];
                double parallel = compute.apply(p, m);
                double inPool = single.submit(() -> compute.apply(p, m)).get();
                assertThat(Double.doubleToLongBits(inPool)).as(m.name()).isEqualTo(Double.doubleToLongBits(parallel));
            }
        } finally {
            single.shutdown();
        }
    }
}
