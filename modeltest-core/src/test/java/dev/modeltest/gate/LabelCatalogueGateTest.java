package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zero-one and Hamming loss, adjusted balanced accuracy, weighted kappa and top-k accuracy through the builder. The
 * binary fixture has 20 rows per class and 3 of each predicted as the other: 6 of 40 wrong, zero-one loss 0.15,
 * balanced accuracy 0.85 and adjusted 0.7 (scikit-learn: {@code balanced_accuracy_score(..., adjusted=True)} 0.7).
 */
class LabelCatalogueGateTest {

    private static final String WHERE = "@MetricAtMost on T.m()";

    private final Predictions binary = MetricFixtures.binary("fixture.csv", 40, 3);

    @Test
    void zeroOneLossIsTheShareOfRowsWrongWithItsWilsonInterval() {
        CheckResult pass = MetricGate.builder(WHERE, Metric.ZERO_ONE_LOSS, Bound.AT_MOST, 0.2)
                .build()
                .evaluate(binary);
        CheckResult fail = MetricGate.builder(WHERE, Metric.ZERO_ONE_LOSS, Bound.AT_MOST, 0.1)
                .interval(IntervalMethod.EXACT)
                .build()
                .evaluate(binary);

        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(pass.measured()).isEqualTo(0.15);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.message())
                .isEqualTo("Expecting model zero-one loss on fixture.csv (n=40):\n"
                        + "  0.1500 (95% CI 0.0706–0.2907, Wilson, 6 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n"
                        + "to be at most:\n"
                        + "  0.1000\n"
                        + "but it was 0.0500 above.");
    }

    @Test
    void hammingLossEqualsZeroOneLossWithOneLabelPerRow() {
        CheckResult hamming = MetricGate.builder(WHERE, Metric.HAMMING_LOSS, Bound.AT_MOST, 0.2)
                .build()
                .evaluate(binary);

        assertThat(hamming.measured()).isEqualTo(0.15);
        assertThat(hamming.interval().method()).isEqualTo("Wilson");
    }

    @Test
    void adjustedBalancedAccuracyHasTheBootstrapAndNoExactInterval() {
        CheckResult result = MetricGate.builder(WHERE, Metric.ADJUSTED_BALANCED_ACCURACY, Bound.AT_LEAST, 0.6)
                .build()
                .evaluate(binary);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(result.interval().method()).isEqualTo("BCa bootstrap");
        assertThatThrownBy(() -> MetricGate.builder(WHERE, Metric.ADJUSTED_BALANCED_ACCURACY, Bound.AT_LEAST, 0.6)
                        .interval(IntervalMethod.EXACT)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("@MetricAtMost on T.m(): 'interval' must be AUTO or BOOTSTRAP for adjusted"
                        + " balanced accuracy: no exact or analytic interval applies to it");
    }

    @Test
    void adjustedBalancedAccuracyWithOneTrueClassIsInconclusiveSayingWhy() {
        // scikit-learn divides by 1 − 1/1 = 0 here and returns −inf: a value a check must not judge.
        Predictions oneClass = Predictions.classification(
                "one-class.csv", "m", List.of("a", "b"), new int[] {0, 0, 0, 0}, new int[] {0, 1, 0, 0}, null);

        CheckResult result = MetricGate.builder(WHERE, Metric.ADJUSTED_BALANCED_ACCURACY, Bound.AT_LEAST, 0.5)
                .build()
                .evaluate(oneClass);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .endsWith("but it is undefined (NaN) on these rows: it is NaN when fewer than two classes occur among"
                        + " the true labels (chance level 1, nothing to adjust against).");
    }

    @Test
    void weightedKappaCostsFartherDisagreementsMore() {
        // True 0 1 2 2, predicted 0 1 0 2: one disagreement two classes apart. scikit-learn's cohen_kappa_score
        // gives 0.6363636 unweighted, 0.5 linear and 0.3846154 (5/13) quadratic.
        Predictions ordinal = Predictions.classification(
                "ordinal.csv", "m", List.of("1", "2", "3"), new int[] {0, 1, 2, 2}, new int[] {0, 1, 0, 2}, null);

        double plain = MetricGate.builder(WHERE, Metric.COHEN_KAPPA, Bound.AT_LEAST, 0)
                .build()
                .evaluate(ordinal)
                .measured();
        double linear = MetricGate.builder(WHERE, Metric.COHEN_KAPPA_LINEAR, Bound.AT_LEAST, 0)
                .build()
                .evaluate(ordinal)
                .measured();
        CheckResult quadratic = MetricGate.builder(WHERE, Metric.COHEN_KAPPA_QUADRATIC, Bound.AT_LEAST, 0.5)
                .build()
                .evaluate(ordinal);

        assertThat(plain).isCloseTo(7.0 / 11, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(linear).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(quadratic.measured()).isCloseTo(5.0 / 13, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(quadratic.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(quadratic.message()).startsWith("Expecting model Cohen's kappa (quadratic weights) on ordinal.csv");
    }

    @Test
    void topKAccuracyIsNamedByItsK() {
        Predictions three = Predictions.classification(
                "three.csv",
                "m",
                List.of("a", "b", "c"),
                new int[] {0, 1, 2, 2},
                new int[] {0, 2, 1, 2},
                new double[][] {{0.6, 0.3, 0.2, 0.1}, {0.3, 0.3, 0.5, 0.3}, {0.1, 0.4, 0.3, 0.6}});

        CheckResult result = MetricGate.builder(WHERE, Metric.TOP_K_ACCURACY, Bound.AT_LEAST, 0.9)
                .options(MetricOptions.defaults().withK(1))
                .build()
                .evaluate(three);

        // Row 2 (true b): c's 0.4 is above b's 0.3; row 3 (true c): b's 0.5 is above c's 0.3. Top-1 hits rows 1 and 4,
        // as scikit-learn's top_k_accuracy_score(k=1) says: 0.5.
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.message()).startsWith("Expecting model top-1 accuracy on three.csv (n=4):\n");
    }
}
