package dev.modeltest.metrics;

import dev.modeltest.check.Interval;
import dev.modeltest.stats.Bootstrap;
import dev.modeltest.stats.PoissonBootstrap;
import dev.modeltest.stats.Wilson;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One metric prepared on a fixed set of rows, to be evaluated as it is and under re-weightings of those rows: the
 * building block of bootstrap intervals, slices and paired comparisons.
 *
 * <p>What does not depend on the weights is computed once and kept (sorted scores for ROC AUC and average precision,
 * sorted errors for the median, sorted confidences for equal-mass bins), so {@link #value(int[])} is one linear pass.
 * Instances are immutable and safe to use from several threads.
 *
 * <pre>{@code
 * MetricSample auc = Metrics.sample(predictions, Metric.ROC_AUC, MetricOptions.defaults(), sliceRows);
 * double point = auc.value();
 * Bootstrap.Result ci = Bootstrap.seeded(42).interval(auc.size(), auc::value, 0.95);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MetricSample {

    /** The row count from which the bootstrap is the Poisson bootstrap rather than BCa. */
    public static final int POISSON_FROM_ROWS = PoissonBootstrap.RECOMMENDED_FROM_ROWS;

    private final Metric metric;
    private final MetricOptions options;
    private final Resolved resolved;
    private final Selection selection;
    private final Kernel kernel;
    private final Columns columns;
    private volatile double value = Double.NaN;
    private volatile boolean computed;

    MetricSample(
            Metric metric,
            MetricOptions options,
            Resolved resolved,
            Selection selection,
            Kernel kernel,
            Columns columns) {
        this.columns = columns;
        this.metric = metric;
        this.options = options;
        this.resolved = resolved;
        this.selection = selection;
        this.kernel = kernel;
    }

    Selection selection() {
        return selection;
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /** Returns the options the metric is computed with. */
    public MetricOptions options() {
        return options;
    }

    /** Returns the number of rows in the sample: the length {@link #value(int[])} expects. */
    public int size() {
        return selection.size;
    }

    /** Returns the metric on the sample's rows, each once; {@code NaN} where it is undefined. */
    public double value() {
        if (!computed) {
            value = kernel.values(new Metric[] {metric}, new Resolved[] {resolved}, null)[0];
            computed = true;
        }
        return value;
    }

    /**
     * Returns the metric on the sample's rows with row {@code j} (in sample order) counted {@code counts[j]} times,
     * as if it had been copied that often: the statistic of a bootstrap resample, or of a subset when the counts are
     * 0 and 1. {@code NaN} where the metric is undefined on those rows.
     *
     * @param counts one non-negative count per row of the sample
     * @throws IllegalArgumentException if {@code counts} has the wrong length
     */
    public double value(int[] counts) {
        if (counts.length != selection.size) {
            throw new IllegalArgumentException(counts.length + " counts for a sample of " + selection.size + " rows");
        }
        return kernel.values(new Metric[] {metric}, new Resolved[] {resolved}, counts)[0];
    }

    /**
     * Returns when the metric is NaN on these rows, in words for messages: under {@link ZeroDivision#NAN}, which class
     * has nothing to divide by ({@code no row is predicted as class 'b' (0 predicted, so precision is 0/0) and
     * 'zeroDivision' is NAN}); otherwise {@link Metric#undefinedWhen()}.
     *
     * @since 0.2.0
     */
    public String undefinedWhen() {
        if (resolved.zeroDivision == ZeroDivision.NAN
                && resolved.average == Averaging.BINARY
                && kernel instanceof ConfusionKernel labels) {
            long[] counts = labels.counts();
            int c = resolved.positive;
            int k = labels.classCount();
            if (LabelMetrics.total(counts) > 0) {
                String reason = LabelMetrics.zeroDivisionReason(
                        metric,
                        labels.className(c),
                        LabelMetrics.columnSum(counts, k, c),
                        LabelMetrics.rowSum(counts, k, c));
                if (reason != null) {
                    return reason;
                }
            }
        }
        if (resolved.ovo) {
            // One-vs-one leaves out the classes with no row, so it is undefined only with fewer than two true classes.
            return "fewer than two classes occur among the true labels (one-vs-one has no pair of classes to average)";
        }
        return metric.undefinedWhen();
    }

    /**
     * Returns the numerator and denominator when the metric is a plain proportion of rows: accuracy, binary (or
     * one-vs-rest) precision and recall, micro-averaged precision and recall (both equal to accuracy then), zero-one
     * and Hamming loss (the rows predicted wrongly) and top-k accuracy (the rows whose true class is in the top k).
     */
    public Optional<Proportion> proportion() {
        long[] p = kernel.proportion(metric, resolved, null);
        return p == null ? Optional.empty() : Optional.of(new Proportion(p[0], p[1]));
    }

    /**
     * Returns a confidence interval for the metric: the Wilson score interval when it is a proportion with at least
     * one trial, otherwise {@code bootstrap}'s interval over this sample's rows.
     *
     * @throws IllegalStateException if the metric is undefined ({@code NaN}) on the sample
     */
    public Interval interval(double confidence, Bootstrap bootstrap) {
        double point = value();
        if (Double.isNaN(point)) {
            throw new IllegalStateException(metric.displayName() + " is undefined on these " + selection.size
                    + " rows: it is NaN when " + metric.undefinedWhen());
        }
        Optional<Proportion> proportion = proportion();
        if (proportion.isPresent() && proportion.get().trials() > 0) {
            return Wilson.interval(
                    proportion.get().successes(), proportion.get().trials(), confidence);
        }
        return bootstrap.interval(selection.size, this::value, confidence).interval();
    }

    /**
     * Returns the exact or analytic interval method that applies to the metric on these rows, as {@link
     * MetricInterval#method()} names it ({@code Wilson}, {@code DeLong (logit)}, {@code Student-t}, {@code Student-t
     * (square root)}, {@code delta method (log ratio)}), or empty when only the bootstrap applies.
     *
     * @since 0.2.0
     */
    public Optional<String> exactMethod() {
        return Optional.ofNullable(Intervals.exactMethod(metric, resolved, kernel));
    }

    /**
     * Returns the metric's interval made as {@code method} asks: {@link IntervalMethod#AUTO} the exact or analytic
     * interval where one applies ({@link #exactMethod()}) and the bootstrap otherwise; {@link IntervalMethod#EXACT}
     * only the exact one; {@link IntervalMethod#BOOTSTRAP} the seeded bootstrap (BCa below {@value
     * #POISSON_FROM_ROWS} rows, Poisson from there). With no interval (the metric undefined, or degenerate data such as
     * losses that are all equal) the result's interval is {@code null} and {@link MetricInterval#none()} says why.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @param seed the bootstrap seed
     * @param resamples the number of bootstrap resamples
     * @throws IllegalArgumentException if {@code method} is EXACT and no exact interval applies
     * @since 0.2.0
     */
    public MetricInterval interval(IntervalMethod method, double level, long seed, int resamples) {
        String exact = Intervals.exactMethod(metric, resolved, kernel);
        if (method == IntervalMethod.EXACT && columns != null && columns.weighted()) {
            throw new IllegalArgumentException("no exact or analytic interval applies to " + metric.displayName()
                    + " on rows weighted by column '" + columns.weightColumn + "': Wilson, DeLong, Student-t and the"
                    + " delta method count rows; use 'interval' AUTO or BOOTSTRAP (the bootstrap carries the weights)");
        }
        if (method == IntervalMethod.EXACT && exact == null) {
            throw new IllegalArgumentException("no exact or analytic interval applies to " + metric.displayName()
                    + " here; " + exactMethodsText());
        }
        if (Double.isNaN(value())) {
            return MetricInterval.UNDEFINED;
        }
        if (method != IntervalMethod.BOOTSTRAP && exact != null) {
            return Intervals.exact(metric, resolved, kernel, columns, selection, level);
        }
        return Intervals.bootstrap(
                this, kernel, resolved, columns, level, seed, resamples, method == IntervalMethod.BOOTSTRAP);
    }

    /**
     * Returns whether no predictions can give {@code metric} an exact or analytic interval with these options: it has
     * none, it is averaged over classes (macro or weighted precision and recall, micro ROC AUC), or it is partial ROC
     * AUC. Where this is false, whether
     * it has one depends on the rows ({@link #exactMethod()}).
     *
     * @since 0.2.0
     */
    public static boolean neverExact(Metric metric, MetricOptions options) {
        return Intervals.neverExact(metric, options);
    }

    /** Lists the metrics with an exact or analytic interval, for configuration errors. */
    public static String exactMethodsText() {
        return "exact or analytic intervals exist for accuracy, binary and micro precision and recall, zero-one and"
                + " Hamming loss, top-k accuracy (Wilson), binary and one-vs-rest macro or weighted ROC AUC (DeLong,"
                + " logit), log loss, Brier score, MAE, MSE, MAPE, mean squared log error, mean pinball loss and the"
                + " mean deviances (Student-t), RMSE and RMSLE (Student-t, square root), R², explained variance and the"
                + " D² scores (delta method), NDCG and MAP (Student-t over queries)";
    }

    @Override
    public String toString() {
        return "MetricSample[" + metric + ", " + options + ", " + selection.size + " rows]";
    }
}
