package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/** Each check annotation, passing on good input and failing with its message on bad input. */
class CheckAnnotationsTest {

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class AccuracyTestCase {
        @AccuracyAtLeast(0.85)
        void holds() {}

        @AccuracyAtLeast(0.95)
        void fails() {}

        @AccuracyAtLeast(1.5)
        void outOfRange() {}

        @AccuracyAtLeast(0.90001)
        void justMissed() {}
    }

    @Test
    void accuracyPassesAtOrAboveThresholdAndFailsBelowItWithInterval() {
        EngineExecutionResults results = run(AccuracyTestCase.class);

        assertThat(succeeded(results)).containsExactly("holds()");
        // 0.9 against 0.90001: four decimals would print "0.9000 ... 0.9000 ... 0.0000 below".
        assertThat(failureOf(results, "justMissed"))
                .isEqualTo("Expecting model accuracy on tiny.csv (n=10):\n"
                        + "  0.90000 (95% CI 0.5958–0.9821, 9 of 10 right)\n"
                        + "to be at least:\n"
                        + "  0.90001\n"
                        + "but it was 0.00001 below.");
        assertThat(failureOf(results, "fails"))
                .isEqualTo("Expecting model accuracy on tiny.csv (n=10):\n"
                        + "  0.9000 (95% CI 0.5958–0.9821, 9 of 10 right)\n"
                        + "to be at least:\n"
                        + "  0.9500\n"
                        + "but it was 0.0500 below.");
        assertThat(TestKit.throwableOf(results, "fails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void accuracyOutOfRangeIsAConfigurationErrorNamingTheAttribute() {
        EngineExecutionResults results = run(AccuracyTestCase.class);

        assertThat(failureOf(results, "outOfRange"))
                .isEqualTo("@AccuracyAtLeast on AccuracyTestCase.outOfRange(): 'value' must be in [0, 1], was 1.5");
        assertThat(TestKit.throwableOf(results, "outOfRange")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @ModelTest(provider = TestModels.Regressor.class, data = TestModels.TINY, label = "x2")
    static class AccuracyOnRegressorTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void accuracyOnARegressorIsAConfigurationError() {
        assertThat(failureOf(run(AccuracyOnRegressorTestCase.class), "accuracy"))
                .startsWith("@AccuracyAtLeast on AccuracyOnRegressorTestCase.accuracy(): accuracy applies to"
                        + " classifiers");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class OutputRangeGoodTestCase {
        @OutputRange(min = 0, max = 1)
        void probabilities() {}

        @OutputRange(min = 0.15, max = 1)
        void tooNarrow() {}

        @OutputRange(min = 1, max = 0)
        void inverted() {}
    }

    @Test
    void outputRangePassesWhenEveryProbabilityIsInsideAndListsRowsOtherwise() {
        EngineExecutionResults results = run(OutputRangeGoodTestCase.class);

        assertThat(succeeded(results)).containsExactly("probabilities()");
        assertThat(failureOf(results, "tooNarrow"))
                .isEqualTo("Expecting every one of the class probabilities of threshold model on tiny.csv (n=10) to be"
                        + " finite and within [0.15, 1], summing to 1 per row\n"
                        + "but 2 row(s) are not:\n"
                        + "  row 1, class b: 0.1\n"
                        + "  row 9, class a: 0.1");
        assertThat(failureOf(results, "inverted"))
                .isEqualTo(
                        "@OutputRange on OutputRangeGoodTestCase.inverted(): 'max' must not be below 'min' (1), was 0");
    }

    @ModelTest(provider = TestModels.BadProbabilities.class, data = TestModels.TINY, label = "label")
    static class OutputRangeBadTestCase {
        @OutputRange
        void probabilities() {}
    }

    @Test
    void outputRangeReportsOutOfRangeProbabilitiesByRow() {
        assertThat(failureOf(run(OutputRangeBadTestCase.class), "probabilities"))
                .isEqualTo("Expecting every one of the class probabilities of probabilistic classifier (2 classes) on"
                        + " tiny.csv (n=10) to be finite and within [0, 1], summing to 1 per row\n"
                        + "but 1 row(s) are not:\n"
                        + "  row 9, class a: -0.2\n"
                        + "  row 9, class b: 1.2");
    }

    @ModelTest(provider = TestModels.LabelsOnly.class, data = TestModels.TINY, label = "label")
    static class OutputRangeLabelsOnlyTestCase {
        @OutputRange
        void probabilities() {}
    }

    @Test
    void outputRangeOnAModelWithoutNumericOutputsIsAConfigurationError() {
        assertThat(failureOf(run(OutputRangeLabelsOnlyTestCase.class), "probabilities"))
                .isEqualTo("@OutputRange on OutputRangeLabelsOnlyTestCase.probabilities(): classifier (2 classes)"
                        + " gives class labels only, no numeric outputs to check; @OutputRange needs class"
                        + " probabilities, scores or regression values");
    }

    @ModelTest(provider = TestModels.Regressor.class, data = TestModels.TINY, label = "x2")
    static class OutputRangeRegressionTestCase {
        @OutputRange(min = 0, max = 10)
        void values() {}

        @OutputRange(min = 0, max = 5)
        void tooLow() {}
    }

    @Test
    void outputRangeChecksRegressionValues() {
        EngineExecutionResults results = run(OutputRangeRegressionTestCase.class);

        assertThat(succeeded(results)).containsExactly("values()");
        assertThat(failureOf(results, "tooLow"))
                .startsWith("Expecting every one of the predicted values of regressor on tiny.csv (n=10) to be finite"
                        + " and within [0, 5]\nbut 4 row(s) are not:\n  row 6: 6\n");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class LatencyTestCase {
        @LatencyUnder(millis = 200, warmup = 50, samples = 200)
        void fast() {}

        @LatencyUnder(millis = -1)
        void negative() {}

        @LatencyUnder(millis = 5, percentile = 0)
        void percentileZero() {}

        @LatencyUnder(millis = 5, percentile = 101)
        void percentileTooHigh() {}
    }

    @Test
    void latencyPassesForAFastModelAndRejectsBadAttributes() {
        EngineExecutionResults results = run(LatencyTestCase.class);

        assertThat(succeeded(results)).containsExactly("fast()");
        assertThat(failureOf(results, "negative"))
                .isEqualTo("@LatencyUnder on LatencyTestCase.negative(): 'millis' must be positive, was -1");
        assertThat(failureOf(results, "percentileZero"))
                .isEqualTo(
                        "@LatencyUnder on LatencyTestCase.percentileZero(): 'percentile' must be in (0, 100], was 0");
        assertThat(failureOf(results, "percentileTooHigh"))
                .isEqualTo(
                        "@LatencyUnder on LatencyTestCase.percentileTooHigh(): 'percentile' must be in (0, 100], was 101");
    }

    @ModelTest(provider = TestModels.Slow.class, data = TestModels.TINY, label = "label")
    static class SlowLatencyTestCase {
        @LatencyUnder(millis = 0.5, warmup = 5, samples = 20)
        void tooSlow() {}
    }

    @Test
    void latencyFailsWithTheDistributionWhenTheTailIsOverTheLimit() {
        assertThat(failureOf(run(SlowLatencyTestCase.class), "tooSlow"))
                .startsWith("Expecting p99 latency of classifier (2 classes) on tiny.csv")
                .contains("to be at most:\n  0.500 ms")
                .contains("p50 ")
                .contains("p90 ")
                .contains("max ");
    }

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class LatencyWithoutModelTestCase {
        @LatencyUnder(millis = 5)
        void latency() {}
    }

    @Test
    void latencyWithPredictionsColumnsIsAConfigurationError() {
        assertThat(failureOf(run(LatencyWithoutModelTestCase.class), "latency"))
                .isEqualTo("@LatencyUnder on LatencyWithoutModelTestCase.latency() needs a model to call, but"
                        + " @ModelTest on LatencyWithoutModelTestCase evaluates predictions column 'pred'; give 'model'"
                        + " or 'provider' instead");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class SchemaTestCase {
        @SchemaMatches("src/test/resources/fixtures/tiny.schema.yaml")
        void matches() {}

        @SchemaMatches("classpath:fixtures/strict.schema.yaml")
        void violated() {}

        @SchemaMatches("src/test/resources/fixtures/nope.yaml")
        void missingFile() {}
    }

    @Test
    void schemaPassesOnConformingDataAndListsViolationsOtherwise() {
        EngineExecutionResults results = run(SchemaTestCase.class);

        assertThat(succeeded(results)).containsExactly("matches()");
        assertThat(failureOf(results, "violated"))
                .startsWith("Expecting tiny.csv (n=10) to match schema strict.schema.yaml")
                .contains("column 'x1', max 0.5: 4 row(s), e.g. row 6: 0.6, row 7: 0.7, row 8: 0.8, row 9: 0.9")
                .contains("column 'label', allowed [a]: 5 row(s), e.g. row 6: 'b', row 7: 'b', row 8: 'b', row 9: 'b',"
                        + " row 10: 'b'");
        assertThat(failureOf(results, "missingFile")).contains("nope.yaml").contains("does not exist");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = "src/test/resources/fixtures/gaps.csv", label = "label")
    static class MissingValuesTestCase {
        @NoMissingValues(columns = "label")
        void labelComplete() {}

        @NoMissingValues
        void everyColumn() {}

        @NoMissingValues(columns = "x3")
        void unknownColumn() {}
    }

    @Test
    void noMissingValuesPassesOnCompleteColumnsAndCountsGapsOtherwise() {
        EngineExecutionResults results = run(MissingValuesTestCase.class);

        assertThat(succeeded(results)).containsExactly("labelComplete()");
        assertThat(failureOf(results, "everyColumn"))
                .contains("column 'x1': 1")
                .contains("row 2")
                .contains("column 'x2': 1")
                .contains("row 3");
        assertThat(failureOf(results, "unknownColumn")).contains("'x3'").contains("did you mean 'x1'?");
    }
}
