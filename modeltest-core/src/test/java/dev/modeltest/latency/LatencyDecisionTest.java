package dev.modeltest.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.Verdict;
import org.junit.jupiter.api.Test;

/** Latency's rules around the shared decision: rounds, a passing round, and what a straddle after the last round means. */
class LatencyDecisionTest {

    /** A limit of 5 ms. */
    private static final double MILLIS = 5;

    private static LatencySettings settings(double percentile, double confidence, boolean inconclusive) {
        return new LatencySettings(
                "@LatencyUnder on T.m()", MILLIS, percentile, 0, 0, 1000, 1, confidence, 3, inconclusive, 0);
    }

    private static LatencyDecision onInterval() {
        return new LatencyDecision(settings(99, 0.95, false));
    }

    /** A p99 estimate in milliseconds; a negative bound means none. */
    private static LatencyHistogram.Estimate p99(double millis, double lower, double upper) {
        QuantileInterval ranks = new QuantileInterval(1000, 0.99, 0.95, 1, 1000, 0.95);
        return new LatencyHistogram.Estimate(
                99, nanos(millis), ranks, lower < 0 ? -1 : nanos(lower), upper < 0 ? -1 : nanos(upper));
    }

    private static long nanos(double millis) {
        return Math.round(millis * 1e6);
    }

    @Test
    void passesWhenThePooledIntervalIsUnderTheLimitAndFailsWhenItIsOver() {
        assertThat(onInterval().afterRound(1, p99(4, 3, 4.5), p99(4, 3, 4.5), false))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.PASS, 0, true));
        assertThat(onInterval().afterRound(1, p99(7, 6, 8), p99(7, 6, 8), false))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.FAIL, 0, true));
    }

    @Test
    void anIntervalEndingOnTheLimitIsUnderIt() {
        assertThat(onInterval().afterRound(1, p99(4, 3, 5), p99(4, 3, 5), false).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void asksForAnotherRoundWhileThePooledIntervalStraddlesTheLimit() {
        assertThat(onInterval().afterRound(1, p99(4.8, 4, 6), p99(4.8, 4, 6), false))
                .isNull();
        assertThat(onInterval().afterRound(2, p99(4.8, 4, -1), p99(4.8, 4, -1), false))
                .isNull();
    }

    @Test
    void aLaterRoundWhoseOwnIntervalIsUnderTheLimitPassesTheGate() {
        assertThat(onInterval().afterRound(2, p99(4, 3, 4.5), p99(4.8, 4, 6), false))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.PASS, 2, true));
        // The first round has nothing to be compared with: its own interval is the pooled one.
        assertThat(onInterval().afterRound(1, p99(4, 3, 4.5), p99(4.8, 4, 6), false))
                .isNull();
    }

    @Test
    void afterTheLastRoundAStraddleIsDecidedOnThePooledPointValue() {
        assertThat(onInterval().afterRound(3, p99(4.8, 4, 6), p99(4.8, 4, 6), true))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.PASS, 0, false));
        assertThat(onInterval().afterRound(3, p99(5.2, 4, 6), p99(5.2, 4, 6), true))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.FAIL, 0, false));
    }

    @Test
    void afterTheLastRoundAStraddleIsInconclusiveWhenSoConfigured() {
        LatencyDecision decision = new LatencyDecision(settings(99, 0.95, true));

        assertThat(decision.afterRound(3, p99(4.8, 4, 6), p99(4.8, 4, 6), true))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.INCONCLUSIVE, 0, false));
    }

    @Test
    void withConfidenceZeroItDecidesOnThePointValueInOneRound() {
        LatencyDecision decision = new LatencyDecision(settings(99, 0, false));

        assertThat(decision.afterRound(1, p99(5, 4, 6), p99(5, 4, 6), true))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.PASS, 0, false));
        assertThat(decision.afterRound(1, p99(5.1, 4, 6), p99(5.1, 4, 6), true))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.FAIL, 0, false));
    }

    @Test
    void theMaximumIsDecidedOnItsValueWhateverTheConfidence() {
        LatencyDecision decision = new LatencyDecision(settings(100, 0.95, false));
        LatencyHistogram.Estimate max = new LatencyHistogram.Estimate(100, nanos(6), null, -1, -1);

        assertThat(decision.afterRound(1, max, max, true))
                .isEqualTo(new LatencyDecision.Outcome(Verdict.FAIL, 0, false));
    }

    @Test
    void namesWhatDecidedForReports() {
        assertThat(new LatencyDecision.Outcome(Verdict.PASS, 0, false).decidedBy(false))
                .isEqualTo("point");
        assertThat(new LatencyDecision.Outcome(Verdict.PASS, 2, true).decidedBy(true))
                .isEqualTo("round 2");
        assertThat(new LatencyDecision.Outcome(Verdict.FAIL, 0, true).decidedBy(true))
                .isEqualTo("pooled interval");
        assertThat(new LatencyDecision.Outcome(Verdict.FAIL, 0, false).decidedBy(true))
                .isEqualTo("pooled point");
        assertThat(new LatencyDecision.Outcome(Verdict.INCONCLUSIVE, 0, false).decidedBy(true))
                .isEqualTo("undecided");
    }
}
