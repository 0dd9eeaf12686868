package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one decision rule every gate applies: on the point value, or on the interval, with the rows that would decide. */
class DecisionTest {

    private static final Interval AROUND_085 = new Interval(0.69, 0.94, 0.95, "test");

    private static Decision atLeast(double threshold, double confidence, double value, Interval interval) {
        return Decision.of(Threshold.Comparison.AT_LEAST, threshold, confidence, value, interval, 40);
    }

    private static Decision atMost(double threshold, double confidence, double value, Interval interval) {
        return Decision.of(Threshold.Comparison.AT_MOST, threshold, confidence, value, interval, 40);
    }

    @Test
    void passesAtLeastWhenTheWholeIntervalIsAtOrAboveTheThreshold() {
        assertThat(atLeast(0.60, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.PASS, 0));
        assertThat(atLeast(0.69, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.PASS, 0));
    }

    @Test
    void passesAtMostWhenTheWholeIntervalIsAtOrBelowTheThreshold() {
        assertThat(atMost(0.95, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.PASS, 0));
        assertThat(atMost(0.94, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.PASS, 0));
    }

    @Test
    void failsAtLeastWhenTheWholeIntervalIsBelowTheThreshold() {
        assertThat(atLeast(0.95, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.FAIL, 0));
    }

    @Test
    void failsAtMostWhenTheWholeIntervalIsAboveTheThreshold() {
        assertThat(atMost(0.60, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.FAIL, 0));
    }

    @Test
    void isInconclusiveAtLeastWhenTheIntervalStraddlesTheThresholdAndSaysHowManyRowsWouldDecide() {
        // Half-width 0.16 below the value, distance 0.05: 40·(0.16/0.05)² = 409.6 rows.
        assertThat(atLeast(0.80, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 410));
        // Half-width 0.09 above the value, distance 0.05: 40·1.8² = 129.6 rows.
        assertThat(atLeast(0.90, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 130));
    }

    @Test
    void isInconclusiveAtMostWhenTheIntervalStraddlesTheThresholdAndSaysHowManyRowsWouldDecide() {
        assertThat(atMost(0.80, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 410));
        assertThat(atMost(0.90, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 130));
    }

    @Test
    void aValueEqualToTheThresholdCanNeverBeDecidedByMoreRows() {
        assertThat(atLeast(0.85, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, Decision.NEVER));
        assertThat(atMost(0.85, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, -1));
    }

    @Test
    void neverAsksForAsFewRowsAsItHas() {
        // The threshold on the interval's lower bound: the half-width equals the distance, so n·1² = 40 rows, and at
        // least one more row is asked for.
        assertThat(atMost(0.69, 0.95, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 41));
    }

    @Test
    void anUndefinedValueIsInconclusiveWhateverTheConfidence() {
        assertThat(atLeast(0.5, 0, Double.NaN, null)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 0));
        assertThat(atMost(0.5, 0.95, Double.NaN, AROUND_085)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 0));
    }

    @Test
    void withoutAnIntervalAnIntervalDecisionIsInconclusive() {
        assertThat(atLeast(0.5, 0.95, 0.85, null)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 0));
        assertThat(atMost(0.95, 0.95, 0.85, null)).isEqualTo(new Decision(Verdict.INCONCLUSIVE, 0));
    }

    @Test
    void confidenceZeroDecidesOnThePointValueAndIgnoresTheInterval() {
        // The interval straddles 0.80, but the point value 0.85 is above it.
        assertThat(atLeast(0.80, 0, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.PASS, 0));
        assertThat(atLeast(0.90, 0, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.FAIL, 0));
        assertThat(atMost(0.90, 0, 0.85, AROUND_085)).isEqualTo(new Decision(Verdict.PASS, 0));
        assertThat(atMost(0.80, 0, 0.85, null)).isEqualTo(new Decision(Verdict.FAIL, 0));
    }

    @Test
    void onThePointValueEqualToTheThresholdHolds() {
        assertThat(atLeast(0.85, 0, 0.85, null)).isEqualTo(new Decision(Verdict.PASS, 0));
        assertThat(atMost(0.85, 0, 0.85, null)).isEqualTo(new Decision(Verdict.PASS, 0));
    }

    @Test
    void anUnboundedSideNeverDecidesTowardsIt() {
        // Latency's order-statistic interval may have no upper bound yet: it cannot pass, but a lower bound over the
        // limit still fails.
        Interval noUpper = new Interval(3, Double.POSITIVE_INFINITY, 0.95, "test");

        assertThat(atMost(5, 0.95, 4, noUpper).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(atMost(2, 0.95, 4, noUpper).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theSidesHoldWithEqualityIncluded() {
        assertThat(Threshold.Comparison.AT_LEAST.holds(0.9, 0.9)).isTrue();
        assertThat(Threshold.Comparison.AT_LEAST.holds(0.89, 0.9)).isFalse();
        assertThat(Threshold.Comparison.AT_MOST.holds(0.9, 0.9)).isTrue();
        assertThat(Threshold.Comparison.AT_MOST.holds(0.91, 0.9)).isFalse();
        assertThat(Threshold.Comparison.AT_LEAST.holds(Double.NaN, 0.9)).isFalse();
        assertThat(Threshold.Comparison.AT_MOST.holds(Double.NaN, 0.9)).isFalse();
    }
}
