package dev.modeltest.metrics;

import dev.modeltest.stats.StudentT;
import java.util.EnumSet;
import java.util.Set;

/**
 * MAE, MSE, RMSE and MAPE from a {@link RegressionSummary} merged elsewhere: the values as {@link RegressionSums}
 * computes them (a sum over the rows divided by their count), the Student-t interval as {@link Intervals} computes
 * it from the per-row losses, here from their merged moments. No rows are behind it, so it cannot be re-weighted.
 */
final class MergedRegressionKernel implements Kernel {

    /** The metrics a summary gives, value and interval. */
    static final Set<Metric> METRICS = EnumSet.of(Metric.MAE, Metric.MSE, Metric.RMSE, Metric.MAPE);

    private final RegressionSummary summary;

    MergedRegressionKernel(RegressionSummary summary) {
        this.summary = summary;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] weights) {
        if (weights != null) {
            throw new UnsupportedOperationException(
                    "merged regression sums have no rows to re-weight: a bootstrap needs the rows");
        }
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = value(metrics[i]);
        }
        return out;
    }

    private double value(Metric metric) {
        long n = summary.n;
        if (n == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case MAE -> summary.sum[RegressionSummary.ABSOLUTE] / n;
            case MSE -> summary.sum[RegressionSummary.SQUARED] / n;
            case RMSE -> Math.sqrt(summary.sum[RegressionSummary.SQUARED] / n);
            case MAPE -> summary.sum[RegressionSummary.RELATIVE] / n;
            default -> throw new IllegalArgumentException(metric + " is not computed from a regression summary");
        };
    }

    /** The Student-t interval of the metric's mean loss (square-rooted for RMSE), as for the rows. */
    MetricInterval studentT(Metric metric, double level) {
        boolean root = metric == Metric.RMSE;
        int loss = metric == Metric.MAE
                ? RegressionSummary.ABSOLUTE
                : metric == Metric.MAPE ? RegressionSummary.RELATIVE : RegressionSummary.SQUARED;
        String name = loss == RegressionSummary.ABSOLUTE
                ? Intervals.ABSOLUTE_ERROR
                : loss == RegressionSummary.RELATIVE ? Intervals.RELATIVE_ERROR : Intervals.SQUARED_ERROR;
        long n = summary.n;
        if (n < 2) {
            return MetricInterval.none(
                    root ? Intervals.STUDENT_T_ROOT : Intervals.STUDENT_T, "one row has no spread to estimate");
        }
        // StudentT.mean's formulas: the mean as the sum over n, the standard error from the centred squares.
        double mean = summary.sum[loss] / n;
        double m2 = summary.m2[loss];
        double se = Math.sqrt(m2 / (n - 1) / n);
        int df = Math.toIntExact(n - 1);
        StudentT.Result t = new StudentT.Result(mean, se, df, StudentT.quantile(df, level));
        double m3 = summary.m3[loss];
        return Intervals.studentT(metric, t, name, mean, level, root, () -> Intervals.skewCaveat(n, m2 / n, m3 / n));
    }
}
