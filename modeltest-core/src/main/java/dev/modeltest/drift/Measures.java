package dev.modeltest.drift;

import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * The drift measures. Tests and distributions come from Commons Statistics; PSI, the Jensen–Shannon distance,
 * Cramér's V and the Wasserstein distance are short sums over bins or sorted values that no library on the class path
 * offers, written here with the formulas of {@code docs/drift.md}.
 */
final class Measures {

    /** SciPy's {@code ks_2samp} computes an exact p-value up to this sample size ('auto' mode), asymptotic above. */
    static final int KS_EXACT_MAX = 10_000;

    /** Added to every bin count before PSI's proportions are formed, so an empty bin costs a finite amount. */
    static final double PSI_SMOOTHING = 0.5;

    private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults();
    private static final ChiSquareTest CHI_SQUARE = ChiSquareTest.withDefaults();
    private static final double LN2 = Math.log(2);

    private Measures() {}

    /**
     * Two-sided two-sample Kolmogorov–Smirnov test, as SciPy's {@code ks_2samp(a, b)}. SciPy's 'auto' is exact when
     * {@code max(n, m) <= 10000}; Commons Statistics' own AUTO switches at {@code < 10000}, so the method is chosen
     * here to give SciPy's p-value at exactly 10,000 values too.
     */
    static SignificanceResult kolmogorovSmirnov(double[] a, double[] b) {
        PValueMethod method =
                Math.max(a.length, b.length) <= KS_EXACT_MAX ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
        return KS.with(method).test(a, b);
    }

    /**
     * Chi-square test of homogeneity of the 2 × k table {@code [a, b]}, as SciPy's {@code
     * chi2_contingency([a, b], correction=False)}. With a single bin the samples cannot differ: statistic 0, p 1.
     */
    static SignificanceResult chiSquare(long[] a, long[] b) {
        if (a.length < 2) {
            return new Result(0, 1);
        }
        return CHI_SQUARE.test(a, b);
    }

    /** Cramér's V of the table with both rows scaled to the same total: {@code sqrt(½ Σ (p − q)² / (p + q))}. */
    static double cramersV(long[] a, long[] b) {
        if (a.length < 2) {
            return 0;
        }
        double n = sum(a);
        double m = sum(b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double p = a[i] / n;
            double q = b[i] / m;
            sum += (p - q) * (p - q) / (p + q);
        }
        return Math.sqrt(0.5 * sum);
    }

    /** Population stability index {@code Σ (q − p) ln(q / p)} over proportions smoothed by {@link #PSI_SMOOTHING}. */
    static double psi(long[] a, long[] b) {
        double n = sum(a) + PSI_SMOOTHING * a.length;
        double m = sum(b) + PSI_SMOOTHING * b.length;
        double psi = 0;
        for (int i = 0; i < a.length; i++) {
            double p = (a[i] + PSI_SMOOTHING) / n;
            double q = (b[i] + PSI_SMOOTHING) / m;
            psi += (q - p) * Math.log(q / p);
        }
        return psi;
    }

    /**
     * Jensen–Shannon distance in base 2, as SciPy's {@code jensenshannon(a, b, base=2)}: the square root of the mean
     * Kullback–Leibler divergence of each distribution from their mixture, with {@code 0 ln 0 = 0}.
     */
    static double jensenShannon(long[] a, long[] b) {
        double n = sum(a);
        double m = sum(b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double p = a[i] / n;
            double q = b[i] / m;
            double mix = (p + q) / 2;
            sum += relativeEntropy(p, mix) + relativeEntropy(q, mix);
        }
        return Math.sqrt(Math.max(0, sum / 2 / LN2));
    }

    private static double relativeEntropy(double x, double y) {
        return x > 0 ? x * Math.log(x / y) : 0;
    }

    /**
     * Wasserstein-1 distance between two samples, {@code ∫ |F_a(x) − F_b(x)| dx} over their empirical distribution
     * functions, as SciPy's {@code wasserstein_distance(a, b)}. Both arrays sorted ascending.
     */
    static double wasserstein(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double sum = 0;
        double previous = Math.min(a[0], b[0]);
        while (i < a.length || j < b.length) {
            double next = Math.min(
                    i < a.length ? a[i] : Double.POSITIVE_INFINITY, j < b.length ? b[j] : Double.POSITIVE_INFINITY);
            // Between the previous value and this one, the distribution functions are i / n and j / m.
            sum += Math.abs((double) i / a.length - (double) j / b.length) * (next - previous);
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
            previous = next;
        }
        return sum;
    }

    /** The population standard deviation ({@code numpy.std}, ddof 0). */
    static double standardDeviation(double[] a) {
        return StandardDeviation.of(a).setBiased(true).getAsDouble();
    }

    private static double sum(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** A result for the cases the library rejects but whose answer is known. */
    private record Result(double getStatistic, double getPValue) implements SignificanceResult {}
}
