package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricCheckTextTest {

    private static final Predictions THREE = Predictions.classification(
            "three.csv", "m", List.of("x", "y", "z"), new int[] {0, 1, 2}, new int[] {0, 1, 1}, new double[][] {
                {0.8, 0.1, 0.1}, {0.1, 0.8, 0.5}, {0.1, 0.1, 0.4}
            });

    private static final Predictions TWO = MetricFixtures.binary("two.csv", 4, 0);

    @Test
    void namesAutoAveragingAsWhatItResolvesTo() {
        assertThat(MetricCheckText.label(Metric.F1, MetricOptions.defaults(), TWO))
                .isEqualTo("F1 (positive class 'b')");
        assertThat(MetricCheckText.label(Metric.F1, MetricOptions.defaults(), THREE))
                .isEqualTo("F1 (macro)");
        assertThat(MetricCheckText.label(Metric.F1, MetricOptions.defaults().withPositiveLabel("z"), THREE))
                .isEqualTo("F1 (positive class 'z')");
    }

    @Test
    void namesRankingMetricsOneVsRest() {
        assertThat(MetricCheckText.label(
                        Metric.ROC_AUC, MetricOptions.defaults().withAverage(Averaging.WEIGHTED), THREE))
                .isEqualTo("ROC AUC (one-vs-rest, weighted)");
    }

    @Test
    void namesRankingMetricsOnTwoClassesByTheirPositiveClassWhateverTheAveraging() {
        // The value is the positive class's (scikit-learn ignores 'average' on binary y_true): so is the name.
        for (Averaging average : List.of(Averaging.MACRO, Averaging.WEIGHTED, Averaging.MICRO)) {
            MetricOptions options = MetricOptions.defaults().withAverage(average);
            assertThat(MetricCheckText.label(Metric.ROC_AUC, options, TWO)).isEqualTo("ROC AUC (positive class 'b')");
            assertThat(MetricCheckText.label(Metric.AVERAGE_PRECISION, options, TWO))
                    .isEqualTo("average precision (positive class 'b')");
            assertThat(MetricCheckText.label(Metric.AVERAGE_PRECISION, options.withPositiveLabel("a"), TWO))
                    .isEqualTo("average precision (positive class 'a')");
        }
        assertThat(MetricCheckText.label(Metric.F1, MetricOptions.defaults().withAverage(Averaging.MACRO), TWO))
                .isEqualTo("F1 (macro)");
    }

    @Test
    void namesCalibrationBinsAndWhatIsBinned() {
        assertThat(MetricCheckText.label(Metric.EXPECTED_CALIBRATION_ERROR, MetricOptions.defaults(), THREE))
                .isEqualTo("expected calibration error (10 equal-width bins, top label)");
        assertThat(MetricCheckText.label(
                        Metric.EXPECTED_CALIBRATION_ERROR,
                        MetricOptions.defaults().withBins(5).withBinning(Binning.EQUAL_MASS),
                        TWO))
                .isEqualTo("expected calibration error (5 equal-mass bins, positive class 'b')");
    }

    @Test
    void leavesMetricsWithoutOptionsPlain() {
        assertThat(MetricCheckText.label(Metric.ACCURACY, MetricOptions.defaults(), THREE))
                .isEqualTo("accuracy");
        assertThat(MetricCheckText.label(Metric.R2, MetricOptions.defaults(), MetricFixtures.regression("r.csv", 3, 1)))
                .isEqualTo("R²");
    }
}
