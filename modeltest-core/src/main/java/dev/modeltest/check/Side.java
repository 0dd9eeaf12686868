package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * Which side of its threshold a measured value must be on for a gate to hold: the direction a {@link Decision} is
 * taken in. Feature packages map their own words onto it (the metric gates' {@code Bound}, fairness's "at most the
 * limit", latency's "under").
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Side {
    /** The value must be at least the threshold (higher is better). */
    AT_LEAST,
    /** The value must be at most the threshold (lower is better). */
    AT_MOST;

    /** Returns whether {@code value} is on this side of {@code threshold}; equal counts as holding. */
    public boolean holds(double value, double threshold) {
        return this == AT_LEAST ? value >= threshold : value <= threshold;
    }
}
