package dev.modeltest.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every family of metrics on rows that carry sample weights ({@link Columns#weights}): each selection position counts
 * its row's sample weight times its multiplicity (times the bootstrap's count in a replicate), as scikit-learn's
 * {@code sample_weight} counts a row. The unweighted kernels stay as they are, integer counts on their fast paths;
 * this one is used only when the predictions are weighted ({@link Kernel.Kind#kernel}), for every family but the query
 * metrics, which weigh whole queries ({@link QueryKernel}).
 *
 * <p>What does not depend on the weights is computed once and kept: the per-row losses, the rankings of the scores,
 * the orders of the errors and of the true values, the top-k hits. A weighted evaluation is then one linear pass.
 *
 * <p>Where a metric has no weighted form in scikit-learn, {@link #refusal} says so and nothing is computed.
 */
final class WeightedKernel implements Kernel {

    private final Kind kind;
    private final Columns columns;
    private final Selection selection;
    private final Map<String, Object> kept = new ConcurrentHashMap<>();

    WeightedKernel(Kind kind, Columns columns, Selection selection) {
        this.kind = kind;
        this.columns = columns;
        this.selection = selection;
    }

    /**
     * Returns why {@code metric} cannot honour sample weights (scikit-learn has no {@code sample_weight} for it), in
     * words that name the weight column, or {@code null} when it can.
     */
    static String refusal(Metric metric, boolean ovo, String column) {
        String reason = switch (metric) {
            case MAX_ERROR -> "scikit-learn's max_error has no sample_weight";
            case EXPECTED_CALIBRATION_ERROR -> "scikit-learn's calibration_curve has no sample_weight";
            case MAP -> "mean average precision over queries has no scikit-learn reference with sample_weight";
            case ROC_AUC ->
                ovo
                        ? "scikit-learn's roc_auc_score(multi_class='ovo') refuses sample_weight; use"
                                + " 'multiClass' OVR"
                        : null;
            default -> null;
        };
        return reason == null
                ? null
                : metric.displayName() + " does not take sample weights (" + reason + "); remove 'weights' (column '"
                        + column + "') or check another metric";
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        double[] w = weights(counts);
        double[] out = new double[metrics.length];
        if (kind == Kind.LABELS) {
            int k = columns.k;
            double[] cells = new double[k * k];
            long[] rows = new long[k * k];
            for (int j = 0; j < selection.size; j++) {
                long m = multiplicity(j, counts);
                if (m > 0) {
                    int i = selection.row(j);
                    int cell = columns.actual[i] * k + columns.predicted[i];
                    cells[cell] += w[j];
                    rows[cell] += m;
                }
            }
            boolean[] present = LabelMetrics.presence(rows, k);
            for (int i = 0; i < metrics.length; i++) {
                out[i] = LabelMetrics.value(metrics[i], cells, present, k, resolved[i]);
            }
            return out;
        }
        for (int i = 0; i < metrics.length; i++) {
            out[i] = value(metrics[i], resolved[i], w, counts);
        }
        return out;
    }

    /** Whether each class occurs among the true or predicted labels of the selected rows, whatever their weight. */
    boolean[] presentClasses() {
        long[] rows = new long[columns.k * columns.k];
        for (int j = 0; j < selection.size; j++) {
            if (selection.count(j) > 0) {
                int i = selection.row(j);
                rows[columns.actual[i] * columns.k + columns.predicted[i]]++;
            }
        }
        return LabelMetrics.presence(rows, columns.k);
    }

    private double value(Metric metric, Resolved r, double[] w, int[] counts) {
        return switch (kind) {
            case RANKING -> ranking(metric, r, w);
            case PROBABILITY ->
                mean(
                        metric == Metric.LOG_LOSS
                                ? kept("log", () -> ProbabilitySums.logLosses(columns, selection))
                                : kept("brier" + r.positive, () -> brierTerms(r.positive)),
                        w);
            case TOP_K -> mean(kept("top" + r.k, () -> hits(r.k)), w);
            case REGRESSION -> regression(metric, r, w, counts);
            case LABELS, CALIBRATION, QUERIES -> throw new IllegalStateException(metric + " is not computed here");
        };
    }

    private double ranking(Metric metric, Resolved r, double[] w) {
        if (metric == Metric.ROC_AUC && columns.k > 2 && r.average != Averaging.BINARY) {
            kept("sums", () -> {
                new RankingKernel(columns, selection).requireProbabilitiesSumToOne("one-vs-rest", "ovr");
                return new double[0];
            });
        }
        if (metric == Metric.ROC_AUC && r.maxFpr != MetricOptions.DEFAULT_MAX_FPR) {
            return order(new int[] {r.positive}).partialAuc(w, r.maxFpr);
        }
        int[][] columnSets = RankingKernel.columnSets(r, columns.k);
        boolean auc = metric == Metric.ROC_AUC;
        double sum = 0;
        double weightedSum = 0;
        double weights = 0;
        for (int s = 0; s < columnSets.length; s++) {
            double[] summary = order(columnSets[s]).weighted(w);
            if (s == 0 && summary[0] + summary[1] == 0) {
                return Double.NaN;
            }
            double v = auc ? summary[2] : summary[3];
            if (columnSets.length == 1) {
                return v;
            }
            sum += v;
            weightedSum += v * summary[0];
            weights += summary[0];
        }
        if (r.average == Averaging.WEIGHTED) {
            return weights == 0 ? 0.0 : weightedSum / weights;
        }
        return sum / columnSets.length;
    }

    private RankOrder order(int[] classes) {
        return kept("order" + Arrays.toString(classes), () -> RankOrder.of(columns, selection, classes));
    }

    private double regression(Metric metric, Resolved r, double[] w, int[] counts) {
        RegressionFormula formula = (RegressionFormula) metric.formula();
        double[] y = kept("y", this::actualValues);
        double[] residual = kept("residual", this::residuals);
        return switch (formula) {
            case MSE -> mean(kept("squared", () -> map(residual, e -> e * e)), w);
            case RMSE -> Math.sqrt(mean(kept("squared", () -> map(residual, e -> e * e)), w));
            case MAE -> mean(kept("absolute", () -> map(residual, Math::abs)), w);
            case MAPE -> mean(kept("relative", this::relativeErrors), w);
            case MSLE, PINBALL, POISSON_DEVIANCE, GAMMA_DEVIANCE, TWEEDIE_DEVIANCE -> mean(losses(metric, r), w);
            case RMSLE -> Math.sqrt(mean(losses(Metric.MEAN_SQUARED_LOG_ERROR, r), w));
            case MEDIAN_ABSOLUTE_ERROR ->
                weightedPercentile(kept("absolute", () -> map(residual, Math::abs)), "absoluteOrder", w, 50);
            case R2 -> rows(counts) < 2 ? Double.NaN : r2(y, residual, w, r.forceFinite);
            case EXPLAINED_VARIANCE -> rows(counts) < 2 ? Double.NaN : explainedVariance(y, residual, w, r.forceFinite);
            case D2_TWEEDIE -> rows(counts) < 2 ? Double.NaN : d2Tweedie(metric, r, y, w);
            case D2_PINBALL -> rows(counts) < 2 ? Double.NaN : d2Pinball(r.alpha, y, residual, w);
            case D2_ABSOLUTE_ERROR -> rows(counts) < 2 ? Double.NaN : d2Pinball(0.5, y, residual, w);
            case MAX_ERROR -> throw new IllegalStateException(metric + " does not take sample weights");
        };
    }

    /** {@code r2_score(sample_weight=...)}: {@code 1 − Σ w·e² / Σ w·(y − ȳ_w)²}, scikit-learn's force_finite rule. */
    private static double r2(double[] y, double[] residual, double[] w, boolean forceFinite) {
        double yBar = mean(y, w);
        double numerator = 0;
        double denominator = 0;
        for (int j = 0; j < w.length; j++) {
            numerator += w[j] * (residual[j] * residual[j]);
            double d = y[j] - yBar;
            denominator += w[j] * (d * d);
        }
        return assemble(numerator, denominator, forceFinite);
    }

    /** {@code explained_variance_score(sample_weight=...)}: weighted variances of the residuals and of the true values. */
    private static double explainedVariance(double[] y, double[] residual, double[] w, boolean forceFinite) {
        double residualMean = mean(residual, w);
        double yBar = mean(y, w);
        double numerator = 0;
        double denominator = 0;
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            double dr = residual[j] - residualMean;
            double dy = y[j] - yBar;
            numerator += w[j] * (dr * dr);
            denominator += w[j] * (dy * dy);
            total += w[j];
        }
        return assemble(numerator / total, denominator / total, forceFinite);
    }

    /** scikit-learn's {@code _assemble_r2_explained_variance}. */
    private static double assemble(double numerator, double denominator, boolean forceFinite) {
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

    /** {@code d2_tweedie_score(sample_weight=...)}: the weighted mean deviance against that of the weighted mean. */
    private double d2Tweedie(Metric metric, Resolved r, double[] y, double[] w) {
        double numerator = mean(losses(Metric.MEAN_TWEEDIE_DEVIANCE, r), w);
        double yBar = mean(y, w);
        double[] nullDeviance = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            nullDeviance[j] = RegressionLosses.tweedie(y[j], yBar, r.power);
        }
        return 1 - numerator / mean(nullDeviance, w);
    }

    /**
     * {@code d2_pinball_score(sample_weight=...)}: the null model is the weighted {@code α} percentile of the true values
     * ({@code _weighted_percentile}); 1 when the numerator is 0, 0 when only the denominator is.
     */
    private double d2Pinball(double alpha, double[] y, double[] residual, double[] w) {
        double numerator = 0;
        double nullLoss = 0;
        double total = 0;
        double quantile = weightedPercentile(y, "yOrder", w, alpha * 100);
        for (int j = 0; j < w.length; j++) {
            numerator += w[j] * RegressionLosses.pinball(alpha, residual[j]);
            nullLoss += w[j] * RegressionLosses.pinball(alpha, y[j] - quantile);
            total += w[j];
        }
        numerator /= total;
        double denominator = nullLoss / total;
        if (numerator == 0) {
            return 1.0;
        }
        if (denominator == 0) {
            return 0.0;
        }
        return 1 - numerator / denominator;
    }

    /**
     * scikit-learn 1.2's {@code _weighted_percentile}, the lower weighted percentile: the values sorted, their weights'
     * running sum, and the first value whose running sum reaches {@code percentile / 100} of the total
     * ({@code searchsorted(side='left')}, skipping leading zero weights at percentile 0); no interpolation.
     */
    private double weightedPercentile(double[] values, String orderKey, double[] w, double percentile) {
        int[] order = kept(orderKey, () -> sortedPositions(values));
        double[] cdf = new double[order.length];
        double running = 0;
        for (int t = 0; t < order.length; t++) {
            running += w[order[t]];
            cdf[t] = running;
        }
        double adjusted = percentile / 100 * running;
        if (adjusted == 0) {
            adjusted = Math.nextUp(adjusted);
        }
        int t = 0;
        while (t < cdf.length && cdf[t] < adjusted) {
            t++;
        }
        return values[order[Math.min(t, order.length - 1)]];
    }

    private static int[] sortedPositions(double[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int j = 0; j < boxed.length; j++) {
            boxed[j] = j;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(values[a], values[b]));
        int[] out = new int[boxed.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = boxed[j];
        }
        return out;
    }

    private double[] losses(Metric metric, Resolved r) {
        return kept(
                "loss" + metric + "/" + r.alpha + "/" + r.power,
                () -> RegressionLosses.perRow(metric, r, columns, selection));
    }

    private double[] actualValues() {
        double[] out = new double[selection.size];
        for (int j = 0; j < out.length; j++) {
            int i = selection.row(j);
            double a = columns.actualValues[i];
            if (!Double.isFinite(a)) {
                throw columns.badValue(i, "true", a);
            }
            out[j] = a;
        }
        return out;
    }

    private double[] residuals() {
        double[] y = kept("y", this::actualValues);
        double[] out = new double[selection.size];
        for (int j = 0; j < out.length; j++) {
            int i = selection.row(j);
            double p = columns.predictedValues[i];
            if (!Double.isFinite(p)) {
                throw columns.badValue(i, "predicted", p);
            }
            out[j] = y[j] - p;
        }
        return out;
    }

    private double[] relativeErrors() {
        double[] y = kept("y", this::actualValues);
        double[] residual = kept("residual", this::residuals);
        double[] out = new double[y.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.abs(residual[j]) / Math.max(Math.abs(y[j]), ProbabilitySums.EPS);
        }
        return out;
    }

    private double[] brierTerms(int positive) {
        double[] out = new double[selection.size];
        for (int j = 0; j < out.length; j++) {
            int i = selection.row(j);
            double d = (columns.actual[i] == positive ? 1 : 0) - columns.probability(i, positive, "Brier score");
            out[j] = d * d;
        }
        return out;
    }

    private double[] hits(int k) {
        boolean[] hit = new TopKernel(columns, selection).hits(k);
        double[] out = new double[hit.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = hit[j] ? 1 : 0;
        }
        return out;
    }

    /** Each position's weight: its row's sample weight times its multiplicity. */
    private double[] weights(int[] counts) {
        double[] sample = columns.weights;
        double[] out = new double[selection.size];
        for (int j = 0; j < out.length; j++) {
            out[j] = sample[selection.row(j)] * multiplicity(j, counts);
        }
        return out;
    }

    private long multiplicity(int j, int[] counts) {
        return (long) selection.count(j) * (counts == null ? 1 : counts[j]);
    }

    /** The number of rows counted (each as often as its multiplicity), whatever their weights. */
    private long rows(int[] counts) {
        long n = 0;
        for (int j = 0; j < selection.size; j++) {
            n += multiplicity(j, counts);
        }
        return n;
    }

    /** The weighted mean ({@code numpy.average(values, weights=w)}); NaN when the weights add up to 0. */
    private static double mean(double[] values, double[] w) {
        double sum = 0;
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                sum += w[j] * values[j];
                total += w[j];
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    private static double[] map(double[] values, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = f.applyAsDouble(values[j]);
        }
        return out;
    }

    /** What does not depend on the weights, computed once (a race computes it twice, harmlessly). */
    @SuppressWarnings("unchecked")
    private <T> T kept(String key, java.util.function.Supplier<T> compute) {
        Object value = kept.get(key);
        if (value == null) {
            value = compute.get();
            Object earlier = kept.putIfAbsent(key, value);
            if (earlier != null) {
                value = earlier;
            }
        }
        return (T) value;
    }
}
