package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import org.junit.jupiter.api.Test;

/**
 * {@code @ModelTest(weights = ...)} end to end. The fixture has 20 rows, 6 of them predicted wrongly: accuracy 0.70 on
 * rows; weighted by {@code w} (wrong rows 0.25, the others 1) 14 / 15.5 = 0.9032; weighted by {@code heavy} (wrong
 * rows 3) 14 / 32 = 0.4375, as scikit-learn's {@code accuracy_score(sample_weight=...)}.
 */
class WeightedMetricAnnotationTest {

    static final String DATA = "src/test/resources/fixtures/weighted.csv";

    @ModelTest(data = DATA, label = "label", predictions = "pred", weights = "w")
    static class LightWrongRowsTestCase {
        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.85, confidence = 0)
        void accuracy() {}

        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.85, interval = IntervalMethod.EXACT)
        void exact() {}
    }

    @ModelTest(data = DATA, label = "label", predictions = "pred")
    static class UnweightedTestCase {
        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.85, confidence = 0)
        void accuracy() {}

        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.6, confidence = 0)
        void lowerBar() {}
    }

    @ModelTest(data = DATA, label = "label", predictions = "pred", weights = "heavy")
    static class HeavyWrongRowsTestCase {
        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.6, confidence = 0)
        void lowerBar() {}
    }

    @ModelTest(data = DATA, label = "label", predictions = "pred", weights = "note")
    static class TextWeightsTestCase {
        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.6)
        void accuracy() {}
    }

    @ModelTest(data = DATA, label = "label", predictions = "pred", weights = "wt")
    static class MissingWeightsTestCase {
        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.6)
        void accuracy() {}
    }

    @ModelTest(data = DATA, label = "label", predictions = "pred", weights = "neg")
    static class NegativeWeightTestCase {
        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.6)
        void accuracy() {}
    }

    @Test
    void theWeightedAccuracyPassesWhereTheRowsFail() {
        assertThat(succeeded(run(LightWrongRowsTestCase.class))).containsExactly("accuracy()");
        assertThat(failureOf(run(UnweightedTestCase.class), "accuracy"))
                .isEqualTo("Expecting model accuracy on weighted.csv (n=20):\n"
                        + "  0.7000 (95% CI 0.4810–0.8545, Wilson, 14 of 20; approximate here: fewer than 100 trials"
                        + " (20), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.8500\n"
                        + "but it was 0.1500 below.");
    }

    @Test
    void theWeightedAccuracyFailsWhereTheRowsPass() {
        assertThat(succeeded(run(UnweightedTestCase.class))).containsExactly("lowerBar()");
        assertThat(failureOf(run(HeavyWrongRowsTestCase.class), "lowerBar"))
                .isEqualTo("Expecting model accuracy on weighted.csv (n=20, weighted by 'heavy'):\n"
                        + "  0.4375 (95% CI 0.2143–0.6538, BCa bootstrap, 2000 resamples, seed 42, rows weighted by"
                        + " their sample weight; approximate here: a bootstrap over fewer than 10000 rows with sample"
                        + " weights (20) covers less than its level when the weights are skewed, see"
                        + " docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.6000\n"
                        + "but it was 0.1625 below.");
    }

    @Test
    void anExactIntervalOnWeightedRowsIsAConfigurationError() {
        assertThat(failureOf(run(LightWrongRowsTestCase.class), "exact"))
                .isEqualTo("@MetricAtLeast on LightWrongRowsTestCase.exact(): 'interval' must be AUTO or BOOTSTRAP for"
                        + " accuracy on rows weighted by column 'w': Wilson, DeLong, Student-t and the delta method count"
                        + " rows, and the bootstrap over the rows carries their weights, was EXACT");
    }

    @Test
    void aWeightColumnOfTextIsRefused() {
        assertThat(failureOf(run(TextWeightsTestCase.class), "accuracy"))
                .isEqualTo("the weight column 'note' ('weights') must hold numbers ≥ 0, but data set weighted.csv,"
                        + " column 'note' holds string values, not numbers (row 1 is 'x')");
    }

    @Test
    void aMissingWeightColumnIsRefusedNamingTheNearest() {
        assertThat(failureOf(run(MissingWeightsTestCase.class), "accuracy"))
                .isEqualTo("data set weighted.csv has no weight column 'wt' (did you mean 'w'?); its columns are label,"
                        + " pred, w, heavy, neg, note");
    }

    @Test
    void aNegativeWeightIsRefusedNamingTheRow() {
        assertThat(failureOf(run(NegativeWeightTestCase.class), "accuracy"))
                .isEqualTo("the weight column 'neg' is -0.5 at row 5 of weighted.csv; weights must be finite numbers"
                        + " ≥ 0");
    }
}
