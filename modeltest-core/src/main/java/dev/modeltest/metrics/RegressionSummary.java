package dev.modeltest.metrics;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * The mergeable summary of a regressor's rows from which MAE, MSE, RMSE and MAPE and their Student-t intervals are
 * computed without the rows: the row count, and for each per-row loss (absolute, squared and relative error) its sum
 * and its second and third central moments. Summaries of disjoint sets of rows merge into the summary of their union
 * (Chan, Golub and LeVeque 1979; Pébay 2008 for the third moment), so any split of the rows gives the same values up
 * to floating-point summation order: the state a distributed engine (Spark) keeps per partition. Not thread-safe;
 * serializable so that an engine can ship it.
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

    private static final long serialVersionUID = 1L;

    static final int ABSOLUTE = 0;
    static final int SQUARED = 1;
    static final int RELATIVE = 2;

    long n;
    final double[] sum = new double[3];
    final double[] mean = new double[3];
    final double[] m2 = new double[3];
    final double[] m3 = new double[3];

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
        add(SQUARED, r * r);
        add(RELATIVE, absolute / Math.max(Math.abs(actual), ProbabilitySums.EPS));
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

    /** Adds {@code other}'s rows to this summary and returns this one; {@code other} is unchanged. */
    public RegressionSummary merge(RegressionSummary other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            n = other.n;
            for (int i = 0; i < 3; i++) {
                sum[i] = other.sum[i];
                mean[i] = other.mean[i];
                m2[i] = other.m2[i];
                m3[i] = other.m3[i];
            }
            return this;
        }
        double na = n;
        double nb = other.n;
        double total = na + nb;
        for (int i = 0; i < 3; i++) {
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
}
