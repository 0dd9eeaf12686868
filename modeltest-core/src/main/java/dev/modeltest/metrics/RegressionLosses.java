package dev.modeltest.metrics;

import dev.modeltest.check.Format;
import dev.modeltest.error.ModelException;
import java.util.function.Supplier;

/**
 * The regression metrics whose per-row loss has a parameter or a domain: mean squared log error and its root, mean
 * pinball loss, the Tweedie deviances (Poisson, Gamma, any power), and the D² scores built on them, each following
 * scikit-learn 1.2's code step by step. A value outside a loss's domain (a negative value for the squared log error, a
 * predicted value of 0 for a deviance) fails with a {@link ModelException} naming the row, as scikit-learn refuses the
 * whole call with a {@code ValueError}.
 */
final class RegressionLosses {

    private RegressionLosses() {}

    /** Computes {@code metric} on the selection's rows with their counts. */
    static double value(
            Metric metric,
            Resolved resolved,
            Columns columns,
            Selection selection,
            Supplier<SortedValues> sortedActual) {
        RegressionFormula formula = (RegressionFormula) metric.formula();
        return switch (formula) {
            case MSLE -> mean(columns, selection, i -> squaredLogError(metric, columns, i));
            case RMSLE -> Math.sqrt(mean(columns, selection, i -> squaredLogError(metric, columns, i)));
            case PINBALL -> mean(columns, selection, i -> pinball(resolved.alpha, residual(columns, i)));
            case POISSON_DEVIANCE, GAMMA_DEVIANCE, TWEEDIE_DEVIANCE ->
                mean(columns, selection, i -> deviance(metric, power(formula, resolved), columns, i));
            case D2_TWEEDIE -> d2Tweedie(metric, resolved.power, columns, selection);
            case D2_PINBALL -> d2Pinball(resolved.alpha, columns, selection, sortedActual);
            case D2_ABSOLUTE_ERROR -> d2Pinball(0.5, columns, selection, sortedActual);
            case MSE, RMSE, MAE, MAPE, MAX_ERROR, R2, EXPLAINED_VARIANCE, MEDIAN_ABSOLUTE_ERROR ->
                throw new IllegalArgumentException(metric + " is not computed here");
        };
    }

    /**
     * Returns each selection position's loss for the metrics that are a mean of one (the squared log error, the
     * pinball loss, the deviance), for the Student-t interval; the name is for messages.
     */
    static double[] perRow(Metric metric, Resolved resolved, Columns columns, Selection selection) {
        RegressionFormula formula = (RegressionFormula) metric.formula();
        double[] out = new double[selection.size];
        for (int j = 0; j < out.length; j++) {
            int i = selection.row(j);
            out[j] = switch (formula) {
                case MSLE -> squaredLogError(metric, columns, i);
                case PINBALL -> pinball(resolved.alpha, residual(columns, i));
                case POISSON_DEVIANCE, GAMMA_DEVIANCE, TWEEDIE_DEVIANCE ->
                    deviance(metric, power(formula, resolved), columns, i);
                case MSE,
                        RMSE,
                        MAE,
                        MAPE,
                        MAX_ERROR,
                        R2,
                        EXPLAINED_VARIANCE,
                        MEDIAN_ABSOLUTE_ERROR,
                        RMSLE,
                        D2_TWEEDIE,
                        D2_PINBALL,
                        D2_ABSOLUTE_ERROR ->
                    throw new IllegalArgumentException(metric + " is not a mean of these per-row losses");
            };
        }
        return out;
    }

    /** Names a metric's per-row loss for interval messages. */
    static String lossName(Metric metric) {
        return switch ((RegressionFormula) metric.formula()) {
            case MSLE -> "squared log error";
            case PINBALL -> "pinball loss";
            case POISSON_DEVIANCE, GAMMA_DEVIANCE, TWEEDIE_DEVIANCE -> "deviance";
            case MSE,
                    RMSE,
                    MAE,
                    MAPE,
                    MAX_ERROR,
                    R2,
                    EXPLAINED_VARIANCE,
                    MEDIAN_ABSOLUTE_ERROR,
                    RMSLE,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR ->
                throw new IllegalArgumentException(metric + " is not a mean of per-row losses");
        };
    }

    private static double power(RegressionFormula formula, Resolved resolved) {
        return formula == RegressionFormula.POISSON_DEVIANCE
                ? 1
                : formula == RegressionFormula.GAMMA_DEVIANCE ? 2 : resolved.power;
    }

    /** One row's loss, validating the row's values. */
    @FunctionalInterface
    private interface RowLoss {
        double of(int row);
    }

    /** The weighted mean of a per-row loss; NaN on no rows. */
    private static double mean(Columns columns, Selection selection, RowLoss loss) {
        Sums sums = Chunks.reduce(selection.size, Chunks.LEAF, () -> new Sums(columns, selection, loss));
        return sums.weight == 0 ? Double.NaN : sums.sum / sums.weight;
    }

    /** The mergeable state: the weighted sum of a per-row loss and the total weight. */
    private static final class Sums implements Chunks.Accumulator<Sums> {
        private final Columns columns;
        private final Selection selection;
        private final RowLoss loss;
        double sum;
        long weight;

        Sums(Columns columns, Selection selection, RowLoss loss) {
            this.columns = columns;
            this.selection = selection;
            this.loss = loss;
        }

        @Override
        public void absorb(int from, int to) {
            for (int j = from; j < to; j++) {
                int w = selection.count(j);
                if (w == 0) {
                    continue;
                }
                int i = selection.row(j);
                finite(columns, i);
                sum += w * loss.of(i);
                weight += w;
            }
        }

        @Override
        public Sums merge(Sums other) {
            sum += other.sum;
            weight += other.weight;
            return this;
        }
    }

    private static void finite(Columns columns, int i) {
        if (!Double.isFinite(columns.actualValues[i])) {
            throw columns.badValue(i, "true", columns.actualValues[i]);
        }
        if (!Double.isFinite(columns.predictedValues[i])) {
            throw columns.badValue(i, "predicted", columns.predictedValues[i]);
        }
    }

    private static double residual(Columns columns, int i) {
        return columns.actualValues[i] - columns.predictedValues[i];
    }

    /** {@code mean_squared_log_error}: {@code (log1p(y) − log1p(ŷ))²}, refusing a negative value as scikit-learn. */
    private static double squaredLogError(Metric metric, Columns columns, int i) {
        double a = columns.actualValues[i];
        double p = columns.predictedValues[i];
        requireDomain(metric, 0, columns, i, a, p);
        return rowLoss(metric, 0, a, p);
    }

    /**
     * A row's value outside a loss's domain: which value ({@code "true"} or {@code "predicted"}), the value, and the
     * domain's rule (with scikit-learn's words) for the message.
     */
    record Violation(String which, double value, String rule) {}

    /**
     * Returns why a row's values are outside the per-row loss's domain of a metric that is a mean of one ({@link
     * #lossOf}), or {@code null} when they are inside: a negative value for the squared log error, the Tweedie
     * deviance's domain for the deviances; the pinball loss takes any value.
     *
     * @param parameter the loss's parameter ({@link #parameter}): the Tweedie power for the deviances
     */
    static Violation violation(Metric metric, double parameter, double a, double p) {
        RegressionFormula formula = (RegressionFormula) metric.formula();
        if (formula == RegressionFormula.MSLE || formula == RegressionFormula.RMSLE) {
            if (a < 0 || p < 0) {
                return new Violation(
                        a < 0 ? "true" : "predicted",
                        a < 0 ? a : p,
                        metric.displayName() + " needs values of at least 0 (scikit-learn: \"Mean Squared Logarithmic"
                                + " Error cannot be used when targets contain negative values.\")");
            }
            return null;
        }
        if (formula == RegressionFormula.PINBALL) {
            return null;
        }
        return tweedieViolation(metric, parameter, a, p);
    }

    /**
     * One row's loss of a metric that is a mean of per-row losses (the square root's loss for RMSLE), its values in
     * the domain ({@link #violation}): the squared log error, the pinball loss, the Tweedie deviance.
     *
     * @param parameter the loss's parameter ({@link #parameter}): the quantile level or the Tweedie power
     */
    static double rowLoss(Metric metric, double parameter, double a, double p) {
        return switch ((RegressionFormula) metric.formula()) {
            case MSLE, RMSLE -> {
                double d = Math.log1p(a) - Math.log1p(p);
                yield d * d;
            }
            case PINBALL -> pinball(parameter, a - p);
            case POISSON_DEVIANCE, GAMMA_DEVIANCE, TWEEDIE_DEVIANCE -> tweedie(a, p, parameter);
            case MSE,
                    RMSE,
                    MAE,
                    MAPE,
                    MAX_ERROR,
                    R2,
                    EXPLAINED_VARIANCE,
                    MEDIAN_ABSOLUTE_ERROR,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR ->
                throw new IllegalArgumentException(metric + " is not a mean of these per-row losses");
        };
    }

    /**
     * The parameter of a metric's per-row loss as resolved: the quantile level of the pinball loss, the Tweedie
     * power of the deviances (1 for Poisson, 2 for Gamma), 0 for the squared log error.
     */
    static double parameter(Metric metric, Resolved resolved) {
        RegressionFormula formula = (RegressionFormula) metric.formula();
        return switch (formula) {
            case PINBALL -> resolved.alpha;
            case POISSON_DEVIANCE, GAMMA_DEVIANCE, TWEEDIE_DEVIANCE -> power(formula, resolved);
            case MSLE,
                    RMSLE,
                    MSE,
                    RMSE,
                    MAE,
                    MAPE,
                    MAX_ERROR,
                    R2,
                    EXPLAINED_VARIANCE,
                    MEDIAN_ABSOLUTE_ERROR,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR -> 0;
        };
    }

    /** {@code mean_pinball_loss}'s term: {@code α·diff} where {@code diff = y − ŷ ≥ 0}, else {@code −(1 − α)·diff}. */
    static double pinball(double alpha, double diff) {
        return diff >= 0 ? alpha * diff : -((1 - alpha) * diff);
    }

    /** One row's Tweedie deviance after {@code mean_tweedie_deviance}'s check of the row's values. */
    private static double deviance(Metric metric, double power, Columns columns, int i) {
        double a = columns.actualValues[i];
        double p = columns.predictedValues[i];
        requireDomain(metric, power, columns, i, a, p);
        return tweedie(a, p, power);
    }

    /**
     * {@code mean_tweedie_deviance}'s domain (any value at power 0) or the squared log error's; fails naming the row.
     */
    private static void requireDomain(Metric metric, double power, Columns columns, int i, double a, double p) {
        Violation v = violation(metric, power, a, p);
        if (v != null) {
            throw outOfDomain(columns, i, v.which(), v.value(), v.rule());
        }
    }

    /**
     * {@code mean_tweedie_deviance}'s domain: {@code ŷ > 0} below power 0, {@code y ≥ 0} and {@code ŷ > 0} from 1 to
     * 2, both above 0 from 2 on; any value at power 0.
     */
    private static Violation tweedieViolation(Metric metric, double power, double a, double p) {
        if (power == 0) {
            return null;
        }
        boolean trueOk = power < 1 || (power < 2 ? a >= 0 : a > 0);
        if (trueOk && p > 0) {
            return null;
        }
        String needs;
        String sklearn;
        if (power < 0) {
            needs = "predicted values above 0";
            sklearn = "strictly positive y_pred.";
        } else if (power < 2) {
            needs = "true values of at least 0 and predicted values above 0";
            sklearn = "non-negative y and strictly positive y_pred.";
        } else {
            needs = "true and predicted values above 0";
            sklearn = "strictly positive y and y_pred.";
        }
        return new Violation(
                trueOk ? "predicted" : "true",
                trueOk ? p : a,
                metric.displayName() + " (power " + Format.number(power) + ") needs " + needs
                        + " (scikit-learn: \"Mean Tweedie deviance error with power=" + Format.number(power)
                        + " can only be used on " + sklearn + "\")");
    }

    /** {@code _mean_tweedie_deviance}'s per-row term, case by case as there. */
    static double tweedie(double y, double yPred, double p) {
        if (p < 0) {
            return 2
                    * (Math.pow(Math.max(y, 0), 2 - p) / ((1 - p) * (2 - p))
                            - y * Math.pow(yPred, 1 - p) / (1 - p)
                            + Math.pow(yPred, 2 - p) / (2 - p));
        }
        if (p == 0) {
            double d = y - yPred;
            return d * d;
        }
        if (p == 1) {
            return 2 * (xlogy(y, y / yPred) - y + yPred);
        }
        if (p == 2) {
            return 2 * (Math.log(yPred / y) + y / yPred - 1);
        }
        return 2
                * (Math.pow(y, 2 - p) / ((1 - p) * (2 - p))
                        - y * Math.pow(yPred, 1 - p) / (1 - p)
                        + Math.pow(yPred, 2 - p) / (2 - p));
    }

    /** SciPy's {@code xlogy}: {@code x·log(y)}, 0 where {@code x} is 0 and {@code y} is not NaN. */
    private static double xlogy(double x, double y) {
        return x == 0 && !Double.isNaN(y) ? 0 : x * Math.log(y);
    }

    /**
     * {@code d2_tweedie_score}: {@code 1 − mean dev(y, ŷ) / mean dev(y, ȳ)} with the weighted mean {@code ȳ}; NaN on
     * fewer than two rows; as there, no rule for equal true values (the ratio's infinity or NaN is the score).
     */
    private static double d2Tweedie(Metric metric, double power, Columns columns, Selection selection) {
        double numerator = mean(columns, selection, i -> deviance(metric, power, columns, i));
        double yBar = mean(columns, selection, i -> columns.actualValues[i]);
        if (!(total(selection) >= 2)) {
            return Double.NaN;
        }
        double denominator = mean(columns, selection, i -> tweedie(columns.actualValues[i], yBar, power));
        return 1 - numerator / denominator;
    }

    /**
     * {@code d2_pinball_score}: {@code 1 − mean pinball(y, ŷ) / mean pinball(y, q)} with {@code q} the {@code α}
     * quantile of the true values ({@code numpy.percentile}, linear); 1 when the numerator is 0, 0 when only the
     * denominator is; NaN on fewer than two rows.
     */
    private static double d2Pinball(
            double alpha, Columns columns, Selection selection, Supplier<SortedValues> sortedActual) {
        double numerator = mean(columns, selection, i -> pinball(alpha, residual(columns, i)));
        if (!(total(selection) >= 2)) {
            return Double.NaN;
        }
        // np.percentile(y, q=alpha * 100) divides the percentage by 100 again.
        double quantile = sortedActual.get().quantiles(new double[] {alpha * 100 / 100}, selection.counts)[0];
        double denominator = mean(columns, selection, i -> pinball(alpha, columns.actualValues[i] - quantile));
        if (numerator == 0) {
            return 1.0;
        }
        if (denominator == 0) {
            return 0.0;
        }
        return 1 - numerator / denominator;
    }

    /**
     * The per-row terms of a D² score {@code 1 − mean(a) / mean(b)} on the selection as it is (each row once): {@code
     * a} the model's loss, {@code b} the loss of the null model (the mean of the true values for the Tweedie
     * deviance, their {@code α} quantile for the pinball loss), for the delta method's interval.
     *
     * @return {@code {a, b}}
     */
    static double[][] d2Terms(Metric metric, Resolved resolved, Columns columns, Selection selection) {
        RegressionFormula formula = (RegressionFormula) metric.formula();
        int n = selection.size;
        double[] a = new double[n];
        double[] b = new double[n];
        if (formula == RegressionFormula.D2_TWEEDIE) {
            double yBar = mean(columns, selection, i -> columns.actualValues[i]);
            for (int j = 0; j < n; j++) {
                int i = selection.row(j);
                a[j] = deviance(metric, resolved.power, columns, i);
                b[j] = tweedie(columns.actualValues[i], yBar, resolved.power);
            }
            return new double[][] {a, b};
        }
        double alpha = formula == RegressionFormula.D2_PINBALL ? resolved.alpha : 0.5;
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            y[j] = columns.actualValues[selection.row(j)];
        }
        double quantile = SortedValues.of(y).quantiles(new double[] {alpha * 100 / 100}, null)[0];
        for (int j = 0; j < n; j++) {
            int i = selection.row(j);
            a[j] = pinball(alpha, residual(columns, i));
            b[j] = pinball(alpha, columns.actualValues[i] - quantile);
        }
        return new double[][] {a, b};
    }

    private static long total(Selection selection) {
        if (selection.counts == null) {
            return selection.size;
        }
        long total = 0;
        for (int c : selection.counts) {
            total += c;
        }
        return total;
    }

    private static ModelException outOfDomain(Columns columns, int row, String which, double value, String rule) {
        return new ModelException("the " + which + " value at " + columns.row(row) + " is " + Format.number(value)
                + "; " + rule + " (model " + columns.predictions.modelName() + ")");
    }
}
