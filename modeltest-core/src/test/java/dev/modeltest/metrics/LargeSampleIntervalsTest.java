package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Interval;
import dev.modeltest.model.Predictions;
import dev.modeltest.stats.PoissonBootstrap;
import org.junit.jupiter.api.Test;

/**
 * From 10 000 rows the per-row Poisson bootstrap is too slow for a million rows, so the metrics it served take a
 * shortcut with the same spread: each is compared here with the per-row Poisson bootstrap it stands for.
 */
class LargeSampleIntervalsTest {

    private static final int ROWS = 20_000;

    /** The per-row Poisson bootstrap of the sample, the reference each shortcut must agree with. */
    private static Interval perRow(MetricSample sample) {
        return PoissonBootstrap.ofRows(sample.size(), sample::value, 0.95, 42, 1000)
                .interval();
    }

    private static void agree(MetricInterval shortcut, Interval rows, double share) {
        double halfWidth = (rows.upper() - rows.lower()) / 2;
        assertThat(shortcut.interval().lower()).isCloseTo(rows.lower(), within(share * halfWidth));
        assertThat(shortcut.interval().upper()).isCloseTo(rows.upper(), within(share * halfWidth));
    }

    @Test
    void averagePrecisionTakesTheInfinitesimalJackknifeUnderAutoAndThePerRowBootstrapWhenForced() {
        for (double prevalence : new double[] {0.5, 0.05}) {
            MetricSample ap = Metrics.sample(
                    Coverage.binary("ap", prevalence, ROWS, 3).predictions(),
                    Metric.AVERAGE_PRECISION,
                    MetricOptions.defaults());

            MetricInterval auto = ap.interval(IntervalMethod.AUTO, 0.95, 42, 1000);
            MetricInterval forced = ap.interval(IntervalMethod.BOOTSTRAP, 0.95, 42, 1000);

            assertThat(auto.how()).isEqualTo("infinitesimal jackknife (logit), 20000 rows");
            assertThat(forced.how()).isEqualTo("Poisson bootstrap, 1000 resamples, seed 42");
            assertThat(auto.interval().contains(ap.value())).isTrue();
            // 1000 replicates put the reference's own bounds within about 0.1 of the half-width.
            agree(auto, forced.interval(), 0.15);
        }
    }

    @Test
    void macroAveragePrecisionSumsTheClassesInfluencesRowByRow() {
        MetricSample ap = Metrics.sample(
                Coverage.multiclass("ap", new double[] {0.05, 0.475, 0.475}, ROWS, 4)
                        .predictions(),
                Metric.AVERAGE_PRECISION,
                MetricOptions.defaults().withAverage(Averaging.MACRO));

        MetricInterval auto = ap.interval(IntervalMethod.AUTO, 0.95, 42, 1000);

        assertThat(auto.method()).isEqualTo("infinitesimal jackknife (logit)");
        agree(auto, perRow(ap), 0.15);
    }

    @Test
    void macroRocAucTakesDeLongOverTheClassesAtAnySize() {
        for (int n : new int[] {300, ROWS}) {
            MetricSample auc = Metrics.sample(
                    Coverage.multiclass("auc", new double[] {0.2, 0.3, 0.5}, n, 4)
                            .predictions(),
                    Metric.ROC_AUC,
                    MetricOptions.defaults());

            MetricInterval auto = auc.interval(IntervalMethod.AUTO, 0.95, 42, 1000);

            assertThat(auto.how()).startsWith("DeLong (logit), one-vs-rest over 3 classes, " + n + " rows");
            agree(auto, perRow(auc), n == ROWS ? 0.15 : 0.25);
        }
    }

    @Test
    void medianAndMaximumErrorDrawBlocksOfSortedErrors() {
        Predictions regression = Coverage.regression("reg", ROWS, 5).predictions();
        for (Metric metric : new Metric[] {Metric.MEDIAN_ABSOLUTE_ERROR, Metric.MAX_ERROR}) {
            MetricSample sample = Metrics.sample(regression, metric, MetricOptions.defaults());

            MetricInterval blocks = sample.interval(IntervalMethod.AUTO, 0.95, 42, 1000);

            assertThat(blocks.how())
                    .as(metric.name())
                    .isEqualTo("Poisson bootstrap, 1000 resamples, seed 42"
                            + (metric == Metric.MAX_ERROR
                                    ? "; approximate here: a resample never holds an error above the sample's"
                                            + " largest, so the bootstrap cannot see how far the largest error of new"
                                            + " data may reach, see docs/intervals.md"
                                    : ""));
            agree(blocks, perRow(sample), 0.15);
        }
    }

    @Test
    void equalMassCalibrationCellsKeepTheSamplesEdges() {
        MetricSample ece = Metrics.sample(
                Coverage.binary("ece", 0.3, ROWS, 6).predictions(),
                Metric.EXPECTED_CALIBRATION_ERROR,
                MetricOptions.defaults().withBinning(Binning.EQUAL_MASS));

        MetricInterval cells = ece.interval(IntervalMethod.AUTO, 0.95, 42, 1000);

        assertThat(cells.how()).startsWith("Poisson bootstrap, 1000 resamples, seed 42");
        agree(cells, perRow(ece), 0.15);
    }
}
