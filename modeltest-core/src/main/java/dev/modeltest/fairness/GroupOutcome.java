package dev.modeltest.fairness;

import dev.modeltest.check.Format;

/**
 * The closing sentence of a fairness check's message, after its limit: why the check could not be judged, by how much
 * a point value missed, or what the bootstrap interval says. The fairness checks' own shape of {@link
 * dev.modeltest.check.BoundOutcome}: a miss is "over" or "below" the limit, and each sentence ends with the check's
 * explanation of what the statistic means for the groups.
 */
final class GroupOutcome {

    private static final String NOT_JUDGEABLE = "but %s: the gate cannot be judged.";
    private static final String MISSED = "but it was %s %s: %s.";
    private static final String NO_INTERVAL =
            "but every bootstrap resample left it undefined: the data cannot decide either way.";
    private static final String INTERVAL_MISSES = "but the whole %s interval is %s it: %s.";
    private static final String INTERVAL_STRADDLES =
            "but the %s interval straddles it, so the data cannot decide either"
                    + " way (more rows per group would narrow it): %s.";

    private GroupOutcome() {}

    /** The check cannot be judged on these rows, for {@code why} (a group too small, the statistic undefined). */
    static String notJudgeable(String why) {
        return Format.message(NOT_JUDGEABLE, why);
    }

    /** A point decision missed the limit by {@code gap}, printed with the value's and limit's decimals. */
    static String missed(double point, double limit, boolean atMost, String explanation) {
        String gap = Format.gap(Math.abs(point - limit), Format.decimals(point, limit));
        return Format.message(MISSED, gap, side(atMost), explanation);
    }

    /** Every bootstrap resample left the statistic undefined. */
    static String noInterval() {
        return NO_INTERVAL;
    }

    /** The whole interval at {@code level} is on the failing side of the limit. */
    static String intervalMisses(double level, boolean atMost, String explanation) {
        return Format.message(INTERVAL_MISSES, Format.percent(level), side(atMost), explanation);
    }

    /** The interval at {@code level} straddles the limit. */
    static String intervalStraddles(double level, String explanation) {
        return Format.message(INTERVAL_STRADDLES, Format.percent(level), explanation);
    }

    private static String side(boolean atMost) {
        return atMost ? "over" : "below";
    }
}
