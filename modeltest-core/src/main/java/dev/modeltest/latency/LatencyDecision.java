package dev.modeltest.latency;

import dev.modeltest.check.Decision;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;

/**
 * Decides {@code @LatencyUnder} round by round: the shared {@link Decision} on the pooled estimate's interval (or on
 * its point value), with latency's own rules around it. While the interval straddles the limit and rounds remain, it
 * asks for another round; a round whose own interval is under the limit passes the check even when the pooled one does
 * not, because interference only ever adds time; after the last round a still straddling interval is decided on the
 * pooled point value ("too close to call"), or is INCONCLUSIVE when so configured.
 */
final class LatencyDecision {

    /** How the interval is made, as results name it. */
    static final String ORDER_STATISTICS = "order statistics (Conover 1999, §3.2)";

    /**
     * What was decided.
     *
     * @param verdict the verdict
     * @param passingRound the round whose own interval passed the check, or 0
     * @param intervalDecided whether an interval decided (a round's or the pooled one), not the point value
     */
    record Outcome(Verdict verdict, int passingRound, boolean intervalDecided) {

        /** Names what decided, for reports: point, round n, pooled interval, pooled point or undecided. */
        String decidedBy(boolean decidesOnInterval) {
            if (!decidesOnInterval) {
                return "point";
            }
            if (passingRound > 0) {
                return "round " + passingRound;
            }
            if (intervalDecided) {
                return "pooled interval";
            }
            return verdict == Verdict.INCONCLUSIVE ? "undecided" : "pooled point";
        }
    }

    private final LatencySettings settings;

    LatencyDecision(LatencySettings settings) {
        this.settings = settings;
    }

    /**
     * Decides after round {@code number}, or returns {@code null} to measure another round.
     *
     * @param own the round's own estimate
     * @param pooled the estimate of all rounds so far, pooled
     * @param lastRound whether no round may follow
     */
    Outcome afterRound(int number, LatencyHistogram.Estimate own, LatencyHistogram.Estimate pooled, boolean lastRound) {
        Verdict onPooled = decide(pooled, settings.decidesOnInterval());
        if (settings.decidesOnInterval()
                && number > 1
                && onPooled != Verdict.PASS
                && decide(own, true) == Verdict.PASS) {
            // Interference only ever adds time: a round whose own interval is under the limit shows the model meets
            // it, and the slower rounds before it were disturbed.
            return new Outcome(Verdict.PASS, number, true);
        }
        if (onPooled != Verdict.INCONCLUSIVE) {
            return new Outcome(onPooled, 0, settings.decidesOnInterval());
        }
        if (!lastRound) {
            return null;
        }
        return new Outcome(settings.inconclusive() ? Verdict.INCONCLUSIVE : decide(pooled, false), 0, false);
    }

    /** Applies the shared decision to the estimate: on its interval, or on its point value. */
    private Verdict decide(LatencyHistogram.Estimate estimate, boolean onInterval) {
        return Decision.of(
                        Threshold.Comparison.AT_MOST,
                        settings.limitNanos(),
                        onInterval ? settings.confidence() : 0,
                        estimate.nanos(),
                        interval(estimate),
                        estimate.ranks() == null ? 0 : estimate.ranks().n())
                .verdict();
    }

    /**
     * Returns the estimate's interval in nanoseconds, an unbounded side open to infinity; {@code null} for the maximum,
     * which has none.
     */
    private static Interval interval(LatencyHistogram.Estimate estimate) {
        if (estimate.ranks() == null) {
            return null;
        }
        return new Interval(
                estimate.hasLower() ? estimate.lowerNanos() : Double.NEGATIVE_INFINITY,
                estimate.hasUpper() ? estimate.upperNanos() : Double.POSITIVE_INFINITY,
                estimate.ranks().confidence(),
                ORDER_STATISTICS);
    }
}
