package dev.modeltest.check;

import dev.modeltest.error.ConfigurationException;
import org.apiguardian.api.API;

/**
 * How every check that reports an interval makes and reads it: the defaults of {@code confidence}, {@code seed},
 * {@code resamples} and the smallest slice or group judged, declared once, and one validator with one wording per
 * attribute. Metric checks, fairness and latency take their defaults and checks from here, and the annotations take
 * their attributes' defaults from these constants ({@code long seed() default IntervalPolicy.SEED;}), so a default
 * cannot drift between a check's builder and its annotation.
 *
 * <p>A check decides on the point value ({@code confidence = 0}) or on its interval at a level in (0, 1); what the
 * decision then is, is {@link Decision}'s business. A check whose interval needs more (latency's order statistics,
 * {@code [0.5, 1)}) names its lowest level, and the wording says so.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class IntervalPolicy {

    /** The confidence a metric or fairness check decides on unless told otherwise: 0, the point value. */
    public static final double CONFIDENCE = 0;

    /** The level of the interval reported beside a check that decides on the point value. */
    public static final double REPORTED_LEVEL = 0.95;

    /** The bootstrap seed: the same seed gives the same interval, bit for bit. */
    public static final long SEED = 42;

    /** The number of bootstrap resamples (Efron and Tibshirani recommend at least 1000 for 95% BCa bounds). */
    public static final int RESAMPLES = 2000;

    /** The fewest bootstrap resamples a check accepts: fewer leave the tails of a 95% interval to a handful of values. */
    public static final int MIN_RESAMPLES = 100;

    /** The most bootstrap resamples a check accepts. */
    public static final int MAX_RESAMPLES = 1_000_000;

    /** The smallest slice or group a check judges; smaller ones are reported as too small. */
    public static final int MIN_SUBSET_SIZE = 30;

    private IntervalPolicy() {}

    /**
     * Returns the level of the interval a check reports: its {@code confidence}, or {@link #REPORTED_LEVEL} when it
     * decides on the point value.
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static double reportedLevel(double confidence) {
        return confidence == 0 ? REPORTED_LEVEL : confidence;
    }

    /**
     * Checks a confidence attribute whose levels may be anywhere in (0, 1).
     *
     * @param pointAllowed whether 0 is allowed, meaning "decide on the point value"
     * @return the value
     * @throws ConfigurationException {@code 'confidence' must be 0 (decide on the point value) or in (0, 1), was 1.5}
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static double requireConfidence(String where, String attribute, double value, boolean pointAllowed) {
        return requireConfidence(where, attribute, value, pointAllowed, 0);
    }

    /**
     * Checks a confidence attribute: 0 when {@code pointAllowed}, otherwise a level in (0, 1), or in
     * {@code [lowestLevel, 1)} when {@code lowestLevel > 0}.
     *
     * @param where where the check was configured, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param attribute the attribute's name, e.g. {@code confidence}
     * @param value the attribute's value
     * @param pointAllowed whether 0 is allowed, meaning "decide on the point value"
     * @param lowestLevel 0 to allow any level in (0, 1); otherwise the lowest level allowed, in (0, 1)
     * @return the value
     * @throws ConfigurationException naming the attribute, the allowed values and the value, e.g.
     *     {@code 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was 0.4}
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static double requireConfidence(
            String where, String attribute, double value, boolean pointAllowed, double lowestLevel) {
        if (pointAllowed && value == 0) {
            return value;
        }
        boolean level = lowestLevel > 0 ? value >= lowestLevel && value < 1 : value > 0 && value < 1;
        if (!level) {
            String levels = lowestLevel > 0 ? "in [" + Format.number(lowestLevel) + ", 1)" : "in (0, 1)";
            throw ConfigurationException.badAttribute(
                    where,
                    attribute,
                    (pointAllowed ? "must be 0 (decide on the point value) or " : "must be ") + levels,
                    Format.number(value));
        }
        return value;
    }

    /**
     * Checks a {@code resamples} attribute: in [{@value #MIN_RESAMPLES}, {@value #MAX_RESAMPLES}].
     *
     * @return the value
     * @throws ConfigurationException {@code 'resamples' must be in [100, 1000000], was 10}
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static int requireResamples(String where, int value) {
        if (value < MIN_RESAMPLES || value > MAX_RESAMPLES) {
            throw ConfigurationException.badAttribute(
                    where, "resamples", "must be in [" + MIN_RESAMPLES + ", " + MAX_RESAMPLES + "]", value);
        }
        return value;
    }

    /**
     * Checks a confidence level handed to an interval method by code (not configured by a user): in (0, 1).
     *
     * @return the level
     * @throws IllegalArgumentException {@code confidence must be in (0, 1), was 1.0}
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static double requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + level);
        }
        return level;
    }
}
