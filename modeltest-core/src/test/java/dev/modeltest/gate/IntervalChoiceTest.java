package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code interval} setting: AUTO's choice per metric, EXACT refused where it does not apply, degenerate data. */
class IntervalChoiceTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    private final Predictions binary = MetricFixtures.binary("fixture.csv", 40, 3);

    private static MetricGate.Builder gate(Metric metric, Bound bound, double value) {
        return MetricGate.builder(WHERE, metric, bound, value);
    }

    @Test
    void autoGivesLogLossTheStudentTIntervalAndNamesIt() {
        CheckResult result = gate(Metric.LOG_LOSS, Bound.AT_MOST, 0.5).build().evaluate(binary);

        assertThat(result.interval().method()).isEqualTo("Student-t");
        assertThat(result.details())
                .containsEntry("interval", "AUTO")
                .containsEntry(
                        "intervalMethod",
                        "Student-t, 39 df; approximate here: the per-row values are skewed (skewness 2.60302), and"
                                + " Cochran's rule with the skewness doubled asks for 678 rows, see docs/intervals.md");
        assertThat(result.message()).contains("(95% CI ");
        assertThat(result.message().lines().toList().get(1))
                .endsWith(", Student-t, 39 df; approximate here: the per-row values are skewed (skewness 2.60302), and"
                        + " Cochran's rule with the skewness doubled asks for 678 rows, see docs/intervals.md)");
    }

    @Test
    void bootstrapForcesTheBootstrapOnAMetricWithAnExactInterval() {
        CheckResult result = gate(Metric.LOG_LOSS, Bound.AT_MOST, 0.5)
                .interval(IntervalMethod.BOOTSTRAP)
                .build()
                .evaluate(binary);

        assertThat(result.interval().method()).isEqualTo("BCa bootstrap");
        assertThat(result.details()).containsEntry("interval", "BOOTSTRAP");
        assertThat(result.message().lines().toList().get(1)).endsWith(", BCa bootstrap, 2000 resamples, seed 42)");
    }

    @Test
    void autoGivesBinaryAucDeLongOnTheLogitScale() {
        CheckResult result = gate(Metric.ROC_AUC, Bound.AT_LEAST, 0.5).build().evaluate(binary);

        assertThat(result.interval().method()).isEqualTo("DeLong (logit)");
        assertThat(result.interval().upper()).isLessThan(1);
        assertThat(result.message().lines().toList().get(1))
                .endsWith(", DeLong (logit), 20 positive and 20 negative rows; approximate here: fewer than 60 rows of"
                        + " the rarer class (20), see docs/intervals.md)");
    }

    @Test
    void exactOnF1IsAConfigurationErrorNamingTheAttributeTheMetricAndTheMethodsThatApply() {
        assertThatThrownBy(() -> gate(Metric.F1, Bound.AT_LEAST, 0.8)
                        .interval(IntervalMethod.EXACT)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MetricAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for F1: no exact or"
                        + " analytic interval applies to it, so the bootstrap does (BCa below 10000 rows, Poisson"
                        + " bootstrap from there); exact or analytic intervals exist for accuracy, binary and micro"
                        + " precision and recall, zero-one and Hamming loss, top-k accuracy (Wilson), binary and"
                        + " one-vs-rest macro or weighted ROC AUC (DeLong, logit), log loss, Brier score, MAE, MSE,"
                        + " MAPE, mean squared log error, mean pinball loss and the mean deviances (Student-t), RMSE"
                        + " and RMSLE (Student-t, square root), R², explained variance and the D² scores (delta"
                        + " method), NDCG and MAP (Student-t over queries), was EXACT");
    }

    @Test
    void exactOnAMicroAveragedAucIsRefusedAndOnAMacroOneIsDeLong() {
        Predictions three = Predictions.classification(
                "three.csv",
                "m",
                List.of("a", "b", "c"),
                new int[] {0, 1, 2, 0, 1, 2},
                new int[] {0, 1, 2, 1, 1, 2},
                new double[][] {
                    {0.8, 0.1, 0.1, 0.4, 0.45, 0.1}, {0.1, 0.8, 0.1, 0.5, 0.45, 0.1}, {0.1, 0.1, 0.8, 0.1, 0.1, 0.8}
                });
        MetricGate.Builder micro = gate(Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                .average(Averaging.MICRO)
                .interval(IntervalMethod.EXACT);
        CheckResult macro = gate(Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                .interval(IntervalMethod.EXACT)
                .build()
                .evaluate(three);

        assertThatThrownBy(micro::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("@MetricAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for ROC AUC:"
                        + " no exact or analytic interval applies to it");
        assertThat(macro.interval().method()).isEqualTo("DeLong (logit)");
        assertThat(macro.message()).contains("DeLong (logit), one-vs-rest over 3 classes, 6 rows");
    }

    @Test
    void exactOnAccuracyAndRmseIsAccepted() {
        CheckResult accuracy = gate(Metric.ACCURACY, Bound.AT_LEAST, 0.5)
                .interval(IntervalMethod.EXACT)
                .build()
                .evaluate(binary);
        CheckResult rmse = gate(Metric.RMSE, Bound.AT_MOST, 2)
                .interval(IntervalMethod.EXACT)
                .build()
                .evaluate(MetricFixtures.regression("reg.csv", 50, 0.5));

        assertThat(accuracy.interval().method()).isEqualTo("Wilson");
        assertThat(rmse.interval().method()).isEqualTo("Student-t (square root)");
    }

    @Test
    void zeroVarianceOfTheLossesSaysThereIsNoIntervalAndAnIntervalDecisionIsInconclusive() {
        Predictions perfect = MetricFixtures.regression("perfect.csv", 20, 0);

        CheckResult point = gate(Metric.MAE, Bound.AT_MOST, 0.1).build().evaluate(perfect);
        CheckResult interval =
                gate(Metric.MAE, Bound.AT_MOST, 0.1).confidence(0.95).build().evaluate(perfect);

        assertThat(point.verdict()).isEqualTo(Verdict.PASS);
        assertThat(point.interval()).isNull();
        assertThat(point.message())
                .isEqualTo("Expecting model mean absolute error on perfect.csv (n=20):\n"
                        + "  0.0000 (no interval: every row's absolute error is 0.0000, so there is no spread to"
                        + " estimate)\n"
                        + "to be at most:\n"
                        + "  0.1000");
        assertThat(interval.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(interval.details())
                .containsEntry("noInterval", "every row's absolute error is 0.0000, so there is no spread to estimate");
        assertThat(interval.message())
                .endsWith("but it has no 95% interval: every row's absolute error is 0.0000, so there is no spread to"
                        + " estimate.");
    }

    @Test
    void aPerfectlySeparatingAucSaysDeLongHasNoVarianceInsteadOfAZeroWidthInterval() {
        Predictions separated = MetricFixtures.binary("separated.csv", 40, 0);

        CheckResult result = gate(Metric.ROC_AUC, Bound.AT_LEAST, 0.9)
                .confidence(0.95)
                .build()
                .evaluate(separated);

        assertThat(result.measured()).isEqualTo(1.0);
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .isEqualTo("Expecting model ROC AUC (positive class 'b') on separated.csv (n=40):\n"
                        + "  1.0000 (no interval: every positive row scores above every negative one (AUC 1.0000),"
                        + " so DeLong's variance is 0)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it has no 95% interval: every positive row scores above every negative one (AUC"
                        + " 1.0000), so DeLong's variance is 0.");
    }

    @Test
    void fromTenThousandRowsTheBootstrapIsThePoissonOneAndTheSameOnAnyPool() throws Exception {
        Predictions large = MetricFixtures.binary("large.csv", 20_000, 1500);
        MetricGate f1 = gate(Metric.F1, Bound.AT_LEAST, 0.5).build();
        MetricGate ece = gate(Metric.EXPECTED_CALIBRATION_ERROR, Bound.AT_MOST, 0.5)
                .resamples(200)
                .build();

        CheckResult one = onPool(1, () -> f1.evaluate(large));
        CheckResult two = onPool(2, () -> f1.evaluate(large));
        CheckResult eceOne = onPool(1, () -> ece.evaluate(large));
        CheckResult eceTwo = onPool(2, () -> ece.evaluate(large));

        assertThat(one.interval().method()).isEqualTo("Poisson bootstrap");
        assertThat(one.details()).containsEntry("intervalMethod", "Poisson bootstrap, 2000 resamples, seed 42");
        assertThat(two.interval()).isEqualTo(one.interval());
        assertThat(one.interval().contains(one.measured())).isTrue();
        assertThat(eceOne.interval().method()).isEqualTo("Poisson bootstrap");
        assertThat(eceTwo.interval()).isEqualTo(eceOne.interval());
    }

    @Test
    void precisionWithNoRowPredictedPositiveHasNoWilsonIntervalInsteadOfAnError() {
        Predictions none = Predictions.classification(
                "none.csv",
                "m",
                List.of("a", "b"),
                new int[] {0, 1, 0, 1, 1},
                new int[] {0, 0, 0, 0, 0},
                new double[][] {{0.9, 0.8, 0.7, 0.6, 0.6}, {0.1, 0.2, 0.3, 0.4, 0.4}});

        CheckResult result = gate(Metric.PRECISION, Bound.AT_LEAST, 0.5)
                .confidence(0.95)
                .build()
                .evaluate(none);

        assertThat(result.measured()).isZero();
        assertThat(result.interval()).isNull();
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .contains("(no interval: it is a proportion of 0 rows (none in its denominator), so there is nothing"
                        + " to estimate)");
    }

    @Test
    void aBootstrapWhoseResamplesAllAgreeSaysThereIsNoInterval() {
        Predictions perfect = MetricFixtures.binary("perfect.csv", 40, 0);

        CheckResult result = gate(Metric.F1, Bound.AT_LEAST, 0.9).build().evaluate(perfect);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.interval()).isNull();
        assertThat(result.message().lines().toList().get(1))
                .isEqualTo("  1.0000 (no interval: every bootstrap resample gives 1.0000, so there is no spread to"
                        + " estimate)");
    }

    @Test
    void flagsTheBootstrapAsApproximateWithFewTruePositivesAndDeLongWithFewRowsOfTheRarerClass() {
        Predictions few = MetricFixtures.binary("few.csv", 16, 1);

        CheckResult f1 = gate(Metric.F1, Bound.AT_LEAST, 0.5).build().evaluate(few);
        CheckResult auc = gate(Metric.ROC_AUC, Bound.AT_LEAST, 0.5).build().evaluate(few);
        CheckResult plenty = gate(Metric.F1, Bound.AT_LEAST, 0.5).build().evaluate(binary);

        assertThat(f1.details().get("intervalMethod").toString())
                .endsWith("; approximate here: fewer than 10 true positives of a class (7), see docs/intervals.md");
        assertThat(auc.details().get("intervalMethod").toString())
                .endsWith("; approximate here: fewer than 60 rows of the rarer class (8), see docs/intervals.md");
        assertThat(plenty.details().get("intervalMethod")).isEqualTo("BCa bootstrap, 2000 resamples, seed 42");
    }

    private static CheckResult onPool(int threads, java.util.concurrent.Callable<CheckResult> task) throws Exception {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }
}
