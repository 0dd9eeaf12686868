package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * Which side of a limit a measured value must be on, in the words the messages use: {@code to be at least} a limit,
 * or {@code below} it when it misses.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Side {
    /** The value must be at least the limit; a miss is below it. */
    AT_LEAST("at least", "below"),
    /** The value must be at most the limit; a miss is above it. */
    AT_MOST("at most", "above");

    private final String words;
    private final String missSide;

    Side(String words, String missSide) {
        this.words = words;
        this.missSide = missSide;
    }

    /** Returns {@code at least} or {@code at most}. */
    public String words() {
        return words;
    }

    /** Returns the side a missing value is on: {@code below} or {@code above}. */
    public String missSide() {
        return missSide;
    }
}
