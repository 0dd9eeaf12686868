package dev.modeltest.behaviour;

import org.apiguardian.api.API;

/**
 * The way a model's score must follow a feature that is raised.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Direction {
    /** Raising the feature must not lower the score. */
    INCREASING("must not fall"),
    /** Raising the feature must not raise the score. */
    DECREASING("must not rise");

    private final String rule;

    Direction(String rule) {
        this.rule = rule;
    }

    /** Returns the rule in words, as messages say it: {@code must not fall}. */
    public String rule() {
        return rule;
    }

    /** Returns how far {@code after} went the wrong way from {@code before}: positive for a violation. */
    double wrongWay(double before, double after) {
        return this == INCREASING ? before - after : after - before;
    }
}
