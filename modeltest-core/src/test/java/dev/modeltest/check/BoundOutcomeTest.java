package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The closing sentence of a value-against-limit message, one wording per outcome. */
class BoundOutcomeTest {

    @Test
    void aPointMissSaysByHowMuchAndOnWhichSide() {
        assertThat(BoundOutcome.missed(0.0333, 4, Threshold.Comparison.AT_LEAST))
                .isEqualTo("but it was 0.0333 below.");
        assertThat(BoundOutcome.missed(0.00001, 4, Threshold.Comparison.AT_MOST))
                .isEqualTo("but it was 0.00001 above.");
    }

    @Test
    void anUndefinedValueSaysWhenTheMetricIsNaN() {
        assertThat(BoundOutcome.undefined("no row is predicted positive"))
                .isEqualTo("but it is undefined (NaN) on these rows: it is NaN when no row is predicted positive.");
    }

    @Test
    void aMissingIntervalSaysWhy() {
        assertThat(BoundOutcome.noInterval(0.95, "every row has the same label"))
                .isEqualTo("but it has no 95% interval: every row has the same label.");
        assertThat(BoundOutcome.noInterval(0.9, ""))
                .isEqualTo("but it has no 90% interval: the metric is undefined on every bootstrap resample.");
    }

    @Test
    void anIntervalClearsMissesOrStraddlesTheLimit() {
        assertThat(BoundOutcome.intervalClears(0.95)).isEqualTo("and the whole 95% interval clears it.");
        assertThat(BoundOutcome.intervalMisses(0.99, Threshold.Comparison.AT_MOST))
                .isEqualTo("but the whole 99% interval is above it.");
        assertThat(BoundOutcome.intervalStraddles(0.95, 30, 412, 0.91)).isEqualTo("""
                        but the 95% interval straddles it, so 30 rows cannot decide;
                        about 412 rows would be needed to decide (an estimate: the interval's half-width shrinks as \
                        1/√n, assuming the value stays 0.9100).""");
    }

    @Test
    void aValueOnTheLimitCannotBeDecidedByAnyNumberOfRows() {
        assertThat(BoundOutcome.rowsNeeded(-1, 0.9))
                .isEqualTo("the value equals the threshold, so no number of rows can be expected to decide.");
        assertThat(BoundOutcome.rowsNeeded(31, Double.NaN)).contains("assuming the value stays NaN");
    }
}
