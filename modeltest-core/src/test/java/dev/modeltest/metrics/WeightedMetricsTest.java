package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Predictions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What {@link Metrics} and {@link MetricSample} do around the values on weighted predictions: refusals, intervals. */
class WeightedMetricsTest {

    private final Predictions binary = Golden.dataset("binary").predictions();
    private final Predictions weighted =
            binary.withWeights("w", WeightsGoldenTest.weighted("binary").internalWeights());

    @Test
    void theViewsThatCountRowsAreRefusedOnWeightedPredictions() {
        assertThatThrownBy(() -> Metrics.confusionMatrix(weighted))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the confusion matrix (counts of rows) does not take sample weights yet; the predictions of"
                        + " golden on binary.csv are weighted by column 'w' (remove 'weights')");
        assertThatThrownBy(() -> Metrics.reliabilityCurve(weighted, MetricOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("the reliability curve does not take sample weights yet;");
        assertThat(Metrics.confusionMatrix(weighted.withoutWeights()).toArray())
                .isEqualTo(Metrics.confusionMatrix(binary).toArray());
    }

    @Test
    void notApplicableSaysWhyAMetricRefusesTheWeights() {
        Predictions regression = Golden.dataset("regression").predictions();
        double[] w = new double[regression.size()];
        Arrays.fill(w, 0.5);
        Predictions weightedRegression = regression.withWeights("w", w);

        assertThat(Metrics.notApplicable(weightedRegression, Metric.MAX_ERROR, MetricOptions.defaults()))
                .contains("max error does not take sample weights (scikit-learn's max_error has no sample_weight);"
                        + " remove 'weights' (column 'w') or check another metric");
        assertThat(Metrics.applicable(weightedRegression, MetricOptions.defaults()))
                .contains(Metric.MAE, Metric.MEDIAN_ABSOLUTE_ERROR)
                .doesNotContain(Metric.MAX_ERROR);
        assertThat(Metrics.applicable(regression, MetricOptions.defaults())).contains(Metric.MAX_ERROR);
    }

    @Test
    void exactIntervalsAreRefusedAndAutoIsTheBootstrapCarryingTheWeights() {
        MetricSample accuracy = Metrics.sample(weighted, Metric.ACCURACY, MetricOptions.defaults());

        assertThat(accuracy.exactMethod()).isEmpty();
        assertThat(accuracy.proportion()).isEmpty();
        assertThatThrownBy(() -> accuracy.interval(IntervalMethod.EXACT, 0.95, 42, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no exact or analytic interval applies to accuracy on rows weighted by column 'w': Wilson,"
                        + " DeLong, Student-t and the delta method count rows; use 'interval' AUTO or BOOTSTRAP (the"
                        + " bootstrap carries the weights)");
        MetricInterval auto = accuracy.interval(IntervalMethod.AUTO, 0.95, 42, 200);
        assertThat(auto.how())
                .isEqualTo("BCa bootstrap, 200 resamples, seed 42, rows weighted by their sample weight; approximate"
                        + " here: a bootstrap over fewer than 10000 rows with sample weights (400) covers less than its"
                        + " level when the weights are skewed, see docs/intervals.md");
        assertThat(auto.interval().contains(accuracy.value())).isTrue();
    }

    @Test
    void fromTenThousandRowsTheBootstrapDrawsPoissonCountsPerRowEvenForTheMedian() {
        int n = 12_000;
        double[] y = new double[n];
        double[] yHat = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 97;
            yHat[i] = y[i] + ((i * 37) % 101) / 17.0 - 3;
            w[i] = 0.5 + (i % 5);
        }
        Predictions p = Predictions.regression("big.csv", "m", y, yHat).withWeights("w", w);
        MetricSample median = Metrics.sample(p, Metric.MEDIAN_ABSOLUTE_ERROR, MetricOptions.defaults());

        MetricInterval interval = median.interval(IntervalMethod.AUTO, 0.95, 7, 50);

        assertThat(interval.method()).isEqualTo("Poisson bootstrap");
        assertThat(interval.how())
                .isEqualTo("Poisson bootstrap, 50 resamples, seed 7, rows weighted by their sample" + " weight");
    }

    @Test
    void aReplicateWeighsEachRowByItsWeightTimesItsCount() {
        MetricSample f1 = Metrics.sample(weighted, Metric.F1, MetricOptions.defaults());
        int[] counts = new int[weighted.size()];
        double[] combined = new double[weighted.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i % 3;
            combined[i] = counts[i] * weighted.internalWeights()[i];
        }

        assertThat(f1.value(counts))
                .isEqualTo(Metrics.compute(binary.withWeights("w", combined), Metric.F1, MetricOptions.defaults()));
    }
}
