package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @NoRegressionVs} with baselines that are truly worse, equal and better on {@code metric-binary.csv}: the model
 * ({@code pred}) is wrong on 12 of 80 rows; {@code worse_pred} on those and 10 more; {@code better_pred} on none.
 */
class NoRegressionVsTest {

    @ModelTest(data = MetricAnnotationsTest.BINARY, label = "label", predictions = "pred", scores = "p_b")
    static class PredictionsBaselineTestCase {
        @NoRegressionVs(baselinePredictions = "worse_pred", baselineScores = "worse_p_b")
        void notWorseThanAWorseBaseline() {}

        @NoRegressionVs(baselinePredictions = "pred", baselineScores = "p_b")
        void notWorseThanItself() {}

        @NoRegressionVs(baselinePredictions = "better_pred", baselineScores = "better_p_b")
        void worseThanABetterBaseline() {}

        @NoRegressionVs(baselinePredictions = "better_pred", tolerance = 0.2)
        void worseThanABetterBaselineWithinTolerance() {}

        @NoRegressionVs(baselinePredictions = "better_pred", baselineScores = "better_p_b", metric = Metric.ROC_AUC)
        void aucWorseThanABetterBaseline() {}

        @NoRegressionVs(baselinePredictions = "worse_pred", baselineScores = "worse_p_b", metric = Metric.F1)
        void f1NotWorseThanAWorseBaseline() {}
    }

    @Test
    void passesAgainstWorseAndEqualBaselinesAndWithinTheTolerance() {
        EngineExecutionResults results = run(PredictionsBaselineTestCase.class);

        assertThat(succeeded(results))
                .containsExactly(
                        "f1NotWorseThanAWorseBaseline()",
                        "notWorseThanAWorseBaseline()",
                        "notWorseThanItself()",
                        "worseThanABetterBaselineWithinTolerance()");
        assertThat(failureOf(results, "worseThanABetterBaseline"))
                .isEqualTo("Expecting model accuracy on metric-binary.csv (n=80) not to be worse than the baseline"
                        + " (predictions column 'better_pred') by more than:\n"
                        + "  0.0000\n"
                        + "  model:      0.8500\n"
                        + "  baseline:   1.0000\n"
                        + "  difference: -0.1500 (95% CI -0.2250–-0.0750, paired bootstrap, 2000 resamples, seed 42)\n"
                        + "  p-value:    0.000244 (one-sided, exact McNemar test on 12 discordant rows: 0 only the"
                        + " model gets right, 12 only the baseline)\n"
                        + "but it is worse by 0.1500, more than the tolerance, and significantly so (p = 0.000244 <"
                        + " alpha 0.05).");
        assertThat(failureOf(results, "aucWorseThanABetterBaseline"))
                .isEqualTo("Expecting model ROC AUC (positive class 'b') on metric-binary.csv (n=80) not to be worse"
                        + " than the baseline (predictions column 'better_pred') by more than:\n"
                        + "  0.0000\n"
                        + "  model:      0.8650\n"
                        + "  baseline:   1.0000\n"
                        + "  difference: -0.1350 (95% CI -0.2206–-0.0494, DeLong)\n"
                        + "  p-value:    0.00100 (one-sided, DeLong test, z = -3.09034)\n"
                        + "but it is worse by 0.1350, more than the tolerance, and significantly so (p = 0.00100 <"
                        + " alpha 0.05).");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ProviderBaselineTestCase {
        @NoRegressionVs(baselineProvider = TestModels.LabelsOnly.class)
        void sameLabelsAsTheBaselineProvider() {}

        @NoRegressionVs(baselineModel = "src/test/resources/fixtures/no-such-model.ser")
        void missingBaselineModelFile() {}

        @NoRegressionVs
        void noBaseline() {}

        @NoRegressionVs(baselineModel = "a.ser", baselineProvider = TestModels.LabelsOnly.class)
        void twoBaselines() {}

        @NoRegressionVs(baselineProvider = TestModels.LabelsOnly.class, baselineScores = "p")
        void scoresWithoutPredictions() {}

        @NoRegressionVs(baselineProvider = TestModels.LabelsOnly.class, tolerance = -1)
        void negativeTolerance() {}
    }

    @Test
    void buildsTheBaselineFromAProviderOnTheSameRows() {
        EngineExecutionResults results = run(ProviderBaselineTestCase.class);

        assertThat(succeeded(results)).containsExactly("sameLabelsAsTheBaselineProvider()");
    }

    @Test
    void refusesNoneOrSeveralBaselinesAndBadAttributes() {
        EngineExecutionResults results = run(ProviderBaselineTestCase.class);

        assertThat(failureOf(results, "noBaseline"))
                .isEqualTo("@NoRegressionVs on ProviderBaselineTestCase.noBaseline(): give exactly one baseline,"
                        + " 'baselineModel', 'baselineProvider' or 'baselinePredictions', found none");
        assertThat(failureOf(results, "twoBaselines"))
                .isEqualTo("@NoRegressionVs on ProviderBaselineTestCase.twoBaselines(): give exactly one baseline,"
                        + " 'baselineModel', 'baselineProvider' or 'baselinePredictions', found 'baselineModel' and"
                        + " 'baselineProvider'");
        assertThat(failureOf(results, "scoresWithoutPredictions"))
                .isEqualTo("@NoRegressionVs on ProviderBaselineTestCase.scoresWithoutPredictions(): 'baselineScores'"
                        + " goes with 'baselinePredictions' (probability columns of the baseline's predictions)");
        assertThat(failureOf(results, "negativeTolerance"))
                .isEqualTo(
                        "@NoRegressionVs on ProviderBaselineTestCase.negativeTolerance(): 'tolerance' must be a finite"
                                + " number of at least 0, was -1");
        assertThat(failureOf(results, "missingBaselineModelFile"))
                .startsWith("@NoRegressionVs on ProviderBaselineTestCase.missingBaselineModelFile() (baseline): model"
                        + " file 'src/test/resources/fixtures/no-such-model.ser' does not exist");
    }
}
