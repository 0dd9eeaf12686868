package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * The decision every check takes on a measured value and its confidence interval: PASS, FAIL or INCONCLUSIVE, and for an
 * undecided interval the rows that would decide. Metric checks, fairness and latency apply this one rule; what each adds
 * (latency's rounds, fairness's tolerance of floating-point noise) wraps it, and the words of the message stay with the
 * check.
 *
 * <p>The rule: an undefined (NaN) value is INCONCLUSIVE. With {@code confidence = 0} the check decides on the point
 * value: PASS when it is on the threshold's right {@link Threshold.Comparison side} (equal counts as holding), FAIL
 * otherwise. With a level in (0, 1) it decides on the interval: PASS when the whole interval is on the right side,
 * FAIL when the whole interval is on the wrong side, INCONCLUSIVE when it straddles the threshold, or when there is no
 * interval at all.
 *
 * @param verdict the decision
 * @param rowsNeeded for an INCONCLUSIVE interval decision, the estimated number of rows that would decide
 *     ({@link #rowsNeeded(double, double, Interval, long)}); 0 when not applicable; {@link #NEVER} when no number of
 *     rows can be expected to decide (the value equals the threshold)
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Decision(Verdict verdict, long rowsNeeded) {

    /** The {@link #rowsNeeded()} of a value that equals its threshold: no number of rows can be expected to decide. */
    public static final long NEVER = -1;

    /**
     * Decides.
     *
     * @param side the side of the threshold the value must be on
     * @param threshold the threshold
     * @param confidence 0 to decide on the point value; otherwise the level of {@code interval}, in (0, 1)
     * @param value the measured value, NaN where it is undefined
     * @param interval the value's interval at {@code confidence}; {@code null} when there is none. Its bounds may be
     *     infinite where a side is unbounded.
     * @param n the number of rows (or samples) the value was measured on, for the rows-needed estimate
     */
    public static Decision of(
            Threshold.Comparison side, double threshold, double confidence, double value, Interval interval, long n) {
        if (Double.isNaN(value)) {
            return new Decision(Verdict.INCONCLUSIVE, 0);
        }
        if (confidence == 0) {
            return new Decision(side.holds(value, threshold) ? Verdict.PASS : Verdict.FAIL, 0);
        }
        if (interval == null) {
            return new Decision(Verdict.INCONCLUSIVE, 0);
        }
        double near = side == Threshold.Comparison.AT_LEAST ? interval.lower() : interval.upper();
        double far = side == Threshold.Comparison.AT_LEAST ? interval.upper() : interval.lower();
        if (side.holds(near, threshold)) {
            return new Decision(Verdict.PASS, 0);
        }
        if (!side.holds(far, threshold)) {
            return new Decision(Verdict.FAIL, 0);
        }
        return new Decision(Verdict.INCONCLUSIVE, rowsNeeded(threshold, value, interval, n));
    }

    /**
     * Estimates the rows needed for the interval to leave the threshold: the half-width on the threshold's side
     * shrinks as 1/√n, so it reaches the distance d between value and threshold at {@code n·(h/d)²}, assuming the
     * value itself stays where it is. An estimate, not a promise; at least {@code n + 1}, and {@link #NEVER} when the
     * value equals the threshold.
     */
    public static long rowsNeeded(double threshold, double value, Interval interval, long n) {
        double distance = Math.abs(value - threshold);
        if (distance == 0) {
            return NEVER;
        }
        double halfWidth = threshold < value ? value - interval.lower() : interval.upper() - value;
        double needed = Math.ceil(n * (halfWidth / distance) * (halfWidth / distance));
        return Math.max(n + 1L, (long) Math.min(needed, Long.MAX_VALUE / 2.0));
    }
}
