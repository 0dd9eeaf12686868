package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * The regression metrics of 0.2.0 through the builder: their labels name their parameter, the means of per-row losses
 * get Student-t, the root and the D² scores the bootstrap, and R² with {@code forceFinite} false fails on −∞ rather
 * than passing on a forced 0 or 1.
 */
class RegressionCatalogueGateTest {

    private static final String WHERE = "@MetricAtMost on T.m()";

    /** y = i + 1, ŷ = y ± an error: all positive, so every loss applies. */
    private final Predictions positive = shifted(MetricFixtures.regression("positive.csv", 40, 0.5));

    private static Predictions shifted(Predictions p) {
        double[] actual = p.actualValues();
        double[] predicted = p.predictedValues();
        for (int i = 0; i < actual.length; i++) {
            actual[i] += 1;
            predicted[i] += 1;
        }
        return Predictions.regression(p.dataName(), p.modelName(), actual, predicted);
    }

    @Test
    void theMeanLossesGetStudentTAndTheirLabelNamesTheirParameter() {
        CheckResult pinball = MetricGate.builder(WHERE, Metric.MEAN_PINBALL_LOSS, Bound.AT_MOST, 0.1)
                .options(MetricOptions.defaults().withAlpha(0.9))
                .build()
                .evaluate(positive);
        CheckResult tweedie = MetricGate.builder(WHERE, Metric.MEAN_TWEEDIE_DEVIANCE, Bound.AT_MOST, 1)
                .options(MetricOptions.defaults().withPower(1.5))
                .build()
                .evaluate(positive);
        CheckResult msle = MetricGate.builder(WHERE, Metric.MEAN_SQUARED_LOG_ERROR, Bound.AT_MOST, 1)
                .interval(IntervalMethod.EXACT)
                .build()
                .evaluate(positive);

        assertThat(pinball.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(pinball.message())
                .startsWith("Expecting model mean pinball loss (alpha 0.9) on positive.csv (n=40):");
        assertThat(pinball.interval().method()).isEqualTo("Student-t");
        assertThat(tweedie.title()).startsWith("mean Tweedie deviance (power 1.5) ≤ 1");
        assertThat(tweedie.interval().method()).isEqualTo("Student-t");
        assertThat(msle.verdict()).isEqualTo(Verdict.PASS);
        assertThat(msle.interval().method()).isEqualTo("Student-t");
    }

    @Test
    void theRootTakesTheSquareRootOfStudentTAndTheDSquaredScoresTheDeltaMethod() {
        CheckResult d2 = MetricGate.builder(WHERE, Metric.D2_ABSOLUTE_ERROR, Bound.AT_LEAST, 0.5)
                .build()
                .evaluate(positive);
        CheckResult forced = MetricGate.builder(WHERE, Metric.D2_ABSOLUTE_ERROR, Bound.AT_LEAST, 0.5)
                .interval(IntervalMethod.BOOTSTRAP)
                .build()
                .evaluate(positive);

        assertThat(d2.verdict()).isEqualTo(Verdict.PASS);
        assertThat(d2.interval().method()).isEqualTo("delta method (log ratio)");
        assertThat(forced.interval().method()).isEqualTo("BCa bootstrap");
        for (Metric m : new Metric[] {Metric.ROOT_MEAN_SQUARED_LOG_ERROR, Metric.D2_TWEEDIE, Metric.D2_PINBALL}) {
            Bound bound = m == Metric.ROOT_MEAN_SQUARED_LOG_ERROR ? Bound.AT_MOST : Bound.AT_LEAST;
            CheckResult exact = MetricGate.builder(WHERE, m, bound, 0.5)
                    .interval(IntervalMethod.EXACT)
                    .build()
                    .evaluate(positive);
            assertThat(exact.interval().method())
                    .as(m.name())
                    .isEqualTo(
                            m == Metric.ROOT_MEAN_SQUARED_LOG_ERROR
                                    ? "Student-t (square root)"
                                    : "delta method (log ratio)");
        }
    }

    @Test
    void rSquaredNotForcedFiniteFailsOnEqualTrueValuesWhereTheForcedOnePasses() {
        Predictions constant =
                Predictions.regression("constant.csv", "m", new double[] {3, 3, 3, 3}, new double[] {3, 3.5, 2.5, 3});

        CheckResult forced =
                MetricGate.builder(WHERE, Metric.R2, Bound.AT_LEAST, -1).build().evaluate(constant);
        CheckResult plain = MetricGate.builder(WHERE, Metric.R2, Bound.AT_LEAST, -1)
                .options(MetricOptions.defaults().withForceFinite(false))
                .build()
                .evaluate(constant);

        assertThat(forced.measured()).isEqualTo(0.0);
        assertThat(forced.verdict()).isEqualTo(Verdict.PASS);
        assertThat(plain.measured()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(plain.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(plain.message())
                .isEqualTo("Expecting model R² (not forced finite) on constant.csv (n=4):\n"
                        + "  -Infinity (no interval: every true value is the same, so R² is fixed by definition and has"
                        + " no spread to estimate)\n"
                        + "to be at least:\n"
                        + "  -1.0000\n"
                        + "but it was Infinity below.");
    }
}
