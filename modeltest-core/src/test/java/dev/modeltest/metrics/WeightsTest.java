package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample re-weighted with counts gives the metric of the rows copied that often, for every metric, averaging and
 * binning: what makes a bootstrap replicate one linear pass instead of a copy and a sort.
 */
class WeightsTest {

    private static final Predictions BINARY = RandomPredictions.classification(3000, 2, 21);
    private static final Predictions MULTICLASS = RandomPredictions.classification(3000, 4, 22);
    private static final Predictions REGRESSION = RandomPredictions.regression(3000, 23);

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (Predictions p : List.of(BINARY, MULTICLASS, REGRESSION)) {
            for (Metric m : Metric.values()) {
                for (MetricOptions o : options(p, m)) {
                    if (Metrics.notApplicable(p, m, o).isEmpty()) {
                        out.add(Arguments.of(p.classes().size(), m, o, p));
                    }
                }
            }
        }
        return out.build();
    }

    private static List<MetricOptions> options(Predictions p, Metric m) {
        MetricOptions d = MetricOptions.defaults();
        if (m == Metric.EXPECTED_CALIBRATION_ERROR) {
            return List.of(
                    d,
                    d.withBinning(Binning.EQUAL_MASS),
                    d.withBins(7).withBinning(Binning.EQUAL_MASS),
                    d.withAverage(Averaging.BINARY).withPositiveLabel("c1"));
        }
        if (m == Metric.BRIER) {
            return List.of(d.withPositiveLabel("c1"), d);
        }
        if (m == Metric.TOP_K_ACCURACY) {
            return List.of(d, d.withK(1), d.withK(3));
        }
        if (m == Metric.MEAN_PINBALL_LOSS || m == Metric.D2_PINBALL) {
            return List.of(d, d.withAlpha(0.1), d.withAlpha(0.9));
        }
        if (m == Metric.MEAN_TWEEDIE_DEVIANCE || m == Metric.D2_TWEEDIE) {
            return List.of(d, d.withPower(1), d.withPower(1.5)); // y ≥ 0 here: row 0 is 0
        }
        if (m == Metric.R2 || m == Metric.EXPLAINED_VARIANCE) {
            return List.of(d, d.withForceFinite(false));
        }
        if (m.isAveraged()) {
            return List.of(
                    d,
                    d.withAverage(Averaging.MACRO),
                    d.withAverage(Averaging.MICRO),
                    d.withAverage(Averaging.WEIGHTED),
                    d.withAverage(Averaging.BINARY).withPositiveLabel("c0"));
        }
        return List.of(d);
    }

    @ParameterizedTest(name = "{0} classes, {1}, {2}")
    @MethodSource("cases")
    void countsActAsCopiesOfRows(int classes, Metric metric, MetricOptions options, Predictions p) {
        SplittableRandom random = new SplittableRandom(metric.ordinal() * 31L + classes);
        int[] rows = random.ints(800, 0, p.size()).distinct().toArray();
        int[] counts = new int[rows.length];
        int total = 0;
        for (int j = 0; j < rows.length; j++) {
            counts[j] = random.nextInt(4); // zeros included: those rows drop out
            total += counts[j];
        }
        int[] copies = new int[total];
        int at = 0;
        for (int j = 0; j < rows.length; j++) {
            for (int c = 0; c < counts[j]; c++) {
                copies[at++] = rows[j];
            }
        }

        double weighted = Metrics.sample(p, metric, options, rows).value(counts);
        double copied = Metrics.compute(p, metric, options, copies);

        assertThat(weighted).isCloseTo(copied, within(1e-12 * Math.max(1, Math.abs(copied))));
        if (EnumSet.of(Metric.ROC_AUC, Metric.ACCURACY, Metric.MEDIAN_ABSOLUTE_ERROR, Metric.MAX_ERROR)
                .contains(metric)) {
            assertThat(weighted).isEqualTo(copied); // counts and order statistics are exact
        }
    }
}
