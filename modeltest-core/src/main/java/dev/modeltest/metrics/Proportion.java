package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * A metric that is a plain fraction of rows, such as accuracy ({@code correct / n}) or binary recall
 * ({@code tp / (tp + fn)}): the counts a Wilson interval needs.
 *
 * @param successes the numerator, in {@code [0, trials]}
 * @param trials the denominator, non-negative
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Proportion(long successes, long trials) {

    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "successes must be in [0, trials] and trials non-negative, was " + successes + " of " + trials);
        }
    }

    /** Returns {@code successes / trials}, or 0 when there are no trials (scikit-learn's zero-division value). */
    public double value() {
        return trials == 0 ? 0.0 : (double) successes / trials;
    }
}
