package dev.modeltest.gate;

import dev.modeltest.check.Threshold;
import org.apiguardian.api.API;

/**
 * Which side of the threshold a metric must be on.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Bound {
    /** The metric must be at least the threshold (for metrics where higher is better). */
    AT_LEAST(Threshold.Comparison.AT_LEAST),
    /** The metric must be at most the threshold (for losses and errors). */
    AT_MOST(Threshold.Comparison.AT_MOST);

    private final Threshold.Comparison comparison;

    Bound(Threshold.Comparison comparison) {
        this.comparison = comparison;
    }

    /** Returns whether {@code value} is on the right side of {@code threshold} (equal counts as holding). */
    public boolean holds(double value, double threshold) {
        return comparison().holds(value, threshold);
    }

    /** Returns {@code ≥} or {@code ≤}. */
    public String symbol() {
        return comparison.symbol();
    }

    /** Returns the comparison of a {@link Threshold} on this side. */
    public Threshold.Comparison comparison() {
        return comparison;
    }

    /** Returns the side a failing value is on: {@code below} or {@code above}. */
    String missSide() {
        return comparison.missSide();
    }
}
