package dev.modeltest.stats;

import dev.modeltest.check.IntervalPolicy;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apiguardian.api.API;

/**
 * The Student-t interval of a mean, {@code x̄ ± t_{n−1, 1−α/2} · s / √n} with the sample standard deviation {@code s}
 * ({@code ddof = 1}): the CLT interval of a mean of independent per-row values, with the t quantile for the
 * estimated standard deviation. Same as {@code scipy.stats.t.interval(level, n − 1, loc=mean, scale=sem)}.
 *
 * @since 0.2.0
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class StudentT {

    private StudentT() {}

    /**
     * The interval's ingredients.
     *
     * @param mean the mean of the values
     * @param standardError {@code s / √n}, 0 when every value is the same
     * @param degreesOfFreedom {@code n − 1}
     * @param quantile {@code t_{n−1, 1−α/2}}
     */
    public record Result(double mean, double standardError, int degreesOfFreedom, double quantile) {

        /** Returns {@code mean − quantile · standardError}. */
        public double lower() {
            return mean - quantile * standardError;
        }

        /** Returns {@code mean + quantile · standardError}. */
        public double upper() {
            return mean + quantile * standardError;
        }
    }

    /**
     * Computes the interval of the mean of {@code values} (two passes, so a large mean does not cancel the variance).
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @throws IllegalArgumentException for fewer than two values or a level outside {@code (0, 1)}
     */
    public static Result mean(double[] values, double level) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("a Student-t interval needs at least 2 values, got " + n);
        }
        IntervalPolicy.requireLevel(level);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
        }
        double se = Math.sqrt(squares / (n - 1) / n);
        double t = quantile(n - 1, level);
        return new Result(mean, se, n - 1, t);
    }

    /** Returns {@code t_{df, 1−α/2}} for a two-sided interval at {@code level}. */
    public static double quantile(int degreesOfFreedom, double level) {
        TDistribution t = TDistribution.of(degreesOfFreedom);
        double tail = (1 - level) / 2;
        double q = t.inverseSurvivalProbability(tail);
        // Commons Statistics inverts the CDF with a root search to about 1e-9; two Newton steps on its accurate
        // survival function bring the quantile to SciPy's (t.ppf) within rounding.
        for (int step = 0; step < 2; step++) {
            double density = t.density(q);
            if (!(density > 0)) {
                break;
            }
            q += (t.survivalProbability(q) - tail) / density;
        }
        return q;
    }
}
