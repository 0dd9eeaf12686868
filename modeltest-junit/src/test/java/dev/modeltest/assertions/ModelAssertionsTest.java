package dev.modeltest.assertions;

import static dev.modeltest.assertions.ModelAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MultiClass;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fluent assertions read exactly like the metric gates' messages, because they run the same gate. */
class ModelAssertionsTest {

    /** 40 rows, 20 per class, the first 3 of each class predicted as the other: accuracy and F1 0.85. */
    private static Predictions predictions() {
        int n = 40;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[] pb = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = i < 20 ? 0 : 1;
            int within = i % 20;
            predicted[i] = within < 3 ? 1 - actual[i] : actual[i];
            pb[i] = (predicted[i] == 1 ? 0.6 : 0.1) + 0.3 * within / n;
        }
        double[] pa = new double[n];
        for (int i = 0; i < n; i++) {
            pa[i] = 1 - pb[i];
        }
        return Predictions.classification(
                "fixture.csv", "test model", List.of("a", "b"), actual, predicted, new double[][] {pa, pb});
    }

    private final Predictions predictions = predictions();

    @Test
    void accuracyPassesAtOrAboveTheThreshold() {
        assertThat(predictions).accuracy().isAtLeast(0.85).isAtLeast(0.5);
    }

    @Test
    void accuracyFailsWithTheGateMessageAndActualAndExpectedValues() {
        assertThatThrownBy(() -> assertThat(predictions).accuracy().isAtLeast(0.9))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting model accuracy on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.7093–0.9294, Wilson, 34 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.0500 below.")
                .satisfies(e -> {
                    AssertionFailedError failure = (AssertionFailedError) e;
                    org.assertj.core.api.Assertions.assertThat(
                                    failure.getActual().getValue())
                            .isEqualTo(0.85);
                    org.assertj.core.api.Assertions.assertThat(
                                    failure.getExpected().getValue())
                            .isEqualTo("≥ 0.9");
                });
    }

    @Test
    void readsExactlyLikeTheGate() {
        String gateMessage = MetricGate.builder("x", Metric.F1, Bound.AT_LEAST, 0.9)
                .average(Averaging.MACRO)
                .build()
                .evaluate(predictions)
                .message();

        assertThatThrownBy(() -> assertThat(predictions)
                        .metric(Metric.F1, Averaging.MACRO)
                        .isAtLeast(0.9))
                .hasMessage(gateMessage);
    }

    @Test
    void decidesOnTheIntervalWithConfidenceAndFailsWhenInconclusive() {
        assertThat(predictions)
                .metric(Metric.F1, Averaging.MACRO)
                .withConfidence(0.95)
                .isAtLeast(0.6);

        assertThatThrownBy(() -> assertThat(predictions)
                        .metric(Metric.F1, Averaging.MACRO)
                        .withConfidence(0.95)
                        .isAtLeast(0.8))
                .hasMessageStartingWith("Expecting model F1 (macro) on fixture.csv (n=40):\n")
                .hasMessageContaining("but the 95% interval straddles it, so 40 rows cannot decide;\nabout ");
        org.assertj.core.api.Assertions.assertThat(MetricGate.builder("x", Metric.F1, Bound.AT_LEAST, 0.8)
                        .average(Averaging.MACRO)
                        .confidence(0.95)
                        .build()
                        .evaluate(predictions)
                        .verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void assertsUpperBoundsOnLosses() {
        assertThat(predictions).metric(Metric.LOG_LOSS).isAtMost(1.0);

        assertThatThrownBy(() -> assertThat(predictions).metric(Metric.LOG_LOSS).isAtMost(0.1))
                .hasMessageStartingWith("Expecting model log loss on fixture.csv (n=40):\n")
                .hasMessageEndingWith("to be at most:\n  0.1000\nbut it was 0.3866 above.");
    }

    @Test
    void judgesEverySliceGivenTheSliceValues() {
        String[] halves = new String[40];
        for (int i = 0; i < 40; i++) {
            halves[i] = i % 2 == 0 ? "even" : "odd";
        }

        assertThat(predictions).accuracy().inEverySliceOf("parity", halves, 20).isAtLeast(0.8);
        assertThatThrownBy(() -> assertThat(predictions)
                        .accuracy()
                        .inEverySliceOf("parity", halves, 30)
                        .isAtLeast(0.8))
                .hasMessageContaining("but no slice has 30 rows or more, so none can be judged:");
    }

    @Test
    void keepsADescriptionGivenWithAs() {
        assertThatThrownBy(() ->
                        assertThat(predictions).as("release gate").accuracy().isAtLeast(0.9))
                .hasMessageStartingWith("[release gate] Expecting model accuracy");
    }

    @Test
    void aMetricThatDoesNotApplyIsAConfigurationError() {
        Predictions regression =
                Predictions.regression("reg.csv", "regressor", new double[] {1, 2, 3}, new double[] {1, 2, 4});

        assertThatThrownBy(() -> assertThat(regression).metric(Metric.ROC_AUC).isAtLeast(0.5))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "assertThat(predictions).metric(ROC_AUC): ROC AUC applies to classifiers, but regressor is a"
                                + " regressor; use a regression metric such as RMSE, MAE or R2");
    }

    @Test
    void namesTheIntervalMethodAndTakesTheUsersChoice() {
        assertThatThrownBy(() -> assertThat(predictions).metric(Metric.LOG_LOSS).isAtMost(0.1))
                .hasMessageContaining(", Student-t, 39 df; approximate here: the per-row values are skewed");
        assertThatThrownBy(() -> assertThat(predictions)
                        .metric(Metric.LOG_LOSS)
                        .withInterval(IntervalMethod.BOOTSTRAP)
                        .isAtMost(0.1))
                .hasMessageContaining(", BCa bootstrap, 2000 resamples, seed 42)");
    }

    @Test
    void anExactIntervalForF1IsAConfigurationError() {
        assertThatThrownBy(() -> assertThat(predictions)
                        .metric(Metric.F1)
                        .withInterval(IntervalMethod.EXACT)
                        .isAtLeast(0.5))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("assertThat(predictions).metric(F1): 'interval' must be AUTO or BOOTSTRAP for"
                        + " F1: no exact or analytic interval applies to it");
    }

    @Test
    void takesTheParametersOfTheMetricsThatHaveOne() {
        // y = 1 2 3 10, ŷ = 2 2 1 7: pinball losses at alpha 0.9 are 0.1, 0, 1.8 and 2.7, mean 1.15.
        Predictions regression =
                Predictions.regression("reg.csv", "regressor", new double[] {1, 2, 3, 10}, new double[] {2, 2, 1, 7});

        assertThat(regression).metric(Metric.MEAN_PINBALL_LOSS).withAlpha(0.9).isAtMost(1.2);
        assertThatThrownBy(() -> assertThat(regression)
                        .metric(Metric.MEAN_PINBALL_LOSS)
                        .withAlpha(0.9)
                        .isAtMost(1.1))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expecting model mean pinball loss (alpha 0.9) on reg.csv (n=4):\n  1.1500");
        assertThatThrownBy(() -> assertThat(regression)
                        .metric(Metric.MEAN_TWEEDIE_DEVIANCE)
                        .withPower(1.5)
                        .isAtMost(0.0001))
                .hasMessageStartingWith("Expecting model mean Tweedie deviance (power 1.5) on reg.csv");
        assertThatThrownBy(() ->
                        assertThat(regression).metric(Metric.MAE).withAlpha(0.9).isAtMost(1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("assertThat(predictions).metric(MAE): 'alpha' applies to mean pinball loss and D² pinball"
                        + " score only, not to mean absolute error, was 0.9");
        assertThatThrownBy(() -> assertThat(predictions)
                        .metric(Metric.F_BETA)
                        .withBeta(2)
                        .isAtLeast(0.99))
                .hasMessageStartingWith("Expecting model F2 (positive class");
    }

    @Test
    void ranksWithinTheQueriesThePredictionsCarry() {
        // Query a ranked perfectly (NDCG@2 1, AP 1), query b worst first: NDCG@2 (1/log2(3)) / 1 = 0.6309, AP 1/2.
        Predictions ranking = Predictions.regression(
                        "rank.csv", "m", new double[] {1, 0, 0, 1}, new double[] {2, 1, 2, 1})
                .withQueries("qid", new String[] {"a", "a", "b", "b"});

        assertThat(ranking).metric(Metric.NDCG).withK(2).isAtLeast(0.8);
        assertThatThrownBy(() -> assertThat(ranking).metric(Metric.MAP).withK(2).isAtLeast(0.8))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting model MAP@2 on rank.csv (n=4):\n"
                        + "  0.7500 (95% CI 0.0000–1.0000, Student-t over 2 queries, 1 df)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but it was 0.0500 below.");
    }

    @Test
    void takesRocAucsMultiClassAndMaxFpr() {
        // scikit-learn: roc_auc_score(y, proba, multi_class='ovo') 0.7593; roc_auc_score(y == 'c', p_c, max_fpr=0.5)
        // 0.9259.
        Predictions three = Predictions.classification(
                "three.csv",
                "m",
                List.of("a", "b", "c"),
                new int[] {0, 0, 1, 1, 2, 2, 0, 1, 2},
                new int[] {0, 0, 1, 1, 2, 0, 1, 1, 2},
                new double[][] {
                    {.6, .4, .3, .2, .2, .5, .1, .3, .3},
                    {.3, .4, .5, .6, .2, .1, .7, .3, .3},
                    {.1, .2, .2, .2, .6, .4, .2, .4, .4}
                });

        assertThat(three).metric(Metric.ROC_AUC).withMultiClass(MultiClass.OVO).isAtLeast(0.75);
        assertThatThrownBy(() -> assertThat(three)
                        .metric(Metric.ROC_AUC)
                        .withMultiClass(MultiClass.OVO)
                        .isAtLeast(0.8))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expecting model ROC AUC (one-vs-one, macro) on three.csv (n=9):\n  0.7593");
        assertThatThrownBy(() -> assertThat(three)
                        .metric(Metric.ROC_AUC)
                        .withPositiveLabel("c")
                        .withMaxFpr(0.5)
                        .isAtLeast(0.95))
                .hasMessageStartingWith(
                        "Expecting model partial ROC AUC (FPR ≤ 0.5, McClish, positive class 'c') on three.csv (n=9):\n"
                                + "  0.9259");
    }
}
