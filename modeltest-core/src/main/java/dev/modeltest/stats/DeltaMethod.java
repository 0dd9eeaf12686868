package dev.modeltest.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * The delta-method interval of a ratio of two means, {@code R = mean(a) / mean(b)}, on the log scale: {@code log R ±
 * z·se} with {@code se² = (Var a / A² + Var b / B² − 2 Cov(a, b) / (A·B)) / n} (sample moments, {@code ddof = 1}),
 * the first-order Taylor expansion of {@code log A − log B} (Casella and Berger 2002, §5.5.4). The log keeps a ratio of
 * positive sums positive, so {@code 1 − R} (R², explained variance) stays at most 1.
 *
 * @since 0.2.0
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class DeltaMethod {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private DeltaMethod() {}

    /**
     * The interval of {@code log R}.
     *
     * @param ratio {@code A / B}
     * @param logStandardError the standard error of {@code log R}
     * @param z the normal quantile {@code z_{1−α/2}}
     */
    public record Result(double ratio, double logStandardError, double z) {

        /** Returns the lower bound of {@code R}, {@code R·exp(−z·se)}. */
        public double lowerRatio() {
            return Math.exp(Math.log(ratio) - z * logStandardError);
        }

        /** Returns the upper bound of {@code R}, {@code R·exp(z·se)}. */
        public double upperRatio() {
            return Math.exp(Math.log(ratio) + z * logStandardError);
        }
    }

    /**
     * Computes the log-ratio interval of {@code mean(a) / mean(b)}.
     *
     * @throws IllegalArgumentException if the lengths differ, there are fewer than two rows, or a mean is not positive
     */
    public static Result logRatio(double[] a, double[] b, double level) {
        int n = a.length;
        if (b.length != n) {
            throw new IllegalArgumentException(a.length + " numerator values for " + b.length + " denominator values");
        }
        if (n < 2) {
            throw new IllegalArgumentException("the delta method needs at least 2 rows, got " + n);
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        if (!(ma > 0 && mb > 0)) {
            throw new IllegalArgumentException(
                    "the log-ratio delta method needs positive means, got " + ma + " / " + mb);
        }
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            saa += da * da;
            sbb += db * db;
            sab += da * db;
        }
        return logRatio(n, ma, mb, saa, sbb, sab, level);
    }

    /**
     * The same interval from the values' moments instead of the values, e.g. moments merged over the partitions of a
     * distributed data set.
     *
     * @param n the number of rows, at least 2
     * @param ma the mean of {@code a}, positive
     * @param mb the mean of {@code b}, positive
     * @param saa {@code Σ(a − ma)²}
     * @param sbb {@code Σ(b − mb)²}
     * @param sab {@code Σ(a − ma)(b − mb)}
     * @since 0.2.0
     */
    public static Result logRatio(long n, double ma, double mb, double saa, double sbb, double sab, double level) {
        if (n < 2) {
            throw new IllegalArgumentException("the delta method needs at least 2 rows, got " + n);
        }
        if (!(ma > 0 && mb > 0)) {
            throw new IllegalArgumentException(
                    "the log-ratio delta method needs positive means, got " + ma + " / " + mb);
        }
        double variance = (saa / (n - 1) / (ma * ma) + sbb / (n - 1) / (mb * mb) - 2 * (sab / (n - 1)) / (ma * mb)) / n;
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
        return new Result(ma / mb, Math.sqrt(Math.max(0, variance)), z);
    }
}
