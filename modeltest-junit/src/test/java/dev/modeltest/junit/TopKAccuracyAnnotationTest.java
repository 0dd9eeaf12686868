package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.IntervalMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @TopKAccuracyAtLeast} end to end. On the three-class fixture scikit-learn's {@code top_k_accuracy_score(y,
 * proba, k=..., labels=['a', 'b', 'c'])} gives 0.725 for k = 1 and 0.95 for k = 2.
 */
class TopKAccuracyAnnotationTest {

    static final String DATA = "src/test/resources/fixtures/topk-three.csv";

    @ModelTest(
            data = DATA,
            label = "label",
            predictions = "pred",
            scores = {"p_a", "p_b", "p_c"})
    static class TopKTestCase {
        @TopKAccuracyAtLeast(value = 0.9, k = 2)
        void topTwoHolds() {}

        @TopKAccuracyAtLeast(value = 0.98, k = 2)
        void topTwoFails() {}

        @TopKAccuracyAtLeast(value = 0.9, k = 1, interval = IntervalMethod.EXACT)
        void topOneFails() {}

        @TopKAccuracyAtLeast(value = 0.9, k = 3)
        void kAsLargeAsTheClassCount() {}

        @TopKAccuracyAtLeast(value = 0.9, k = 0)
        void kOfZero() {}
    }

    @Test
    void passesWhereTheTopKAccuracyClearsTheThreshold() {
        assertThat(succeeded(run(TopKTestCase.class))).containsExactly("topTwoHolds()");
    }

    @Test
    void failsWithTheValueItsWilsonIntervalAndTheGap() {
        EngineExecutionResults results = run(TopKTestCase.class);

        assertThat(failureOf(results, "topTwoFails"))
                .isEqualTo("Expecting model top-2 accuracy on topk-three.csv (n=40):\n"
                        + "  0.9500 (95% CI 0.8350–0.9862, Wilson, 38 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9800\n"
                        + "but it was 0.0300 below.");
        assertThat(failureOf(results, "topOneFails"))
                .isEqualTo("Expecting model top-1 accuracy on topk-three.csv (n=40):\n"
                        + "  0.7250 (95% CI 0.5717–0.8389, Wilson, 29 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.1750 below.");
        assertThat(TestKit.throwableOf(results, "topTwoFails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void kOfAtLeastTheClassCountOrBelowOneIsAConfigurationErrorNamingK() {
        EngineExecutionResults results = run(TopKTestCase.class);

        assertThat(failureOf(results, "kAsLargeAsTheClassCount"))
                .isEqualTo("@TopKAccuracyAtLeast on TopKTestCase.kAsLargeAsTheClassCount(): 'k' must be below the"
                        + " number of classes, 3 [a, b, c]: with k = 3 every row's true class is among the top 3 and"
                        + " top-k accuracy is 1 whatever the model, was 3");
        assertThat(TestKit.throwableOf(results, "kAsLargeAsTheClassCount"))
                .isInstanceOf(ExtensionConfigurationException.class);
        assertThat(failureOf(results, "kOfZero"))
                .isEqualTo("@TopKAccuracyAtLeast on TopKTestCase.kOfZero(): 'k' must be at least 1, was 0");
    }
}
