package dev.modeltest.metrics;

import dev.modeltest.error.ModelException;

/**
 * The mergeable state of the regression metrics: the total weight; sums of squared, absolute and relative errors; the
 * largest error; and, for R² and explained variance, the mean and the centred sum of squares of the true values and
 * of the residuals.
 *
 * <p>Each leaf computes its mean and centred sum of squares in two passes and leaves are combined with the pairwise
 * update of Chan, Golub and LeVeque (1979), so that a large mean does not cancel away the variance as
 * {@code Σy² − (Σy)²/n} would. The minimum and maximum are kept so that a constant column has a centred sum of
 * squares of exactly 0, which is what scikit-learn's {@code force_finite} rule tests for.
 */
final class RegressionSums implements Chunks.Accumulator<RegressionSums> {

    private final Columns columns;
    private final Selection selection;

    long weight;
    double squaredErrors;
    double absoluteErrors;
    double relativeErrors;
    double maxError;
    double meanActual;
    double centredActual;
    double meanResidual;
    double centredResidual;
    double minActual = Double.POSITIVE_INFINITY;
    double maxActual = Double.NEGATIVE_INFINITY;
    double minResidual = Double.POSITIVE_INFINITY;
    double maxResidual = Double.NEGATIVE_INFINITY;

    RegressionSums(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    static RegressionSums of(Columns columns, Selection selection) {
        return Chunks.reduce(selection.size, Chunks.LEAF, () -> new RegressionSums(columns, selection));
    }

    @Override
    public void absorb(int from, int to) {
        double[] y = columns.actualValues;
        double[] yHat = columns.predictedValues;
        long w0 = 0;
        double sumActual = 0;
        double sumResidual = 0;
        for (int j = from; j < to; j++) {
            int w = selection.count(j);
            if (w == 0) {
                continue;
            }
            int i = selection.row(j);
            double a = y[i];
            double p = yHat[i];
            if (!Double.isFinite(a)) {
                throw columns.badValue(i, "true", a);
            }
            if (!Double.isFinite(p)) {
                throw columns.badValue(i, "predicted", p);
            }
            double r = a - p;
            double absolute = Math.abs(r);
            w0 += w;
            sumActual += w * a;
            sumResidual += w * r;
            squaredErrors += w * (r * r);
            absoluteErrors += w * absolute;
            relativeErrors += w * (absolute / Math.max(Math.abs(a), ProbabilitySums.EPS));
            maxError = Math.max(maxError, absolute);
            minActual = Math.min(minActual, a);
            maxActual = Math.max(maxActual, a);
            minResidual = Math.min(minResidual, r);
            maxResidual = Math.max(maxResidual, r);
        }
        if (w0 == 0) {
            return;
        }
        double mA = sumActual / w0;
        double mR = sumResidual / w0;
        double cA = 0;
        double cR = 0;
        for (int j = from; j < to; j++) {
            int w = selection.count(j);
            if (w == 0) {
                continue;
            }
            int i = selection.row(j);
            double dA = y[i] - mA;
            double dR = (y[i] - yHat[i]) - mR;
            cA += w * (dA * dA);
            cR += w * (dR * dR);
        }
        weight = w0;
        meanActual = mA;
        centredActual = cA;
        meanResidual = mR;
        centredResidual = cR;
    }

    @Override
    public RegressionSums merge(RegressionSums other) {
        if (other.weight == 0) {
            return this;
        }
        if (weight == 0) {
            return other;
        }
        long total = weight + other.weight;
        double dA = other.meanActual - meanActual;
        double dR = other.meanResidual - meanResidual;
        double share = (double) other.weight / total;
        double pairs = (double) weight * other.weight / total;
        meanActual += dA * share;
        centredActual += other.centredActual + dA * dA * pairs;
        meanResidual += dR * share;
        centredResidual += other.centredResidual + dR * dR * pairs;
        weight = total;
        squaredErrors += other.squaredErrors;
        absoluteErrors += other.absoluteErrors;
        relativeErrors += other.relativeErrors;
        maxError = Math.max(maxError, other.maxError);
        minActual = Math.min(minActual, other.minActual);
        maxActual = Math.max(maxActual, other.maxActual);
        minResidual = Math.min(minResidual, other.minResidual);
        maxResidual = Math.max(maxResidual, other.maxResidual);
        return this;
    }

    /**
     * The metric on the rows absorbed; NaN on no rows, and for R² and explained variance on fewer than two rows
     * (scikit-learn's {@code r2_score} returns NaN there, "not well-defined with less than two samples"; its
     * {@code explained_variance_score} returns 1.0 by its constant-target rule, which on one row says nothing, so
     * modeltest leaves it undefined as well).
     */
    double value(Metric metric) {
        return value(metric, true);
    }

    /**
     * As {@link #value(Metric)}; with {@code forceFinite} false, R² and explained variance are scikit-learn's plain
     * {@code 1 − numerator / denominator} ({@code force_finite=False}): NaN or −∞ when the true values are all equal.
     */
    double value(Metric metric, boolean forceFinite) {
        if (weight == 0) {
            return Double.NaN;
        }
        return switch ((RegressionFormula) metric.formula()) {
            case MSE -> squaredErrors / weight;
            case RMSE -> Math.sqrt(squaredErrors / weight);
            case MAE -> absoluteErrors / weight;
            case MAPE -> relativeErrors / weight;
            case MAX_ERROR -> maxError;
            case R2 ->
                weight < 2
                        ? Double.NaN
                        : assemble(metric, forceFinite, squaredErrors, minActual == maxActual ? 0 : centredActual);
            case EXPLAINED_VARIANCE ->
                weight < 2
                        ? Double.NaN
                        : assemble(
                                metric,
                                forceFinite,
                                minResidual == maxResidual ? 0 : centredResidual / weight,
                                minActual == maxActual ? 0 : centredActual / weight);
            case MEDIAN_ABSOLUTE_ERROR ->
                throw new IllegalArgumentException(metric + " is computed from sorted errors, not from sums");
            case MSLE,
                    RMSLE,
                    PINBALL,
                    POISSON_DEVIANCE,
                    GAMMA_DEVIANCE,
                    TWEEDIE_DEVIANCE,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR ->
                throw new IllegalArgumentException(metric + " is computed by RegressionLosses, not from these sums");
        };
    }

    /**
     * scikit-learn's {@code _assemble_r2_explained_variance(force_finite=...)}, refusing sums of squares that overflowed
     * to infinity: their ratio would be NaN, which is not "undefined on no rows" but a number too large for a double.
     */
    private double assemble(Metric metric, boolean forceFinite, double numerator, double denominator) {
        if (Double.isInfinite(numerator) || Double.isInfinite(denominator)) {
            throw new ModelException(metric.displayName() + " on " + columns.predictions.dataName()
                    + " cannot be computed: its sums of squares overflow a double (values or errors beyond about 1e154)"
                    + "; rescale the label and the predictions (model " + columns.predictions.modelName() + ")");
        }
        return ratioScore(forceFinite, numerator, denominator);
    }

    /** {@code 1 − numerator / denominator} with scikit-learn's {@code force_finite} rule for 0 in either. */
    static double ratioScore(boolean forceFinite, double numerator, double denominator) {
        if (!forceFinite) {
            return 1 - numerator / denominator;
        }
        if (numerator == 0) {
            return 1.0;
        }
        if (denominator == 0) {
            return 0.0;
        }
        return 1 - numerator / denominator;
    }
}
