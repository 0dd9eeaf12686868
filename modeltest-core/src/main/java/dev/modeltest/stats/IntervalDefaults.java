package dev.modeltest.stats;

import org.apiguardian.api.API;

/**
 * The defaults of the gates that report an interval (metric, fairness and regression gates), declared once. The
 * annotations use them as their attributes' defaults ({@code long seed() default IntervalDefaults.SEED;}) and the
 * core builders start from them, so a default cannot drift between the two.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class IntervalDefaults {

    /** The bootstrap seed: the same seed gives the same interval, bit for bit. */
    public static final long SEED = 42;

    /** The number of bootstrap resamples. */
    public static final int RESAMPLES = 2000;

    /** The confidence a gate decides on: 0, the point value (an interval is still reported). */
    public static final double CONFIDENCE = 0;

    /** The level of the interval reported beside a gate that decides on the point value. */
    public static final double REPORTED_LEVEL = 0.95;

    /** The smallest slice or group a gate judges; smaller ones are reported as too small. */
    public static final int MIN_SUBSET_SIZE = 30;

    private IntervalDefaults() {}
}
