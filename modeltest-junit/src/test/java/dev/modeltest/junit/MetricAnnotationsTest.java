package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.Metric;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * The metric gate annotations through JUnit: passing, failing, inconclusive (failing or aborted per {@code
 * modeltest.inconclusive}), sliced, and refused when they do not apply. The fixture {@code metric-binary.csv} has 80
 * rows: the model is wrong on 2 of 40 north rows, 10 of 35 south rows and none of 5 west rows (accuracy 0.85).
 */
class MetricAnnotationsTest {

    static final String BINARY = "src/test/resources/fixtures/metric-binary.csv";
    static final String REGRESSION = "src/test/resources/fixtures/metric-regression.csv";

    private static final Map<String, EngineExecutionResults> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs a fixture class once per configuration: the bootstrap intervals make a run take a second or two. */
    private static EngineExecutionResults runOnce(Class<?> fixture, Map<String, String> configuration) {
        return RUNS.computeIfAbsent(fixture.getName() + configuration, k -> run(fixture, configuration));
    }

    private static EngineExecutionResults runOnce(Class<?> fixture) {
        return runOnce(fixture, Map.of());
    }

    @ModelTest(data = BINARY, label = "label", predictions = "pred", scores = "p_b")
    static class ClassifierTestCase {
        @F1AtLeast(0.8)
        void f1Holds() {}

        @F1AtLeast(0.9)
        void f1Fails() {}

        @F1AtLeast(value = 0.8, confidence = 0.95)
        void f1Undecided() {}

        @PrecisionAtLeast(value = 0.8, average = Averaging.MACRO)
        void precisionHolds() {}

        @RecallAtLeast(value = 0.8, positiveLabel = "a")
        void recallHolds() {}

        @AucAtLeast(value = 0.6, confidence = 0.95)
        void aucHolds() {}

        @LogLossAtMost(0.2)
        void logLossFails() {}

        @CalibrationErrorAtMost(value = 0.5, bins = 5, binning = Binning.EQUAL_MASS)
        void calibrationHolds() {}

        @MetricAtLeast(metric = Metric.BALANCED_ACCURACY, value = 0.8)
        void balancedAccuracyHolds() {}

        @MetricAtMost(metric = Metric.BRIER, value = 0.05)
        void brierFails() {}

        @AccuracyAtLeast(value = 0.8, confidence = 0.95)
        void accuracyIntervalUndecided() {}

        @AccuracyAtLeast(value = 0.8, slicedBy = "region")
        void accuracyPerRegionFails() {}

        @F1AtLeast(value = 0.9, slicedBy = "region", minSliceSize = 36)
        void f1PerRegionHolds() {}
    }

    @Test
    void gatesPassWhereTheMetricClearsTheThreshold() {
        EngineExecutionResults results = runOnce(ClassifierTestCase.class);

        assertThat(succeeded(results))
                .containsExactly(
                        "aucHolds()",
                        "balancedAccuracyHolds()",
                        "calibrationHolds()",
                        "f1Holds()",
                        "f1PerRegionHolds()",
                        "precisionHolds()",
                        "recallHolds()");
    }

    @Test
    void f1FailsWithTheValueItsBootstrapIntervalAndTheGap() {
        EngineExecutionResults results = runOnce(ClassifierTestCase.class);

        assertThat(failureOf(results, "f1Fails"))
                .isEqualTo("Expecting model F1 (positive class 'b') on metric-binary.csv (n=80):\n"
                        + "  0.8500 (95% CI 0.7418–0.9183, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.0500 below.");
        assertThat(TestKit.throwableOf(results, "f1Fails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void anUndecidedIntervalFailsByDefaultSayingHowManyRowsWouldDecide() {
        EngineExecutionResults results = runOnce(ClassifierTestCase.class);

        assertThat(failureOf(results, "f1Undecided"))
                .isEqualTo("Expecting model F1 (positive class 'b') on metric-binary.csv (n=80):\n"
                        + "  0.8500 (95% CI 0.7418–0.9183, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but the 95% interval straddles it, so 80 rows cannot decide;\n"
                        + "about 375 rows would be needed to decide (an estimate: the interval's half-width shrinks as"
                        + " 1/√n, assuming the value stays 0.8500).");
        assertThat(failureOf(results, "accuracyIntervalUndecided"))
                .isEqualTo("Expecting model accuracy on metric-binary.csv (n=80):\n"
                        + "  0.8500 (95% CI 0.7559–0.9121, Wilson, 68 of 80; approximate here: fewer than 100 trials (80), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but the 95% interval straddles it, so 80 rows cannot decide;\n"
                        + "about 284 rows would be needed to decide (an estimate: the interval's half-width shrinks as"
                        + " 1/√n, assuming the value stays 0.8500).");
    }

    @Test
    void anUndecidedIntervalAbortsWithInconclusiveAbort() {
        EngineExecutionResults results = runOnce(ClassifierTestCase.class, Map.of("modeltest.inconclusive", "abort"));

        assertThat(results.testEvents().aborted().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName())
                        .sorted())
                .containsExactly("accuracyIntervalUndecided()", "f1Undecided()");
    }

    @Test
    void otherMetricsFailWithTheirMessages() {
        EngineExecutionResults results = runOnce(ClassifierTestCase.class);

        assertThat(failureOf(results, "logLossFails"))
                .isEqualTo("Expecting model log loss on metric-binary.csv (n=80):\n"
                        + "  0.4472 (95% CI 0.3456–0.5488, Student-t, 79 df; approximate here: the per-row values are skewed"
                        + " (skewness 2.09325), and Cochran's rule with the skewness doubled asks for 439 rows, see docs/intervals.md)\n"
                        + "to be at most:\n"
                        + "  0.2000\n"
                        + "but it was 0.2472 above.");
        assertThat(failureOf(results, "brierFails"))
                .isEqualTo("Expecting model Brier score (positive class 'b') on metric-binary.csv (n=80):\n"
                        + "  0.1377 (95% CI 0.0947–0.1806, Student-t, 79 df; approximate here: the per-row values are skewed"
                        + " (skewness 2.05273), and Cochran's rule with the skewness doubled asks for 422 rows, see docs/intervals.md)\n"
                        + "to be at most:\n"
                        + "  0.0500\n"
                        + "but it was 0.0876 above.");
    }

    @Test
    void aSlicedGateFailsNamingTheSliceAndListsTooSmallSlices() {
        EngineExecutionResults results = runOnce(ClassifierTestCase.class);

        assertThat(failureOf(results, "accuracyPerRegionFails"))
                .isEqualTo("Expecting model accuracy on metric-binary.csv (n=80) in every slice of 'region' to be at"
                        + " least:\n"
                        + "  0.8000\n"
                        + "but 1 of 2 judged slices is below it (south); 1 slice is too small to judge (< 30 rows):\n"
                        + "  region  rows  accuracy  95% CI         verdict\n"
                        + "  north   40    0.9500    0.8350–0.9862  PASS\n"
                        + "  south   35    0.7143    0.5495–0.8367  FAIL\n"
                        + "  west    5     -         -              too small (< 30 rows)");
    }

    @ModelTest(data = REGRESSION, label = "y", predictions = "pred", task = dev.modeltest.subject.TaskHint.REGRESSION)
    static class RegressorTestCase {
        @RmseAtMost(0.8)
        void rmseHolds() {}

        @MaeAtMost(0.5)
        void maeFails() {}

        @R2AtLeast(value = 0.99, confidence = 0.9)
        void r2Holds() {}

        @MaeAtMost(value = 1, slicedBy = "region", minSliceSize = 10)
        void maePerRegionHolds() {}

        @F1AtLeast(0.5)
        void f1OnARegressor() {}
    }

    @Test
    void regressionGatesPassAndFailAndAClassificationMetricIsRefused() {
        EngineExecutionResults results = runOnce(RegressorTestCase.class);

        assertThat(succeeded(results)).containsExactly("maePerRegionHolds()", "r2Holds()", "rmseHolds()");
        assertThat(failureOf(results, "maeFails"))
                .isEqualTo("Expecting model mean absolute error on metric-regression.csv (n=40):\n"
                        + "  0.7438 (95% CI 0.6773–0.8102, Student-t, 39 df)\n"
                        + "to be at most:\n"
                        + "  0.5000\n"
                        + "but it was 0.2438 above.");
        assertThat(failureOf(results, "f1OnARegressor"))
                .isEqualTo("@F1AtLeast on RegressorTestCase.f1OnARegressor(): F1 applies to classifiers, but"
                        + " predictions column 'pred' is a regressor; use a regression metric such as RMSE, MAE or R2");
        assertThat(TestKit.throwableOf(results, "f1OnARegressor")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @ModelTest(provider = TestModels.LabelsOnly.class, data = TestModels.TINY, label = "label")
    static class NotApplicableTestCase {
        @AucAtLeast(0.8)
        void aucWithoutScores() {}

        @RmseAtMost(1)
        void rmseOnAClassifier() {}

        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.5, average = Averaging.MACRO)
        void accuracyWithAnAveraging() {}
    }

    @Test
    void noGateWithAMetricThatDoesNotApplyPasses() {
        assertThat(succeeded(runOnce(NotApplicableTestCase.class))).isEmpty();
    }

    /** Each test of {@link NotApplicableTestCase} and the message it fails with. */
    static Stream<Arguments> metricsThatDoNotApply() {
        return Stream.of(
                arguments(
                        "aucWithoutScores",
                        "@AucAtLeast on NotApplicableTestCase.aucWithoutScores(): ROC AUC needs class"
                                + " probabilities, but classifier (2 classes) gives none"),
                arguments(
                        "rmseOnAClassifier",
                        "@RmseAtMost on NotApplicableTestCase.rmseOnAClassifier(): root mean squared error applies"
                                + " to regressors, but classifier (2 classes) is a classifier; use a classification metric"
                                + " such as ACCURACY, F1 or ROC_AUC"),
                arguments(
                        "accuracyWithAnAveraging",
                        "@MetricAtLeast on NotApplicableTestCase.accuracyWithAnAveraging(): 'average' does not apply"
                                + " to accuracy (it has no per-class form), was MACRO"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricsThatDoNotApply")
    void aMetricThatDoesNotApplyIsAConfigurationErrorNotAPass(String method, String message) {
        assertThat(failureOf(runOnce(NotApplicableTestCase.class), method)).isEqualTo(message);
    }

    @ModelTest(data = BINARY, label = "label", predictions = "pred", scores = "p_b")
    static class BadAttributesTestCase {
        @F1AtLeast(1.5)
        void valueOutOfRange() {}

        @AucAtLeast(value = 0.8, confidence = 1.5)
        void confidenceOutOfRange() {}

        @LogLossAtMost(value = 0.5, resamples = 5)
        void tooFewResamples() {}

        @CalibrationErrorAtMost(value = 0.1, bins = 0)
        void noBins() {}

        @RecallAtLeast(value = 0.5, slicedBy = "regoin")
        void misspeltSliceColumn() {}

        @AccuracyAtLeast(value = 0.5, minSliceSize = 0)
        void noSliceSize() {}
    }

    @Test
    void noGateWithABadAttributePasses() {
        assertThat(succeeded(runOnce(BadAttributesTestCase.class))).isEmpty();
    }

    /** Each test of {@link BadAttributesTestCase} and the message it fails with. */
    static Stream<Arguments> badAttributes() {
        return Stream.of(
                arguments(
                        "valueOutOfRange",
                        "@F1AtLeast on BadAttributesTestCase.valueOutOfRange(): 'value' must be in [0, 1] for F1,"
                                + " was 1.5"),
                arguments(
                        "confidenceOutOfRange",
                        "@AucAtLeast on BadAttributesTestCase.confidenceOutOfRange(): 'confidence' must be 0 (decide"
                                + " on the point value) or in (0, 1), was 1.5"),
                arguments(
                        "tooFewResamples",
                        "@LogLossAtMost on BadAttributesTestCase.tooFewResamples(): 'resamples' must be in [100,"
                                + " 1000000], was 5"),
                arguments(
                        "noBins",
                        "@CalibrationErrorAtMost on BadAttributesTestCase.noBins(): 'bins' must be in [1, 10000], was"
                                + " 0"),
                arguments(
                        "misspeltSliceColumn",
                        "@RecallAtLeast on BadAttributesTestCase.misspeltSliceColumn(): 'slicedBy' must name a column"
                                + " of metric-binary.csv (did you mean 'region'?); its columns are region, label, pred, p_b,"
                                + " worse_pred, worse_p_b, better_pred, better_p_b, was 'regoin'"),
                arguments(
                        "noSliceSize",
                        "@AccuracyAtLeast on BadAttributesTestCase.noSliceSize(): 'minSliceSize' must be at least 1,"
                                + " was 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAttributes")
    void badAttributesAreConfigurationErrorsNamingAnnotationAttributeAndValue(String method, String message) {
        assertThat(failureOf(runOnce(BadAttributesTestCase.class), method)).isEqualTo(message);
    }
}
