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
    AT_LEAST("≥", "at least", "below"),
    /** The metric must be at most the threshold (for losses and errors). */
    AT_MOST("≤", "at most", "above");

    private final String symbol;
    private final String words;
    private final String missSide;

    Bound(String symbol, String words, String missSide) {
        this.symbol = symbol;
        this.words = words;
        this.missSide = missSide;
    }

    /** Returns whether {@code value} is on the right side of {@code threshold} (equal counts as holding). */
    public boolean holds(double value, double threshold) {
        return comparison().holds(value, threshold);
    }

    /** Returns {@code ≥} or {@code ≤}. */
    public String symbol() {
        return symbol;
    }

    /** Returns the comparison of a {@link Threshold} on this side. */
    public Threshold.Comparison comparison() {
        return this == AT_LEAST ? Threshold.Comparison.AT_LEAST : Threshold.Comparison.AT_MOST;
    }

    /** Returns {@code at least} or {@code at most}. */
    String words() {
        return words;
    }

    /** Returns the side a failing value is on: {@code below} or {@code above}. */
    String missSide() {
        return missSide;
    }
}
