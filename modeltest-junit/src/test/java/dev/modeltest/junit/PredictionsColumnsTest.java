package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Predictions scored elsewhere, read from columns of the data set. */
class PredictionsColumnsTest {

    static final String SCORED = "src/test/resources/fixtures/scored.csv";

    @ModelTest(predictions = "pred", scores = "p_b", data = SCORED, label = "label")
    static class ScoredTestCase {
        @AccuracyAtLeast(0.6)
        void accuracy() {}

        @AccuracyAtLeast(0.7)
        void accuracyTooLow() {}

        @OutputRange
        void scores() {}

        @org.junit.jupiter.api.Test
        void binaryScoresBecomeTwoClassProbabilities(Predictions predictions) {
            assertThat(predictions.classes()).containsExactly("a", "b");
            assertThat(predictions.probability(2, 1)).isEqualTo(0.6);
            assertThat(predictions.probability(2, 0)).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(predictions.predictedLabel(2)).isEqualTo("b");
        }
    }

    @Test
    void evaluatesPredictionsFromColumnsWithoutAModel() {
        EngineExecutionResults results = run(ScoredTestCase.class);

        assertThat(succeeded(results))
                .containsExactly("accuracy()", "binaryScoresBecomeTwoClassProbabilities(Predictions)", "scores()");
        assertThat(failureOf(results, "accuracyTooLow"))
                .startsWith("Expecting model accuracy on scored.csv (n=6):\n  0.6667");
    }

    @ModelTest(
            predictions = "pred",
            scores = {"p_b", "x1", "pred"},
            data = SCORED,
            label = "label")
    static class WrongScoresTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void scoreColumnsThatDoNotFitTheClassesAreAConfigurationError() {
        assertThat(failureOf(run(WrongScoresTestCase.class), "accuracy"))
                .startsWith("@ModelTest on WrongScoresTestCase: 'scores' names 3 column(s) [p_b, x1, pred], but the"
                        + " data has 2 classes [a, b]");
    }

    @ModelTest(predictions = "prediction", data = SCORED, label = "label")
    static class MisspeltPredictionsTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void misspeltPredictionsColumnSuggestsTheNearestName() {
        assertThat(failureOf(run(MisspeltPredictionsTestCase.class), "accuracy"))
                .startsWith("data set scored.csv has no predictions column 'prediction' (did you mean 'pred'?)");
    }
}
