package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricGateTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    /** 40 rows, 3 wrong per class: accuracy, precision, recall and F1 of b all 0.85. */
    private final Predictions predictions = MetricFixtures.binary("fixture.csv", 40, 3);

    private static MetricGate.Builder atLeast(Metric metric, double value) {
        return MetricGate.builder(WHERE, metric, Bound.AT_LEAST, value);
    }

    @Test
    void passesOnThePointValueWhenF1ClearsTheThreshold() {
        CheckResult result = atLeast(Metric.F1, 0.8).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(0.85);
        assertThat(result.message())
                .isEqualTo("Expecting model F1 (positive class 'b') on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.6912–0.9444, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.8000");
    }

    @Test
    void failsOnThePointValueSayingByHowMuch() {
        CheckResult result = atLeast(Metric.F1, 0.9).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model F1 (positive class 'b') on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.6912–0.9444, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.0500 below.");
    }

    @Test
    void itsKeyNamesTheMetricAndWhatSetsItApartFromTheSameMetricGatedOtherwise() {
        assertThat(atLeast(Metric.F1, 0.5).build().evaluate(predictions).key()).isEqualTo("metric-at-least:f1");
        assertThat(atLeast(Metric.ROC_AUC, 0.5).average(Averaging.MACRO).build().qualifier())
                .isEqualTo("roc_auc:macro");
        assertThat(atLeast(Metric.RECALL, 0.5)
                        .options(MetricOptions.defaults().withPositiveLabel("yes"))
                        .slicedBy("species")
                        .build()
                        .qualifier())
                .isEqualTo("recall:positive=yes:per=species");
        // A metric's parameter, where it is not the default, so that two checks of one metric stay apart.
        assertThat(atLeast(Metric.F_BETA, 0.5)
                        .options(MetricOptions.defaults().withBeta(2))
                        .build()
                        .qualifier())
                .isEqualTo("f_beta:beta=2");
        assertThat(atLeast(Metric.TOP_K_ACCURACY, 0.5)
                        .options(MetricOptions.defaults().withK(3))
                        .build()
                        .qualifier())
                .isEqualTo("top_k_accuracy:k=3");
        assertThat(atLeast(Metric.D2_PINBALL, 0.5)
                        .options(MetricOptions.defaults().withAlpha(0.9))
                        .build()
                        .qualifier())
                .isEqualTo("d2_pinball:alpha=0.9");
        assertThat(atLeast(Metric.D2_TWEEDIE, 0.5)
                        .options(MetricOptions.defaults().withPower(1.5))
                        .build()
                        .qualifier())
                .isEqualTo("d2_tweedie:power=1.5");
        assertThat(atLeast(Metric.R2, 0.5)
                        .options(MetricOptions.defaults().withForceFinite(false))
                        .build()
                        .qualifier())
                .isEqualTo("r2:forceFinite=false");
    }

    @Test
    void aValueThatRoundsToItsThresholdIsPrintedWithTheDigitsThatSeparateThem() {
        // 0.85 against 0.85001: with four decimals "0.8500 ... 0.8500 ... but it was 0.0000 below".
        CheckResult result = atLeast(Metric.F1, 0.85001).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model F1 (positive class 'b') on fixture.csv (n=40):\n"
                        + "  0.85000 (95% CI 0.6912–0.9444, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.85001\n"
                        + "but it was 0.00001 below.");
        assertThat(result.threshold()).isEqualTo("≥ 0.85001");
        assertThat(result.limit()).isEqualTo(Threshold.atLeast(0.85001));
        assertThat(result.title()).isEqualTo("F1 (positive class 'b') ≥ 0.85001 on fixture.csv");
    }

    @Test
    void aGateDecidedOnTheIntervalSaysSoInItsTitle() {
        CheckResult result =
                atLeast(Metric.ACCURACY, 0.5).confidence(0.95).build().evaluate(predictions);

        assertThat(result.title()).isEqualTo("accuracy ≥ 0.5000 on fixture.csv at 95% confidence");
    }

    @Test
    void passesOnTheIntervalWhenTheWholeWilsonIntervalClearsTheThreshold() {
        CheckResult result =
                atLeast(Metric.ACCURACY, 0.5).confidence(0.95).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.interval().method()).isEqualTo("Wilson");
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.7093–0.9294, Wilson, 34 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.5000\n"
                        + "and the whole 95% interval clears it.");
    }

    @Test
    void failsOnTheIntervalWhenTheWholeIntervalMissesAnUpperLimit() {
        Predictions regression = MetricFixtures.regression("reg.csv", 50, 0.5);

        CheckResult result = MetricGate.builder("@RmseAtMost on T.m()", Metric.RMSE, Bound.AT_MOST, 0.7)
                .confidence(0.95)
                .build()
                .evaluate(regression);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.check()).isEqualTo("metric-at-most");
        assertThat(result.message())
                .isEqualTo("Expecting model root mean squared error on reg.csv (n=50):\n"
                        + "  0.7722 (95% CI 0.7131–0.8270, Student-t (square root), 49 df)\n"
                        + "to be at most:\n"
                        + "  0.7000\n"
                        + "but the whole 95% interval is above it.");
    }

    @Test
    void isInconclusiveWhenTheIntervalStraddlesTheThresholdAndEstimatesTheRowsNeeded() {
        CheckResult result = atLeast(Metric.F1, 0.8).confidence(0.95).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.details()).containsEntry("estimatedRowsNeeded", 404L);
        assertThat(result.message())
                .isEqualTo("Expecting model F1 (positive class 'b') on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.6912–0.9444, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but the 95% interval straddles it, so 40 rows cannot decide;\n"
                        + "about 404 rows would be needed to decide (an estimate: the interval's half-width shrinks"
                        + " as 1/√n, assuming the value stays 0.8500).");
    }

    @Test
    void givesTheSameIntervalBitForBitForTheSameSeedAndAnotherForAnotherSeed() {
        Interval first =
                atLeast(Metric.F1, 0.8).seed(7).build().evaluate(predictions).interval();
        Interval again =
                atLeast(Metric.F1, 0.8).seed(7).build().evaluate(predictions).interval();
        Interval other =
                atLeast(Metric.F1, 0.8).seed(8).build().evaluate(predictions).interval();

        assertThat(Double.doubleToRawLongBits(again.lower())).isEqualTo(Double.doubleToRawLongBits(first.lower()));
        assertThat(Double.doubleToRawLongBits(again.upper())).isEqualTo(Double.doubleToRawLongBits(first.upper()));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void usesWilsonForBinaryPrecisionBecauseItIsAProportionOfPredictedPositives() {
        CheckResult result = atLeast(Metric.PRECISION, 0.7).build().evaluate(predictions);

        assertThat(result.message())
                .contains(
                        "  0.8500 (95% CI 0.6396–0.9476, Wilson, 17 of 20; approximate here: fewer than 100 trials (20), see docs/intervals.md)\n");
    }

    @Test
    void isInconclusiveWhenTheMetricIsUndefinedOnTheRows() {
        Predictions oneClass = Predictions.classification(
                "one.csv", "m", List.of("a", "b"), new int[] {0, 0, 0}, new int[] {0, 1, 0}, new double[][] {
                    {0.9, 0.4, 0.8}, {0.1, 0.6, 0.2}
                });

        CheckResult result = atLeast(Metric.ROC_AUC, 0.7).build().evaluate(oneClass);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .isEqualTo("Expecting model ROC AUC (positive class 'b') on one.csv (n=3):\n"
                        + "  NaN\n"
                        + "to be at least:\n"
                        + "  0.7000\n"
                        + "but it is undefined (NaN) on these rows: it is NaN when a class scored one-vs-rest has no"
                        + " positive or no negative row (scikit-learn raises ValueError).");
    }

    @Test
    void refusesAucWithoutProbabilitiesNamingTheAnnotationAndMetric() {
        Predictions labels = MetricFixtures.labelsOnly("fixture.csv", 40, 3);
        MetricGate gate = MetricGate.builder("@AucAtLeast on T.m()", Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                .build();

        assertThatThrownBy(() -> gate.evaluate(labels))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@AucAtLeast on T.m(): ROC AUC needs class probabilities, but labels model gives none");
    }

    @Test
    void refusesRmseOnAClassifier() {
        MetricGate gate = MetricGate.builder("@RmseAtMost on T.m()", Metric.RMSE, Bound.AT_MOST, 1)
                .build();

        assertThatThrownBy(() -> gate.evaluate(predictions))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@RmseAtMost on T.m(): root mean squared error applies to regressors, but test model is a"
                        + " classifier; use a classification metric such as ACCURACY, F1 or ROC_AUC");
    }

    @Test
    void rejectsAThresholdOutsideTheMetricsRange() {
        assertThatThrownBy(() -> atLeast(Metric.F1, 1.5).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'value' must be in [0, 1] for F1, was 1.5");
        assertThatThrownBy(() -> MetricGate.builder(WHERE, Metric.RMSE, Bound.AT_MOST, -1)
                        .build())
                .hasMessage(WHERE + ": 'value' must be a finite number of at least 0 for root mean squared error, was"
                        + " -1");
    }

    @Test
    void rejectsAConfidenceOutsideZeroOrTheOpenUnitInterval() {
        assertThatThrownBy(() -> atLeast(Metric.F1, 0.8).confidence(1).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in (0, 1), was 1");
    }

    @Test
    void rejectsTooFewResamplesAndANonPositiveMinimumSliceSize() {
        assertThatThrownBy(() -> atLeast(Metric.F1, 0.8).resamples(10).build())
                .hasMessage(WHERE + ": 'resamples' must be in [100, 1000000], was 10");
        assertThatThrownBy(() -> atLeast(Metric.F1, 0.8).minSliceSize(0).build())
                .hasMessage(WHERE + ": 'minSliceSize' must be at least 1, was 0");
    }

    @Test
    void attachesTheConfusionMatrixAndCurveDataForAClassifier() {
        CheckResult result = atLeast(Metric.F1, 0.8).build().evaluate(predictions);

        assertThat(result.attachments())
                .extracting(Attachment::name)
                .containsExactly(
                        "confusion matrix counts",
                        "ROC curve data",
                        "precision-recall curve data",
                        "ROC curve",
                        "precision-recall curve");
        assertThat(text(result.attachments().get(0))).isEqualTo("actual \\ predicted,a,b\na,17,3\nb,3,17\n");
        assertThat(text(result.attachments().get(1)))
                .startsWith("positive class,threshold,false positive rate,true positive rate\nb,1.7425,0,0\n");
        assertThat(result.attachments().get(3).content().get()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void namesTheCurvesAfterAPositiveClassOtherThanTheDefaultOne() {
        CheckResult result = atLeast(Metric.F1, 0.5)
                .options(MetricOptions.defaults().withPositiveLabel("a"))
                .build()
                .evaluate(predictions);

        assertThat(result.attachments())
                .extracting(Attachment::name)
                .containsExactly(
                        "confusion matrix counts",
                        "ROC curve data of 'a'",
                        "precision-recall curve data of 'a'",
                        "ROC curve of 'a'",
                        "precision-recall curve of 'a'");
    }

    @Test
    void attachesTheReliabilityDiagramInsteadOfTheCurvesForACalibrationCheck() {
        CheckResult result = MetricGate.builder(WHERE, Metric.EXPECTED_CALIBRATION_ERROR, Bound.AT_MOST, 0.5)
                .options(MetricOptions.defaults().withBins(5))
                .build()
                .evaluate(predictions);

        assertThat(result.attachments())
                .extracting(Attachment::name)
                .containsExactly("confusion matrix counts", "reliability diagram");
        assertThat(result.attachments().get(1).content().get()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void attachesNoCurvesForARegressor() {
        CheckResult result = MetricGate.builder(WHERE, Metric.MAE, Bound.AT_MOST, 1)
                .build()
                .evaluate(MetricFixtures.regression("reg.csv", 20, 0.5));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.attachments()).isEmpty();
    }

    static String text(Attachment attachment) {
        return new String(attachment.content().get(), StandardCharsets.UTF_8);
    }
}
