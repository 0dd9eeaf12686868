package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * The closing sentence of a {@link ShouldBeWithinBound} message: how the value, or its interval, stands against the
 * limit. One method per outcome, each with its one wording; the check picks the outcome its decision reached.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BoundOutcome {

    private static final String MISSED = "but it was %s %s.";
    private static final String UNDEFINED = "but it is undefined (NaN) on these rows: it is NaN when %s.";
    private static final String NO_INTERVAL = "but it has no %s interval: %s.";
    private static final String NO_INTERVAL_REASON = "the metric is undefined on every bootstrap resample";
    private static final String INTERVAL_CLEARS = "and the whole %s interval clears it.";
    private static final String INTERVAL_MISSES = "but the whole %s interval is %s it.";
    private static final String INTERVAL_STRADDLES = """
            but the %s interval straddles it, so %s rows cannot decide;
            %s""";
    private static final String ROWS_NEEDED = "about %s rows would be needed to decide (an estimate: the interval's"
            + " half-width shrinks as 1/√n, assuming the value stays %s).";
    private static final String NO_ROWS_DECIDE =
            "the value equals the threshold, so no number of rows can be expected to decide.";

    private BoundOutcome() {}

    /** {@code but it was 0.0333 below.}: the point value missed the limit by {@code gap} ({@link Format#gap}). */
    public static String missed(double gap, int decimals, Threshold.Comparison side) {
        return Format.message(MISSED, Format.gap(gap, decimals), side.missSide());
    }

    /** {@code but it is undefined (NaN) on these rows: it is NaN when <when>.} */
    public static String undefined(String when) {
        return Format.message(UNDEFINED, when);
    }

    /**
     * {@code but it has no 95% interval: <why>.}; an empty {@code why} says the metric was undefined on every bootstrap
     * resample.
     */
    public static String noInterval(double level, String why) {
        return Format.message(NO_INTERVAL, Format.percent(level), why.isEmpty() ? NO_INTERVAL_REASON : why);
    }

    /** {@code and the whole 95% interval clears it.} */
    public static String intervalClears(double level) {
        return Format.message(INTERVAL_CLEARS, Format.percent(level));
    }

    /** {@code but the whole 95% interval is below it.} */
    public static String intervalMisses(double level, Threshold.Comparison side) {
        return Format.message(INTERVAL_MISSES, Format.percent(level), side.missSide());
    }

    /**
     * {@code but the 95% interval straddles it, so 30 rows cannot decide;} and, on the next line, the estimate of the
     * rows that would.
     *
     * @param rows the rows measured
     * @param rowsNeeded the estimated rows that would decide; negative when no number can (the value equals the limit)
     * @param value the measured value, which the estimate assumes stays where it is
     */
    public static String intervalStraddles(double level, long rows, long rowsNeeded, double value) {
        return Format.message(INTERVAL_STRADDLES, Format.percent(level), rows, rowsNeeded(rowsNeeded, value));
    }

    /** The estimate of the rows that would decide, or why no number of rows can be expected to. */
    public static String rowsNeeded(long rowsNeeded, double value) {
        return rowsNeeded < 0 ? NO_ROWS_DECIDE : Format.message(ROWS_NEEDED, rowsNeeded, value);
    }
}
