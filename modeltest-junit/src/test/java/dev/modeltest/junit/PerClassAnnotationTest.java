package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.assertions.ModelAssertions;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.ZeroDivision;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code average = NONE} (every class must pass) and {@code zeroDivision} end to end. On the fixture scikit-learn's
 * {@code recall_score(y, pred, average=None)} is [0.95, 0.9, 0.5] and {@code precision_score} [0.8085, 0.8372, 1.0];
 * in the column {@code pred_never} class c is never predicted: {@code precision_score(..., average=None)} is [0.7308,
 * 0.75, 0.0] with {@code zero_division=0} and [0.7308, 0.75, 1.0] with 1.
 */
class PerClassAnnotationTest {

    static final String DATA = "src/test/resources/fixtures/per-class-three.csv";

    @ModelTest(data = DATA, label = "label", predictions = "pred")
    static class PerClassTestCase {
        @PrecisionAtLeast(value = 0.8, average = Averaging.NONE)
        void everyClassHolds() {}

        @RecallAtLeast(value = 0.8, average = Averaging.NONE)
        void oneClassFails() {}

        @F1AtLeast(value = 0.6, average = Averaging.NONE, confidence = 0.95)
        void classesCannotDecide() {}

        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.8, average = Averaging.NONE)
        void noneOnAccuracy() {}

        @MetricAtLeast(metric = Metric.ACCURACY, value = 0.8, zeroDivision = ZeroDivision.NAN)
        void zeroDivisionOnAccuracy() {}
    }

    @ModelTest(data = DATA, label = "label", predictions = "pred_never")
    static class NeverPredictedTestCase {
        @PrecisionAtLeast(value = 0.7, average = Averaging.NONE)
        void zeroByDefault() {}

        @PrecisionAtLeast(value = 0.7, average = Averaging.NONE, zeroDivision = ZeroDivision.ONE)
        void oneCountsAsAHit() {}

        @PrecisionAtLeast(value = 0.7, average = Averaging.NONE, zeroDivision = ZeroDivision.NAN)
        void nanIsInconclusive() {}

        @MetricAtLeast(metric = Metric.PRECISION, value = 0.5, positiveLabel = "c", zeroDivision = ZeroDivision.NAN)
        void nanOfOneClass() {}
    }

    @Test
    void passesWhenEveryClassPassesAndFailsNamingTheClassBelow() {
        EngineExecutionResults results = run(PerClassTestCase.class);

        assertThat(succeeded(results)).containsExactly("everyClassHolds()");
        assertThat(failureOf(results, "oneClassFails"))
                .isEqualTo("Expecting model recall (per class) on per-class-three.csv (n=100) in every class to be at"
                        + " least:\n"
                        + "  0.8000\n"
                        + "but 1 of 3 classes is below it (c):\n"
                        + "  class  support  recall (per class)  95% CI         verdict\n"
                        + "  a      40       0.9500              0.8350–0.9862  PASS\n"
                        + "  b      40       0.9000              0.7695–0.9604  PASS\n"
                        + "  c      20       0.5000              0.2993–0.7007  FAIL");
        assertThat(TestKit.throwableOf(results, "oneClassFails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void isInconclusiveWhenNoClassFailsButSomeCannotDecide() {
        EngineExecutionResults results = run(PerClassTestCase.class);

        assertThat(failureOf(results, "classesCannotDecide"))
                .startsWith("Expecting model F1 (per class) on per-class-three.csv (n=100) in every class to be at"
                        + " least:\n"
                        + "  0.6000\n"
                        + "but 1 of 3 classes cannot decide at 95%:\n"
                        + "  class  support  F1 (per class)  95% CI         verdict\n"
                        + "  a      40       0.8736          ")
                .contains("\n  c      20       0.6667          0.4286–0.8333  INCONCLUSIVE\n"
                        + "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): c about ");
    }

    @Test
    void noneAndZeroDivisionOnAccuracyAreConfigurationErrors() {
        EngineExecutionResults results = run(PerClassTestCase.class);

        assertThat(failureOf(results, "noneOnAccuracy"))
                .isEqualTo("@MetricAtLeast on PerClassTestCase.noneOnAccuracy(): 'average' does not apply to accuracy"
                        + " (it has no per-class form), was NONE");
        assertThat(TestKit.throwableOf(results, "noneOnAccuracy")).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(failureOf(results, "zeroDivisionOnAccuracy"))
                .isEqualTo("@MetricAtLeast on PerClassTestCase.zeroDivisionOnAccuracy(): 'zeroDivision' applies to"
                        + " precision, recall, F1, F-beta and Jaccard only, not to accuracy, was NAN");
    }

    @Test
    void zeroDivisionDecidesWhatTheClassNeverPredictedScores() {
        EngineExecutionResults results = run(NeverPredictedTestCase.class);

        assertThat(succeeded(results)).containsExactly("oneCountsAsAHit()");
        assertThat(failureOf(results, "zeroByDefault"))
                .isEqualTo(
                        "Expecting model precision (per class) on per-class-three.csv (n=100) in every class to be at"
                                + " least:\n"
                                + "  0.7000\n"
                                + "but 1 of 3 classes is below it (c):\n"
                                + "  class  support  precision (per class)  95% CI         verdict\n"
                                + "  a      40       0.7308                 0.5975–0.8323  PASS\n"
                                + "  b      40       0.7500                 0.6122–0.8508  PASS\n"
                                + "  c      20       0.0000                 -              FAIL");
        assertThat(failureOf(results, "nanIsInconclusive"))
                .isEqualTo("Expecting model precision (per class, 0/0 as NaN) on per-class-three.csv (n=100) in every"
                        + " class to be at least:\n"
                        + "  0.7000\n"
                        + "but 1 of 3 classes cannot decide:\n"
                        + "  class  support  precision (per class, 0/0 as NaN)  95% CI         verdict\n"
                        + "  a      40       0.7308                             0.5975–0.8323  PASS\n"
                        + "  b      40       0.7500                             0.6122–0.8508  PASS\n"
                        + "  c      20       -                                  -              undefined\n"
                        + "undefined for c: precision (per class, 0/0 as NaN) is NaN when no row is predicted as class"
                        + " 'c' (0 predicted, so precision is 0/0) and 'zeroDivision' is NAN.\n"
                        + "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): c none"
                        + " (undefined).");
        assertThat(failureOf(results, "nanOfOneClass"))
                .isEqualTo(
                        "Expecting model precision (positive class 'c', 0/0 as NaN) on per-class-three.csv (n=100):\n"
                                + "  NaN\n"
                                + "to be at least:\n"
                                + "  0.5000\n"
                                + "but it is undefined (NaN) on these rows: it is NaN when no row is predicted as class 'c' (0"
                                + " predicted, so precision is 0/0) and 'zeroDivision' is NAN.");
    }

    @Test
    void theFluentAssertionTakesNoneAndZeroDivision() {
        // a: 3 rows, 2 predicted a; b: 2 rows, both predicted a; so b is never predicted.
        Predictions predictions = Predictions.classification(
                "tiny.csv",
                "test model",
                List.of("a", "b"),
                new int[] {0, 0, 0, 1, 1},
                new int[] {0, 0, 0, 0, 0},
                null);

        ModelAssertions.assertThat(predictions)
                .metric(Metric.RECALL, Averaging.NONE)
                .isAtLeast(0.0);
        assertThatThrownBy(() -> ModelAssertions.assertThat(predictions)
                        .metric(Metric.PRECISION, Averaging.NONE)
                        .withZeroDivision(ZeroDivision.NAN)
                        .isAtLeast(0.5))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("undefined for b: precision (per class, 0/0 as NaN) is NaN when no row is"
                        + " predicted as class 'b' (0 predicted, so precision is 0/0) and 'zeroDivision' is NAN.");
    }
}
