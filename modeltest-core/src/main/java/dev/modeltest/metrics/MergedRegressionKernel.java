package dev.modeltest.metrics;

import dev.modeltest.stats.StudentT;
import java.util.EnumSet;
import java.util.Set;

/**
 * MAE, MSE, RMSE, MAPE, R² and explained variance, and the means of the registered losses ({@link #LOSSES}), from a
 * {@link RegressionSummary} merged elsewhere: the values as
 * {@link RegressionSums} computes them (sums over the rows divided by their count; the true values' and residuals'
 * centred sums of squares), the Student-t and delta-method intervals as {@link Intervals} computes them from the
 * per-row terms, here from their merged moments (the delta method's from a second pass, {@link
 * RegressionSummary#centredOn}). No rows are behind it, so it cannot be re-weighted.
 */
final class MergedRegressionKernel implements Kernel {

    /** The metrics a summary gives, value and interval. */
    static final Set<Metric> METRICS = EnumSet.of(
            Metric.MAE,
            Metric.MSE,
            Metric.RMSE,
            Metric.MAPE,
            Metric.R2,
            Metric.EXPLAINED_VARIANCE,
            Metric.MEAN_SQUARED_LOG_ERROR,
            Metric.ROOT_MEAN_SQUARED_LOG_ERROR,
            Metric.MEAN_PINBALL_LOSS,
            Metric.MEAN_POISSON_DEVIANCE,
            Metric.MEAN_GAMMA_DEVIANCE,
            Metric.MEAN_TWEEDIE_DEVIANCE);

    /**
     * The metrics among them whose per-row loss has a parameter or a domain, summed only when registered ({@link
     * RegressionSummary#withLoss}).
     */
    static final Set<Metric> LOSSES = EnumSet.of(
            Metric.MEAN_SQUARED_LOG_ERROR,
            Metric.ROOT_MEAN_SQUARED_LOG_ERROR,
            Metric.MEAN_PINBALL_LOSS,
            Metric.MEAN_POISSON_DEVIANCE,
            Metric.MEAN_GAMMA_DEVIANCE,
            Metric.MEAN_TWEEDIE_DEVIANCE);

    /** The metrics whose interval needs the second pass's centred terms. */
    static final Set<Metric> CENTRED = EnumSet.of(Metric.R2, Metric.EXPLAINED_VARIANCE);

    private final RegressionSummary summary;

    /** The registered loss of the metric the kernel was made for, when it is one of {@link #LOSSES}. */
    private final RegressionSummary.Loss loss;

    MergedRegressionKernel(RegressionSummary summary) {
        this(summary, null);
    }

    MergedRegressionKernel(RegressionSummary summary, RegressionSummary.Loss loss) {
        this.summary = summary;
        this.loss = loss;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] weights) {
        if (weights != null) {
            throw new UnsupportedOperationException(
                    "merged regression sums have no rows to re-weight: a bootstrap needs the rows");
        }
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = value(metrics[i], resolved[i].forceFinite);
        }
        return out;
    }

    private double value(Metric metric, boolean forceFinite) {
        long n = summary.n;
        if (n == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case MAE -> summary.sum[RegressionSummary.ABSOLUTE] / n;
            case MSE -> summary.sum[RegressionSummary.SQUARED] / n;
            case RMSE -> Math.sqrt(summary.sum[RegressionSummary.SQUARED] / n);
            case MAPE -> summary.sum[RegressionSummary.RELATIVE] / n;
            // As RegressionLosses.value: the losses' sum over the rows, divided by their count.
            case MEAN_SQUARED_LOG_ERROR,
                    MEAN_PINBALL_LOSS,
                    MEAN_POISSON_DEVIANCE,
                    MEAN_GAMMA_DEVIANCE,
                    MEAN_TWEEDIE_DEVIANCE -> registered(metric).sum / n;
            case ROOT_MEAN_SQUARED_LOG_ERROR -> Math.sqrt(registered(metric).sum / n);
            // As RegressionSums.value: NaN below two rows, a constant column's centred sum of squares exactly 0.
            case R2 ->
                n < 2
                        ? Double.NaN
                        : RegressionSums.ratioScore(
                                forceFinite,
                                finite(summary.sum[RegressionSummary.SQUARED]),
                                summary.minActual == summary.maxActual
                                        ? 0
                                        : finite(summary.m2[RegressionSummary.ACTUAL]));
            case EXPLAINED_VARIANCE ->
                n < 2
                        ? Double.NaN
                        : RegressionSums.ratioScore(
                                forceFinite,
                                summary.minResidual == summary.maxResidual
                                        ? 0
                                        : finite(summary.m2[RegressionSummary.RESIDUAL]) / n,
                                summary.minActual == summary.maxActual
                                        ? 0
                                        : finite(summary.m2[RegressionSummary.ACTUAL]) / n);
            default -> throw new IllegalArgumentException(metric + " is not computed from a regression summary");
        };
    }

    private RegressionSummary.Loss registered(Metric metric) {
        if (loss == null || loss.metric != metric) {
            throw new IllegalArgumentException(metric + "'s loss is not registered in this kernel");
        }
        return loss;
    }

    /** Refuses a sum of squares that overflowed, as {@link RegressionSums} does for the rows. */
    private static double finite(double sumOfSquares) {
        if (Double.isInfinite(sumOfSquares)) {
            throw new IllegalArgumentException(
                    "R² and explained variance cannot be computed on these merged sums: their"
                            + " sums of squares overflow a double (values or errors beyond about 1e154); rescale the label and"
                            + " the predictions");
        }
        return sumOfSquares;
    }

    /**
     * The delta-method interval of R² or explained variance, as for the rows ({@link Intervals#delta}), from the
     * second pass's merged moments of the terms {@code a} (the squared residual, centred for explained variance) and
     * {@code b} (the squared deviation of the true value).
     *
     * @throws IllegalArgumentException if the summary is a first pass, which has no centred terms
     */
    MetricInterval delta(Metric metric, double level) {
        long n = summary.n;
        if (n < 2) {
            return MetricInterval.none(Intervals.DELTA, "one row has no spread to estimate");
        }
        if (!summary.centred) {
            throw new IllegalArgumentException(metric.displayName() + "'s delta-method interval needs its terms"
                    + " centred on the means of all rows: a second pass over them into RegressionSummary.centredOn"
                    + "(first)");
        }
        boolean centred = metric == Metric.EXPLAINED_VARIANCE;
        int a = centred ? RegressionSummary.CENTRED_SQUARED : RegressionSummary.SQUARED;
        int b = RegressionSummary.DEVIATION;
        double sumA = summary.sum[a];
        double sumB = summary.sum[b];
        double co = centred ? summary.coCentred : summary.coSquared;
        return Intervals.delta(
                metric,
                n,
                sumA,
                sumB,
                () -> dev.modeltest.stats.DeltaMethod.logRatio(
                        n, sumA / n, sumB / n, summary.m2[a], summary.m2[b], co, level),
                () -> Intervals.skewCaveat(n, summary.m2[a] / n, summary.m3[a] / n),
                level);
    }

    /** The Student-t interval of the metric's mean loss (square-rooted for RMSE), as for the rows. */
    MetricInterval studentT(Metric metric, double level) {
        boolean root = metric == Metric.RMSE || metric == Metric.ROOT_MEAN_SQUARED_LOG_ERROR;
        long n = summary.n;
        if (n < 2) {
            return MetricInterval.none(
                    root ? Intervals.STUDENT_T_ROOT : Intervals.STUDENT_T, "one row has no spread to estimate");
        }
        double sum;
        double m2;
        double m3;
        String name;
        if (LOSSES.contains(metric)) {
            RegressionSummary.Loss registered = registered(metric);
            sum = registered.sum;
            m2 = registered.m2;
            m3 = registered.m3;
            // The rows' interval takes RMSLE's from the squared log errors, named as MSLE's.
            name = RegressionLosses.lossName(
                    metric == Metric.ROOT_MEAN_SQUARED_LOG_ERROR ? Metric.MEAN_SQUARED_LOG_ERROR : metric);
        } else {
            int loss = metric == Metric.MAE
                    ? RegressionSummary.ABSOLUTE
                    : metric == Metric.MAPE ? RegressionSummary.RELATIVE : RegressionSummary.SQUARED;
            sum = summary.sum[loss];
            m2 = summary.m2[loss];
            m3 = summary.m3[loss];
            name = loss == RegressionSummary.ABSOLUTE
                    ? Intervals.ABSOLUTE_ERROR
                    : loss == RegressionSummary.RELATIVE ? Intervals.RELATIVE_ERROR : Intervals.SQUARED_ERROR;
        }
        // StudentT.mean's formulas: the mean as the sum over n, the standard error from the centred squares.
        double mean = sum / n;
        double se = Math.sqrt(m2 / (n - 1) / n);
        int df = Math.toIntExact(n - 1);
        StudentT.Result t = new StudentT.Result(mean, se, df, StudentT.quantile(df, level));
        return Intervals.studentT(metric, t, name, mean, level, root, () -> Intervals.skewCaveat(n, m2 / n, m3 / n));
    }
}
