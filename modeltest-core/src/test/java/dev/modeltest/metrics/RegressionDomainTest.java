package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ModelException;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regression metrics of 0.2.0 refuse what scikit-learn refuses, naming the row, the value and scikit-learn's
 * words; their parameters are validated and belong to them only.
 */
class RegressionDomainTest {

    private static Predictions values(double[] actual, double[] predicted) {
        return Predictions.regression("values.csv", "model r", actual, predicted);
    }

    private static double compute(Predictions p, Metric metric, MetricOptions options) {
        return Metrics.compute(p, metric, options);
    }

    @Test
    void squaredLogErrorRefusesANegativeValueNamingTheRow() {
        Predictions negativeTruth = values(new double[] {1, -2, 3}, new double[] {1, 2, 3});
        Predictions negativePrediction = values(new double[] {1, 2, 3}, new double[] {1, 2, -0.5});

        assertThatThrownBy(() -> compute(negativeTruth, Metric.MEAN_SQUARED_LOG_ERROR, MetricOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessage("the true value at row 2 of values.csv is -2; mean squared log error needs values of at"
                        + " least 0 (scikit-learn: \"Mean Squared Logarithmic Error cannot be used when targets contain"
                        + " negative values.\") (model model r)");
        assertThatThrownBy(
                        () -> compute(negativePrediction, Metric.ROOT_MEAN_SQUARED_LOG_ERROR, MetricOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(
                        "the predicted value at row 3 of values.csv is -0.5; root mean squared log error"
                                + " needs values of at least 0");
    }

    @Test
    void theDeviancesRefuseValuesOutsideTheirPowersDomain() {
        Predictions zeroPrediction = values(new double[] {1, 0, 3}, new double[] {1, 0, 3});
        Predictions zeroTruth = values(new double[] {1, 0, 3}, new double[] {1, 1, 3});

        assertThatThrownBy(() -> compute(zeroPrediction, Metric.MEAN_POISSON_DEVIANCE, MetricOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessage("the predicted value at row 2 of values.csv is 0; mean Poisson deviance (power 1) needs"
                        + " true values of at least 0 and predicted values above 0 (scikit-learn: \"Mean Tweedie"
                        + " deviance error with power=1 can only be used on non-negative y and strictly positive"
                        + " y_pred.\") (model model r)");
        assertThatThrownBy(() -> compute(zeroTruth, Metric.MEAN_GAMMA_DEVIANCE, MetricOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessage("the true value at row 2 of values.csv is 0; mean Gamma deviance (power 2) needs true and"
                        + " predicted values above 0 (scikit-learn: \"Mean Tweedie deviance error with power=2 can only"
                        + " be used on strictly positive y and y_pred.\") (model model r)");
        assertThatThrownBy(() -> compute(
                        zeroPrediction,
                        Metric.MEAN_TWEEDIE_DEVIANCE,
                        MetricOptions.defaults().withPower(-0.5)))
                .hasMessageStartingWith("the predicted value at row 2 of values.csv is 0; mean Tweedie deviance (power"
                        + " -0.5) needs predicted values above 0");
        assertThatThrownBy(() -> compute(
                        zeroTruth, Metric.D2_TWEEDIE, MetricOptions.defaults().withPower(3)))
                .hasMessageStartingWith("the true value at row 2 of values.csv is 0; D² Tweedie score (power 3) needs"
                        + " true and predicted values above 0");
        // Power 0 is the squared error: any value.
        assertThat(compute(zeroPrediction, Metric.MEAN_TWEEDIE_DEVIANCE, MetricOptions.defaults()))
                .isEqualTo(0.0);
    }

    @Test
    void alphaAndPowerAreValidated() {
        for (double alpha : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> MetricOptions.defaults().withAlpha(alpha))
                    .withMessage("alpha must be in [0, 1], was " + alpha);
        }
        for (double power : new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> MetricOptions.defaults().withPower(power))
                    .withMessage("power must be a finite number of at most 0 or at least 1 (the Tweedie deviance is"
                            + " only defined there), was " + power);
        }
    }

    @Test
    void alphaPowerAndForceFiniteBelongToTheirMetricsOnly() {
        Predictions p = values(new double[] {1, 2, 3}, new double[] {1, 2, 4});

        assertThat(Metrics.notApplicable(p, Metric.MAE, MetricOptions.defaults().withAlpha(0.9)))
                .contains("'alpha' applies to mean pinball loss and D² pinball score only, not to mean absolute error,"
                        + " was 0.9");
        assertThat(Metrics.notApplicable(
                        p,
                        Metric.MEAN_POISSON_DEVIANCE,
                        MetricOptions.defaults().withPower(1.5)))
                .contains("'power' applies to mean Tweedie deviance and D² Tweedie score only, not to mean Poisson"
                        + " deviance, was 1.5");
        assertThat(Metrics.notApplicable(
                        p, Metric.D2_TWEEDIE, MetricOptions.defaults().withForceFinite(false)))
                .contains(
                        "'forceFinite' applies to R² and explained variance only, not to D² Tweedie score, was false");
        MetricOptions all =
                MetricOptions.defaults().withAlpha(0.9).withPower(1.5).withForceFinite(false);
        assertThat(Metrics.computeAll(
                        p, List.of(Metric.MAE, Metric.MEAN_PINBALL_LOSS, Metric.MEAN_TWEEDIE_DEVIANCE), all))
                .containsEntry(Metric.MAE, compute(p, Metric.MAE, MetricOptions.defaults()))
                .containsEntry(
                        Metric.MEAN_PINBALL_LOSS,
                        compute(
                                p,
                                Metric.MEAN_PINBALL_LOSS,
                                MetricOptions.defaults().withAlpha(0.9)))
                .containsEntry(
                        Metric.MEAN_TWEEDIE_DEVIANCE,
                        compute(
                                p,
                                Metric.MEAN_TWEEDIE_DEVIANCE,
                                MetricOptions.defaults().withPower(1.5)));
    }

    @Test
    void theDefaultsAreScikitLearns() {
        Predictions p = values(new double[] {1, 2, 3, 10}, new double[] {2, 2, 1, 7});

        // alpha 0.5: half the mean absolute error; power 0: the mean squared error; D² absolute error = D² pinball 0.5.
        assertThat(compute(p, Metric.MEAN_PINBALL_LOSS, MetricOptions.defaults()))
                .isEqualTo(compute(p, Metric.MAE, MetricOptions.defaults()) / 2);
        assertThat(compute(p, Metric.MEAN_TWEEDIE_DEVIANCE, MetricOptions.defaults()))
                .isEqualTo(compute(p, Metric.MSE, MetricOptions.defaults()));
        assertThat(compute(p, Metric.D2_ABSOLUTE_ERROR, MetricOptions.defaults()))
                .isEqualTo(compute(p, Metric.D2_PINBALL, MetricOptions.defaults()));
    }
}
