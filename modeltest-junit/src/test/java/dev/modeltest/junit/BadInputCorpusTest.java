package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static dev.modeltest.junit.TestKit.throwableOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modeltest.error.ModelException;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.subject.TaskHint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Careless and hostile input that once passed a gate without judging: each case asserts its exact outcome, a failure
 * naming the culprit or a pass because the input is valid.
 */
class BadInputCorpusTest {

    private static final String CORPUS = "src/test/resources/fixtures/corpus/";

    // --- Scores read as probabilities must be probabilities, for every gate that reads them so -------------------

    @ModelTest(predictions = "pred", scores = "y_score", data = CORPUS + "scores-fifty.csv", label = "label")
    static class ScoresOfFiftyTestCase {
        @LogLossAtMost(0.01)
        void logLoss() {}

        @MetricAtMost(metric = Metric.BRIER, value = 0.01)
        void brier() {}

        @CalibrationErrorAtMost(0.01)
        void calibration() {}

        @AucAtLeast(0.9)
        void auc() {}

        @OutputRange
        void range() {}
    }

    @Test
    void logLossRefusesAScoreOfFiftyAsBrierAndCalibrationDoNamingTheColumnAndTheValueInTheFile() {
        EngineExecutionResults results = run(ScoresOfFiftyTestCase.class);

        String culprit = "the score in column 'y_score' at row 1 of scores-fifty.csv is -50; ";
        String model = " (model predictions column 'pred')";
        assertThat(failureOf(results, "logLoss")).isEqualTo(culprit + "log loss needs probabilities in [0, 1]" + model);
        assertThat(failureOf(results, "brier"))
                .isEqualTo(culprit + "the Brier score needs probabilities in [0, 1]" + model);
        assertThat(failureOf(results, "calibration"))
                .isEqualTo(culprit + "calibration needs probabilities in [0, 1]" + model);
        assertThat(throwableOf(results, "logLoss")).isInstanceOf(ModelException.class);
        // Ranking metrics only order the scores: a decision function of ±50 ranks these rows perfectly.
        assertThat(succeeded(results)).containsExactly("auc()");
    }

    @Test
    void outputRangeNamesTheScoreColumnAndTheValuesTheFileHolds() {
        assertThat(failureOf(run(ScoresOfFiftyTestCase.class), "range"))
                .isEqualTo("Expecting every one of the scores in 'y_score' of predictions column 'pred' on"
                        + " scores-fifty.csv (n=4) to be finite and within [0, 1]\n"
                        + "but 4 row(s) are not:\n"
                        + "  row 1, y_score: -50\n"
                        + "  row 2, y_score: 50\n"
                        + "  row 3, y_score: -50\n"
                        + "  row 4, y_score: 50");
    }

    @ModelTest(predictions = "pred", scores = "y_score", data = CORPUS + "scores-just-above-one.csv", label = "label")
    static class ScoreJustAboveOneTestCase {
        @OutputRange
        void range() {}
    }

    @Test
    void outputRangePrintsTheCellAsWrittenNotRoundedIntoRange() {
        assertThat(failureOf(run(ScoreJustAboveOneTestCase.class), "range"))
                .isEqualTo("Expecting every one of the scores in 'y_score' of predictions column 'pred' on"
                        + " scores-just-above-one.csv (n=4) to be finite and within [0, 1]\n"
                        + "but 1 row(s) are not:\n"
                        + "  row 2, y_score: 1.0000001");
    }

    @ModelTest(predictions = "pred", scores = "p_b", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class ValidScoresTestCase {
        @LogLossAtMost(0.5)
        void logLoss() {}

        @OutputRange
        void range() {}
    }

    @Test
    void validProbabilitiesPassLogLossAndOutputRange() {
        EngineExecutionResults results = run(ValidScoresTestCase.class);

        assertThat(succeeded(results)).containsExactly("logLoss()", "range()");
    }

    // --- Invalid model output is an error for every gate, naming the row -------------------------------------------

    /** Probability NaN for both classes where x1 = 0.3 (row 3 of tiny.csv). */
    public static final class NanRows implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
                double x = row.getDouble("x1");
                p[0] = x == 0.3 ? Double.NaN : 1 - x;
                p[1] = x == 0.3 ? Double.NaN : x;
            });
        }
    }

    /** All-zero probabilities where x1 ≥ 0.6 (rows 6 to 9 of tiny.csv). */
    public static final class ZeroRows implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
                double x = row.getDouble("x1");
                p[0] = x >= 0.6 ? 0 : 1 - x;
                p[1] = x >= 0.6 ? 0 : x;
            });
        }
    }

    /** Predicts NaN where x1 = 0.45 (row 5 of tiny.csv). */
    public static final class NanRegressor implements ModelProvider {
        @Override
        public Model load() {
            return Model.regressor(row -> row.getDouble("x1") == 0.45 ? Double.NaN : 10 * row.getDouble("x1"));
        }
    }

    /** Probability +Infinity for class b where x1 = 0.9 (row 9 of tiny.csv): argmax would pick b. */
    public static final class InfiniteRows implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
                double x = row.getDouble("x1");
                p[0] = 1 - x;
                p[1] = x == 0.9 ? Double.POSITIVE_INFINITY : x;
            });
        }
    }

    @ModelTest(provider = InfiniteRows.class, data = TestModels.TINY, label = "label")
    static class InfiniteRowsTestCase {
        @AucAtLeast(0.5)
        void auc() {}
    }

    @Test
    void aModelGivingAnInfiniteProbabilityFailsAsNanDoes() {
        assertThat(failureOf(run(InfiniteRowsTestCase.class), "auc"))
                .isEqualTo("probabilistic classifier (2 classes) returned probability Infinity for class 'b' at row 9"
                        + " of tiny.csv: invalid model output fails every gate");
    }

    @ModelTest(provider = NanRows.class, data = TestModels.TINY, label = "label")
    static class NanRowsTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}

        @OutputRange
        void range() {}
    }

    @ModelTest(provider = ZeroRows.class, data = TestModels.TINY, label = "label")
    static class ZeroRowsTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @ModelTest(provider = NanRegressor.class, data = TestModels.TINY, label = "x2")
    static class NanRegressorTestCase {
        @MaeAtMost(10)
        void mae() {}
    }

    @Test
    void aModelGivingNanProbabilitiesFailsEveryGateNamingTheRow() {
        EngineExecutionResults results = run(NanRowsTestCase.class);

        String expected = "probabilistic classifier (2 classes) returned probability NaN for class 'a' at row 3 of"
                + " tiny.csv: invalid model output fails every gate";
        assertThat(failureOf(results, "accuracy")).isEqualTo(expected);
        assertThat(failureOf(results, "range")).isEqualTo(expected);
        assertThat(throwableOf(results, "accuracy")).isInstanceOf(ModelException.class);
    }

    @Test
    void aModelGivingAllZeroProbabilityRowsFailsNamingTheFirstAndCountingTheRest() {
        assertThat(failureOf(run(ZeroRowsTestCase.class), "accuracy"))
                .isEqualTo("probabilistic classifier (2 classes) returned the probabilities [0.0, 0.0], none positive,"
                        + " so no class is predicted at row 6 of tiny.csv (and 3 more invalid row(s)): invalid model"
                        + " output fails every gate");
    }

    @Test
    void aRegressorGivingNanFailsNamingTheRow() {
        assertThat(failureOf(run(NanRegressorTestCase.class), "mae"))
                .isEqualTo("regressor returned the value NaN at row 5 of tiny.csv: invalid model output fails every"
                        + " gate");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ValidModelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void aModelGivingValidProbabilitiesPasses() {
        assertThat(succeeded(run(ValidModelTestCase.class))).containsExactly("accuracy()");
    }

    // --- The label as its own prediction or score -----------------------------------------------------------------

    @ModelTest(predictions = "label", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class LabelAsPredictionsTestCase {
        @AccuracyAtLeast(0.9)
        void accuracy() {}
    }

    @ModelTest(predictions = "pred", scores = "label", data = CORPUS + "scores-fifty.csv", label = "label")
    static class LabelAsScoresTestCase {
        @AucAtLeast(0.9)
        void auc() {}
    }

    @Test
    void theLabelAsItsOwnPredictionsIsAConfigurationError() {
        EngineExecutionResults results = run(LabelAsPredictionsTestCase.class);

        assertThat(failureOf(results, "accuracy"))
                .isEqualTo("@ModelTest on LabelAsPredictionsTestCase: 'predictions' must not be the label column"
                        + " 'label', was 'label'");
        assertThat(throwableOf(results, "accuracy")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void theLabelAsAScoreColumnIsAConfigurationError() {
        assertThat(failureOf(run(LabelAsScoresTestCase.class), "auc"))
                .isEqualTo("@ModelTest on LabelAsScoresTestCase: 'scores' must not include the label column 'label',"
                        + " was [label]");
    }

    // --- A bound against the metric's direction --------------------------------------------------------------------

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class WrongDirectionTestCase {
        @MetricAtLeast(metric = Metric.LOG_LOSS, value = 0.1)
        void logLossFloor() {}

        @MetricAtMost(metric = Metric.ACCURACY, value = 0.99)
        void accuracyCeiling() {}

        @MetricAtMost(metric = Metric.LOG_LOSS, value = 1)
        void logLossCeiling() {}

        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.5)
        void accuracyFloor() {}
    }

    @Test
    void aFloorOnALossOrACeilingOnAScoreIsRefusedNamingTheAnnotationToUse() {
        EngineExecutionResults results = run(WrongDirectionTestCase.class);

        assertThat(failureOf(results, "logLossFloor"))
                .isEqualTo("@MetricAtLeast on WrongDirectionTestCase.logLossFloor(): 'metric' LOG_LOSS (log loss) is"
                        + " lower-is-better, so a floor would let a worse model pass; use @MetricAtMost(metric ="
                        + " LOG_LOSS, ...)");
        assertThat(failureOf(results, "accuracyCeiling"))
                .isEqualTo("@MetricAtMost on WrongDirectionTestCase.accuracyCeiling(): 'metric' ACCURACY (accuracy) is"
                        + " higher-is-better, so a ceiling would let a worse model pass; use @MetricAtLeast(metric ="
                        + " ACCURACY, ...)");
        assertThat(throwableOf(results, "logLossFloor")).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(succeeded(results)).containsExactly("accuracyFloor()", "logLossCeiling()");
    }

    // --- Gates on methods JUnit will not run -----------------------------------------------------------------------

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class UnrunGatesTestCase {
        @AccuracyAtLeast(0.5)
        void runs() {}

        @AccuracyAtLeast(0.99)
        @SuppressWarnings("unused")
        private void hidden() {}

        @AccuracyAtLeast(0.99)
        static void shared() {}

        @AucAtLeast(0.99)
        int counted() {
            return 0;
        }

        @Nested
        class Inner {
            @LogLossAtMost(0.01)
            @SuppressWarnings("unused")
            private void deeper() {}
        }
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class OnlyUnrunGatesTestCase {
        @AccuracyAtLeast(0.99)
        @SuppressWarnings("unused")
        private void hidden() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ValidGatesTestCase {
        @AccuracyAtLeast(0.5)
        void runs() {}

        @Nested
        class Inner {
            @AccuracyAtLeast(0.5)
            void alsoRuns() {}
        }
    }

    @Test
    void aGateOnAPrivateStaticOrNonVoidMethodFailsTheClassNamingEachMethod() {
        EngineExecutionResults results = run(UnrunGatesTestCase.class);

        List<String> failed = results.containerEvents().failed().stream()
                .map(TestKit::message)
                .collect(Collectors.toList());
        assertThat(failed)
                .containsExactly("@ModelTest on UnrunGatesTestCase: 4 gate(s) on methods JUnit will not run, so they"
                        + " would never judge: @AccuracyAtLeast on UnrunGatesTestCase.hidden() (private);"
                        + " @AccuracyAtLeast on UnrunGatesTestCase.shared() (static);"
                        + " @AucAtLeast on UnrunGatesTestCase.counted() (returns int);"
                        + " @LogLossAtMost on Inner.deeper() (private)."
                        + " Make each gate method non-private, non-static and void.");
        assertThat(results.containerEvents().failed().stream()
                        .map(Event::getTestDescriptor)
                        .map(d -> d.getDisplayName()))
                .containsExactly("BadInputCorpusTest$UnrunGatesTestCase");
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void aClassWhoseOnlyGatesJUnitWillNotRunIsFailedByModeltestsOwnEngine() {
        // Jupiter does not run such a class at all (it has no test it accepts): its extension never sees it.
        assertThat(run(OnlyUnrunGatesTestCase.class).allEvents().count()).isEqualTo(2);

        EngineExecutionResults results = EngineTestKit.engine(new UnrunChecksEngine())
                .selectors(selectClass(OnlyUnrunGatesTestCase.class))
                .execute();

        assertThat(results.testEvents().failed().stream().map(TestKit::message))
                .containsExactly(
                        "@ModelTest on OnlyUnrunGatesTestCase: 1 gate(s) on methods JUnit will not run, so they"
                                + " would never judge: @AccuracyAtLeast on OnlyUnrunGatesTestCase.hidden() (private)."
                                + " Make each gate method non-private, non-static and void.");
        assertThat(results.testEvents().failed().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("OnlyUnrunGatesTestCase: gates JUnit will not run");
    }

    @Test
    void modeltestsEngineLeavesClassesJupiterRunsToTheExtension() {
        for (Class<?> fixture : List.of(UnrunGatesTestCase.class, ValidGatesTestCase.class, ValidModelTestCase.class)) {
            EngineExecutionResults results = EngineTestKit.engine(new UnrunChecksEngine())
                    .selectors(selectClass(fixture))
                    .execute();

            assertThat(results.allEvents().count()).as(fixture.getSimpleName()).isEqualTo(2);
        }
    }

    @Test
    void gatesOnRunnableMethodsOfTheClassAndItsNestedClassesRun() {
        EngineExecutionResults results = run(ValidGatesTestCase.class);

        assertThat(results.containerEvents().failed().count()).isZero();
        assertThat(succeeded(results)).containsExactly("alsoRuns()", "runs()");
    }

    // --- Overflow and remembered failures -------------------------------------------------------------------------

    @ModelTest(
            predictions = "y_pred",
            data = CORPUS + "regression-overflow.csv",
            label = "y",
            task = TaskHint.REGRESSION)
    static class R2OverflowTestCase {
        @R2AtLeast(0.5)
        void r2() {}
    }

    @ModelTest(predictions = "y_pred", data = CORPUS + "regression-fine.csv", label = "y", task = TaskHint.REGRESSION)
    static class R2FineTestCase {
        @R2AtLeast(0.5)
        void r2() {}
    }

    @Test
    void r2WhoseSumsOfSquaresOverflowSaysSoInsteadOfBlamingAnEmptyDataSet() {
        assertThat(failureOf(run(R2OverflowTestCase.class), "r2"))
                .isEqualTo("R² on regression-overflow.csv cannot be computed: its sums of squares overflow a double"
                        + " (values or errors beyond about 1e154); rescale the label and the predictions (model"
                        + " predictions column 'y_pred')");
        assertThat(succeeded(run(R2FineTestCase.class))).containsExactly("r2()");
    }

    /** Fails to load with a {@link StackOverflowError}, as a deeply nested crafted model file may. */
    public static final class StackOverflowOnLoad implements ModelProvider {
        @Override
        public Model load() {
            throw new StackOverflowError("crafted nesting");
        }
    }

    @ModelTest(provider = StackOverflowOnLoad.class, data = TestModels.TINY, label = "label")
    static class ErrorOnLoadTestCase {
        @AccuracyAtLeast(0.5)
        void first() {}

        @AucAtLeast(0.5)
        void second() {}
    }

    @Test
    void anErrorWhileLoadingFailsEveryGateWithTheSameCauseNotANullPointer() {
        EngineExecutionResults results = run(ErrorOnLoadTestCase.class);

        assertThat(throwableOf(results, "first")).isInstanceOf(StackOverflowError.class);
        assertThat(throwableOf(results, "second")).isSameAs(throwableOf(results, "first"));
        assertThat(failureOf(results, "second")).isEqualTo("crafted nesting");
    }
}
