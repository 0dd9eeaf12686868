package dev.modeltest.stats;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * DeLong's structural components of a binary ROC AUC (DeLong, DeLong and Clarke-Pearson 1988), in the midrank form
 * of Sun and Xu 2014: with {@code m} positives and {@code n} negatives, {@code V10_i = (Tz_i − Tx_i) / n} for each
 * positive and {@code V01_j = 1 − (Tz_j − Ty_j) / m} for each negative, where {@code Tz} are midranks among all rows
 * and {@code Tx}, {@code Ty} among the positives and negatives alone. The AUC's variance is {@code cov(V10) / m +
 * cov(V01) / n}; two AUCs on the same rows have the covariance of the same form. Used by the interval of one AUC
 * ({@code @AucAtLeast}) and by the paired test of two ({@code @NoRegressionVs}).
 *
 * @since 0.2.0
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class DeLong {

    private DeLong() {}

    /**
     * The components of one AUC.
     *
     * @param auc the AUC, ties counting one half
     * @param v10 one value per positive row, in row order
     * @param v01 one value per negative row, in row order
     */
    public record Components(double auc, double[] v10, double[] v01) {

        /** Returns DeLong's variance of the AUC, {@code cov(V10) / m + cov(V01) / n} ({@code ddof = 1}). */
        public double variance() {
            return covariance(this);
        }

        /**
         * Returns one term per row whose sum of squares is {@link #variance()}: {@code (V10_i − AUC) / √(m(m − 1))}
         * for a positive row, {@code (V01_j − AUC) / √(n(n − 1))} for a negative one. Summed row by row over several
         * AUCs of the same rows (one-vs-rest AUCs of a multiclass model, each class's positives different), a linear
         * combination's terms give its variance with every covariance between the AUCs included, and for one AUC
         * exactly DeLong's.
         *
         * <p>A side with one row has terms 0, as its covariance is 0 in {@link #variance()}.
         *
         * @param positive the labels the components were computed from, in the same row order
         * @throws IllegalArgumentException if the labels do not match the components
         */
        public double[] rowTerms(boolean[] positive) {
            int m = v10.length;
            int n = v01.length;
            if (positive.length != m + n) {
                throw new IllegalArgumentException(
                        positive.length + " labels for " + m + " positive and " + n + " negative components");
            }
            double scalePositive = m < 2 ? 0 : 1 / Math.sqrt((double) m * (m - 1));
            double scaleNegative = n < 2 ? 0 : 1 / Math.sqrt((double) n * (n - 1));
            double[] terms = new double[positive.length];
            int pi = 0;
            int ni = 0;
            for (int j = 0; j < positive.length; j++) {
                terms[j] = positive[j] ? (v10[pi++] - auc) * scalePositive : (v01[ni++] - auc) * scaleNegative;
            }
            return terms;
        }
    }

    /**
     * Computes the components.
     *
     * @param positive whether each row is of the positive class
     * @param scores each row's positive-class score
     * @throws IllegalArgumentException if there are no positive or no negative rows, or the lengths differ
     */
    public static Components components(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException(positive.length + " labels for " + scores.length + " scores");
        }
        int m = 0;
        for (boolean p : positive) {
            if (p) {
                m++;
            }
        }
        int n = positive.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("DeLong needs positive and negative rows, found " + m + " and " + n);
        }
        double[] x = new double[m];
        double[] y = new double[n];
        int xi = 0;
        int yi = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i]) {
                x[xi++] = scores[i];
            } else {
                y[yi++] = scores[i];
            }
        }
        // Tz_i − Tx_i is the number of negatives below x_i plus half those tied with it, so V10 needs only the sorted
        // negatives (and V01 the sorted positives): the same values as the midrank form, without sorting all rows.
        double[] sx = x.clone();
        Arrays.sort(sx);
        double[] sy = y.clone();
        Arrays.sort(sy);
        double[] v10 = new double[m];
        double[] v01 = new double[n];
        double twiceWins = 0;
        for (int i = 0; i < m; i++) {
            long twice = (long) lowerBound(sy, x[i]) + upperBound(sy, x[i]);
            twiceWins += twice;
            v10[i] = twice / 2.0 / n;
        }
        for (int j = 0; j < n; j++) {
            long twice = (long) lowerBound(sx, y[j]) + upperBound(sx, y[j]);
            v01[j] = 1 - twice / 2.0 / m;
        }
        double auc = twiceWins / 2.0 / ((double) m * n);
        return new Components(auc, v10, v01);
    }

    /** Returns DeLong's variance of one AUC. */
    public static double covariance(Components a) {
        return covariance(a, a);
    }

    /** Returns DeLong's covariance of two AUCs computed on the same rows. */
    public static double covariance(Components a, Components b) {
        return covariance(a.v10(), b.v10()) / a.v10().length + covariance(a.v01(), b.v01()) / a.v01().length;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The sample covariance ({@code ddof = 1}, as NumPy's {@code np.cov}); 0 for fewer than two values. */
    private static double covariance(double[] a, double[] b) {
        int k = a.length;
        if (k < 2) {
            return 0;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < k; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= k;
        mb /= k;
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (k - 1);
    }
}
