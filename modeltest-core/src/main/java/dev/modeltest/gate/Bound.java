package dev.modeltest.gate;

import dev.modeltest.check.Side;
import org.apiguardian.api.API;

/**
 * Which side of the threshold a metric must be on.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Bound {
    /** The metric must be at least the threshold (for metrics where higher is better). */
    AT_LEAST("≥", Side.AT_LEAST),
    /** The metric must be at most the threshold (for losses and errors). */
    AT_MOST("≤", Side.AT_MOST);

    private final String symbol;
    private final Side side;

    Bound(String symbol, Side side) {
        this.symbol = symbol;
        this.side = side;
    }

    /** Returns whether {@code value} is on the right side of {@code threshold} (equal counts as holding). */
    public boolean holds(double value, double threshold) {
        return this == AT_LEAST ? value >= threshold : value <= threshold;
    }

    /** Returns {@code ≥} or {@code ≤}. */
    public String symbol() {
        return symbol;
    }

    /** Returns the side in the words of the messages. */
    Side side() {
        return side;
    }

    /** Returns the side a failing value is on: {@code below} or {@code above}. */
    String missSide() {
        return side.missSide();
    }
}
