package dev.modeltest.stats;

import dev.modeltest.check.Interval;
import dev.modeltest.check.IntervalPolicy;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * The Wilson score interval for a proportion: sound for small samples and for proportions near 0 or 1, where the
 * normal ("Wald") interval is too narrow or leaves [0, 1].
 *
 * <p>Same as {@code statsmodels.stats.proportion.proportion_confint(method='wilson')}: with {@code z} the
 * {@code 1 - (1 - confidence) / 2} quantile of the standard normal distribution and {@code p = successes / n},
 * the bounds are {@code (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)} (Wilson 1927; Brown, Cai and DasGupta
 * 2001).
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Wilson {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Wilson() {}

    /**
     * Returns the Wilson interval.
     *
     * @param successes the number of successes, in {@code [0, n]}
     * @param n the number of trials, positive
     * @param confidence the confidence level, in {@code (0, 1)}
     */
    public static Interval interval(long successes, long n, double confidence) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, " + n + "], was " + successes);
        }
        IntervalPolicy.requireLevel(confidence);
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // At 0 of n and n of n the exact bound is 0 (or 1); the formula gets there only up to rounding.
        double lower = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double upper = successes == n ? 1 : Math.min(1, centre + halfWidth);
        return new Interval(lower, upper, confidence, "Wilson");
    }
}
