package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.ZeroDivision;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Averaging#NONE} (every class must pass, each with its own interval and decision) and {@link ZeroDivision}
 * through the builder. The fixture's confusion matrix is {@code a: 38 a, 2 b; b: 4 a, 36 b; c: 5 a, 5 b, 10 c}, so
 * recall is 0.95, 0.9 and 0.5 and precision 38/47, 36/43 and 10/10 (scikit-learn's {@code recall_score(y, pred,
 * average=None)} gives the same); in {@code never.csv} class c is never predicted.
 */
class PerClassGateTest {

    private static final String WHERE = "@RecallAtLeast on T.m()";

    private final Predictions three = three("three.csv", new int[][] {{38, 2, 0}, {4, 36, 0}, {5, 5, 10}});
    private final Predictions never = three("never.csv", new int[][] {{38, 2, 0}, {4, 36, 0}, {10, 0, 0}});

    /** Rows of true class {@code a} predicted {@code p}, {@code confusion[a][p]} times, for the classes a, b, c. */
    static Predictions three(String data, int[][] confusion) {
        List<Integer> actual = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion[a].length; p++) {
                for (int i = 0; i < confusion[a][p]; i++) {
                    actual.add(a);
                    predicted.add(p);
                }
            }
        }
        return Predictions.classification(
                data,
                "test model",
                List.of("a", "b", "c"),
                actual.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray(),
                null);
    }

    private static MetricGate.Builder perClass(Metric metric, double value) {
        return MetricGate.builder(WHERE, metric, Bound.AT_LEAST, value).average(Averaging.NONE);
    }

    @Test
    void failsNamingTheClassesBelowWithTheTableOfEveryClass() {
        CheckResult result = perClass(Metric.RECALL, 0.8).build().evaluate(three);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model recall (per class) on three.csv (n=100) in every class to be at least:\n"
                        + "  0.8000\n"
                        + "but 1 of 3 classes is below it (c):\n"
                        + "  class  support  recall (per class)  95% CI         verdict\n"
                        + "  a      40       0.9500              0.8350–0.9862  PASS\n"
                        + "  b      40       0.9000              0.7695–0.9604  PASS\n"
                        + "  c      20       0.5000              0.2993–0.7007  FAIL");
        // The worst class is the result's value; each class's interval is its binary one (Wilson, 10 of 20).
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.interval().method()).isEqualTo("Wilson");
        assertThat(result.qualifier()).isEqualTo("recall:none");
        assertThat(result.attachments())
                .extracting(a -> a.name())
                .contains("recall (per class) per class", "recall (per class) per class (chart)");
    }

    @Test
    void passesWhenEveryClassPasses() {
        CheckResult result = perClass(Metric.PRECISION, 0.8).build().evaluate(three);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .isEqualTo("Expecting model precision (per class) on three.csv (n=100) in every class to be at least:\n"
                        + "  0.8000\n"
                        + "and all 3 classes are:\n"
                        + "  class  support  precision (per class)  95% CI         verdict\n"
                        + "  a      40       0.8085                 0.6746–0.8958  PASS\n"
                        + "  b      40       0.8372                 0.7003–0.9188  PASS\n"
                        + "  c      20       1.0000                 0.7225–1.0000  PASS");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) result.details().get("perClass");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2))
                .containsEntry("class", "c")
                .containsEntry("support", 20)
                .containsEntry("value", 1.0)
                .containsEntry("verdict", "PASS");
    }

    @Test
    void isInconclusiveWhenNoClassFailsButSomeCannotDecide() {
        CheckResult result =
                perClass(Metric.PRECISION, 0.8).confidence(0.95).build().evaluate(three);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .isEqualTo("Expecting model precision (per class) on three.csv (n=100) in every class to be at least:\n"
                        + "  0.8000\n"
                        + "but 3 of 3 classes cannot decide at 95%:\n"
                        + "  class  support  precision (per class)  95% CI         verdict\n"
                        + "  a      40       0.8085                 0.6746–0.8958  INCONCLUSIVE\n"
                        + "  b      40       0.8372                 0.7003–0.9188  INCONCLUSIVE\n"
                        + "  c      20       1.0000                 0.7225–1.0000  INCONCLUSIVE\n"
                        + "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): a about"
                        + " 24773, b about 1355, c about 193.");
    }

    @Test
    void aClassWithoutPredictionsIsUndefinedUnderNanAndTheCheckInconclusive() {
        CheckResult result = perClass(Metric.PRECISION, 0.7)
                .zeroDivision(ZeroDivision.NAN)
                .build()
                .evaluate(never);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .isEqualTo("Expecting model precision (per class, 0/0 as NaN) on never.csv (n=90) in every class to be"
                        + " at least:\n"
                        + "  0.7000\n"
                        + "but 1 of 3 classes cannot decide:\n"
                        + "  class  support  precision (per class, 0/0 as NaN)  95% CI         verdict\n"
                        + "  a      40       0.7308                             0.5975–0.8323  PASS\n"
                        + "  b      40       0.9474                             0.8271–0.9854  PASS\n"
                        + "  c      10       -                                  -              undefined\n"
                        + "undefined for c: precision (per class, 0/0 as NaN) is NaN when no row is predicted as class"
                        + " 'c' (0 predicted, so precision is 0/0) and 'zeroDivision' is NAN.\n"
                        + "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): c none"
                        + " (undefined).");
        assertThat(result.qualifier()).isEqualTo("precision:none:zeroDivision=nan");
        assertThat(result.details()).containsEntry("zeroDivision", "NAN");
    }

    @Test
    void zeroDivisionChoosesWhatAClassWithoutPredictionsScores() {
        MetricOptions ofC = MetricOptions.defaults().withPositiveLabel("c");

        CheckResult zero = MetricGate.builder(WHERE, Metric.PRECISION, Bound.AT_LEAST, 0.8)
                .options(ofC)
                .build()
                .evaluate(never);
        CheckResult one = MetricGate.builder(WHERE, Metric.PRECISION, Bound.AT_LEAST, 0.8)
                .options(ofC)
                .zeroDivision(ZeroDivision.ONE)
                .build()
                .evaluate(never);
        CheckResult nan = MetricGate.builder(WHERE, Metric.PRECISION, Bound.AT_LEAST, 0.8)
                .options(ofC.withZeroDivision(ZeroDivision.NAN))
                .build()
                .evaluate(never);

        assertThat(zero.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(zero.measured()).isEqualTo(0.0);
        assertThat(one.verdict()).isEqualTo(Verdict.PASS);
        assertThat(one.message())
                .isEqualTo("Expecting model precision (positive class 'c', 0/0 as 1) on never.csv (n=90):\n"
                        + "  1.0000 (no interval: it is a proportion of 0 rows (none in its denominator), so there is"
                        + " nothing to estimate)\n"
                        + "to be at least:\n"
                        + "  0.8000");
        assertThat(nan.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(nan.message())
                .isEqualTo("Expecting model precision (positive class 'c', 0/0 as NaN) on never.csv (n=90):\n"
                        + "  NaN\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but it is undefined (NaN) on these rows: it is NaN when no row is predicted as class 'c' (0"
                        + " predicted, so precision is 0/0) and 'zeroDivision' is NAN.");
    }

    @Test
    void aSlicedCheckSaysWhichClassHasNothingToDivideBy() {
        String[] slices = new String[never.size()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = i % 2 == 0 ? "p" : "q";
        }

        CheckResult result = MetricGate.builder(WHERE, Metric.PRECISION, Bound.AT_LEAST, 0.8)
                .options(MetricOptions.defaults().withPositiveLabel("c").withZeroDivision(ZeroDivision.NAN))
                .build()
                .evaluate(never, slices);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .endsWith(
                        "undefined in p, q: precision (positive class 'c', 0/0 as NaN) is NaN when no row is predicted"
                                + " as class 'c' (0 predicted, so precision is 0/0) and 'zeroDivision' is NAN.\n"
                                + "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): p none"
                                + " (undefined), q none (undefined).");
    }

    @Test
    void nanLeavesTheUndefinedClassOutOfTheMacroAverage() {
        CheckResult zero = MetricGate.builder(WHERE, Metric.PRECISION, Bound.AT_LEAST, 0.5)
                .average(Averaging.MACRO)
                .build()
                .evaluate(never);
        CheckResult nan = MetricGate.builder(WHERE, Metric.PRECISION, Bound.AT_LEAST, 0.5)
                .average(Averaging.MACRO)
                .zeroDivision(ZeroDivision.NAN)
                .build()
                .evaluate(never);

        assertThat(zero.measured()).isEqualTo((38.0 / 52 + 36.0 / 38 + 0) / 3);
        assertThat(nan.measured()).isEqualTo((38.0 / 52 + 36.0 / 38) / 2);
        assertThat(nan.interval()).isNotNull();
    }

    @Test
    void rocAucPerClassIsEachClassOneVsRestWithDeLong() {
        Predictions binary = MetricFixtures.binary("fixture.csv", 40, 3);

        CheckResult result = perClass(Metric.ROC_AUC, 0.5).build().evaluate(binary);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .startsWith("Expecting model ROC AUC (one-vs-rest, per class) on fixture.csv (n=40)"
                        + " in every class to be at least:\n");
        assertThat(result.interval().method()).isEqualTo("DeLong (logit)");
    }

    @Test
    void exactWorksPerClassWhereTheBinaryMetricHasAnExactInterval() {
        CheckResult result = perClass(Metric.RECALL, 0.8)
                .interval(IntervalMethod.EXACT)
                .build()
                .evaluate(three);

        assertThat(result.interval().method()).isEqualTo("Wilson");
        assertThatThrownBy(() ->
                        perClass(Metric.F1, 0.8).interval(IntervalMethod.EXACT).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("@RecallAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for F1");
    }

    @Test
    void noneOnAMetricWithoutAPerClassFormIsAConfigurationError() {
        assertThatThrownBy(() -> MetricGate.builder("@MetricAtLeast on T.m()", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .average(Averaging.NONE)
                        .build()
                        .evaluate(three))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MetricAtLeast on T.m(): 'average' does not apply to accuracy (it has no per-class form),"
                        + " was NONE");
        assertThatThrownBy(() -> MetricGate.builder("@MetricAtMost on T.m()", Metric.LOG_LOSS, Bound.AT_MOST, 0.8)
                        .average(Averaging.NONE)
                        .build()
                        .evaluate(MetricFixtures.binary("fixture.csv", 40, 3)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MetricAtMost on T.m(): 'average' does not apply to log loss (it has no per-class form),"
                        + " was NONE");
    }

    @Test
    void zeroDivisionOnAnotherMetricIsAConfigurationError() {
        assertThatThrownBy(() -> MetricGate.builder("@MetricAtLeast on T.m()", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .zeroDivision(ZeroDivision.NAN)
                        .build()
                        .evaluate(three))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MetricAtLeast on T.m(): 'zeroDivision' applies to precision, recall, F1, F-beta and"
                        + " Jaccard only, not to accuracy, was NAN");
    }

    @Test
    void noneWithSlicesIsAConfigurationError() {
        assertThatThrownBy(() -> perClass(Metric.RECALL, 0.8).slicedBy("site").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@RecallAtLeast on T.m(): 'average' cannot be NONE together with 'slicedBy': a check judges"
                        + " every class or every slice, not every class of every slice, was NONE");
    }

    @Test
    void noneOnAComparisonWithABaselineIsAConfigurationError() {
        assertThatThrownBy(() -> NoRegressionCheck.builder(
                                "@NoRegressionVs on T.m()", Metric.F1, new ModelSource.File("baseline.onnx"))
                        .options(MetricOptions.defaults().withAverage(Averaging.NONE))
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoRegressionVs on T.m(): 'average' cannot be NONE here: the comparison with the baseline"
                        + " is of one number; use a metric check with 'average' NONE to judge every class, was NONE");
    }
}
