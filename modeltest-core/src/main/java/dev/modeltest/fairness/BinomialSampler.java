package dev.modeltest.fairness;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Binomial deviates Bin(trials, p) for one {@code p} and varying trial counts, by inversion: the smallest {@code k}
 * with {@code F(k) ≥ u}, the same deviate as Commons Statistics' {@code
 * BinomialDistribution.inverseCumulativeProbability(u)} up to rounding in the last bits of F.
 *
 * <p>Why by hand: the library's inverse CDF brackets and bisects on the regularized incomplete beta function, 3 to 10
 * µs a draw, which made a 2000-resample bootstrap take a tenth of a second or more per check; Commons RNG has no
 * binomial sampler for a trial count that changes from draw to draw. This class starts at the mode, with the library's
 * exact pmf and CDF there (computed once per trial count and kept), and walks down or up with the pmf recurrence
 * {@code pmf(k+1) = pmf(k)·(n−k)/(k+1)·p/(1−p)} (Kemp 1986, "inversion from the mode"): about
 * {@code sqrt(n·p·(1−p))} multiplications a draw.
 *
 * <p>Not thread-safe: each bootstrap run makes its own.
 */
final class BinomialSampler {

    private final double p;
    /** p / (1 − p), the factor of the recurrence. */
    private final double odds;
    /** Per trial count: the mode, the pmf at the mode, and the CDF at the mode. */
    private final Map<Integer, double[]> starts = new HashMap<>();

    BinomialSampler(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        this.p = p;
        this.odds = p / (1 - p);
    }

    /** Returns the deviate of Bin(trials, p) at the uniform deviate {@code u} in [0, 1). */
    int sample(int trials, double u) {
        if (trials == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return trials;
        }
        double[] start = starts.computeIfAbsent(trials, this::start);
        int k = (int) start[0];
        double pmf = start[1];
        double cdf = start[2];
        if (u <= cdf) {
            // Walk down while F(k − 1) = F(k) − pmf(k) still reaches u.
            while (k > 0) {
                double below = cdf - pmf;
                if (below < u) {
                    return k;
                }
                pmf = pmf * k / ((trials - k + 1) * odds);
                cdf = below;
                k--;
            }
            return 0;
        }
        // Walk up until F(k) reaches u; stop where the pmf underflows (u within rounding of 1).
        while (k < trials) {
            pmf = pmf * (trials - k) / (k + 1) * odds;
            cdf += pmf;
            k++;
            if (cdf >= u || pmf == 0) {
                return k;
            }
        }
        return trials;
    }

    private double[] start(int trials) {
        BinomialDistribution distribution = BinomialDistribution.of(trials, p);
        int mode = (int) Math.min(trials, Math.floor((trials + 1) * p));
        return new double[] {mode, distribution.probability(mode), distribution.cumulativeProbability(mode)};
    }
}
