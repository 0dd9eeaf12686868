package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.Metric;
import dev.modeltest.subject.TaskHint;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The regression metrics of 0.2.0 through {@code @MetricAtMost} / {@code @MetricAtLeast} with {@code alpha}, {@code
 * power} and {@code forceFinite}, end to end. On the fixture (40 rows, true values from 0, predictions above 0)
 * scikit-learn gives {@code mean_squared_log_error} 0.0152613, {@code mean_pinball_loss(alpha=0.9)} 0.369375 and
 * {@code d2_pinball_score(alpha=0.9)} 0.7947917.
 */
class RegressionCatalogueAnnotationTest {

    @ModelTest(data = MetricAnnotationsTest.REGRESSION, label = "y", predictions = "pred", task = TaskHint.REGRESSION)
    static class RegressionCatalogueTestCase {
        @MetricAtMost(metric = Metric.MEAN_SQUARED_LOG_ERROR, value = 0.02)
        void squaredLogErrorHolds() {}

        @MetricAtMost(metric = Metric.MEAN_PINBALL_LOSS, value = 0.3, alpha = 0.9)
        void pinballLossFails() {}

        @MetricAtLeast(metric = Metric.D2_PINBALL, value = 0.75, alpha = 0.9)
        void dSquaredPinballHolds() {}

        @MetricAtMost(metric = Metric.MEAN_TWEEDIE_DEVIANCE, value = 0.5, power = 1.5)
        void tweedieDevianceHolds() {}

        @MetricAtLeast(metric = Metric.R2, value = 0.9, forceFinite = false)
        void rSquaredNotForcedFiniteHolds() {}

        @MetricAtMost(metric = Metric.MEAN_GAMMA_DEVIANCE, value = 1)
        void gammaDevianceOnAZeroTarget() {}

        @MetricAtMost(metric = Metric.MEAN_TWEEDIE_DEVIANCE, value = 1, power = 0.5)
        void powerBetweenZeroAndOne() {}

        @MetricAtMost(metric = Metric.MAE, value = 1, alpha = 0.9)
        void alphaOnAnotherMetric() {}

        @MetricAtMost(metric = Metric.MEAN_PINBALL_LOSS, value = 1, alpha = 1.5)
        void alphaAboveOne() {}
    }

    @Test
    void passesWhereTheMetricsClearTheirThresholds() {
        assertThat(succeeded(run(RegressionCatalogueTestCase.class)))
                .containsExactlyInAnyOrder(
                        "squaredLogErrorHolds()",
                        "dSquaredPinballHolds()",
                        "tweedieDevianceHolds()",
                        "rSquaredNotForcedFiniteHolds()");
    }

    @Test
    void failsWithTheLossItsStudentTIntervalAndTheGap() {
        // The interval is mean ± t(0.975, 39)·sd/√40 of the per-row pinball losses (SciPy gives 0.2653–0.4735 too).
        assertThat(failureOf(run(RegressionCatalogueTestCase.class), "pinballLossFails"))
                .isEqualTo("Expecting model mean pinball loss (alpha 0.9) on metric-regression.csv (n=40):\n"
                        + "  0.3694 (95% CI 0.2653–0.4735, Student-t, 39 df)\n"
                        + "to be at most:\n"
                        + "  0.3000\n"
                        + "but it was 0.0694 above.");
    }

    @Test
    void aValueOutsideTheDeviancesDomainFailsNamingTheRow() {
        assertThat(failureOf(run(RegressionCatalogueTestCase.class), "gammaDevianceOnAZeroTarget"))
                .isEqualTo("the true value at row 1 of metric-regression.csv is 0; mean Gamma deviance (power 2) needs"
                        + " true and predicted values above 0 (scikit-learn: \"Mean Tweedie deviance error with power=2"
                        + " can only be used on strictly positive y and y_pred.\") (model predictions column 'pred')");
    }

    @Test
    void badParametersAreConfigurationErrorsNamingTheAttribute() {
        EngineExecutionResults results = run(RegressionCatalogueTestCase.class);

        assertThat(failureOf(results, "powerBetweenZeroAndOne"))
                .isEqualTo("@MetricAtMost on RegressionCatalogueTestCase.powerBetweenZeroAndOne(): 'power' must be a"
                        + " finite number of at most 0 or at least 1 (the Tweedie deviance is only defined there), was"
                        + " 0.5");
        assertThat(failureOf(results, "alphaOnAnotherMetric"))
                .isEqualTo("@MetricAtMost on RegressionCatalogueTestCase.alphaOnAnotherMetric(): 'alpha' applies to"
                        + " mean pinball loss and D² pinball score only, not to mean absolute error, was 0.9");
        assertThat(failureOf(results, "alphaAboveOne"))
                .isEqualTo("@MetricAtMost on RegressionCatalogueTestCase.alphaAboveOne(): 'alpha' must be in [0, 1],"
                        + " was 1.5");
    }
}
