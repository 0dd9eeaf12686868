package dev.modeltest.metrics;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * The mergeable summary of a regressor's rows from which MAE, MSE, RMSE, MAPE, R² and explained variance and their
 * intervals are computed without the rows: the row count, and for each per-row loss (absolute, squared and relative
 * error), the true value and the residual, its sum, mean and second and third central moments, with the smallest and
 * largest true value and residual. Summaries of disjoint sets of rows merge into the summary of their union (Chan,
 * Golub and LeVeque 1979; Pébay 2008 for the third moment), so any split of the rows gives the same values up to
 * floating-point summation order: the state a distributed engine (Spark) keeps per partition. Not thread-safe;
 * serializable so that an engine can ship it.
 *
 * <p>R² and explained variance take the delta method on terms centred on the global means of the true values and the
 * residuals, which only a finished summary knows: a second pass over the rows into {@link #centredOn(RegressionSummary)
 * centredOn(first)} adds them (and everything else again), and its summary gives those intervals.
 *
 * <pre>{@code
 * RegressionSummary a = new RegressionSummary();
 * a.add(3.0, 2.5);
 * RegressionSummary b = new RegressionSummary();
 * b.add(1.0, 1.5);
 * MetricSample mae = Metrics.sample(a.merge(b), Metric.MAE, MetricOptions.defaults());
 * }</pre>
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class RegressionSummary implements Serializable {

    private static final long serialVersionUID = 2L;

    static final int ABSOLUTE = 0;
    static final int SQUARED = 1;
    static final int RELATIVE = 2;
    /** The true value. */
    static final int ACTUAL = 3;
    /** The residual {@code actual − predicted}. */
    static final int RESIDUAL = 4;
    /** Explained variance's numerator term, the squared residual centred on the residuals' mean (second pass). */
    static final int CENTRED_SQUARED = 5;
    /** R²'s and explained variance's denominator term, the squared deviation from the true values' mean. */
    static final int DEVIATION = 6;

    private static final int VALUES = 7;

    long n;
    final double[] sum = new double[VALUES];
    final double[] mean = new double[VALUES];
    final double[] m2 = new double[VALUES];
    final double[] m3 = new double[VALUES];
    double minActual = Double.POSITIVE_INFINITY;
    double maxActual = Double.NEGATIVE_INFINITY;
    double minResidual = Double.POSITIVE_INFINITY;
    double maxResidual = Double.NEGATIVE_INFINITY;

    /** Whether the rows were added centred on a first pass's means ({@link #centredOn}). */
    final boolean centred;

    final double centreActual;
    final double centreResidual;
    /** {@code Σ(squared − its mean)(deviation − its mean)}: R²'s co-moment. */
    double coSquared;
    /** {@code Σ(centred squared − its mean)(deviation − its mean)}: explained variance's co-moment. */
    double coCentred;

    /** An empty summary for a first pass. */
    public RegressionSummary() {
        this(false, 0, 0);
    }

    private RegressionSummary(boolean centred, double centreActual, double centreResidual) {
        this.centred = centred;
        this.centreActual = centreActual;
        this.centreResidual = centreResidual;
    }

    /**
     * Returns an empty summary for a second pass over the same rows, which also sums the terms of R²'s and explained
     * variance's delta-method interval, centred on {@code first}'s means of the true values and of the residuals (each
     * their sum over the count, as the rows' interval takes them).
     *
     * @throws IllegalArgumentException if {@code first} holds no row
     * @since 0.2.0
     */
    public static RegressionSummary centredOn(RegressionSummary first) {
        if (first.n == 0) {
            throw new IllegalArgumentException("a second pass needs a first pass over at least one row");
        }
        return new RegressionSummary(true, first.sum[ACTUAL] / first.n, first.sum[RESIDUAL] / first.n);
    }

    /**
     * Adds one row.
     *
     * @throws IllegalArgumentException if the true or the predicted value is not finite
     */
    public void add(double actual, double predicted) {
        if (!Double.isFinite(actual) || !Double.isFinite(predicted)) {
            throw new IllegalArgumentException(
                    "a row of a regression summary needs finite values, got " + actual + " and " + predicted);
        }
        // As RegressionSums and Intervals compute the row's losses, from r = actual - predicted.
        double r = actual - predicted;
        double absolute = Math.abs(r);
        n++;
        add(ABSOLUTE, absolute);
        double squared = r * r;
        double squaredBefore = squared - mean[SQUARED];
        add(SQUARED, squared);
        add(RELATIVE, absolute / Math.max(Math.abs(actual), ProbabilitySums.EPS));
        add(ACTUAL, actual);
        add(RESIDUAL, r);
        minActual = Math.min(minActual, actual);
        maxActual = Math.max(maxActual, actual);
        minResidual = Math.min(minResidual, r);
        maxResidual = Math.max(maxResidual, r);
        if (centred) {
            // As Intervals.delta's terms: (r − mean r)² and (y − mean y)².
            double c = r - centreResidual;
            double centredSquared = c * c;
            double d = actual - centreActual;
            double deviation = d * d;
            double centredBefore = centredSquared - mean[CENTRED_SQUARED];
            add(CENTRED_SQUARED, centredSquared);
            add(DEVIATION, deviation);
            // Welford's co-moment: the one value's distance to the old mean times the other's to the new one.
            double deviationAfter = deviation - mean[DEVIATION];
            coSquared += squaredBefore * deviationAfter;
            coCentred += centredBefore * deviationAfter;
        }
    }

    /** Welford's update with Pébay's third moment, for one value of loss {@code i}; {@link #n} already counts it. */
    private void add(int i, double x) {
        sum[i] += x;
        double before = n - 1;
        double delta = x - mean[i];
        double deltaN = delta / n;
        double term = delta * deltaN * before;
        mean[i] += deltaN;
        m3[i] += term * deltaN * (n - 2) - 3 * deltaN * m2[i];
        m2[i] += term;
    }

    /**
     * Adds {@code other}'s rows to this summary and returns this one; {@code other} is unchanged.
     *
     * @throws IllegalArgumentException if one is a second pass and the other is not, or they are centred differently
     */
    public RegressionSummary merge(RegressionSummary other) {
        if (centred != other.centred
                || Double.compare(centreActual, other.centreActual) != 0
                || Double.compare(centreResidual, other.centreResidual) != 0) {
            throw new IllegalArgumentException("summaries of different passes do not merge");
        }
        if (other.n == 0) {
            return this;
        }
        minActual = Math.min(minActual, other.minActual);
        maxActual = Math.max(maxActual, other.maxActual);
        minResidual = Math.min(minResidual, other.minResidual);
        maxResidual = Math.max(maxResidual, other.maxResidual);
        if (n == 0) {
            n = other.n;
            for (int i = 0; i < VALUES; i++) {
                sum[i] = other.sum[i];
                mean[i] = other.mean[i];
                m2[i] = other.m2[i];
                m3[i] = other.m3[i];
            }
            coSquared = other.coSquared;
            coCentred = other.coCentred;
            return this;
        }
        double na = n;
        double nb = other.n;
        double total = na + nb;
        double pairs = na * nb / total;
        double deltaDeviation = other.mean[DEVIATION] - mean[DEVIATION];
        coSquared += other.coSquared + (other.mean[SQUARED] - mean[SQUARED]) * deltaDeviation * pairs;
        coCentred += other.coCentred + (other.mean[CENTRED_SQUARED] - mean[CENTRED_SQUARED]) * deltaDeviation * pairs;
        for (int i = 0; i < VALUES; i++) {
            double delta = other.mean[i] - mean[i];
            double share = delta / total;
            m3[i] += other.m3[i]
                    + delta * share * share * na * nb * (na - nb)
                    + 3 * share * (na * other.m2[i] - nb * m2[i]);
            m2[i] += other.m2[i] + delta * share * na * nb;
            mean[i] += share * nb;
            sum[i] += other.sum[i];
        }
        n += other.n;
        return this;
    }

    /** Returns the number of rows added. */
    public long count() {
        return n;
    }

    /** Returns whether this is a second pass, whose summary gives R²'s and explained variance's intervals. */
    public boolean isCentred() {
        return centred;
    }
}
