package dev.modeltest.metrics;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Computes {@link Metric}s on {@link Predictions}, on all rows or on a subset, as scikit-learn defines them.
 *
 * <pre>{@code
 * double f1 = Metrics.compute(predictions, Metric.F1, MetricOptions.defaults().withAverage(Averaging.MACRO));
 * double sliceAuc = Metrics.compute(predictions, Metric.ROC_AUC, MetricOptions.defaults(), rowsOfSlice);
 * }</pre>
 *
 * <p>A metric that does not apply (ROC AUC without probabilities, RMSE on a classifier, a positive label that is not
 * a class, an averaging the metric has no use for) is refused: {@link #notApplicable} says why, in words that name
 * the option ({@code 'average'}, {@code 'positiveLabel'}), and the computing methods throw
 * {@link IllegalArgumentException} with the same message. A metric that applies but is undefined on the rows given
 * (ROC AUC with one class only, any metric on no rows) is {@code NaN}; {@link Metric#undefinedWhen()} says when. A
 * probability or value that is NaN, infinite or out of the range a metric needs fails with a
 * {@link dev.modeltest.error.ModelException} naming the row.
 *
 * <p>Row indexes are 0-based, as in {@link Predictions}; a row may be listed more than once and then counts as often.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Metrics {

    private Metrics() {}

    /** Returns why {@code metric} cannot be computed on these predictions with these options, or empty if it can. */
    public static Optional<String> notApplicable(Predictions predictions, Metric metric, MetricOptions options) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(options, "options");
        return Optional.ofNullable(problem(predictions, metric, options));
    }

    /** Why the metric does not apply, or why it cannot honour the predictions' sample weights, or null. */
    private static String problem(Predictions predictions, Metric metric, MetricOptions options) {
        String problem = Resolved.problem(predictions, metric, options);
        if (problem != null || predictions.internalWeights() == null) {
            return problem;
        }
        // One-vs-one as Resolved reads the options: on more than two classes with no positive class.
        boolean ovo = options.multiClass() == MultiClass.OVO
                && options.positiveLabel() == null
                && options.average() != Averaging.BINARY
                && predictions.classes().size() > 2;
        return WeightedKernel.refusal(metric, ovo, predictions.weightColumn().orElseThrow());
    }

    /** Returns the metrics that can be computed on these predictions with these options, in enum order. */
    public static Set<Metric> applicable(Predictions predictions, MetricOptions options) {
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        for (Metric m : Metric.values()) {
            if (problem(predictions, m, options) == null) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Computes a metric on all rows.
     *
     * @return the value, {@code NaN} where the metric is undefined
     * @throws IllegalArgumentException if the metric does not apply ({@link #notApplicable})
     */
    public static double compute(Predictions predictions, Metric metric, MetricOptions options) {
        return sample(predictions, metric, options).value();
    }

    /**
     * Computes a metric on the given rows.
     *
     * @param rows 0-based row indexes; a row listed twice counts twice
     * @throws IllegalArgumentException if the metric does not apply or a row index is out of range
     */
    public static double compute(Predictions predictions, Metric metric, MetricOptions options, int[] rows) {
        return sample(predictions, metric, options, rows).value();
    }

    /**
     * Computes a metric on the rows where {@code mask} is true.
     *
     * @throws IllegalArgumentException if the metric does not apply or the mask's length is not the row count
     */
    public static double compute(Predictions predictions, Metric metric, MetricOptions options, boolean[] mask) {
        return compute(predictions, metric, options, rowsWhere(predictions, mask));
    }

    /**
     * Computes a metric per class, as scikit-learn's {@code average=None}: each class's {@link Averaging#BINARY}
     * (one-vs-rest) value, over the classes present in the true or predicted labels for precision, recall, F1, F-beta
     * and Jaccard (scikit-learn's {@code labels=None}) and over every class for ROC AUC and average precision. Options
     * other than the averaging apply as given ({@link MetricOptions#zeroDivision()}, beta).
     *
     * @param options options with averaging {@link Averaging#NONE} or {@link Averaging#AUTO} and no positive label
     * @return the value of each class, in class order; NaN where it is undefined
     * @throws IllegalArgumentException if the metric does not apply or has no per-class form
     * @since 0.2.0
     */
    public static Map<String, Double> perClass(Predictions predictions, Metric metric, MetricOptions options) {
        return perClass(predictions, metric, options, new Selection(null, null, predictions.size()));
    }

    /**
     * Computes a metric per class on the given rows, as {@link #perClass(Predictions, Metric, MetricOptions)}.
     *
     * @param rows 0-based row indexes; a row listed twice counts twice
     * @since 0.2.0
     */
    public static Map<String, Double> perClass(
            Predictions predictions, Metric metric, MetricOptions options, int[] rows) {
        return perClass(predictions, metric, options, selection(predictions, rows));
    }

    private static Map<String, Double> perClass(
            Predictions predictions, Metric metric, MetricOptions options, Selection selection) {
        MetricOptions none = options.average() == Averaging.AUTO ? options.withAverage(Averaging.NONE) : options;
        String problem = Resolved.problem(predictions, metric, none);
        if (problem == null && none.average() != Averaging.NONE) {
            problem = "'average' must be NONE (or AUTO) for per-class values, was " + none.average();
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Columns columns = Columns.of(predictions);
        Kernel kernel = metric.kind().kernel(columns, selection);
        boolean[] present = metric.kind() != Kernel.Kind.LABELS
                ? null
                : kernel instanceof WeightedKernel weighted
                        ? weighted.presentClasses()
                        : LabelMetrics.presence(((LabelKernel) kernel).counts(null), columns.k);
        List<String> classes = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (int c = 0; c < columns.k; c++) {
            if (present == null || present[c]) {
                String label = columns.classes.get(c);
                classes.add(label);
                resolved.add(Resolved.of(
                        predictions, metric, none.withAverage(Averaging.BINARY).withPositiveLabel(label)));
            }
        }
        for (Resolved r : resolved) {
            refuseWeights(metric, r, columns);
        }
        Metric[] metrics = new Metric[classes.size()];
        Arrays.fill(metrics, metric);
        double[] values = kernel.values(metrics, resolved.toArray(new Resolved[0]), null);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(classes.get(i), values[i]);
        }
        return out;
    }

    /**
     * Computes several metrics on all rows, sharing passes: one confusion count for all label metrics, one ranking
     * per one-vs-rest column for ROC AUC and average precision, one pass for log loss and Brier score, one for the
     * regression sums.
     *
     * <p>Options a metric has no use for are left out for that metric (an averaging for accuracy, a positive label
     * for log loss), so that one set of options can serve a report of many metrics; {@link #compute} refuses them.
     *
     * @return the values in enum order
     * @throws IllegalArgumentException if any of the metrics does not apply
     */
    public static Map<Metric, Double> computeAll(
            Predictions predictions, Collection<Metric> metrics, MetricOptions options) {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        if (metrics.isEmpty()) {
            return out;
        }
        Columns columns = Columns.of(predictions);
        Selection selection = new Selection(null, null, columns.n);
        Map<Kernel.Kind, List<Metric>> byFamily = new EnumMap<>(Kernel.Kind.class);
        for (Metric m : EnumSet.copyOf(metrics)) {
            byFamily.computeIfAbsent(m.kind(), f -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<Kernel.Kind, List<Metric>> group : byFamily.entrySet()) {
            Metric[] ms = group.getValue().toArray(new Metric[0]);
            Resolved[] resolved = new Resolved[ms.length];
            for (int i = 0; i < ms.length; i++) {
                resolved[i] = Resolved.of(predictions, ms[i], relevant(ms[i], options));
                refuseWeights(ms[i], resolved[i], columns);
            }
            double[] values = group.getKey().kernel(columns, selection).values(ms, resolved, null);
            for (int i = 0; i < ms.length; i++) {
                out.put(ms[i], values[i]);
            }
        }
        return out;
    }

    /**
     * Refuses a metric that cannot honour the sample weights of weighted predictions, so that none ignores them.
     *
     * @throws ConfigurationException naming the metric, the reason and the weight column
     */
    private static void refuseWeights(Metric metric, Resolved resolved, Columns columns) {
        if (columns.weighted()) {
            String refusal = WeightedKernel.refusal(metric, resolved.ovo, columns.weightColumn);
            if (refusal != null) {
                throw new ConfigurationException(refusal);
            }
        }
    }

    /** Drops the options {@code metric} has no use for. */
    private static MetricOptions relevant(Metric metric, MetricOptions original) {
        MetricOptions options = metric == Metric.F_BETA ? original : original.withBeta(MetricOptions.DEFAULT_BETA);
        options = metric == Metric.TOP_K_ACCURACY || Resolved.ranksQueries(metric)
                ? options
                : options.withK(MetricOptions.DEFAULT_K);
        options = Resolved.usesAlpha(metric) ? options : options.withAlpha(MetricOptions.DEFAULT_ALPHA);
        options = Resolved.usesPower(metric) ? options : options.withPower(MetricOptions.DEFAULT_POWER);
        options = Resolved.usesForceFinite(metric) ? options : options.withForceFinite(true);
        if (metric != Metric.ROC_AUC) {
            options = options.withMultiClass(MultiClass.OVR).withMaxFpr(MetricOptions.DEFAULT_MAX_FPR);
        }
        options = Resolved.usesZeroDivision(metric) ? options : options.withZeroDivision(ZeroDivision.ZERO);
        if (!metric.isClassification() || !metric.usesPositiveLabel()) {
            return options.withAverage(Averaging.AUTO).withPositiveLabel(null);
        }
        if (!metric.isAveraged() && options.average() != Averaging.BINARY) {
            return options.withAverage(Averaging.AUTO);
        }
        return options;
    }

    /**
     * Prepares a metric on all rows for repeated evaluation (see {@link MetricSample}).
     *
     * @throws IllegalArgumentException if the metric does not apply
     */
    public static MetricSample sample(Predictions predictions, Metric metric, MetricOptions options) {
        return sample(predictions, metric, options, new Selection(null, null, predictions.size()));
    }

    /**
     * Prepares a metric on the given rows for repeated evaluation (see {@link MetricSample}).
     *
     * @param rows 0-based row indexes (copied); a row listed twice counts twice
     * @throws IllegalArgumentException if the metric does not apply or a row index is out of range
     */
    public static MetricSample sample(Predictions predictions, Metric metric, MetricOptions options, int[] rows) {
        return sample(predictions, metric, options, selection(predictions, rows));
    }

    private static MetricSample sample(
            Predictions predictions, Metric metric, MetricOptions options, Selection selection) {
        Resolved resolved = Resolved.of(predictions, metric, options);
        Columns columns = Columns.of(predictions);
        refuseWeights(metric, resolved, columns);
        Kernel kernel = metric.kind().kernel(columns, selection);
        return new MetricSample(metric, options, resolved, selection, kernel, columns);
    }

    /**
     * Prepares a label metric (one computed from confusion counts: accuracy, precision, recall, F1, ...) on counts
     * that were added up elsewhere, e.g. over the partitions of a Spark Dataset: its value is the one the rows behind
     * the counts give, to the last bit. With no rows behind it the sample cannot be re-weighted ({@link
     * MetricSample#value(int[])} throws {@link UnsupportedOperationException}), so its interval is one the counts
     * give: Wilson, where {@link MetricSample#exactMethod()} says so, and otherwise, from {@link
     * MetricSample#POISSON_FROM_ROWS} rows on, the Poisson bootstrap per confusion cell, the same as the rows'. Below
     * that many rows the rows' bootstrap is BCa over the rows, which counts cannot give ({@link
     * MetricSample#interval(IntervalMethod, double, long, int)} then throws {@link UnsupportedOperationException}).
     *
     * @param merged the confusion counts over every row; its classes are the predictions' classes, in their order
     * @throws IllegalArgumentException if the metric is not a label metric, does not apply to a classifier of these
     *     classes with these options, or the counts hold more than {@link Integer#MAX_VALUE} rows
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static MetricSample sample(ConfusionMatrix merged, Metric metric, MetricOptions options) {
        if (metric.kind() != Kernel.Kind.LABELS) {
            throw new IllegalArgumentException(metric.displayName()
                    + " is not computed from confusion counts alone; the label metrics are: " + labelMetrics());
        }
        long n = merged.total();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "the confusion counts hold " + n + " rows, more than the " + Integer.MAX_VALUE + " a sample holds");
        }
        // Resolving the options needs only the classes (and that this is a classifier without probabilities): a
        // one-row stand-in gives them, and no metric reads its row.
        Predictions shape = Predictions.classification(
                "merged counts", "merged counts", merged.classes(), new int[1], new int[1], null);
        Resolved resolved = Resolved.of(shape, metric, options);
        Kernel kernel = new MergedLabelKernel(merged.counts(), merged.classes());
        return new MetricSample(metric, options, resolved, new Selection(null, null, (int) n), kernel, null);
    }

    /**
     * Prepares MAE, MSE, RMSE, MAPE, R² or explained variance, or a mean of a per-row loss the summary registered
     * ({@link RegressionSummary#withLoss}: mean squared log error and its root, mean pinball loss, mean Poisson,
     * Gamma and Tweedie deviance), on a regression summary merged elsewhere, e.g. over the partitions of a Spark
     * Dataset: its value is the one the rows give up to floating-point summation order, and its
     * interval is the same Student-t or delta-method interval (with the same skewness caveat), from the merged moments;
     * R²'s and explained variance's interval needs a second pass's summary ({@link RegressionSummary#centredOn}). It
     * cannot be re-weighted ({@link MetricSample#value(int[])} throws {@link UnsupportedOperationException}).
     *
     * @throws IllegalArgumentException if the metric is not one of those, the options do not apply to it, its loss was
     *     not registered or has rows outside its domain ({@link RegressionSummary#outOfDomain}), or the summary holds
     *     more than {@link Integer#MAX_VALUE} rows
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static MetricSample sample(RegressionSummary merged, Metric metric, MetricOptions options) {
        if (!MergedRegressionKernel.METRICS.contains(metric)) {
            throw new IllegalArgumentException(metric.displayName()
                    + " is not computed from a regression summary; its metrics are " + MergedRegressionKernel.METRICS);
        }
        long n = merged.count();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "the summary holds " + n + " rows, more than the " + Integer.MAX_VALUE + " a sample holds");
        }
        Predictions shape = Predictions.regression("merged sums", "merged sums", new double[1], new double[1]);
        Resolved resolved = Resolved.of(shape, metric, options);
        RegressionSummary.Loss loss = null;
        if (MergedRegressionKernel.LOSSES.contains(metric)) {
            loss = merged.requireLoss(metric, options);
            Optional<String> outside = merged.outOfDomain(metric, options, "the true values", "the predicted values");
            if (outside.isPresent()) {
                throw new IllegalArgumentException(outside.get());
            }
        }
        Kernel kernel = new MergedRegressionKernel(merged, loss);
        return new MetricSample(metric, options, resolved, new Selection(null, null, (int) n), kernel, null);
    }

    /**
     * Prepares binary ROC AUC on a ranking summary merged elsewhere, e.g. over the range partitions of a Spark Dataset
     * sorted by score: its value is the rows' to the last bit (the Mann-Whitney count is an exact integer), and its
     * interval is DeLong's logit interval from the placements' merged moments, equal to the rows' up to summation
     * order. It cannot be re-weighted.
     *
     * @param merged the summary of every row, its positive class one of {@code classes}
     * @param classes the classes, in the predictions' order
     * @throws IllegalArgumentException if the metric is not ROC AUC, the options do not make it the binary AUC of the
     *     summary's positive class (a macro or weighted average over classes, one-vs-one, a partial AUC), or the
     *     summary holds more than {@link Integer#MAX_VALUE} rows
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static MetricSample sample(RocSummary merged, List<String> classes, Metric metric, MetricOptions options) {
        if (metric != Metric.ROC_AUC && metric != Metric.AVERAGE_PRECISION) {
            throw new IllegalArgumentException(metric.displayName()
                    + " is not computed from a ROC summary; its metrics are ROC AUC and average precision");
        }
        long n = merged.count();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "the summary holds " + n + " rows, more than the " + Integer.MAX_VALUE + " a sample holds");
        }
        // The classes, with probabilities, as predictions of one row: what the options are resolved against.
        double[][] probabilities = new double[classes.size()][1];
        Predictions shape = Predictions.classification(
                "merged ranking", "merged ranking", classes, new int[1], new int[1], probabilities);
        Resolved resolved = Resolved.of(shape, metric, options);
        if (resolved.average != Averaging.BINARY
                || resolved.maxFpr != MetricOptions.DEFAULT_MAX_FPR
                || !classes.get(resolved.positive).equals(merged.positiveClass)) {
            String asked = resolved.average != Averaging.BINARY
                    ? "the " + resolved.average.name().toLowerCase(java.util.Locale.ROOT) + " average over the classes"
                    : "the AUC of class '" + classes.get(resolved.positive) + "'"
                            + (resolved.maxFpr != MetricOptions.DEFAULT_MAX_FPR
                                    ? " up to a false positive rate of " + resolved.maxFpr
                                    : "");
            throw new IllegalArgumentException("a ROC summary of class '" + merged.positiveClass + "' gives the"
                    + " binary ROC AUC of that class on the whole curve, not " + asked);
        }
        Kernel kernel = new MergedRankingKernel(merged);
        return new MetricSample(metric, options, resolved, new Selection(null, null, (int) n), kernel, null);
    }

    /**
     * Returns the positive class of {@code metric} with these options on a classifier of these classes when it is
     * measured for one class (binary, or one-vs-rest of a named class), or empty when it is averaged over the classes:
     * which class's scores a ranking of the rows must rank.
     *
     * @throws IllegalArgumentException if the metric does not apply to a classifier of these classes with scores
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static Optional<String> binaryPositive(List<String> classes, Metric metric, MetricOptions options) {
        double[][] probabilities = new double[classes.size()][1];
        Predictions shape =
                Predictions.classification("classes", "classes", classes, new int[1], new int[1], probabilities);
        Resolved resolved = Resolved.of(shape, metric, options);
        return resolved.average == Averaging.BINARY ? Optional.of(classes.get(resolved.positive)) : Optional.empty();
    }

    /**
     * Returns whether a metric is computed, value and interval, from state merged elsewhere: the label metrics from
     * confusion counts ({@link #sample(ConfusionMatrix, Metric, MetricOptions)}; their intervals from the counts only
     * where {@link MetricSample#exactMethod()} says Wilson) and MAE, MSE, RMSE, MAPE and the other regression means
     * ({@link #fromRegressionLoss}) from a {@link
     * RegressionSummary}.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static boolean fromMergedState(Metric metric) {
        return metric.kind() == Kernel.Kind.LABELS
                || MergedRegressionKernel.METRICS.contains(metric)
                || metric == Metric.ROC_AUC
                || metric == Metric.AVERAGE_PRECISION;
    }

    /**
     * Returns whether a metric is a mean of a per-row loss with a parameter or a domain, which a {@link
     * RegressionSummary} sums only when registered ({@link RegressionSummary#withLoss}): mean squared log error and its
     * root, mean pinball loss, mean Poisson, Gamma and Tweedie deviance.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static boolean fromRegressionLoss(Metric metric) {
        return MergedRegressionKernel.LOSSES.contains(metric);
    }

    /**
     * Returns whether a metric is computed from confusion counts alone (the label metrics), whose bootstrap the
     * counts give from {@link MetricSample#POISSON_FROM_ROWS} rows on.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static boolean fromConfusionCounts(Metric metric) {
        return metric.kind() == Kernel.Kind.LABELS;
    }

    /** The metrics {@link #sample(ConfusionMatrix, Metric, MetricOptions)} computes, in enum order. */
    private static String labelMetrics() {
        List<String> names = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.kind() == Kernel.Kind.LABELS) {
                names.add(m.name());
            }
        }
        return String.join(", ", names);
    }

    /** Returns the 0-based indexes of the rows where {@code mask} is true, in order. */
    public static int[] rowsWhere(Predictions predictions, boolean[] mask) {
        if (mask.length != predictions.size()) {
            throw new IllegalArgumentException("a mask of " + mask.length + " values for the " + predictions.size()
                    + " rows of " + predictions.dataName());
        }
        int count = 0;
        for (boolean b : mask) {
            if (b) {
                count++;
            }
        }
        int[] rows = new int[count];
        int at = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                rows[at++] = i;
            }
        }
        return rows;
    }

    private static Selection selection(Predictions predictions, int[] rows) {
        int n = predictions.size();
        int[] copy = rows.clone();
        for (int j = 0; j < copy.length; j++) {
            if (copy[j] < 0 || copy[j] >= n) {
                throw new IllegalArgumentException("row index " + copy[j] + " (at position " + j
                        + " of the row list) is outside the " + n + " rows of " + predictions.dataName());
            }
        }
        return new Selection(copy, null, copy.length);
    }

    /** Returns the confusion matrix over all rows. */
    public static ConfusionMatrix confusionMatrix(Predictions predictions) {
        return confusionMatrix(predictions, new Selection(null, null, predictions.size()));
    }

    /** Returns the confusion matrix over the given rows. */
    public static ConfusionMatrix confusionMatrix(Predictions predictions, int[] rows) {
        return confusionMatrix(predictions, selection(predictions, rows));
    }

    private static ConfusionMatrix confusionMatrix(Predictions predictions, Selection selection) {
        Columns columns = Columns.unweighted(predictions, "the confusion matrix (counts of rows)");
        if (!columns.classification) {
            throw new IllegalArgumentException(
                    "a confusion matrix needs a classifier, but " + predictions.modelName() + " is a regressor");
        }
        return new ConfusionMatrix(columns.classes, ConfusionCounts.of(columns, selection).counts);
    }

    /**
     * Returns the ROC curve of the positive class over all rows ({@link MetricOptions#positiveLabel()}, by default
     * the second of two classes; required for more classes).
     *
     * @throws IllegalArgumentException if there are no probabilities or no positive class
     */
    public static RocCurve rocCurve(Predictions predictions, MetricOptions options) {
        return rocCurve(predictions, options, new Selection(null, null, predictions.size()));
    }

    /** Returns the ROC curve of the positive class over the given rows. */
    public static RocCurve rocCurve(Predictions predictions, MetricOptions options, int[] rows) {
        return rocCurve(predictions, options, selection(predictions, rows));
    }

    private static RocCurve rocCurve(Predictions predictions, MetricOptions options, Selection selection) {
        Columns columns = Columns.of(predictions);
        int positive = positiveForCurve(predictions, Metric.ROC_AUC, options, "ROC");
        Ranked ranked = ranked(columns, selection, positive);
        RankRuns.Groups g = ranked.groups();
        int size = g.thresholds().length;
        // roc_curve(drop_intermediate=True): keep the ends and every point where the curve bends.
        int[] keep = new int[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            boolean end = i == 0 || i == size - 1;
            if (end
                    || !g.dropIntermediate()
                    || (g.fps()[i + 1] - g.fps()[i]) - (g.fps()[i] - g.fps()[i - 1]) != 0
                    || (g.tps()[i + 1] - g.tps()[i]) - (g.tps()[i] - g.tps()[i - 1]) != 0) {
                keep[kept++] = i;
            }
        }
        double[] fpr = new double[kept + 1];
        double[] tpr = new double[kept + 1];
        double[] thresholds = new double[kept + 1];
        double negatives = size == 0 ? 0 : g.fps()[size - 1];
        double positives = size == 0 ? 0 : g.tps()[size - 1];
        thresholds[0] = size == 0 ? Double.NaN : g.thresholds()[0] + 1;
        fpr[0] = negatives == 0 ? Double.NaN : 0.0;
        tpr[0] = positives == 0 ? Double.NaN : 0.0;
        for (int t = 0; t < kept; t++) {
            int i = keep[t];
            thresholds[t + 1] = g.thresholds()[i];
            fpr[t + 1] = negatives == 0 ? Double.NaN : g.fps()[i] / negatives;
            tpr[t + 1] = positives == 0 ? Double.NaN : g.tps()[i] / positives;
        }
        return new RocCurve(columns.classes.get(positive), fpr, tpr, thresholds, ranked.auc());
    }

    /** The tie groups of one positive class's scores with the ROC AUC and average precision they give. */
    private record Ranked(RankRuns.Groups groups, double auc, double averagePrecision) {}

    /** Ranks the positive class's scores on the rows: counted once each, or weighted by their sample weights. */
    private static Ranked ranked(Columns columns, Selection selection, int positive) {
        if (columns.weighted()) {
            RankOrder order = RankOrder.of(columns, selection, new int[] {positive});
            double[] w = new double[selection.size];
            for (int j = 0; j < w.length; j++) {
                w[j] = columns.weights[selection.row(j)] * selection.count(j);
            }
            double[] summary = order.weighted(w);
            return new Ranked(
                    order.weightedGroups(w), summary[2], summary[0] + summary[1] == 0 ? Double.NaN : summary[3]);
        }
        RankRuns runs = RankRuns.of(columns, selection, new int[] {positive});
        RankSummary summary = runs.summary();
        return new Ranked(
                runs.descendingGroups(),
                summary.auc(),
                summary.positives() + summary.negatives() == 0 ? Double.NaN : summary.averagePrecision());
    }

    /**
     * Returns the precision-recall curve of the positive class over all rows (positive class as for {@link
     * #rocCurve}).
     */
    public static PrecisionRecallCurve precisionRecallCurve(Predictions predictions, MetricOptions options) {
        return precisionRecallCurve(predictions, options, new Selection(null, null, predictions.size()));
    }

    /** Returns the precision-recall curve of the positive class over the given rows. */
    public static PrecisionRecallCurve precisionRecallCurve(
            Predictions predictions, MetricOptions options, int[] rows) {
        return precisionRecallCurve(predictions, options, selection(predictions, rows));
    }

    private static PrecisionRecallCurve precisionRecallCurve(
            Predictions predictions, MetricOptions options, Selection selection) {
        Columns columns = Columns.of(predictions);
        int positive = positiveForCurve(predictions, Metric.AVERAGE_PRECISION, options, "precision-recall");
        Ranked ranked = ranked(columns, selection, positive);
        RankRuns.Groups g = ranked.groups();
        int size = g.thresholds().length;
        double positives = size == 0 ? 0 : g.tps()[size - 1];
        double[] precision = new double[size + 1];
        double[] recall = new double[size + 1];
        double[] thresholds = new double[size];
        for (int i = 0; i < size; i++) {
            // Reversed, so that recall decreases, as precision_recall_curve returns it.
            int from = size - 1 - i;
            double tp = g.tps()[from];
            double predicted = tp + g.fps()[from];
            precision[i] = predicted == 0 ? 0.0 : tp / predicted;
            recall[i] = positives == 0 ? 1.0 : tp / positives;
            thresholds[i] = g.thresholds()[from];
        }
        precision[size] = 1.0;
        recall[size] = 0.0;
        return new PrecisionRecallCurve(
                columns.classes.get(positive), precision, recall, thresholds, ranked.averagePrecision());
    }

    private static int positiveForCurve(Predictions predictions, Metric metric, MetricOptions options, String kind) {
        Resolved resolved = Resolved.of(predictions, metric, options);
        if (resolved.average != Averaging.BINARY) {
            throw new IllegalArgumentException("a " + kind + " curve is drawn for one positive class; on the "
                    + predictions.classes().size() + " classes " + predictions.classes()
                    + " give a 'positiveLabel'");
        }
        return resolved.positive;
    }

    /**
     * Returns the reliability diagram data and expected calibration error over all rows, binned as {@code options}
     * say ({@link MetricOptions#bins()}, {@link MetricOptions#binning()}).
     *
     * @throws IllegalArgumentException if there are no probabilities or the options do not apply
     */
    public static ReliabilityCurve reliabilityCurve(Predictions predictions, MetricOptions options) {
        return reliabilityCurve(predictions, options, new Selection(null, null, predictions.size()));
    }

    /** Returns the reliability diagram data and expected calibration error over the given rows. */
    public static ReliabilityCurve reliabilityCurve(Predictions predictions, MetricOptions options, int[] rows) {
        return reliabilityCurve(predictions, options, selection(predictions, rows));
    }

    private static ReliabilityCurve reliabilityCurve(
            Predictions predictions, MetricOptions options, Selection selection) {
        Resolved resolved = Resolved.of(predictions, Metric.EXPECTED_CALIBRATION_ERROR, options);
        Columns columns = Columns.unweighted(predictions, "the reliability curve");
        CalibrationKernel kernel = new CalibrationKernel(columns, selection);
        Confidence confidence = CalibrationKernel.confidence(resolved);
        double[] edges = kernel.edges(resolved, confidence, null);
        CalibrationBins bins = kernel.bins(resolved, null);
        List<ReliabilityCurve.Bin> out = new ArrayList<>();
        for (int b = 0; b < bins.counts.length; b++) {
            long n = bins.counts[b];
            if (n > 0) {
                out.add(new ReliabilityCurve.Bin(
                        edges[b], edges[b + 1], n, bins.confidenceSums[b] / n, (double) bins.hits[b] / n));
            }
        }
        return new ReliabilityCurve(
                resolved.topLabel ? null : columns.classes.get(resolved.positive),
                resolved.binning,
                out,
                bins.expectedCalibrationError());
    }
}
