package dev.modeltest.latency;

import dev.modeltest.check.IntervalPolicy;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The distribution-free confidence interval of a quantile from order statistics: which of the sorted samples bound
 * the population quantile with a given confidence, whatever the (continuous) distribution of the samples.
 *
 * <p>Method: with {@code n} independent samples and {@code B ~ Binomial(n, q)} the number of samples below the
 * {@code q}-quantile {@code ξ}, the {@code l}-th smallest sample {@code X(l)} and the {@code u}-th smallest
 * {@code X(u)} satisfy {@code P(X(l) ≤ ξ ≤ X(u)) ≥ P(l ≤ B ≤ u − 1) = F(u − 1) − F(l − 1)}, with {@code F} the binomial
 * distribution function (W. J. Conover, <i>Practical Nonparametric Statistics</i>, 3rd ed., 1999, §3.2, "confidence
 * interval for a quantile"; H. A. David and H. N. Nagaraja, <i>Order Statistics</i>, 3rd ed., 2003, §7.1). The ranks
 * are chosen equal-tailed, each tail at most {@code α/2} with {@code α = 1 − confidence}:
 *
 * <ul>
 *   <li>{@code l} is the largest rank with {@code F(l − 1) ≤ α/2}, so {@code P(X(l) > ξ) ≤ α/2};
 *   <li>{@code u} is the smallest rank with {@code 1 − F(u − 1) ≤ α/2}, so {@code P(X(u) < ξ) ≤ α/2}.
 * </ul>
 *
 * <p>The coverage is therefore at least {@code confidence}, and usually a little more, the binomial being discrete.
 * When even the smallest sample is not a lower bound at that confidence ({@code l = 0}), or the largest not an upper
 * bound ({@code u = n + 1}; e.g. fewer than 368 samples for the 0.99-quantile at 95%), that side is unbounded. The
 * binomial quantiles come from Commons Statistics' {@link BinomialDistribution}; the golden values in
 * {@code scripts/latency/make_quantile_ci_golden.py} are computed with SciPy's {@code scipy.stats.binom}.
 *
 * @param n the number of samples
 * @param quantile the quantile, in (0, 1)
 * @param confidence the confidence level, in (0, 1)
 * @param lowerRank the 1-based rank of the lower bound, or 0 when there is none
 * @param upperRank the 1-based rank of the upper bound, or {@code n + 1} when there is none
 * @param coverage the exact probability {@code F(u − 1) − F(l − 1)} that the bounds hold, at least {@code confidence}
 * @since 0.1.0
 */
record QuantileInterval(long n, double quantile, double confidence, long lowerRank, long upperRank, double coverage) {

    /**
     * Returns the ranks of the equal-tailed interval.
     *
     * @param n the number of samples, in [1, {@link Integer#MAX_VALUE}]
     * @param quantile the quantile, in (0, 1), e.g. {@code 0.99} for p99
     * @param confidence the confidence level, in (0, 1)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static QuantileInterval of(long n, double quantile, double confidence) {
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n must be in [1, " + Integer.MAX_VALUE + "], was " + n);
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), was " + quantile);
        }
        IntervalPolicy.requireLevel(confidence);
        BinomialDistribution below = BinomialDistribution.of((int) n, quantile);
        double tail = (1 - confidence) / 2;

        // Smallest k with F(k) ≥ tail; the lower rank is k + 1 when F(k) is exactly the tail, k otherwise.
        int k = below.inverseCumulativeProbability(tail);
        long lower = below.cumulativeProbability(k) <= tail ? k + 1L : k;
        // Smallest k with 1 − F(k) ≤ tail (computed as the survival function, which keeps its precision near 0).
        long upper = below.inverseSurvivalProbability(tail) + 1L;

        double coverage = cdf(below, upper - 1) - cdf(below, lower - 1);
        return new QuantileInterval(n, quantile, confidence, lower, upper, coverage);
    }

    /**
     * Returns the fewest samples for which the largest one is an upper bound of the quantile at this confidence:
     * the smallest {@code n} with {@code quantile^n ≤ (1 − confidence) / 2}.
     */
    public static long samplesForUpperBound(double quantile, double confidence) {
        double tail = (1 - confidence) / 2;
        long n = (long) Math.max(1, Math.ceil(Math.log(tail) / Math.log(quantile)));
        // The logarithms may be off by one ulp either way: settle the boundary exactly.
        while (n > 1 && Math.pow(quantile, n - 1) <= tail) {
            n--;
        }
        while (Math.pow(quantile, n) > tail) {
            n++;
        }
        return n;
    }

    /** Returns whether a sample is a lower bound at this confidence. */
    public boolean hasLower() {
        return lowerRank >= 1;
    }

    /** Returns whether a sample is an upper bound at this confidence. */
    public boolean hasUpper() {
        return upperRank <= n;
    }

    private static double cdf(BinomialDistribution distribution, long k) {
        if (k < 0) {
            return 0;
        }
        return k >= distribution.getNumberOfTrials() ? 1 : distribution.cumulativeProbability((int) k);
    }
}
