package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Zero-one and Hamming loss, adjusted balanced accuracy and weighted Cohen's kappa through {@code @MetricAtMost} and
 * {@code @MetricAtLeast}, end to end. On the three-class fixture scikit-learn gives {@code zero_one_loss} and {@code
 * hamming_loss} 0.275 (11 of 40 wrong), {@code balanced_accuracy_score(adjusted=True)} 0.6062063, and {@code
 * cohen_kappa_score} 0.6083916 with linear and 0.6244131 with quadratic weights.
 */
class LabelMetricCatalogueAnnotationTest {

    @ModelTest(data = TopKAccuracyAnnotationTest.DATA, label = "label", predictions = "pred")
    static class CatalogueTestCase {
        @MetricAtMost(metric = Metric.ZERO_ONE_LOSS, value = 0.3)
        void zeroOneLossHolds() {}

        @MetricAtMost(metric = Metric.HAMMING_LOSS, value = 0.25)
        void hammingLossFails() {}

        @MetricAtLeast(metric = Metric.ADJUSTED_BALANCED_ACCURACY, value = 0.6)
        void adjustedBalancedAccuracyHolds() {}

        @MetricAtLeast(metric = Metric.COHEN_KAPPA_LINEAR, value = 0.6)
        void linearKappaHolds() {}

        @MetricAtLeast(metric = Metric.COHEN_KAPPA_QUADRATIC, value = 0.7)
        void quadraticKappaFails() {}

        @MetricAtLeast(metric = Metric.ZERO_ONE_LOSS, value = 0.3)
        void aFloorOnALoss() {}
    }

    @Test
    void passesWhereTheMetricsClearTheirThresholds() {
        assertThat(succeeded(run(CatalogueTestCase.class)))
                .containsExactlyInAnyOrder(
                        "zeroOneLossHolds()", "adjustedBalancedAccuracyHolds()", "linearKappaHolds()");
    }

    @Test
    void failsWithTheExactMessages() {
        EngineExecutionResults results = run(CatalogueTestCase.class);

        assertThat(failureOf(results, "hammingLossFails"))
                .isEqualTo("Expecting model Hamming loss on topk-three.csv (n=40):\n"
                        + "  0.2750 (95% CI 0.1611–0.4283, Wilson, 11 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n"
                        + "to be at most:\n"
                        + "  0.2500\n"
                        + "but it was 0.0250 above.");
        assertThat(failureOf(results, "quadraticKappaFails"))
                .isEqualTo("Expecting model Cohen's kappa (quadratic weights) on topk-three.csv (n=40):\n"
                        + "  0.6244 (95% CI 0.3474–0.8285, BCa bootstrap, 2000 resamples, seed 42; approximate here:"
                        + " fewer than 10 true positives of a class (9), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.7000\n"
                        + "but it was 0.0756 below.");
    }

    @Test
    void aFloorOnALossIsRefused() {
        assertThat(failureOf(run(CatalogueTestCase.class), "aFloorOnALoss"))
                .isEqualTo("@MetricAtLeast on CatalogueTestCase.aFloorOnALoss(): 'metric' ZERO_ONE_LOSS (zero-one loss)"
                        + " is lower-is-better, so a floor would let a worse model pass; use @MetricAtMost(metric ="
                        + " ZERO_ONE_LOSS, ...)");
    }
}
