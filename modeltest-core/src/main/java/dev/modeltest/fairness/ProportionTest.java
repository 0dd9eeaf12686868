package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Whether two groups' rates differ by more than chance: the two-sided two-proportion z-test with a pooled variance,
 * or Fisher's exact test when an expected cell count of the 2×2 table is below 5 (Cochran's rule of thumb, where the
 * normal approximation is poor).
 *
 * <p>The z-test: {@code p̂ = (x1 + x2) / (n1 + n2)}, {@code z = (x1/n1 − x2/n2) / sqrt(p̂(1 − p̂)(1/n1 + 1/n2))},
 * p-value {@code 2·P(Z > |z|)}; the same as {@code statsmodels.stats.proportion.proportions_ztest} with its default
 * pooled variance. Fisher's test is Commons Statistics' {@link FisherExactTest} (two-sided), the same as
 * {@code scipy.stats.fisher_exact} on the table {@code [[x1, n1 − x1], [x2, n2 − x2]]}.
 */
final class ProportionTest {

    /** Below this expected count in any cell of the 2×2 table, Fisher's exact test is used. */
    static final double MIN_EXPECTED_COUNT = 5;

    /** The significance level named in messages. */
    static final double ALPHA = 0.05;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * The outcome.
     *
     * @param test {@code two-proportion z-test} or {@code Fisher's exact test}
     * @param pValue the two-sided p-value
     */
    record Result(String test, double pValue) {

        /** Formats the test for messages, e.g. {@code two-proportion z-test p = 1.78e-09}. */
        String describe() {
            return test + " p " + formatP(pValue);
        }

        boolean significant() {
            return pValue < ALPHA;
        }
    }

    private ProportionTest() {}

    /** Compares {@code x1} of {@code n1} with {@code x2} of {@code n2}. */
    static Result compare(long x1, long n1, long x2, long n2) {
        return usesFisher(x1, n1, x2, n2)
                ? new Result("Fisher's exact test", fisher(x1, n1, x2, n2))
                : zTest(x1, n1, x2, n2);
    }

    static boolean usesFisher(long x1, long n1, long x2, long n2) {
        double total = n1 + n2;
        double successes = x1 + x2;
        double failures = total - successes;
        double smallestRow = Math.min(n1, n2);
        double smallestColumn = Math.min(successes, failures);
        return smallestRow * smallestColumn / total < MIN_EXPECTED_COUNT;
    }

    static Result zTest(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        // With every row a success (or none), both rates are equal and z is 0/0: no evidence of a difference.
        double p = variance == 0 ? 1 : 2 * STANDARD_NORMAL.survivalProbability(Math.abs(p1 - p2) / Math.sqrt(variance));
        return new Result("two-proportion z-test", p);
    }

    static double fisher(long x1, long n1, long x2, long n2) {
        int[][] table = {
            {Math.toIntExact(x1), Math.toIntExact(n1 - x1)},
            {Math.toIntExact(x2), Math.toIntExact(n2 - x2)}
        };
        return FisherExactTest.withDefaults().test(table).getPValue();
    }

    /** Formats a p-value after {@code p }: {@code = 0.0312}, {@code = 1.78e-09}, {@code < 1e-300} ({@link Format#pValue}). */
    static String formatP(double p) {
        String text = Format.pValue(p);
        return text.startsWith("<") ? text : "= " + text;
    }
}
