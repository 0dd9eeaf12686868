package dev.modeltest.metrics;

import dev.modeltest.check.Format;
import dev.modeltest.model.Predictions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The mergeable summary of a regressor's rows from which MAE, MSE, RMSE, MAPE, R² and explained variance and their
 * intervals are computed without the rows: the row count, and for each per-row loss (absolute, squared and relative
 * error), the true value and the residual, its sum, mean and second and third central moments, with the smallest and
 * largest true value and residual; and the per-row losses registered before the rows ({@link #withLoss}: squared log
 * error, pinball loss, deviances), each with its moments. Summaries of disjoint sets of rows merge into the summary of their union (Chan,
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

    private static final long serialVersionUID = 3L;

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

    /**
     * The per-row losses of the gates that average one (the squared log error, the pinball loss, the deviances),
     * registered with {@link #withLoss} before the first row, each with its own moments and its rows outside its
     * domain.
     */
    final ArrayList<Loss> losses = new ArrayList<>();

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
        RegressionSummary second =
                new RegressionSummary(true, first.sum[ACTUAL] / first.n, first.sum[RESIDUAL] / first.n);
        for (Loss loss : first.losses) {
            second.losses.add(new Loss(loss.metric, loss.parameter));
        }
        return second;
    }

    /**
     * Returns this empty summary, also summing the per-row loss of {@code metric} with {@code options} (its quantile
     * level or Tweedie power) as the rows' code computes it: mean squared log error and its root, mean pinball loss,
     * mean Poisson, Gamma and Tweedie deviance. A row outside the loss's domain is counted, not summed, and the metric
     * is then refused ({@link #outOfDomain}). Registering the same loss twice keeps one.
     *
     * @throws IllegalArgumentException if the metric is not one of those, its options do not apply, or rows were
     *     added already
     * @since 0.2.0
     */
    public RegressionSummary withLoss(Metric metric, MetricOptions options) {
        if (!MergedRegressionKernel.LOSSES.contains(metric)) {
            throw new IllegalArgumentException(metric.displayName() + " is not a mean of a per-row loss with a"
                    + " parameter or a domain; those are " + MergedRegressionKernel.LOSSES);
        }
        if (n > 0) {
            throw new IllegalArgumentException("a loss is registered before the first row");
        }
        if (loss(metric, options) == null) {
            losses.add(new Loss(metric, parameter(metric, options)));
        }
        return this;
    }

    /**
     * Returns why these rows cannot give the metric's per-row loss, or empty when they can: how many rows hold a true
     * (else a predicted) value outside its domain, the smallest such value, and the domain's rule as the rows' message
     * gives it, e.g. {@code "label column 'y': 2 rows hold a true value outside the domain, the smallest -1; Mean
     * squared log error needs values of at least 0 (...)"}.
     *
     * @param trueValues what holds the true values, for the message, e.g. {@code "label column 'y'"}
     * @param predictedValues what holds the predicted values, e.g. {@code "predictions column 'p'"}
     * @throws IllegalArgumentException if the loss was not registered ({@link #withLoss})
     * @since 0.2.0
     */
    public Optional<String> outOfDomain(
            Metric metric, MetricOptions options, String trueValues, String predictedValues) {
        Loss loss = requireLoss(metric, options);
        boolean onTrue = loss.badTrue > 0;
        long rows = onTrue ? loss.badTrue : loss.badPredicted;
        if (rows == 0) {
            return Optional.empty();
        }
        double smallest = onTrue ? loss.smallestBadTrue : loss.smallestBadPredicted;
        RegressionLosses.Violation v =
                RegressionLosses.violation(metric, loss.parameter, onTrue ? smallest : 1, onTrue ? 1 : smallest);
        String rule = v == null ? "" : "; " + v.rule();
        return Optional.of((onTrue ? trueValues : predictedValues) + ": " + rows
                + (rows == 1 ? " row holds a " : " rows hold a ") + (onTrue ? "true" : "predicted")
                + " value outside the domain, the smallest " + Format.number(smallest) + rule);
    }

    /** The registered loss of the metric with these options, or {@code null}. */
    Loss loss(Metric metric, MetricOptions options) {
        double parameter = parameter(metric, options);
        for (Loss loss : losses) {
            if (loss.metric == metric && Double.compare(loss.parameter, parameter) == 0) {
                return loss;
            }
        }
        return null;
    }

    Loss requireLoss(Metric metric, MetricOptions options) {
        Loss loss = loss(metric, options);
        if (loss == null) {
            throw new IllegalArgumentException(metric.displayName() + "'s per-row loss is not in this summary:"
                    + " register it with withLoss(metric, options) before the rows are added");
        }
        return loss;
    }

    private static double parameter(Metric metric, MetricOptions options) {
        Predictions shape = Predictions.regression("merged sums", "merged sums", new double[1], new double[1]);
        return RegressionLosses.parameter(metric, Resolved.of(shape, metric, options));
    }

    /** One registered per-row loss: its sum, mean, second and third central moments over the rows in its domain. */
    static final class Loss implements Serializable {
        private static final long serialVersionUID = 1L;

        final Metric metric;
        final double parameter;
        long n;
        double sum;
        double mean;
        double m2;
        double m3;
        long badTrue;
        long badPredicted;
        double smallestBadTrue = Double.POSITIVE_INFINITY;
        double smallestBadPredicted = Double.POSITIVE_INFINITY;

        Loss(Metric metric, double parameter) {
            this.metric = metric;
            this.parameter = parameter;
        }

        void add(double actual, double predicted) {
            RegressionLosses.Violation v = RegressionLosses.violation(metric, parameter, actual, predicted);
            if (v != null) {
                if (v.which().equals("true")) {
                    badTrue++;
                    smallestBadTrue = Math.min(smallestBadTrue, v.value());
                } else {
                    badPredicted++;
                    smallestBadPredicted = Math.min(smallestBadPredicted, v.value());
                }
                return;
            }
            double x = RegressionLosses.rowLoss(metric, parameter, actual, predicted);
            n++;
            // As the summary's own values: Welford's update with Pébay's third moment.
            sum += x;
            double before = n - 1;
            double delta = x - mean;
            double deltaN = delta / n;
            double term = delta * deltaN * before;
            mean += deltaN;
            m3 += term * deltaN * (n - 2) - 3 * deltaN * m2;
            m2 += term;
        }

        void merge(Loss other) {
            badTrue += other.badTrue;
            badPredicted += other.badPredicted;
            smallestBadTrue = Math.min(smallestBadTrue, other.smallestBadTrue);
            smallestBadPredicted = Math.min(smallestBadPredicted, other.smallestBadPredicted);
            if (other.n == 0) {
                return;
            }
            if (n == 0) {
                n = other.n;
                sum = other.sum;
                mean = other.mean;
                m2 = other.m2;
                m3 = other.m3;
                return;
            }
            double na = n;
            double nb = other.n;
            double total = na + nb;
            double delta = other.mean - mean;
            double share = delta / total;
            m3 += other.m3 + delta * share * share * na * nb * (na - nb) + 3 * share * (na * other.m2 - nb * m2);
            m2 += other.m2 + delta * share * na * nb;
            mean += share * nb;
            sum += other.sum;
            n += other.n;
        }
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
        for (Loss loss : losses) {
            loss.add(actual, predicted);
        }
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
        if (losses.size() != other.losses.size()) {
            throw new IllegalArgumentException("summaries of different losses do not merge");
        }
        for (int i = 0; i < losses.size(); i++) {
            Loss mine = losses.get(i);
            Loss theirs = other.losses.get(i);
            if (mine.metric != theirs.metric || Double.compare(mine.parameter, theirs.parameter) != 0) {
                throw new IllegalArgumentException("summaries of different losses do not merge");
            }
            mine.merge(theirs);
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
