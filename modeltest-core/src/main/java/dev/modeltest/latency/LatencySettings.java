package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;

/**
 * The validated settings of one {@link LatencyCheck}, as the measuring, the decision and the message read them.
 *
 * @param where where it was configured, for messages
 * @param millis the highest acceptable latency per call
 * @param percentile the percentile compared with the limit, in (0, 100]
 * @param warmup the fewest untimed calls
 * @param maxWarmupMillis the longest warm-up; 0 for exactly {@code warmup} calls
 * @param samples the timed calls per round
 * @param batchSize the rows per call
 * @param confidence the level of the interval decided on; 0 for the point value
 * @param maxRounds the most rounds
 * @param inconclusive whether a still straddling interval after the last round is INCONCLUSIVE (else: the point value)
 * @param jitCalls the calls an adaptive warm-up makes at least, unless they would take over 1 s
 */
record LatencySettings(
        String where,
        double millis,
        double percentile,
        int warmup,
        int maxWarmupMillis,
        int samples,
        int batchSize,
        double confidence,
        int maxRounds,
        boolean inconclusive,
        long jitCalls) {

    /** Returns whether the check decides on the interval (rather than on the point value). */
    boolean decidesOnInterval() {
        return confidence > 0 && percentile < 100;
    }

    /** Returns the level of the intervals measured and shown: the confidence, or the reported level on a point. */
    double level() {
        return decidesOnInterval() ? confidence : LatencyCheck.REPORTED_CONFIDENCE;
    }

    /** Returns the limit in nanoseconds. */
    double limitNanos() {
        return millis * NANOS_PER_MILLI;
    }

    /** Returns the rounds that may be measured: {@code maxRounds} on the interval, one on the point value. */
    int allowedRounds() {
        return decidesOnInterval() ? maxRounds : 1;
    }

    /** Returns the longest warm-up in nanoseconds. */
    long maxWarmupNanos() {
        return maxWarmupMillis * 1_000_000L;
    }
}
