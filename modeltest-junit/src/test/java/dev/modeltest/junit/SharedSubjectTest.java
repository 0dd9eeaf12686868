package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.TestData;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The model, data and predictions are computed once per @ModelTest class and shared, nested classes included. */
class SharedSubjectTest {

    @BeforeEach
    void resetCounters() {
        TestModels.PREDICT_CALLS.set(0);
        TestModels.LOADS.set(0);
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class SharedTestCase {
        @AccuracyAtLeast(0.8)
        void accuracy() {}

        @OutputRange
        void range() {}

        @NoMissingValues
        void complete() {}

        @Test
        @AccuracyAtLeast(0.5)
        void annotationOnAPlainTestWithMoreAssertions(Predictions predictions) {
            assertThat(predictions.size()).isEqualTo(10);
        }

        @Test
        void injected(Predictions predictions, TestData data, Model model) {
            assertThat(predictions.size()).isEqualTo(data.rowCount());
            assertThat(predictions.predictedLabel(0)).isEqualTo("a");
            assertThat(predictions.probability(8, 1)).isEqualTo(0.9);
            assertThat(model.classes()).containsExactly("a", "b");
        }

        @Nested
        class Inner {
            @AccuracyAtLeast(0.9)
            void nestedAccuracy() {}

            @Test
            void nestedInjected(Predictions predictions) {
                assertThat(predictions.classes()).containsExactly("a", "b");
            }
        }
    }

    @Test
    void predictsOnceForAllChecksAndNestedClasses() {
        EngineExecutionResults results = run(SharedTestCase.class);

        results.testEvents()
                .assertStatistics(stats -> stats.started(7).succeeded(7).failed(0));
        assertThat(TestModels.LOADS.get()).isEqualTo(1);
        assertThat(TestModels.PREDICT_CALLS.get()).isEqualTo(1);
    }

    @Test
    void givesTheSameResultsUnderParallelExecution() {
        EngineExecutionResults results = run(
                SharedTestCase.class,
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"));

        results.testEvents()
                .assertStatistics(stats -> stats.started(7).succeeded(7).failed(0));
        assertThat(TestModels.LOADS.get()).isEqualTo(1);
        assertThat(TestModels.PREDICT_CALLS.get()).isEqualTo(1);
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class FailingBodyTestCase {
        @Test
        @AccuracyAtLeast(0.5)
        void bodyFails() {
            throw new AssertionError("the body's own assertion");
        }
    }

    @Test
    void bodyOfAnAnnotatedTestRunsAfterThePassingCheck() {
        assertThat(TestKit.failureOf(run(FailingBodyTestCase.class), "bodyFails"))
                .isEqualTo("the body's own assertion");
    }

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class NoModelToInjectTestCase {
        @Test
        void wantsModel(Model model) {}
    }

    @Test
    void injectingAModelWithPredictionsColumnsExplains() {
        assertThat(TestKit.failureOf(run(NoModelToInjectTestCase.class), "wantsModel"))
                .contains("needs a model to call, but @ModelTest on NoModelToInjectTestCase evaluates predictions"
                        + " column 'pred'");
    }
}
