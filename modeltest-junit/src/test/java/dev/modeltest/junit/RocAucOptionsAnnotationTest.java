package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MultiClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @AucAtLeast(multiClass = OVO)}, {@code @AucAtLeast(maxFpr = ...)} and the same through {@code @MetricAtLeast},
 * end to end. scikit-learn gives, on {@code auc-three.csv} (the {@code ties3} golden set, scores on a 0.1 grid), {@code
 * roc_auc_score(y, proba, multi_class='ovo')} 0.8702963377131674 (macro) and 0.872426070884975 (weighted); on {@code
 * metric-binary.csv} {@code roc_auc_score(y == 'b', p_b, max_fpr=...)} 0.6348684210526316 at 0.1 and
 * 0.803921568627451 at 0.3.
 */
class RocAucOptionsAnnotationTest {

    static final String THREE = "src/test/resources/fixtures/auc-three.csv";

    @ModelTest(
            data = THREE,
            label = "actual",
            predictions = "predicted",
            scores = {"p_high", "p_low", "p_mid"})
    static class OneVsOneTestCase {
        @AucAtLeast(value = 0.85, multiClass = MultiClass.OVO)
        void oneVsOneHolds() {}

        @MetricAtLeast(metric = Metric.ROC_AUC, value = 0.85, multiClass = MultiClass.OVO, average = Averaging.WEIGHTED)
        void oneVsOneWeightedHoldsAsAMetricCheck() {}

        @AucAtLeast(value = 0.9, multiClass = MultiClass.OVO, average = Averaging.WEIGHTED)
        void oneVsOneWeightedFails() {}

        @AucAtLeast(value = 0.85, multiClass = MultiClass.OVO, interval = IntervalMethod.EXACT)
        void oneVsOneHasNoExactInterval() {}

        @AucAtLeast(value = 0.85, multiClass = MultiClass.OVO, average = Averaging.MICRO)
        void oneVsOneMicro() {}

        @AucAtLeast(value = 0.5, maxFpr = 0.5)
        void partialOnThreeClasses() {}

        @AucAtLeast(value = 0.5, maxFpr = 0.3, average = Averaging.BINARY, positiveLabel = "high")
        void partialOfOneClassAgainstTheRestHolds() {}

        @MetricAtLeast(metric = Metric.F1, value = 0.5, multiClass = MultiClass.OVO)
        void multiClassOnF1() {}
    }

    @ModelTest(data = MetricAnnotationsTest.BINARY, label = "label", predictions = "pred", scores = "p_b")
    static class PartialTestCase {
        @AucAtLeast(value = 0.6, maxFpr = 0.1)
        void partialHolds() {}

        @MetricAtLeast(metric = Metric.ROC_AUC, value = 0.8, maxFpr = 0.3)
        void partialHoldsAsAMetricCheck() {}

        @AucAtLeast(value = 0.7, maxFpr = 0.1)
        void partialFails() {}

        @AucAtLeast(value = 0.6, maxFpr = 0.1, interval = IntervalMethod.EXACT)
        void partialHasNoExactInterval() {}

        @AucAtLeast(value = 0.6, maxFpr = 0)
        void maxFprOfZero() {}

        @AucAtLeast(value = 0.6, maxFpr = 1.5)
        void maxFprAboveOne() {}

        @MetricAtLeast(metric = Metric.AVERAGE_PRECISION, value = 0.6, maxFpr = 0.1)
        void maxFprOnAveragePrecision() {}

        @AucAtLeast(value = 0.8, multiClass = MultiClass.OVO)
        void oneVsOneOnTwoClassesIsTheBinaryAuc() {}
    }

    @Test
    void passesWhereTheValuesClearTheThreshold() {
        assertThat(succeeded(run(OneVsOneTestCase.class)))
                .containsExactlyInAnyOrder(
                        "oneVsOneHolds()",
                        "oneVsOneWeightedHoldsAsAMetricCheck()",
                        "partialOfOneClassAgainstTheRestHolds()");
        assertThat(succeeded(run(PartialTestCase.class)))
                .containsExactlyInAnyOrder(
                        "partialHolds()", "partialHoldsAsAMetricCheck()", "oneVsOneOnTwoClassesIsTheBinaryAuc()");
    }

    @Test
    void failsWithTheValueItsBootstrapIntervalAndTheGap() {
        EngineExecutionResults three = run(OneVsOneTestCase.class);
        EngineExecutionResults binary = run(PartialTestCase.class);

        assertThat(failureOf(three, "oneVsOneWeightedFails"))
                .isEqualTo("Expecting model ROC AUC (one-vs-one, weighted) on auc-three.csv (n=150):\n"
                        + "  0.8724 (95% CI 0.8212–0.9132, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.0276 below.");
        assertThat(failureOf(binary, "partialFails"))
                .isEqualTo("Expecting model partial ROC AUC (FPR ≤ 0.1, McClish, positive class 'b') on"
                        + " metric-binary.csv (n=80):\n"
                        + "  0.6349 (95% CI 0.5054–0.8023, BCa bootstrap, 2000 resamples, seed 42; approximate here: fewer"
                        + " than 20 negative rows within the false positive rate limit (0.1 of 40), see"
                        + " docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.7000\n"
                        + "but it was 0.0651 below.");
        assertThat(TestKit.throwableOf(binary, "partialFails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void refusesWhatDoesNotApplyNamingTheAttribute() {
        EngineExecutionResults three = run(OneVsOneTestCase.class);
        EngineExecutionResults binary = run(PartialTestCase.class);

        assertThat(failureOf(three, "oneVsOneHasNoExactInterval"))
                .startsWith("@AucAtLeast on OneVsOneTestCase.oneVsOneHasNoExactInterval(): 'interval' must be AUTO or"
                        + " BOOTSTRAP for ROC AUC (one-vs-one, macro): no exact or analytic interval applies to it, so"
                        + " the bootstrap does (BCa below 10000 rows, Poisson bootstrap from there); exact or analytic"
                        + " intervals exist for");
        assertThat(failureOf(three, "oneVsOneMicro"))
                .isEqualTo("@AucAtLeast on OneVsOneTestCase.oneVsOneMicro(): 'average' MICRO does not apply with"
                        + " 'multiClass' OVO: one-vs-one ROC AUC averages its pairs of classes MACRO or WEIGHTED, as"
                        + " scikit-learn's roc_auc_score(multi_class='ovo')");
        assertThat(failureOf(three, "partialOnThreeClasses"))
                .isEqualTo("@AucAtLeast on OneVsOneTestCase.partialOnThreeClasses(): 'maxFpr' (partial ROC AUC)"
                        + " applies to one positive class, but the predictions have the 3 classes [high, low, mid]"
                        + " (scikit-learn's roc_auc_score refuses max_fpr on more than two classes); leave it at 1 or"
                        + " give 'average' BINARY and a 'positiveLabel', was 0.5");
        assertThat(failureOf(three, "multiClassOnF1"))
                .isEqualTo("@MetricAtLeast on OneVsOneTestCase.multiClassOnF1(): 'multiClass' applies to ROC AUC only,"
                        + " not to F1, was OVO");
        assertThat(failureOf(binary, "partialHasNoExactInterval"))
                .startsWith("@AucAtLeast on PartialTestCase.partialHasNoExactInterval(): 'interval' must be AUTO or"
                        + " BOOTSTRAP for partial ROC AUC (FPR ≤ 0.1): no exact or analytic interval applies to it");
        assertThat(failureOf(binary, "maxFprOfZero"))
                .isEqualTo("@AucAtLeast on PartialTestCase.maxFprOfZero(): 'maxFpr' must be in (0, 1]: the false"
                        + " positive rate up to which the partial AUC is taken, 1 for the whole curve, was 0");
        assertThat(failureOf(binary, "maxFprAboveOne"))
                .isEqualTo("@AucAtLeast on PartialTestCase.maxFprAboveOne(): 'maxFpr' must be in (0, 1]: the false"
                        + " positive rate up to which the partial AUC is taken, 1 for the whole curve, was 1.5");
        assertThat(failureOf(binary, "maxFprOnAveragePrecision"))
                .isEqualTo("@MetricAtLeast on PartialTestCase.maxFprOnAveragePrecision(): 'maxFpr' applies to ROC AUC"
                        + " only, not to average precision, was 0.1");
        assertThat(TestKit.throwableOf(three, "partialOnThreeClasses"))
                .isInstanceOf(ExtensionConfigurationException.class);
    }
}
