package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * A check of R² or explained variance on one row is INCONCLUSIVE and says why: scikit-learn's R² is NaN there ("not
 * well-defined with less than two samples"), where a one-row slice used to pass or fail on a meaningless 1.0 or 0.0.
 */
class FewRowsGateTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    private static final String WHY =
            "there are fewer than two rows (scikit-learn: \"not well-defined with less than two samples\")";

    /** One row predicted exactly: scikit-learn's force_finite rule alone would make both scores 1.0, a pass. */
    private final Predictions oneRow =
            Predictions.regression("one.csv", "regressor", new double[] {3}, new double[] {3});

    @Test
    void rSquaredOnOneRowIsInconclusiveNamingTheReason() {
        CheckResult result = MetricGate.builder(WHERE, Metric.R2, Bound.AT_LEAST, 0.5)
                .build()
                .evaluate(oneRow);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.measured()).isNaN();
        assertThat(result.interval()).isNull();
        assertThat(result.message())
                .isEqualTo("Expecting model R² on one.csv (n=1):\n"
                        + "  NaN\n"
                        + "to be at least:\n"
                        + "  0.5000\n"
                        + "but it is undefined (NaN) on these rows: it is NaN when " + WHY + ".");
    }

    @Test
    void explainedVarianceOnOneRowIsInconclusiveAtAnyConfidence() {
        for (double confidence : new double[] {0, 0.95}) {
            CheckResult result = MetricGate.builder(WHERE, Metric.EXPLAINED_VARIANCE, Bound.AT_LEAST, 0.5)
                    .confidence(confidence)
                    .build()
                    .evaluate(oneRow);

            assertThat(result.verdict()).as("confidence " + confidence).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(result.message())
                    .endsWith("but it is undefined (NaN) on these rows: it is NaN when " + WHY + ".");
        }
    }

    @Test
    void twoRowsAreEnoughToDecide() {
        Predictions twoRows =
                Predictions.regression("two.csv", "regressor", new double[] {1, 3}, new double[] {1.5, 2.5});

        CheckResult result = MetricGate.builder(WHERE, Metric.R2, Bound.AT_LEAST, 0.5)
                .build()
                .evaluate(twoRows);

        // 1 − (0.25 + 0.25) / (1 + 1)
        assertThat(result.measured()).isEqualTo(0.75);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aOneRowSliceIsInconclusiveAndTheMessageSaysWhy() {
        Predictions p = Predictions.regression(
                "five.csv", "regressor", new double[] {1, 2, 3, 4, 9}, new double[] {1.1, 2.2, 2.9, 4.1, 9});

        CheckResult result = MetricGate.builder(WHERE, Metric.R2, Bound.AT_LEAST, 0.5)
                .minSliceSize(1)
                .build()
                .evaluate(p, new String[] {"a", "a", "a", "a", "b"});

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .isEqualTo("Expecting model R² on five.csv (n=5) in every slice of 'slice' to be at least:\n"
                        + "  0.5000\n"
                        + "but 1 of 2 judged slices cannot decide:\n"
                        + "  slice  rows  R²      95% CI         verdict\n"
                        + "  a      4     0.9860  0.9340–0.9970  PASS\n"
                        + "  b      1     -       -              undefined\n"
                        + "undefined in b: R² is NaN when " + WHY + ".\n"
                        + "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): b none"
                        + " (undefined).");
    }
}
