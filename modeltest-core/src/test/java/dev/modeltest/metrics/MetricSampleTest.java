package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.modeltest.check.Interval;
import dev.modeltest.model.Predictions;
import dev.modeltest.stats.Bootstrap;
import dev.modeltest.stats.Wilson;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSampleTest {

    private final Predictions binary = Predictions.classification(
            "two.csv",
            "model m",
            List.of("no", "yes"),
            new int[] {0, 1, 1, 0, 1, 0, 1, 1},
            new int[] {0, 1, 0, 0, 1, 1, 1, 1},
            new double[][] {
                {0.8, 0.3, 0.6, 0.9, 0.2, 0.45, 0.1, 0.3},
                {0.2, 0.7, 0.4, 0.1, 0.8, 0.55, 0.9, 0.7}
            });

    @Test
    void accuracyIsAProportionOfCorrectRows() {
        MetricSample accuracy = Metrics.sample(binary, Metric.ACCURACY, MetricOptions.defaults());

        assertThat(accuracy.proportion()).contains(new Proportion(6, 8));
        assertThat(accuracy.value()).isEqualTo(0.75);
        assertThat(accuracy.size()).isEqualTo(8);
    }

    @Test
    void binaryPrecisionAndRecallAreProportionsOfThePositiveClass() {
        // 'yes' is predicted on rows 2, 5, 6, 7, 8 and right on 2, 5, 7, 8; it is true on 2, 3, 5, 7, 8.
        assertThat(Metrics.sample(binary, Metric.PRECISION, MetricOptions.defaults())
                        .proportion())
                .contains(new Proportion(4, 5));
        assertThat(Metrics.sample(binary, Metric.RECALL, MetricOptions.defaults())
                        .proportion())
                .contains(new Proportion(4, 5));
        assertThat(Metrics.sample(
                                binary, Metric.RECALL, MetricOptions.defaults().withPositiveLabel("no"))
                        .proportion())
                .contains(new Proportion(2, 3));
    }

    @Test
    void f1AndMacroAveragesAreNotProportions() {
        assertThat(Metrics.sample(binary, Metric.F1, MetricOptions.defaults()).proportion())
                .isEmpty();
        assertThat(Metrics.sample(
                                binary,
                                Metric.PRECISION,
                                MetricOptions.defaults().withAverage(Averaging.MACRO))
                        .proportion())
                .isEmpty();
    }

    @Test
    void aProportionGetsTheWilsonInterval() {
        MetricSample accuracy = Metrics.sample(binary, Metric.ACCURACY, MetricOptions.defaults());

        Interval interval = accuracy.interval(0.95, Bootstrap.seeded(1));

        assertThat(interval).isEqualTo(Wilson.interval(6, 8, 0.95));
    }

    @Test
    void anyOtherMetricGetsTheBootstrapInterval() {
        MetricSample auc = Metrics.sample(binary, Metric.ROC_AUC, MetricOptions.defaults());
        Bootstrap bootstrap = Bootstrap.seeded(1).withReplicates(200);

        Interval interval = auc.interval(0.9, bootstrap);

        assertThat(interval).isEqualTo(bootstrap.interval(8, auc::value, 0.9).interval());
        assertThat(interval.lower()).isLessThanOrEqualTo(auc.value());
        assertThat(interval.method()).endsWith("bootstrap");
    }

    @Test
    void refusesAnIntervalForAnUndefinedValue() {
        MetricSample auc = Metrics.sample(binary, Metric.ROC_AUC, MetricOptions.defaults(), new int[] {0, 3, 5});

        assertThatIllegalStateException()
                .isThrownBy(() -> auc.interval(0.95, Bootstrap.seeded(1)))
                .withMessage("ROC AUC is undefined on these 3 rows: it is NaN when a class scored one-vs-rest has no"
                        + " positive or no negative row (scikit-learn raises ValueError)");
    }

    @Test
    void countsOfOneGiveTheValueAndZerosLeaveRowsOut() {
        MetricSample f1 = Metrics.sample(binary, Metric.F1, MetricOptions.defaults());
        int[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
        int[] firstFour = {1, 1, 1, 1, 0, 0, 0, 0};

        assertThat(f1.value(ones)).isEqualTo(f1.value());
        assertThat(f1.value(firstFour))
                .isEqualTo(Metrics.compute(binary, Metric.F1, MetricOptions.defaults(), new int[] {0, 1, 2, 3}));
    }

    @Test
    void refusesCountsOfTheWrongLength() {
        MetricSample f1 = Metrics.sample(binary, Metric.F1, MetricOptions.defaults(), new int[] {0, 1, 2, 3, 4});

        assertThatIllegalArgumentException()
                .isThrownBy(() -> f1.value(new int[3]))
                .withMessage("3 counts for a sample of 5 rows");
    }

    @Test
    void theConfusionMatrixPrintsAsATable() {
        ConfusionMatrix m = Metrics.confusionMatrix(binary);

        assertThat(m.toString())
                .isEqualTo(
                        "true \\ predicted  no  yes\n" + "no                 2    1\n" + "yes                1    4");
        assertThat(m.toArray()).isEqualTo(new long[][] {{2, 1}, {1, 4}});
        assertThat(m.correct()).isEqualTo(6);
        assertThat(m.actualTotal(1)).isEqualTo(5);
        assertThat(m.predictedTotal(1)).isEqualTo(5);
        assertThat(m.count("yes", "no")).isEqualTo(1);
    }

    @Test
    void metricsKnowTheirDirectionAndRange() {
        assertThat(Metric.ROC_AUC.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Metric.LOG_LOSS.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Metric.MATTHEWS.lowest()).isEqualTo(-1);
        assertThat(Metric.R2.lowest()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Metric.RMSE.requirement()).isEqualTo(Requirement.VALUES);
        assertThat(Metric.BRIER.requirement()).isEqualTo(Requirement.PROBABILITIES);
        assertThat(Metric.F1.reference()).isEqualTo("sklearn.metrics.f1_score");
        assertThat(Direction.LOWER_IS_BETTER.isBetter(0.1, 0.2)).isTrue();
        assertThat(Direction.HIGHER_IS_BETTER.isBetter(0.1, 0.2)).isFalse();
    }
}
