package dev.modeltest.gate;

import dev.modeltest.check.BoundOutcome;
import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;

/**
 * The decision rule of a gate, applied to a {@link Measurement}: on the point value ({@code confidence = 0}) or on
 * the interval.
 *
 * @param verdict the decision
 * @param rowsNeeded for an INCONCLUSIVE interval decision, the estimated number of rows that would decide; 0 when
 *     not applicable, -1 when no number of rows can be expected to decide (the value equals the threshold)
 */
record Decision(Verdict verdict, long rowsNeeded) {

    static Decision of(Bound bound, double threshold, double confidence, Measurement m) {
        if (Double.isNaN(m.value())) {
            return new Decision(Verdict.INCONCLUSIVE, 0);
        }
        if (confidence == 0) {
            return new Decision(bound.holds(m.value(), threshold) ? Verdict.PASS : Verdict.FAIL, 0);
        }
        if (m.interval() == null) {
            return new Decision(Verdict.INCONCLUSIVE, 0);
        }
        double lower = m.interval().lower();
        double upper = m.interval().upper();
        boolean clears = bound == Bound.AT_LEAST ? lower >= threshold : upper <= threshold;
        boolean misses = bound == Bound.AT_LEAST ? upper < threshold : lower > threshold;
        if (clears) {
            return new Decision(Verdict.PASS, 0);
        }
        if (misses) {
            return new Decision(Verdict.FAIL, 0);
        }
        return new Decision(Verdict.INCONCLUSIVE, rowsNeeded(threshold, m));
    }

    /**
     * Estimates the rows needed for the interval to leave the threshold: the half-width on the threshold's side
     * shrinks as 1/√n, so it reaches the distance d between value and threshold at {@code n·(h/d)²}, assuming the
     * value itself stays where it is. An estimate, not a promise.
     */
    static long rowsNeeded(double threshold, Measurement m) {
        double distance = Math.abs(m.value() - threshold);
        if (distance == 0) {
            return -1;
        }
        double halfWidth = threshold < m.value()
                ? m.value() - m.interval().lower()
                : m.interval().upper() - m.value();
        double needed = Math.ceil(m.n() * (halfWidth / distance) * (halfWidth / distance));
        return Math.max(m.n() + 1L, (long) Math.min(needed, Long.MAX_VALUE / 2.0));
    }

    /** Returns the closing line(s) of a message for one measurement, or an empty string for a point PASS. */
    String ending(Bound bound, double threshold, double confidence, Measurement m, String undefinedWhen) {
        return ending(bound, threshold, confidence, m, undefinedWhen, Format.DECIMALS);
    }

    /** As above, the gap printed with the value's and threshold's decimals, or more ({@link Format#gap}). */
    String ending(Bound bound, double threshold, double confidence, Measurement m, String undefinedWhen, int decimals) {
        if (Double.isNaN(m.value())) {
            return BoundOutcome.undefined(undefinedWhen);
        }
        if (confidence == 0) {
            return verdict == Verdict.PASS
                    ? ""
                    : BoundOutcome.missed(Math.abs(m.value() - threshold), decimals, bound.side());
        }
        if (m.interval() == null) {
            return BoundOutcome.noInterval(confidence, m.how());
        }
        return switch (verdict) {
            case PASS -> BoundOutcome.intervalClears(confidence);
            case FAIL -> BoundOutcome.intervalMisses(confidence, bound.side());
            case INCONCLUSIVE -> BoundOutcome.intervalStraddles(confidence, m.n(), rowsNeeded, m.value());
        };
    }
}
