package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * A confidence interval around a measured value.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param confidence the confidence level, e.g. {@code 0.95}
 * @param method how it was computed, e.g. {@code Wilson}
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Interval(double lower, double upper, double confidence, String method) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval lower bound " + lower + " is above upper bound " + upper);
        }
        IntervalPolicy.requireLevel(confidence);
    }

    /** Returns whether the value lies inside the interval, bounds included. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Formats the interval as {@code 95% CI 0.703–0.947}. */
    @Override
    public String toString() {
        return Format.percent(confidence) + " CI " + Format.value(lower) + "–" + Format.value(upper);
    }
}
