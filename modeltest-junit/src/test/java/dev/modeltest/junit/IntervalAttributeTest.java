package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The {@code interval} attribute of the metric gate annotations: the method named, forced, or refused. */
class IntervalAttributeTest {

    @ModelTest(data = MetricAnnotationsTest.BINARY, label = "label", predictions = "pred", scores = "p_b")
    static class IntervalTestCase {
        @LogLossAtMost(value = 0.2, interval = IntervalMethod.BOOTSTRAP)
        void logLossByBootstrapFails() {}

        @AucAtLeast(value = 0.99, interval = IntervalMethod.EXACT)
        void aucByDeLongFails() {}

        @F1AtLeast(value = 0.5, interval = IntervalMethod.EXACT)
        void f1ExactIsRefused() {}

        @MetricAtLeast(metric = Metric.MATTHEWS, value = 0.5, interval = IntervalMethod.EXACT)
        void matthewsExactIsRefused() {}

        @AccuracyAtLeast(value = 0.9, interval = IntervalMethod.BOOTSTRAP)
        void accuracyByBootstrapFails() {}

        @AccuracyAtLeast(value = 0.9, interval = IntervalMethod.BOOTSTRAP, seed = 7, resamples = 500)
        void accuracyByBootstrapWithItsOwnSeedFails() {}
    }

    @Test
    void theMethodUsedIsNamedInTheFailureMessage() {
        EngineExecutionResults results = run(IntervalTestCase.class);

        assertThat(failureOf(results, "logLossByBootstrapFails"))
                .isEqualTo("Expecting model log loss on metric-binary.csv (n=80):\n"
                        + "  0.4472 (95% CI 0.3676–0.5818, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at most:\n"
                        + "  0.2000\n"
                        + "but it was 0.2472 above.");
        assertThat(failureOf(results, "aucByDeLongFails"))
                .contains(", DeLong (logit), 40 positive and 40 negative rows; approximate here: fewer than 60 rows of"
                        + " the rarer class (40), see docs/intervals.md)");
        assertThat(failureOf(results, "accuracyByBootstrapFails"))
                .contains("0.8500 (95% CI ")
                .contains(", BCa bootstrap, 2000 resamples, seed 42)");
        assertThat(failureOf(results, "accuracyByBootstrapWithItsOwnSeedFails"))
                .contains(", BCa bootstrap, 500 resamples, seed 7)");
    }

    @Test
    void exactWhereNoExactIntervalAppliesIsAConfigurationErrorNamingTheAnnotation() {
        EngineExecutionResults results = run(IntervalTestCase.class);

        assertThat(failureOf(results, "f1ExactIsRefused"))
                .startsWith("@F1AtLeast on IntervalTestCase.f1ExactIsRefused(): 'interval' must be AUTO or BOOTSTRAP"
                        + " for F1: no exact or analytic interval applies to it")
                .endsWith(", was EXACT");
        assertThat(failureOf(results, "matthewsExactIsRefused"))
                .startsWith("@MetricAtLeast on IntervalTestCase.matthewsExactIsRefused(): 'interval' must be AUTO or"
                        + " BOOTSTRAP for Matthews correlation");
        assertThat(TestKit.throwableOf(results, "f1ExactIsRefused"))
                .isInstanceOf(ExtensionConfigurationException.class);
    }
}
