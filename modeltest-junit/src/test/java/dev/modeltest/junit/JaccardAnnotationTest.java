package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.assertions.ModelAssertions;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @MetricAtLeast(metric = JACCARD)} end to end, and the fluent assertion on the same metric. On the fixture,
 * scikit-learn's {@code jaccard_score(y, pred, ...)} gives 0.6428571 with {@code pos_label='b'} (the default positive
 * class of two), 0.5454545 with {@code pos_label='a'} and 0.5941558 macro-averaged.
 */
class JaccardAnnotationTest {

    static final String DATA = "src/test/resources/fixtures/fbeta-binary.csv";

    @ModelTest(data = DATA, label = "label", predictions = "pred")
    static class JaccardTestCase {
        @MetricAtLeast(metric = Metric.JACCARD, value = 0.6)
        void positiveClassHolds() {}

        @MetricAtLeast(metric = Metric.JACCARD, value = 0.6, positiveLabel = "a", interval = IntervalMethod.AUTO)
        void otherPositiveClassFails() {}

        @MetricAtLeast(metric = Metric.JACCARD, value = 0.6, average = Averaging.MACRO)
        void macroFails() {}

        @MetricAtLeast(metric = Metric.JACCARD, value = 0.6, interval = IntervalMethod.EXACT)
        void exactInterval() {}
    }

    @Test
    void passesWhereTheScoreClearsTheThreshold() {
        EngineExecutionResults results = run(JaccardTestCase.class);

        assertThat(succeeded(results)).containsExactly("positiveClassHolds()");
    }

    @Test
    void failsWithTheScoreItsBootstrapIntervalAndTheGap() {
        EngineExecutionResults results = run(JaccardTestCase.class);

        assertThat(failureOf(results, "otherPositiveClassFails"))
                .isEqualTo("Expecting model Jaccard (positive class 'a') on fbeta-binary.csv (n=40):\n"
                        + "  0.5455 (95% CI 0.3333–0.7547, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.6000\n"
                        + "but it was 0.0545 below.");
        assertThat(failureOf(results, "macroFails"))
                .isEqualTo("Expecting model Jaccard (macro) on fbeta-binary.csv (n=40):\n"
                        + "  0.5942 (95% CI 0.4231–0.7723, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.6000\n"
                        + "but it was 0.0058 below.");
        assertThat(TestKit.throwableOf(results, "macroFails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void anExactIntervalIsAConfigurationErrorAsJaccardHasNone() {
        EngineExecutionResults results = run(JaccardTestCase.class);

        assertThat(failureOf(results, "exactInterval"))
                .startsWith("@MetricAtLeast on JaccardTestCase.exactInterval(): 'interval' must be AUTO or BOOTSTRAP"
                        + " for Jaccard: no exact or analytic interval applies to it");
        assertThat(TestKit.throwableOf(results, "exactInterval")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void theFluentAssertionReadsLikeTheAnnotation() {
        // Class b: tp 17, fp 3, fn 3, so Jaccard 17 / 23 = 0.7391.
        int n = 40;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            actual[i] = i < 20 ? 0 : 1;
            predicted[i] = i % 20 < 3 ? 1 - actual[i] : actual[i];
        }
        Predictions predictions =
                Predictions.classification("fixture.csv", "test model", List.of("a", "b"), actual, predicted, null);

        ModelAssertions.assertThat(predictions).metric(Metric.JACCARD).isAtLeast(0.7);
        assertThatThrownBy(() -> ModelAssertions.assertThat(predictions)
                        .metric(Metric.JACCARD)
                        .isAtLeast(0.8))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expecting model Jaccard (positive class 'b') on fixture.csv (n=40):\n"
                        + "  0.7391 (95% CI 0.5263–0.8945, BCa bootstrap, 2000 resamples, seed 42)\n");
    }
}
