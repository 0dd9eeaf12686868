package dev.modeltest.gate;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.EveryShouldBeWithinBound;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.check.ShouldBeWithinBound;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MetricSample;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.metrics.MultiClass;
import dev.modeltest.metrics.Proportion;
import dev.modeltest.metrics.RegressionSummary;
import dev.modeltest.metrics.RocSummary;
import dev.modeltest.metrics.ZeroDivision;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A threshold on any {@link Metric}: at least or at most a value, decided on the point value or on its confidence
 * interval, on all rows or in every slice of a column.
 *
 * <p>The metric is always reported with an interval: the Wilson interval when it is a proportion of rows (accuracy,
 * binary and micro precision and recall), a seeded bootstrap (BCa, falling back to percentile where BCa is undefined)
 * otherwise; see {@link MetricSample#proportion()}. With {@code confidence = 0} (the default) the check decides on the
 * point value and the interval is a 95% one for the reader. With a level such as {@code 0.95} it decides on the
 * interval at that level: PASS when the whole interval clears the threshold, FAIL when the whole interval misses it,
 * INCONCLUSIVE otherwise, with an estimate of the rows that would decide. The same seed gives the same interval bit
 * for bit.
 *
 * <pre>{@code
 * MetricGate check = MetricGate.builder("release check", Metric.F1, Bound.AT_LEAST, 0.9)
 *         .options(MetricOptions.defaults().withAverage(Averaging.MACRO))
 *         .confidence(0.95)
 *         .build();
 * CheckResult result = check.evaluate(predictions);
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MetricGate implements Check {

    /** The default bootstrap seed: {@link IntervalPolicy#SEED}. */
    public static final long DEFAULT_SEED = IntervalPolicy.SEED;

    /** The default number of bootstrap resamples: {@link IntervalPolicy#RESAMPLES}. */
    public static final int DEFAULT_RESAMPLES = IntervalPolicy.RESAMPLES;

    /** The default smallest slice that is judged: {@link IntervalPolicy#MIN_SUBSET_SIZE}. */
    public static final int DEFAULT_MIN_SLICE_SIZE = IntervalPolicy.MIN_SUBSET_SIZE;

    /**
     * The check id of a check reported as {@code @AccuracyAtLeast} has always reported ({@link
     * Builder#reportedAsAccuracyCheck()}).
     */
    static final String ACCURACY_CHECK_ID = "accuracy-at-least";

    /** What a check measures, in its messages: the metric's label, the data and its rows. */
    private static final String MODEL = "model %s on %s (n=%s)";

    /** {@link #MODEL} when the predictions carry sample weights: the value is weighted, n still counts rows. */
    private static final String MODEL_WEIGHTED = "model %s on %s (n=%s, weighted by '%s')";

    private static final String IN_EVERY_SLICE = " in every slice of '%s'";

    private final String where;
    private final Metric metric;
    private final Bound bound;
    private final double threshold;
    private final MetricOptions options;
    private final double confidence;
    private final long seed;
    private final int resamples;
    private final IntervalMethod interval;
    private final String slicedBy;
    private final int minSliceSize;
    private final boolean reportedAsAccuracyCheck;
    private final String query;

    private MetricGate(Builder b) {
        this.where = b.where;
        this.metric = b.metric;
        this.bound = b.bound;
        this.threshold = b.threshold;
        this.options = b.options;
        this.confidence = b.confidence;
        this.seed = b.seed;
        this.resamples = b.resamples;
        this.interval = b.interval;
        this.slicedBy = b.slicedBy;
        this.minSliceSize = b.minSliceSize;
        this.reportedAsAccuracyCheck = b.plainAccuracy();
        this.query = b.query;
    }

    /**
     * Starts a gate.
     *
     * @param where where it was configured, for messages, e.g. {@code @F1AtLeast on IrisTest.f1()}
     * @param metric the metric
     * @param bound at least or at most
     * @param threshold the threshold, within the metric's range
     */
    public static Builder builder(String where, Metric metric, Bound bound, double threshold) {
        return new Builder(where, metric, bound, threshold);
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /**
     * Returns the options the metric is computed with.
     *
     * @since 0.2.0
     */
    public MetricOptions options() {
        return options;
    }

    /** Runs the check on the subject's predictions, sliced by the subject's data when {@code slicedBy} is set. */
    @Override
    public CheckResult run(Subject subject) {
        Predictions predictions = subject.predictions();
        if (query != null) {
            TestData data = subject.data();
            requireColumn(data, "query", query);
            dev.modeltest.data.Categories queries = data.categories(query);
            predictions = predictions.wrapQueries(query, queries.codes(), queries.names());
        }
        if (slicedBy == null) {
            return evaluate(predictions);
        }
        TestData data = subject.data();
        requireColumn(data, "slicedBy", slicedBy);
        return evaluate(predictions, data.strings(slicedBy));
    }

    private void requireColumn(TestData data, String attribute, String column) {
        if (!data.hasColumn(column)) {
            throw ConfigurationException.badAttribute(
                    where,
                    attribute,
                    "must name a column of " + data.name()
                            + dev.modeltest.internal.Names.didYouMean(column, data.columnNames())
                            + "; its columns are " + String.join(", ", data.columnNames()),
                    "'" + column + "'");
        }
    }

    /** The predictions of a ranking check carry the query column it names ({@link Builder#query}). */
    private void requireQueries(Predictions predictions) {
        if (query != null && !predictions.queryColumn().equals(Optional.of(query))) {
            throw new ConfigurationException(where + ": query '" + query + "' needs the test data; evaluate"
                    + " predictions.withQueries(\"" + query + "\", values) or run the gate on a Subject");
        }
    }

    /**
     * Evaluates the check on all rows of {@code predictions}.
     *
     * @throws ConfigurationException if the metric does not apply to these predictions or the check is sliced
     */
    public CheckResult evaluate(Predictions predictions) {
        requireWhole();
        requireQueries(predictions);
        if (reportedAsAccuracyCheck) {
            requireClassifier(predictions);
        } else {
            requireApplicable(predictions);
        }
        if (options.average() == Averaging.NONE) {
            return evaluatePerClass(predictions);
        }
        MetricSample sample = Metrics.sample(predictions, metric, options);
        return decide(
                sample, predictions, result -> MetricAttachments.classifier(predictions, metric, options, result));
    }

    /**
     * Evaluates the check on confusion counts added up elsewhere, e.g. over the partitions of a Spark Dataset, with the
     * same value, interval, verdict and message as {@link #evaluate(Predictions)} on the rows behind the counts, bit for
     * bit. Only what the counts determine can be decided: every label metric on all rows, with the Wilson interval
     * where it is a proportion (accuracy, binary or micro precision and recall, zero-one and Hamming loss) and
     * otherwise the Poisson bootstrap per confusion cell, which the in-memory engine takes from {@link
     * MetricSample#POISSON_FROM_ROWS} rows on and which depends only on the counts and the seed. {@link
     * #notFromMergedState()} says what is refused before the counts are made; this method refuses a bootstrap
     * interval on fewer rows, where the in-memory engine's BCa draws rows by their position.
     *
     * @param merged the confusion counts over every row, classes in the predictions' order
     * @param dataName the data's name, for messages
     * @param modelName the model's description, for messages, e.g. {@code predictions column 'predicted'}
     * @throws ConfigurationException if the gate cannot be decided from counts, or the metric does not apply
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public CheckResult evaluate(ConfusionMatrix merged, String dataName, String modelName) {
        if (!metric.isClassification()) {
            throw new ConfigurationException(where + ": " + metric.displayName() + " applies to regressors; decide it"
                    + " on a RegressionSummary, not on confusion counts");
        }
        Optional<String> refused = notFromMergedState();
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        if (!Metrics.fromConfusionCounts(metric)) {
            throw new ConfigurationException(where + ": " + metric.displayName() + " ranks the rows by score, which"
                    + " confusion counts do not; decide it on a RocSummary");
        }
        // The classes, the names and the task as predictions of one row: what the options and the label are resolved
        // against. Its row is never measured; the sample's values come from the merged counts.
        Predictions shape =
                Predictions.classification(dataName, modelName, merged.classes(), new int[1], new int[1], null);
        if (reportedAsAccuracyCheck) {
            requireClassifier(shape);
        } else {
            requireApplicable(shape);
        }
        if (options.average() == Averaging.NONE) {
            return evaluatePerClass(merged, shape);
        }
        MetricSample sample = Metrics.sample(merged, metric, options);
        if ((interval == IntervalMethod.BOOTSTRAP || sample.exactMethod().isEmpty())
                && sample.size() < MetricSample.POISSON_FROM_ROWS) {
            throw bcaNeedsTheRows(sample, shape);
        }
        return decide(
                sample,
                shape,
                result -> result.attach(dev.modeltest.check.Attachment.csv(
                        MetricAttachments.CONFUSION_CSV, () -> MetricAttachments.confusionCsv(merged))));
    }

    /**
     * The bootstrap below {@link MetricSample#POISSON_FROM_ROWS} rows is BCa over the rows: its replicates draw row
     * indexes, so which cell a draw lands in depends on the rows' order, and its delete-group jackknife on their
     * random grouping. No table of counts can give the same interval; from that many rows on the per-cell Poisson
     * bootstrap, which the counts and the seed alone determine, can.
     */
    private ConfigurationException bcaNeedsTheRows(MetricSample sample, Predictions shape) {
        return new ConfigurationException(where + ": " + MetricCheckText.label(metric, options, shape)
                + "'s interval is a bootstrap here, and below " + MetricSample.POISSON_FROM_ROWS + " rows (these"
                + " counts hold " + sample.size() + ") it is BCa over the rows, which draws rows by their position,"
                + " so confusion counts merged from elsewhere cannot give it; from " + MetricSample.POISSON_FROM_ROWS
                + " rows on it is the Poisson bootstrap per confusion cell, which they give. So few rows fit in"
                + " memory: evaluate them as Predictions");
    }

    /**
     * Evaluates the check on a regression summary merged elsewhere, e.g. over the partitions of a Spark Dataset, with
     * the same interval, verdict and message as {@link #evaluate(Predictions)} on the rows behind it, and the same
     * value up to floating-point summation order: MAE, MSE, RMSE and MAPE with their Student-t intervals, so the means
     * of the per-row losses the summary registered ({@link RegressionSummary#withLoss}: squared log error and its
     * root, pinball loss, Poisson, Gamma and Tweedie deviance; a row outside the loss's domain fails as a {@link
     * ModelException}, as in memory), and R² and
     * explained variance with their delta-method intervals (these from a second pass, {@link
     * RegressionSummary#centredOn}), on all rows.
     *
     * @param merged the summary of every row
     * @param dataName the data's name, for messages
     * @param modelName the model's description, for messages, e.g. {@code predictions column 'predicted'}
     * @throws ConfigurationException if the gate cannot be decided from a summary ({@link #notFromMergedState()}),
     *     or its metric is not a regression metric
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public CheckResult evaluate(RegressionSummary merged, String dataName, String modelName) {
        if (metric.isClassification()) {
            throw new ConfigurationException(where + ": " + metric.displayName() + " applies to classifiers; decide it"
                    + " on confusion counts, not on a regression summary");
        }
        Optional<String> refused = notFromMergedState();
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        // The names and the task as predictions of one row, for the options and the label; never measured.
        Predictions shape = Predictions.regression(dataName, modelName, new double[1], new double[1]);
        requireApplicable(shape);
        if (Metrics.fromRegressionLoss(metric)) {
            // As the rows refuse a value outside the loss's domain, naming its data (the rows' row, here the count).
            Optional<String> outside =
                    merged.outOfDomain(metric, options, "data set " + dataName + ", the true values", modelName);
            if (outside.isPresent()) {
                throw new ModelException(outside.get() + " (model " + modelName + ")");
            }
        }
        return decide(Metrics.sample(merged, metric, options), shape, result -> {});
    }

    /**
     * Evaluates a ROC AUC check on a ranking summary merged elsewhere, e.g. over the range partitions of a Spark
     * Dataset sorted by score, with the same value (bit for bit), DeLong interval (up to summation order), verdict and
     * message as {@link #evaluate(Predictions)} on the rows behind it: the binary AUC of the summary's positive class,
     * on all rows.
     *
     * @param merged the summary of every row
     * @param classes the classes, in the predictions' order (the summary's positive class among them)
     * @param dataName the data's name, for messages
     * @param modelName the model's description, for messages
     * @throws ConfigurationException if the gate is not a binary ROC AUC of the summary's class with an AUTO or EXACT
     *     interval
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public CheckResult evaluate(RocSummary merged, List<String> classes, String dataName, String modelName) {
        if (metric != Metric.ROC_AUC && metric != Metric.AVERAGE_PRECISION) {
            throw new ConfigurationException(where + ": " + metric.displayName() + " is not decided on a ROC summary;"
                    + " its metrics are ROC AUC and average precision");
        }
        Optional<String> refused = notFromMergedState();
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        double[][] probabilities = new double[classes.size()][1];
        Predictions shape =
                Predictions.classification(dataName, modelName, classes, new int[1], new int[1], probabilities);
        requireApplicable(shape);
        if (Metrics.binaryPositive(classes, metric, options).isEmpty()) {
            throw new ConfigurationException(where + ": " + MetricCheckText.label(metric, options, shape)
                    + " averages the AUCs of " + classes.size() + " classes, which the ranking of one"
                    + " class's scores does not give; name a positiveLabel to gate the AUC of that class");
        }
        MetricSample sample;
        try {
            sample = Metrics.sample(merged, classes, metric, options);
        } catch (IllegalArgumentException notBinary) {
            throw new ConfigurationException(where + ": " + notBinary.getMessage());
        }
        if (metric == Metric.AVERAGE_PRECISION
                && (interval == IntervalMethod.BOOTSTRAP || sample.size() < MetricSample.POISSON_FROM_ROWS)) {
            throw new ConfigurationException(where + ": " + MetricCheckText.label(metric, options, shape)
                    + "'s interval is a bootstrap here, and below " + MetricSample.POISSON_FROM_ROWS + " rows (this"
                    + " ranking holds " + sample.size() + ") or with interval BOOTSTRAP it resamples the rows by their"
                    + " position, which a ranking merged from elsewhere cannot give; from "
                    + MetricSample.POISSON_FROM_ROWS + " rows on it is the infinitesimal jackknife, which it gives."
                    + " So few rows fit in memory: evaluate them as Predictions");
        }
        return decide(sample, shape, result -> {});
    }

    /**
     * Returns why this gate cannot be decided from merged confusion counts ({@link #evaluate(ConfusionMatrix, String,
     * String)}) or a merged regression summary ({@link #evaluate(RegressionSummary, String, String)}), as far as its
     * configuration tells before any row is counted, or empty when it may be: a metric computed from neither, a sliced
     * gate, a bootstrap interval, a metric whose interval is always the bootstrap. The reason starts with where the
     * gate was configured, as every configuration error of the gate does.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public Optional<String> notFromMergedState() {
        if (!Metrics.fromMergedState(metric)) {
            return Optional.of(where + ": " + metric.displayName() + " is not computed from merged counts or sums,"
                    + " so it cannot be decided on data merged from elsewhere yet; " + FROM_MERGED);
        }
        if (slicedBy != null) {
            return Optional.of(where + ": slicedBy '" + slicedBy + "' needs the rows of every slice, so a sliced gate"
                    + " cannot be decided on data merged from elsewhere yet");
        }
        if (options.average() == Averaging.NONE && !Metrics.fromConfusionCounts(metric)) {
            return Optional.of(where + ": average NONE judges every class on its rows, which data merged from"
                    + " elsewhere cannot give yet; " + FROM_MERGED);
        }
        // A label metric's bootstrap comes from the counts from 10 000 rows on, average precision's from an influence
        // pass over the ranking: decided once the rows are counted.
        boolean counts = Metrics.fromConfusionCounts(metric) || metric == Metric.AVERAGE_PRECISION;
        if (interval == IntervalMethod.BOOTSTRAP && !counts) {
            return Optional.of(where + ": interval BOOTSTRAP resamples the rows, which data merged from elsewhere"
                    + " do not have yet; use AUTO or EXACT");
        }
        if (MetricSample.neverExact(metric, options) && !counts) {
            return Optional.of(where + ": " + metric.displayName() + "'s interval is always a bootstrap over the rows,"
                    + " which data merged from elsewhere cannot give yet; " + FROM_MERGED);
        }
        return Optional.empty();
    }

    /** What data merged from elsewhere can decide, for the configuration errors of the other gates. */
    private static final String FROM_MERGED = "the gates decided on merged data are the label metrics (accuracy,"
            + " precision, recall, F1, F-beta, Jaccard, balanced accuracy, Matthews, Cohen's kappa, zero-one and"
            + " Hamming loss: Wilson intervals from the confusion counts, or from 10000 rows on the Poisson bootstrap"
            + " per confusion cell), MAE, MSE, RMSE, MAPE, mean squared log error and its root, mean pinball loss,"
            + " mean Poisson, Gamma and Tweedie deviance (Student-t intervals from the losses' sums and"
            + " moments), R² and explained variance (the delta method, from a second pass's centred moments) and"
            + " binary ROC AUC and average precision (DeLong, and from 10000 rows on the infinitesimal jackknife,"
            + " from a ranking sorted where the data are)";

    /**
     * The weight column and Kish's effective number of rows {@code (Σw)² / Σw²} of weighted predictions: skewed weights
     * make the rows count as fewer, and the bootstrap's interval as wide as that number says.
     */
    private static void weights(Predictions predictions, CheckResult.Builder result) {
        double[] w = predictions.internalWeights();
        if (w == null) {
            return;
        }
        double sum = 0;
        double squares = 0;
        for (double v : w) {
            sum += v;
            squares += v * v;
        }
        result.detail("weights", predictions.weightColumn().orElseThrow())
                .detail("effectiveRows", Math.round(sum * sum / squares));
    }

    /** The subject of a message: the metric's label, the data, its rows and, when weighted, the weight column. */
    private static String model(String tail, String label, Predictions predictions, Object n, Object... more) {
        Optional<String> weights = predictions.weightColumn();
        List<Object> args = new ArrayList<>(List.of(label, predictions.dataName(), n));
        weights.ifPresent(args::add);
        args.addAll(List.of(more));
        return Format.message((weights.isPresent() ? MODEL_WEIGHTED : MODEL) + tail, args.toArray());
    }

    /** Turns a prepared sample into the check's result: one decision rule and one message shape for every source. */
    private CheckResult decide(
            MetricSample sample, Predictions predictions, java.util.function.Consumer<CheckResult.Builder> attach) {
        Measurement m = measure(sample);
        Decision d = decide(m);
        String label = MetricCheckText.label(metric, options, predictions);
        int decimals = Format.decimals(m.value(), threshold);
        String ending = DecisionText.ending(d, bound, threshold, confidence, m, m.undefinedWhen(), decimals);
        // Weighted accuracy is no count of rows right: it is described as any metric.
        boolean countsRows = reportedAsAccuracyCheck && sample.proportion().isPresent();
        String measured = countsRows ? rowsRight(sample, m, decimals) : m.describe(decimals);
        String message = ShouldBeWithinBound.message(
                model("", label, predictions, m.n()),
                measured,
                bound.comparison(),
                0,
                threshold,
                decimals,
                List.of(ending));
        if (countsRows) {
            Proportion rows = sample.proportion().orElseThrow();
            return CheckResult.builder(ACCURACY_CHECK_ID, Family.PERFORMANCE)
                    .title(title(label, predictions, decimals))
                    .verdict(d.verdict())
                    .measured(m.value())
                    .interval(m.interval())
                    .threshold(new Threshold(bound.comparison(), threshold, ""), decimals)
                    .n(m.n())
                    .message(message)
                    .detail("correct", rows.successes())
                    .detail("classes", predictions.classes())
                    .build();
        }
        CheckResult.Builder result = start(label, predictions, decimals)
                .verdict(d.verdict())
                .measured(m.value())
                .interval(m.interval())
                .n(m.n())
                .message(message);
        if (m.interval() != null) {
            result.detail("intervalMethod", m.how());
        } else if (!m.how().isEmpty()) {
            result.detail("noInterval", m.how());
        }
        if (d.rowsNeeded() != 0) {
            result.detail("estimatedRowsNeeded", d.rowsNeeded());
        }
        if (options.zeroDivision() != ZeroDivision.ZERO) {
            result.detail("zeroDivision", options.zeroDivision().name());
        }
        weights(predictions, result);
        attach.accept(result);
        return result.build();
    }

    private void requireWhole() {
        if (slicedBy != null) {
            throw new ConfigurationException(where + ": slicedBy '" + slicedBy
                    + "' needs the test data; evaluate with the slice values or run the gate on a Subject");
        }
    }

    /**
     * Evaluates the check in every slice: rows with the same value of {@code sliceValues} (one per row, {@code null}
     * for missing) form a slice. Every slice with at least {@code minSliceSize} rows must pass; smaller slices are
     * reported as too small; with no slice large enough the verdict is INCONCLUSIVE.
     */
    public CheckResult evaluate(Predictions predictions, String[] sliceValues) {
        if (sliceValues.length != predictions.size()) {
            throw new IllegalArgumentException(sliceValues.length + " slice values for the " + predictions.size()
                    + " rows of " + predictions.dataName());
        }
        requireQueries(predictions);
        requireApplicable(predictions);
        if (options.average() == Averaging.NONE) {
            throw noneWithSlices(where);
        }
        String column = slicedBy == null ? "slice" : slicedBy;
        String label = MetricCheckText.label(metric, options, predictions);
        List<Slices.Slice> slices = Slices.judge(
                Slices.split(sliceValues),
                rows -> measure(Metrics.sample(predictions, metric, options, rows)),
                minSliceSize,
                this::decide);
        Slices.Summary summary = Slices.summarize(slices, bound);
        String message = EveryShouldBeWithinBound.message(
                model(IN_EVERY_SLICE, label, predictions, predictions.size(), column),
                bound.comparison(),
                threshold,
                List.of(
                        Slices.verdictLine(summary, slices, bound, confidence, minSliceSize),
                        Slices.table(column, label, slices, confidence, minSliceSize),
                        Slices.undefinedLine(slices, label),
                        Slices.rowsNeededLine(slices)));
        CheckResult.Builder result = start(label, predictions, Format.DECIMALS)
                .verdict(summary.verdict())
                .n(predictions.size())
                .message(message)
                .detail("slicedBy", column)
                .detail("minSliceSize", minSliceSize)
                .detail("slices", Slices.details(slices, minSliceSize));
        summary.worst()
                .ifPresent(w -> result.measured(w.measurement().value())
                        .interval(w.measurement().interval()));
        result.attach(dev.modeltest.check.Attachment.csv(
                label + " per slice of " + column, () -> Slices.csv(column, slices, minSliceSize)));
        if (slices.stream().anyMatch(Slices::measured)) {
            result.attach(dev.modeltest.check.Attachment.png(
                    label + " per slice of " + column + " (chart)",
                    () -> Slices.png(
                            label + " per slice of " + column + " on " + predictions.dataName(),
                            label,
                            slices,
                            threshold)));
        }
        String tableName = label + " per slice of " + column + " (table)";
        result.attach(dev.modeltest.check.Attachment.html(
                tableName,
                () -> dev.modeltest.report.HtmlTable.fromCsv(Slices.csv(column, slices, minSliceSize))
                        .document(tableName)));
        MetricAttachments.classifier(predictions, metric, options, result);
        return result.build();
    }

    /**
     * Judges every class on its own ({@link Averaging#NONE}): each class's value with its own interval and decision;
     * any failing class fails the check, otherwise any undecided or undefined class makes it INCONCLUSIVE.
     */
    private CheckResult evaluatePerClass(Predictions predictions) {
        List<Slices.Slice> classes = PerClass.judge(predictions, metric, options, this::measure, this::decide);
        return perClassResult(
                classes,
                predictions,
                predictions.size(),
                result -> MetricAttachments.classifier(predictions, metric, options, result));
    }

    /**
     * Every class on merged counts: each class's binary sample of the counts, its interval refused as the whole
     * metric's is when only the rows' bootstrap gives it.
     */
    private CheckResult evaluatePerClass(ConfusionMatrix merged, Predictions shape) {
        List<Slices.Slice> classes = PerClass.judge(
                merged,
                PerClass.present(merged),
                binary -> {
                    MetricSample sample = Metrics.sample(merged, metric, binary);
                    if ((interval == IntervalMethod.BOOTSTRAP
                                    || sample.exactMethod().isEmpty())
                            && sample.size() < MetricSample.POISSON_FROM_ROWS) {
                        throw bcaNeedsTheRows(sample, shape);
                    }
                    return sample;
                },
                options,
                this::measure,
                this::decide);
        return perClassResult(
                classes,
                shape,
                (int) merged.total(),
                result -> result.attach(dev.modeltest.check.Attachment.csv(
                        MetricAttachments.CONFUSION_CSV, () -> MetricAttachments.confusionCsv(merged))));
    }

    private CheckResult perClassResult(
            List<Slices.Slice> classes,
            Predictions predictions,
            int n,
            java.util.function.Consumer<CheckResult.Builder> attach) {
        String label = MetricCheckText.label(metric, options, predictions);
        Slices.Summary summary = Slices.summarize(classes, bound);
        String message = EveryShouldBeWithinBound.message(
                model(PerClass.IN_EVERY_CLASS, label, predictions, n),
                bound.comparison(),
                threshold,
                List.of(
                        PerClass.verdictLine(summary, classes, bound, confidence),
                        Slices.table("class", PerClass.SUPPORT, label, classes, confidence, 0),
                        PerClass.undefinedLines(classes, label),
                        Slices.rowsNeededLine(classes)));
        CheckResult.Builder result = start(label, predictions, Format.DECIMALS)
                .verdict(summary.verdict())
                .n(n)
                .message(message)
                .detail("perClass", PerClass.details(classes));
        if (options.zeroDivision() != ZeroDivision.ZERO) {
            result.detail("zeroDivision", options.zeroDivision().name());
        }
        summary.worst()
                .ifPresent(w -> result.measured(w.measurement().value())
                        .interval(w.measurement().interval()));
        result.attach(dev.modeltest.check.Attachment.csv(
                label + " per class", () -> Slices.csv("class", PerClass.SUPPORT, classes, 0)));
        if (classes.stream().anyMatch(Slices::measured)) {
            result.attach(dev.modeltest.check.Attachment.png(
                    label + " per class (chart)",
                    () -> Slices.png(label + " per class on " + predictions.dataName(), label, classes, threshold)));
        }
        attach.accept(result);
        return result.build();
    }

    /** The configuration error of {@code average = NONE} together with slices. */
    private static ConfigurationException noneWithSlices(String where) {
        return ConfigurationException.badAttribute(
                where,
                "average",
                "cannot be NONE together with 'slicedBy': a check judges every class or every slice, not every class"
                        + " of every slice",
                Averaging.NONE);
    }

    /** @param decimals of the threshold, as the measured value is printed beside it ({@link Format#decimals}) */
    private CheckResult.Builder start(String label, Predictions predictions, int decimals) {
        String id = bound == Bound.AT_LEAST ? "metric-at-least" : "metric-at-most";
        return CheckResult.builder(id, Family.PERFORMANCE)
                .qualifier(qualifier())
                .title(title(label, predictions, decimals))
                .threshold(new Threshold(bound.comparison(), threshold, ""), decimals)
                .detail("metric", metric.name())
                .detail("reference", metric.reference())
                .detail("decidedOn", confidence == 0 ? "point" : Format.percent(confidence) + " interval")
                .detail("interval", interval.name())
                .detail("seed", seed)
                .detail("resamples", resamples);
    }

    private String title(String label, Predictions predictions, int decimals) {
        return label + " " + bound.symbol() + " " + Format.value(threshold, decimals) + " on " + predictions.dataName()
                + (slicedBy == null ? "" : " per " + slicedBy)
                + (confidence == 0 ? "" : " at " + Format.percent(confidence) + " confidence");
    }

    /** {@code 0.9000 (95% CI 0.5958–0.9821, 9 of 10 right)}: the Wilson interval with the count behind it. */
    private static String rowsRight(MetricSample sample, Measurement m, int decimals) {
        Proportion rows = sample.proportion().orElseThrow();
        return Format.value(m.value(), decimals) + " (" + m.interval() + ", " + rows.successes() + " of "
                + rows.trials() + " right)";
    }

    /** The regressor refused in {@code @AccuracyAtLeast}'s words, which predate the metric checks' wording. */
    private void requireClassifier(Predictions predictions) {
        if (predictions.task() != Task.CLASSIFICATION) {
            throw new ConfigurationException(
                    where + ": accuracy applies to classifiers, but the model (" + predictions.modelName()
                            + ") predicts numbers (regression); gate it with an error metric instead");
        }
    }

    /** Applies the shared decision rule to one measurement. */
    private Decision decide(Measurement m) {
        return Decision.of(bound.comparison(), threshold, confidence, m.value(), m.interval(), m.n());
    }

    /**
     * Returns what tells this check's result from another metric check's on the same test: the metric, then the averaging
     * when one was chosen, the positive class when one was named, and the slicing column, e.g. {@code f1},
     * {@code roc_auc:macro}, {@code recall:positive=yes}, {@code accuracy:per=species}.
     */
    String qualifier() {
        StringBuilder key = new StringBuilder(metric.name().toLowerCase(Locale.ROOT));
        if (options.average() != Averaging.AUTO) {
            key.append(CheckResult.KEY_SEPARATOR)
                    .append(options.average().name().toLowerCase(Locale.ROOT));
        }
        options.positive()
                .ifPresent(p -> key.append(CheckResult.KEY_SEPARATOR)
                        .append("positive=")
                        .append(p));
        // A metric's own parameter, where it is not the default: f_beta:beta=2, top_k_accuracy:k=3.
        if (options.beta() != MetricOptions.DEFAULT_BETA) {
            key.append(CheckResult.KEY_SEPARATOR).append("beta=").append(Format.number(options.beta()));
        }
        if (options.k() != MetricOptions.DEFAULT_K) {
            key.append(CheckResult.KEY_SEPARATOR).append("k=").append(options.k());
        }
        if (options.alpha() != MetricOptions.DEFAULT_ALPHA) {
            key.append(CheckResult.KEY_SEPARATOR).append("alpha=").append(Format.number(options.alpha()));
        }
        if (options.power() != MetricOptions.DEFAULT_POWER) {
            key.append(CheckResult.KEY_SEPARATOR).append("power=").append(Format.number(options.power()));
        }
        if (!options.forceFinite()) {
            key.append(CheckResult.KEY_SEPARATOR).append("forceFinite=false");
        }
        if (query != null) {
            key.append(CheckResult.KEY_SEPARATOR).append("query=").append(query);
        }
        if (options.multiClass() != MultiClass.OVR) {
            key.append(CheckResult.KEY_SEPARATOR).append("multiClass=").append(options.multiClass());
        }
        if (options.maxFpr() != MetricOptions.DEFAULT_MAX_FPR) {
            key.append(CheckResult.KEY_SEPARATOR).append("maxFpr=").append(Format.number(options.maxFpr()));
        }
        if (options.zeroDivision() != ZeroDivision.ZERO) {
            key.append(CheckResult.KEY_SEPARATOR)
                    .append("zeroDivision=")
                    .append(options.zeroDivision().name().toLowerCase(Locale.ROOT));
        }
        if (slicedBy != null) {
            key.append(CheckResult.KEY_SEPARATOR).append("per=").append(slicedBy);
        }
        return key.toString();
    }

    private Measurement measure(MetricSample sample) {
        return Measurement.of(sample, interval, IntervalPolicy.reportedLevel(confidence), seed, resamples);
    }

    private void requireApplicable(Predictions predictions) {
        Optional<String> problem = Metrics.notApplicable(predictions, metric, options);
        if (problem.isPresent()) {
            throw new ConfigurationException(where + ": " + problem.get());
        }
        if (interval == IntervalMethod.EXACT && predictions.weightColumn().isPresent()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "interval",
                    "must be AUTO or BOOTSTRAP for " + MetricCheckText.label(metric, options, predictions)
                            + " on rows weighted by column '"
                            + predictions.weightColumn().get() + "': Wilson,"
                            + " DeLong, Student-t and the delta method count rows, and the bootstrap over the rows"
                            + " carries their weights",
                    IntervalMethod.EXACT);
        }
        if (interval == IntervalMethod.EXACT) {
            // Per class, each class is judged as the positive class: probe with the first.
            MetricOptions probed = options.average() == Averaging.NONE
                    ? options.withAverage(Averaging.BINARY)
                            .withPositiveLabel(predictions.classes().get(0))
                    : options;
            MetricSample probe = Metrics.sample(predictions, metric, probed, new int[0]);
            if (probe.exactMethod().isEmpty()) {
                throw noExactInterval(where, metric, MetricCheckText.label(metric, options, predictions));
            }
        }
    }

    /** The configuration error of {@code interval = EXACT} on a metric that has no exact interval. */
    static ConfigurationException noExactInterval(String where, Metric metric, String label) {
        return ConfigurationException.badAttribute(
                where,
                "interval",
                "must be AUTO or BOOTSTRAP for " + label + ": no exact or analytic interval applies to it, so the"
                        + " bootstrap does (BCa below " + MetricSample.POISSON_FROM_ROWS + " rows, Poisson bootstrap"
                        + " from there); " + MetricSample.exactMethodsText(),
                IntervalMethod.EXACT);
    }

    /** Builds a {@link MetricGate}, validating every setting with a message naming it. */
    public static final class Builder {
        private final String where;
        private final Metric metric;
        private final Bound bound;
        private final double threshold;
        private MetricOptions options = MetricOptions.defaults();
        private double confidence = IntervalPolicy.CONFIDENCE;
        private long seed = DEFAULT_SEED;
        private int resamples = DEFAULT_RESAMPLES;
        private IntervalMethod interval = IntervalMethod.AUTO;
        private String slicedBy;
        private int minSliceSize = DEFAULT_MIN_SLICE_SIZE;
        private boolean reportedAsAccuracyCheck;
        private String query;

        private Builder(String where, Metric metric, Bound bound, double threshold) {
            this.where = Objects.requireNonNull(where, "where");
            this.metric = Objects.requireNonNull(metric, "metric");
            this.bound = Objects.requireNonNull(bound, "bound");
            this.threshold = threshold;
        }

        /** Sets the averaging, positive label and calibration bins (default {@link MetricOptions#defaults()}). */
        public Builder options(MetricOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions, "options");
            return this;
        }

        /** Sets the averaging (default {@link Averaging#AUTO}). */
        public Builder average(Averaging average) {
            this.options = options.withAverage(average);
            return this;
        }

        /**
         * Sets what 0/0 is in precision, recall, F1, F-beta and Jaccard (default {@link ZeroDivision#ZERO}); {@link
         * ZeroDivision#NAN} makes a 0/0 value undefined and the check INCONCLUSIVE.
         *
         * @since 0.2.0
         */
        public Builder zeroDivision(ZeroDivision zeroDivision) {
            this.options = options.withZeroDivision(Objects.requireNonNull(zeroDivision, "zeroDivision"));
            return this;
        }

        /** Decides on the interval at this level in (0, 1); 0 (the default) decides on the point value. */
        public Builder confidence(double newConfidence) {
            this.confidence = newConfidence;
            return this;
        }

        /** Sets the bootstrap seed (default {@value MetricGate#DEFAULT_SEED}). */
        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /** Sets the number of bootstrap resamples, in [100, 1000000] (default {@value MetricGate#DEFAULT_RESAMPLES}). */
        public Builder resamples(int newResamples) {
            this.resamples = newResamples;
            return this;
        }

        /**
         * Sets how the interval is made (default {@link IntervalMethod#AUTO}: exact or analytic where theory gives it,
         * the bootstrap otherwise).
         *
         * @since 0.2.0
         */
        public Builder interval(IntervalMethod newInterval) {
            this.interval = Objects.requireNonNull(newInterval, "interval");
            return this;
        }

        /** Judges every slice of this column; {@code null} or empty for no slicing. */
        public Builder slicedBy(String column) {
            this.slicedBy = column == null || column.isEmpty() ? null : column;
            return this;
        }

        /**
         * Names the query column of a ranking metric ({@link Metric#NDCG}, {@link Metric#MAP}): rows with the same value
         * are the items ranked for one query. On a {@code Subject} the column is read from the test data; {@link
         * #build()} refuses it for any other metric.
         *
         * @since 0.2.0
         */
        public Builder query(String column) {
            this.query = column == null || column.isEmpty() ? null : column;
            return this;
        }

        /** Sets the smallest slice that is judged, at least 1 (default {@value MetricGate#DEFAULT_MIN_SLICE_SIZE}). */
        public Builder minSliceSize(int newMinSliceSize) {
            this.minSliceSize = newMinSliceSize;
            return this;
        }

        /**
         * Reports an accuracy check that decides on the point value on all rows (no {@code confidence}, no {@code
         * slicedBy}, an exact interval) as {@code @AccuracyAtLeast} has reported it since before the metric checks: check
         * id {@code accuracy-at-least}, the Wilson interval with {@code 28 of 30 right}, details {@code correct} and
         * {@code classes}, and its own wording for a {@code value} outside [0, 1] and for a regressor. Other settings
         * report as every metric check does.
         *
         * @throws IllegalStateException if the check is not {@link Metric#ACCURACY} at least a value
         */
        @API(status = API.Status.INTERNAL, since = "0.1.0")
        public Builder reportedAsAccuracyCheck() {
            if (metric != Metric.ACCURACY || bound != Bound.AT_LEAST) {
                throw new IllegalStateException(
                        "only an accuracy floor reports as @AccuracyAtLeast, not " + metric + " " + bound);
            }
            this.reportedAsAccuracyCheck = true;
            return this;
        }

        private boolean plainAccuracy() {
            return reportedAsAccuracyCheck
                    && confidence == 0
                    && slicedBy == null
                    && interval != IntervalMethod.BOOTSTRAP;
        }

        /**
         * Builds the gate.
         *
         * @throws ConfigurationException naming the setting when a value is out of range
         */
        public MetricGate build() {
            if (plainAccuracy()) {
                if (!(threshold >= 0 && threshold <= 1)) {
                    throw ConfigurationException.badAttribute(
                            where, "value", "must be in [0, 1]", Format.number(threshold));
                }
            } else {
                MetricCheckText.requireThreshold(where, "value", metric, threshold);
            }
            IntervalPolicy.requireConfidence(where, "confidence", confidence, true);
            IntervalPolicy.requireResamples(where, resamples);
            if (minSliceSize < 1) {
                throw ConfigurationException.badAttribute(where, "minSliceSize", "must be at least 1", minSliceSize);
            }
            if (slicedBy != null && slicedBy.isBlank()) {
                throw ConfigurationException.badAttribute(where, "slicedBy", "must not be blank", "'" + slicedBy + "'");
            }
            if (query != null && metric != Metric.NDCG && metric != Metric.MAP) {
                throw ConfigurationException.badAttribute(
                        where,
                        "query",
                        "applies to NDCG and MAP only, not to " + metric.displayName(),
                        "'" + query + "'");
            }
            if (query != null && query.isBlank()) {
                throw ConfigurationException.badAttribute(where, "query", "must not be blank", "'" + query + "'");
            }
            if (slicedBy != null && options.average() == Averaging.NONE) {
                throw noneWithSlices(where);
            }
            if (interval == IntervalMethod.EXACT && MetricSample.neverExact(metric, options)) {
                throw noExactInterval(
                        where,
                        metric,
                        options.maxFpr() != MetricOptions.DEFAULT_MAX_FPR
                                ? "partial " + metric.displayName() + " (FPR ≤ " + Format.number(options.maxFpr()) + ")"
                                : metric.displayName());
            }
            return new MetricGate(this);
        }
    }
}
