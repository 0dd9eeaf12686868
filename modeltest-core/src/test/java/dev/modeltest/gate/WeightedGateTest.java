package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metric checks on weighted predictions: 40 rows, 6 predicted wrongly, each wrong row weighing 0.25 and every other
 * row 1. Accuracy is 34 / 40 = 0.85 on rows and 34 / 35.5 = 0.9577 weighted (scikit-learn's {@code
 * accuracy_score(sample_weight=w)}).
 */
class WeightedGateTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    /**
     * The baseline's accuracy weighted as the model's rows: it gets 16 rows wrong, 6 of them weighing 0.25 and 10
     * weighing 1, so 24 / 35.5.
     */
    private static final double BASELINE_WEIGHTED = 24 / 35.5;

    private static final ModelSource BASELINE = new ModelSource.Columns("baseline", List.of("p_baseline"));

    private final Predictions rows = MetricFixtures.binary("fixture.csv", 40, 3);
    private final Predictions weighted = rows.withWeights("w", weights(rows));

    private static double[] weights(Predictions p) {
        double[] w = new double[p.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.actualClass(i) == p.predictedClass(i) ? 1 : 0.25;
        }
        return w;
    }

    private static MetricGate.Builder accuracy(double value) {
        return MetricGate.builder(WHERE, Metric.ACCURACY, Bound.AT_LEAST, value).confidence(0);
    }

    @Test
    void theWeightedValuePassesWhereTheRowsFail() {
        CheckResult onRows = accuracy(0.9).build().evaluate(rows);
        CheckResult onWeights = accuracy(0.9).build().evaluate(weighted);

        assertThat(onRows.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(onWeights.verdict()).isEqualTo(Verdict.PASS);
        assertThat(onWeights.measured()).isEqualTo(34 / 35.5);
        assertThat(onWeights.n()).isEqualTo(40);
        // (34 + 1.5)² / (34 + 6 · 0.0625) = 36.66 rows: the light wrong rows make the rows count as fewer.
        assertThat(onWeights.details()).containsEntry("weights", "w").containsEntry("effectiveRows", 37L);
    }

    @Test
    void theMessageSaysTheValueIsWeightedAndItsIntervalTheBootstrap() {
        CheckResult result = MetricGate.builder(WHERE, Metric.ACCURACY, Bound.AT_LEAST, 0.99)
                .build()
                .evaluate(weighted);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv (n=40, weighted by 'w'):\n"
                        + "  0.9577 (95% CI 0.9032–0.9801, BCa bootstrap, 2000 resamples, seed 42, rows weighted by"
                        + " their sample weight; approximate here: a bootstrap over fewer than 10000 rows with sample"
                        + " weights (40) covers less than its level when the weights are skewed, see"
                        + " docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9900\n"
                        + "but it was 0.0323 below.");
        assertThat(result.details())
                .containsEntry(
                        "intervalMethod",
                        "BCa bootstrap, 2000 resamples, seed 42, rows weighted by their sample weight; approximate"
                                + " here: a bootstrap over fewer than 10000 rows with sample weights (40) covers less"
                                + " than its level when the weights are skewed, see docs/intervals.md");
    }

    @Test
    void theAttachedConfusionMatrixCountsRowsAndSaysSoWhileTheCurvesWeighThem() {
        CheckResult result = accuracy(0.9).build().evaluate(weighted);

        assertThat(result.attachments())
                .extracting(dev.modeltest.check.Attachment::name)
                .containsExactly(
                        "confusion matrix counts (rows unweighted)",
                        "ROC curve data",
                        "precision-recall curve data",
                        "ROC curve",
                        "precision-recall curve");
        assertThat(MetricGateTest.text(result.attachments().get(0)))
                .isEqualTo("actual \\ predicted,a,b\na,17,3\nb,3,17\n");
    }

    @Test
    void eachSliceWeighsItsOwnRows() {
        String[] halves = new String[40];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = i < 20 ? "left" : "right";
        }

        CheckResult result = accuracy(0.95).minSliceSize(10).build().evaluate(weighted, halves);

        // Each half: 17 right rows of weight 1 and 3 wrong of 0.25, so 17 / 17.75 = 0.9577; 0.85 on rows.
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .startsWith("Expecting model accuracy on fixture.csv (n=40, weighted by 'w') in every slice of 'slice'")
                .contains("0.9577");
    }

    @Test
    void eachClassWeighsItsOwnRows() {
        CheckResult result = MetricGate.builder(WHERE, Metric.RECALL, Bound.AT_LEAST, 0.95)
                .average(dev.modeltest.metrics.Averaging.NONE)
                .confidence(0)
                .build()
                .evaluate(weighted);

        // Recall of each class: 17 / (17 + 3 · 0.25) = 0.9577, as recall_score(average=None, sample_weight=w).
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .contains("(n=40, weighted by 'w') in every class")
                .contains("0.9577");
    }

    @Test
    void exactIntervalsAreRefusedNamingTheWeightColumn() {
        assertThatThrownBy(() ->
                        accuracy(0.9).interval(IntervalMethod.EXACT).build().evaluate(weighted))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "@MetricAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for accuracy on rows weighted"
                                + " by column 'w': Wilson, DeLong, Student-t and the delta method count rows, and the bootstrap"
                                + " over the rows carries their weights, was EXACT");
    }

    @Test
    void aMetricWithoutSampleWeightsIsRefusedNamingTheCheck() {
        Predictions regression = MetricFixtures.regression("r.csv", 20, 1.0);
        Predictions weightedRegression = regression.withWeights("w", ones(20));

        assertThatThrownBy(() -> MetricGate.builder(WHERE, Metric.MAX_ERROR, Bound.AT_MOST, 3)
                        .build()
                        .evaluate(weightedRegression))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "@MetricAtLeast on T.m(): max error does not take sample weights (scikit-learn's max_error has"
                                + " no sample_weight); remove 'weights' (column 'w') or check another metric");
    }

    @Test
    void theComparisonWithABaselineWeighsBothAndUsesThePairedBootstrap() {
        Predictions baseline = MetricFixtures.binary("fixture.csv", 40, 8);

        CheckResult result = NoRegressionCheck.builder(WHERE, Metric.ACCURACY, BASELINE)
                .build()
                .compare(weighted, baseline, "old model");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.details()).containsEntry("weights", "w").containsEntry("baseline", BASELINE_WEIGHTED);
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv weighted by 'w' (n=40) not to be worse than the"
                        + " baseline (old model) by more than:\n"
                        + "  0.0000\n"
                        + "  model:      0.9577\n"
                        + "  baseline:   0.6761\n"
                        + "  difference: 0.2817 (95% CI 0.1471–0.4317, paired bootstrap, 2000 resamples, seed 42)\n"
                        + "  p-value:    1.00 (one-sided, paired bootstrap, 2000 resamples, seed 42)\n"
                        + "and it is not worse by more than the tolerance.");
    }

    @Test
    void aBaselineWeightedOtherwiseIsRefused() {
        Predictions baseline = MetricFixtures.binary("fixture.csv", 40, 8).withWeights("v", ones(40));

        assertThatThrownBy(() -> NoRegressionCheck.builder(WHERE, Metric.ACCURACY, BASELINE)
                        .build()
                        .compare(weighted, baseline, "old model"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MetricAtLeast on T.m(): the model's rows are weighted by 'w' but the baseline's by 'v'; a"
                        + " paired comparison weighs both alike");
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.5);
        return w;
    }
}
