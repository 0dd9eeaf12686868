package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * {@link Metric#JACCARD} through the builder: its value, its message and its interval. The fixture has 20 rows per
 * class and 3 of each predicted as the other, so class b has tp 17, fp 3, fn 3 and Jaccard 17 / 23 = 0.7391, macro as
 * well by symmetry; scikit-learn's {@code jaccard_score(y, pred, pos_label='b')} gives 0.7391304347826086.
 */
class JaccardGateTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    private final Predictions binary = MetricFixtures.binary("fixture.csv", 40, 3);

    private static MetricGate.Builder gate(double value) {
        return MetricGate.builder(WHERE, Metric.JACCARD, Bound.AT_LEAST, value);
    }

    @Test
    void passesAtOrBelowTheScoreWithTheBootstrapAsItsAutoInterval() {
        CheckResult result = gate(0.7).build().evaluate(binary);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(17.0 / 23);
        assertThat(result.interval().method()).isEqualTo("BCa bootstrap");
        assertThat(result.details())
                .containsEntry("interval", "AUTO")
                .containsEntry("intervalMethod", "BCa bootstrap, 2000 resamples, seed 42");
    }

    @Test
    void failsWithTheScoreItsBootstrapIntervalAndTheGap() {
        CheckResult result = gate(0.8).build().evaluate(binary);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model Jaccard (positive class 'b') on fixture.csv (n=40):\n"
                        + "  0.7391 (95% CI 0.5263–0.8945, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but it was 0.0609 below.");
    }

    @Test
    void takesTheAveragingAndPositiveLabelAsF1Does() {
        CheckResult macro = gate(0.7).average(Averaging.MACRO).build().evaluate(binary);

        assertThat(macro.measured()).isEqualTo(17.0 / 23);
        assertThat(macro.message()).startsWith("Expecting model Jaccard (macro) on fixture.csv (n=40):\n");
    }

    @Test
    void exactIsAConfigurationErrorAsJaccardHasNoExactInterval() {
        assertThatThrownBy(() -> gate(0.7).interval(IntervalMethod.EXACT).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("@MetricAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for Jaccard: no"
                        + " exact or analytic interval applies to it, so the bootstrap does (BCa below 10000 rows,"
                        + " Poisson bootstrap from there)");
    }

    @Test
    void fromTenThousandRowsTheAutoIntervalIsThePoissonBootstrap() {
        CheckResult result = gate(0.5).build().evaluate(MetricFixtures.binary("large.csv", 20_000, 1500));

        assertThat(result.interval().method()).isEqualTo("Poisson bootstrap");
        assertThat(result.details()).containsEntry("intervalMethod", "Poisson bootstrap, 2000 resamples, seed 42");
        assertThat(result.interval().contains(result.measured())).isTrue();
    }
}
