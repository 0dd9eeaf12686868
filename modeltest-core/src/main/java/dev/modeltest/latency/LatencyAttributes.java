package dev.modeltest.latency;

import dev.modeltest.error.ConfigurationException;

/**
 * The attribute rules that {@link LatencyCheck} and {@link ThroughputCheck} share, so that both reject a bad value with
 * the same message, e.g. {@code @ThroughputAtLeast on IrisTest.busy(): 'warmup' must be at least 0, was -1}.
 */
final class LatencyAttributes {

    private LatencyAttributes() {}

    /**
     * Checks the warm-up settings both checks hand to {@link dev.modeltest.latency.LatencyMeter#warmUp}: first
     * {@code warmup} (at least 0), then {@code maxWarmupMillis} (in [0, {@value LatencyCheck#MAX_WARMUP_MILLIS}]).
     *
     * @throws ConfigurationException naming the first attribute out of range and its value
     */
    static void requireWarmup(String where, int warmup, int maxWarmupMillis) {
        requireAtLeast(where, "warmup", warmup, 0);
        requireInRange(where, "maxWarmupMillis", maxWarmupMillis, 0, LatencyCheck.MAX_WARMUP_MILLIS);
    }

    /**
     * Checks that a whole-number attribute is at least {@code min}.
     *
     * @throws ConfigurationException saying {@code 'attribute' must be at least min, was value} when it is not
     */
    static void requireAtLeast(String where, String attribute, int value, int min) {
        if (value < min) {
            throw ConfigurationException.badAttribute(where, attribute, "must be at least " + min, value);
        }
    }

    /**
     * Checks that a whole-number attribute is in {@code [min, max]}.
     *
     * @throws ConfigurationException saying {@code 'attribute' must be in [min, max], was value} when it is not
     */
    static void requireInRange(String where, String attribute, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigurationException.badAttribute(where, attribute, "must be in [" + min + ", " + max + "]", value);
        }
    }
}
