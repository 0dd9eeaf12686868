package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.RegressionSummary;
import dev.modeltest.metrics.RocSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apiguardian.api.API;

/**
 * Decides {@link MetricGate}s on a scored Spark {@code Dataset}, a table of true labels (or values) and predictions, without
 * bringing its rows to the driver: every partition counts its (true label, predicted label) pairs, Spark adds the
 * counts up ({@code treeAggregate}, nothing shuffled), and the driver hands the merged confusion counts to {@link
 * MetricGate#evaluate(ConfusionMatrix, String, String)}: the same value, Wilson interval, verdict and message as the
 * in-memory engine on the same rows.
 *
 * <pre>{@code
 * Dataset<Row> scored = spark.read().parquet("s3://bucket/scores/2026-12-06");
 * List<CheckResult> results = SparkGates.evaluate(scored, "scores 2026-12-06", "label", "prediction",
 *         MetricGate.builder("nightly accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.9).build(),
 *         MetricGate.builder("nightly recall", Metric.RECALL, Bound.AT_LEAST, 0.8)
 *                 .options(MetricOptions.defaults().withPositiveLabel("fraud"))
 *                 .build());
 * if (SparkGates.anyFailed(results)) {
 *     System.exit(1);
 * }
 * }</pre>
 *
 * <p>What this version decides: every label metric, its interval from the counts (Wilson for accuracy, binary or
 * micro precision and recall, zero-one and Hamming loss; the Poisson bootstrap per confusion cell for the others, from
 * 10 000 rows on, as in memory); the mean losses of a regressor whose Student-t interval comes from the losses' sums
 * and moments (MAE, MSE, RMSE, MAPE, mean squared log error and its root, mean pinball loss, mean Poisson, Gamma and
 * Tweedie deviance; one more job, over the same two columns, summing them into core's {@link RegressionSummary}), and R² and explained variance (a second pass for their delta-method terms); binary ROC AUC and
 * average precision from an exact ranking made in Spark, given score columns. Every other gate is refused, before any
 * Spark job runs where its configuration tells, saying why (docs/spark.md lists what comes next).
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class SparkGates {

    private SparkGates() {}

    /**
     * Decides every gate on the scored rows, with one Spark job that counts them (plus a cheap one that checks that
     * there is a row).
     *
     * @param scored the scored rows; any partitioning, any order
     * @param dataName the data's name for messages and reports, e.g. the table or the path
     * @param label the column of true labels
     * @param prediction the column of predicted labels, of the label column's type (text, number or boolean)
     * @param gates the gates, each decided from the same counts
     * @return one result per gate, in order
     * @throws ConfigurationException before any job, for a gate that cannot run on Spark (yet), a missing column, or
     *     a prediction column whose type is not the label's; after the count, for a gate that does not apply to the
     *     classes found
     * @throws DataException if the Dataset has no rows, or a label or prediction is missing (null)
     */
    public static List<CheckResult> evaluate(
            Dataset<Row> scored, String dataName, String label, String prediction, Check... gates) {
        return evaluate(scored, dataName, label, prediction, Map.of(), gates);
    }

    /**
     * Decides every gate on the scored rows, as {@link #evaluate(Dataset, String, String, String, Check...)}, with
     * score columns for the gates that rank the rows: binary ROC AUC and average precision (two classes, or a {@code
     * positiveLabel}) take the positive class's score column, ranked exactly in Spark (a range partitioning by score,
     * two jobs over the ranked pairs, a third for average precision's interval), and decide with DeLong's interval
     * and the infinitesimal jackknife as in memory.
     *
     * @param scores the score column of each class that a ranking gate may take as its positive class, e.g. {@code
     *     Map.of("spam", "p_spam")}; numbers, one per row
     * @throws ConfigurationException also for a ranking gate whose positive class has no score column, or a score
     *     column that is missing or does not hold numbers
     * @throws DataException also if a score is missing, NaN or infinite
     * @since 0.2.0
     */
    public static List<CheckResult> evaluate(
            Dataset<Row> scored,
            String dataName,
            String label,
            String prediction,
            Map<String, String> scores,
            Check... gates) {
        Objects.requireNonNull(scores, "scores");
        Map<String, String> given = Map.copyOf(scores);
        return evaluateScoring(
                scored, dataName, label, prediction, scores, given.isEmpty() ? null : classes -> given, gates);
    }

    /**
     * As {@link #evaluate(Dataset, String, String, String, Map, Check...)}, with the score column of each class chosen
     * once the classes are counted, as the in-memory engine maps {@code @ModelTest(scores = ...)} to the classes in
     * their order (one column: the second of two classes).
     *
     * @param typed score columns whose type is checked before any job, by class (may be empty)
     * @param scoresOf the score column of each class, given the classes in order; {@code null} when there is none
     */
    static List<CheckResult> evaluateScoring(
            Dataset<Row> scored,
            String dataName,
            String label,
            String prediction,
            Map<String, String> typed,
            Function<List<String>, Map<String, String>> scoresOf,
            Check... gates) {
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(dataName, "dataName");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(prediction, "prediction");
        if (gates.length == 0) {
            throw new ConfigurationException("SparkGates.evaluate on " + dataName + ": no gate to decide");
        }
        List<MetricGate> metricGates = new ArrayList<>();
        for (Check gate : gates) {
            metricGates.add(supported(Objects.requireNonNull(gate, "gate")));
        }
        DataType labelType = column(scored, dataName, label, "label");
        DataType predictionType = column(scored, dataName, prediction, "predictions");
        if (!kind(labelType).equals(kind(predictionType))) {
            throw new ConfigurationException("data set " + dataName + ": label column '" + label + "' holds "
                    + kind(labelType) + " (" + labelType.simpleString() + ") but predictions column '" + prediction
                    + "' holds " + kind(predictionType) + " (" + predictionType.simpleString()
                    + "); the predictions must be labels of the label column's type");
        }
        for (MetricGate gate : metricGates) {
            if (!gate.metric().isClassification() && !kind(labelType).equals("numbers")) {
                throw new ConfigurationException("data set " + dataName + ": "
                        + gate.metric().displayName()
                        + " measures a regressor, but label column '" + label + "' holds " + kind(labelType) + " ("
                        + labelType.simpleString() + "), not numbers");
            }
        }
        Optional<MetricGate> ranking =
                metricGates.stream().filter(g -> ranks(g.metric())).findFirst();
        if (ranking.isPresent() && scoresOf == null) {
            throw new ConfigurationException(
                    "data set " + dataName + ": " + ranking.get().metric().displayName()
                            + " ranks the rows by the positive class's score, and no score column is given; pass the score"
                            + " column of each class that may be positive, e.g. Map.of(\"yes\", \"p_yes\")");
        }
        for (Map.Entry<String, String> entry : typed.entrySet()) {
            DataType type = column(scored, dataName, entry.getValue(), "score");
            if (!(type instanceof NumericType)) {
                throw new ConfigurationException("data set " + dataName + ": score column '" + entry.getValue()
                        + "' of class '" + entry.getKey() + "' holds " + kind(type) + " (" + type.simpleString()
                        + "), not numbers");
            }
        }
        if (scored.isEmpty()) {
            throw new DataException("data set " + dataName + " has no rows");
        }
        boolean labels = metricGates.stream().anyMatch(g -> g.metric().isClassification());
        boolean values = metricGates.stream().anyMatch(g -> !g.metric().isClassification());
        ConfusionMatrix counts = labels ? count(scored, dataName, label, prediction) : null;
        RegressionSummary sums = values ? sum(scored, dataName, label, prediction, metricGates) : null;
        if (metricGates.stream().anyMatch(g -> centred(g.metric()))) {
            sums = centredSum(scored, label, prediction, sums);
        }
        String modelName = "predictions column '" + prediction + "'";
        List<CheckResult> results = new ArrayList<>();
        Map<String, RocSummary> rankings = new HashMap<>();
        Map<String, String> scores = null;
        for (MetricGate gate : metricGates) {
            if (ranks(gate.metric())) {
                if (scores == null) {
                    scores = scoresOf.apply(counts.classes());
                }
                boolean influence = metricGates.stream().anyMatch(g -> g.metric() == Metric.AVERAGE_PRECISION)
                        && counts.total() >= dev.modeltest.metrics.MetricSample.POISSON_FROM_ROWS;
                results.add(ranked(gate, scored, dataName, label, modelName, scores, counts, rankings, influence));
                continue;
            }
            if (dev.modeltest.metrics.Metrics.fromRegressionLoss(gate.metric())) {
                requireDomain(gate, sums, dataName, label, prediction, modelName);
            }
            results.add(
                    gate.metric().isClassification()
                            ? gate.evaluate(counts, dataName, modelName)
                            : gate.evaluate(sums, dataName, modelName));
        }
        return List.copyOf(results);
    }

    /** Returns whether any result is a FAIL: what a {@code spark-submit} job turns into a non-zero exit code. */
    public static boolean anyFailed(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.verdict() == dev.modeltest.check.Verdict.FAIL);
    }

    /**
     * Returns the results as an indented JSON array, one object per result as the run record writes it ({@link
     * dev.modeltest.report.Json#toMap}): check, key, title, verdict, measured value, interval, threshold, n, message
     * and details. For a job to store beside its scores, or to hand to whatever reads its log.
     */
    public static String json(List<CheckResult> results) {
        return dev.modeltest.report.Json.write(
                results.stream().map(dev.modeltest.report.Json::toMap).toList());
    }

    /**
     * Returns the results as the Markdown summary JUnit runs write ({@code target/modeltest/summary.md}, and a GitHub
     * Actions job summary): a headline, a table of every check with its measured value, threshold, interval and
     * verdict, the message of every check that did not pass, and the data. For a job to append to its scheduler's
     * report, e.g. {@code $GITHUB_STEP_SUMMARY}.
     *
     * @param job names the job in the table's model column, e.g. {@code nightly-fraud-gate}
     * @param dataName the data, as given to {@link #evaluate}
     * @param results the results of {@link #evaluate}, in order
     */
    public static String markdown(String job, String dataName, List<CheckResult> results) {
        List<dev.modeltest.report.Summary.Row> rows = new ArrayList<>();
        for (CheckResult r : results) {
            rows.add(new dev.modeltest.report.Summary.Row(
                    job,
                    "scored on Spark",
                    dataName + " (" + r.n() + " rows)",
                    "",
                    "",
                    r.key(),
                    r.title(),
                    r.verdict().name(),
                    dev.modeltest.check.Format.measured(r),
                    r.threshold(),
                    r.interval() == null ? "" : r.interval().toString(),
                    r.message()));
        }
        return new dev.modeltest.report.Summary(rows).markdown();
    }

    /** Refuses, before any job, a gate that cannot be decided on Spark yet, saying why. */
    static MetricGate supported(Check gate) {
        if (gate instanceof dev.modeltest.latency.LatencyCheck
                || gate instanceof dev.modeltest.latency.ThroughputCheck
                || gate instanceof dev.modeltest.check.LatencyCheck) {
            throw new ConfigurationException(gate.getClass().getSimpleName()
                    + " times the model, and a scored Spark Dataset holds the model's predictions, not the model:"
                    + " latency and throughput cannot be gated on Spark; time the model in a @ModelTest instead");
        }
        if (!(gate instanceof MetricGate metricGate)) {
            throw new ConfigurationException(gate.getClass().getSimpleName()
                    + " cannot be decided on Spark yet: SparkGates decides MetricGates (docs/spark.md)");
        }
        Optional<String> refused = metricGate.notFromMergedState();
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        return metricGate;
    }

    /** Returns the column's type, or fails naming the nearest column when the Dataset has none of that name. */
    private static DataType column(Dataset<Row> scored, String dataName, String column, String role) {
        List<String> names = Arrays.asList(scored.columns());
        if (!names.contains(column)) {
            throw new ConfigurationException("data set " + dataName + " has no " + role + " column '" + column + "'"
                    + Names.didYouMean(column, names) + "; its columns are " + Echo.names(names));
        }
        StructField field = scored.schema().apply(column);
        DataType type = field.dataType();
        if (kind(type).equals("other")) {
            throw new ConfigurationException("data set " + dataName + ": " + role + " column '" + column + "' holds "
                    + type.simpleString() + ", not labels; a label column holds text, numbers or booleans");
        }
        return type;
    }

    /** Text, numbers or booleans: the label types; two columns are comparable when they are of one kind. */
    private static String kind(DataType type) {
        if (type instanceof StringType) {
            return "text";
        }
        if (type instanceof NumericType) {
            return "numbers";
        }
        if (type instanceof BooleanType) {
            return "booleans";
        }
        return "other";
    }

    /** The one job: per-partition pair counts, merged by Spark in a tree, turned into a matrix on the driver. */
    private static ConfusionMatrix count(Dataset<Row> scored, String dataName, String label, String prediction) {
        Dataset<Row> pairs = scored.select(
                functions.col(label).cast("string"), functions.col(prediction).cast("string"));
        LabelPairs merged = pairs.javaRDD().treeAggregate(new LabelPairs(), LabelPairs::add, LabelPairs::merge);
        if (merged.missingLabels > 0) {
            throw missing(dataName, "label", label, merged.missingLabels);
        }
        if (merged.missingPredictions > 0) {
            throw missing(dataName, "predictions", prediction, merged.missingPredictions);
        }
        Set<String> distinct = new LinkedHashSet<>();
        merged.counts.keySet().forEach(p -> {
            distinct.add(p.actual());
            distinct.add(p.predicted());
        });
        List<String> classes = new ArrayList<>(distinct);
        classes.sort(classOrder(classes));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        long[][] counts = new long[classes.size()][classes.size()];
        merged.counts.forEach((pair, n) -> counts[index.get(pair.actual())][index.get(pair.predicted())] += n);
        return ConfusionMatrix.of(classes, counts);
    }

    /**
     * The regression job: per-partition summaries of the losses, merged by Spark in a tree; the per-row loss of each
     * gate that averages one with a parameter or a domain (squared log error, pinball loss, deviances) is registered in
     * the empty summary, so it is summed in the same pass.
     */
    private static RegressionSummary sum(
            Dataset<Row> scored, String dataName, String label, String prediction, List<MetricGate> gates) {
        Dataset<Row> pairs = scored.select(
                functions.col(label).cast("double"), functions.col(prediction).cast("double"));
        RegressionSummary empty = new RegressionSummary();
        for (MetricGate gate : gates) {
            if (dev.modeltest.metrics.Metrics.fromRegressionLoss(gate.metric())) {
                empty.withLoss(gate.metric(), gate.options());
            }
        }
        RegressionRows merged =
                pairs.javaRDD().treeAggregate(new RegressionRows(empty), RegressionRows::add, RegressionRows::merge);
        if (merged.missingLabels > 0) {
            throw missing(dataName, "label", label, merged.missingLabels);
        }
        if (merged.missingPredictions > 0) {
            throw missing(dataName, "predictions", prediction, merged.missingPredictions);
        }
        if (merged.infiniteLabels > 0) {
            throw notFinite(dataName, "label", label, merged.infiniteLabels);
        }
        if (merged.infinitePredictions > 0) {
            throw notFinite(dataName, "predictions", prediction, merged.infinitePredictions);
        }
        return merged.summary;
    }

    /**
     * A ROC AUC or average precision gate: its positive class's ranking (made once per class, whatever the number of
     * gates on it), decided by core. A gate whose options make no binary metric (an average over more than two
     * classes) is refused by core.
     */
    private static CheckResult ranked(
            MetricGate gate,
            Dataset<Row> scored,
            String dataName,
            String label,
            String modelName,
            Map<String, String> scores,
            ConfusionMatrix counts,
            Map<String, RocSummary> rankings,
            boolean influence) {
        List<String> classes = counts.classes();
        Optional<String> positive =
                dev.modeltest.metrics.Metrics.binaryPositive(classes, gate.metric(), gate.options());
        if (positive.isEmpty()) {
            // Core's refusal, naming the gate: no summary of one class gives an average over the classes.
            return gate.evaluate(RocSummary.forTotals(classes.get(0), 0, 0), classes, dataName, modelName);
        }
        String score = scores.get(positive.get());
        if (score == null) {
            throw new ConfigurationException(
                    "data set " + dataName + ": " + gate.metric().displayName() + " of class '"
                            + positive.get()
                            + "' ranks the rows by that class's score, but the scores name columns for "
                            + Echo.names(new ArrayList<>(scores.keySet())) + " only");
        }
        RocSummary summary = rankings.computeIfAbsent(
                positive.get(), c -> RankedRows.roc(scored, dataName, label, score, c, influence));
        return gate.evaluate(summary, classes, dataName, modelName);
    }

    /** ROC AUC and average precision: decided on a ranking of the rows by a score, made in Spark. */
    private static boolean ranks(Metric metric) {
        return metric == Metric.ROC_AUC || metric == Metric.AVERAGE_PRECISION;
    }

    /** R² and explained variance: their delta-method interval needs terms centred on the first pass's means. */
    private static boolean centred(Metric metric) {
        return metric == Metric.R2 || metric == Metric.EXPLAINED_VARIANCE;
    }

    /**
     * The second regression job, for R² and explained variance: the same two columns summed again, the delta method's
     * terms centred on the first pass's means (shipped to the tasks inside the empty state), merged in a tree. The
     * first pass has already refused missing and non-finite values, so none is left to count.
     */
    private static RegressionSummary centredSum(
            Dataset<Row> scored, String label, String prediction, RegressionSummary first) {
        Dataset<Row> pairs = scored.select(
                functions.col(label).cast("double"), functions.col(prediction).cast("double"));
        RegressionRows merged = pairs.javaRDD()
                .treeAggregate(
                        new RegressionRows(RegressionSummary.centredOn(first)),
                        RegressionRows::add,
                        RegressionRows::merge);
        return merged.summary;
    }

    /**
     * Refuses a mean loss whose domain some rows leave (a negative value for the squared log error, a deviance's), as
     * the in-memory engine does, naming the column and counting the rows where it names the first row.
     */
    private static void requireDomain(
            MetricGate gate,
            RegressionSummary sums,
            String dataName,
            String label,
            String prediction,
            String modelName) {
        Optional<String> outside = sums.outOfDomain(
                gate.metric(),
                gate.options(),
                "data set " + dataName + ", label column '" + label + "'",
                "data set " + dataName + ", predictions column '" + prediction + "'");
        if (outside.isPresent()) {
            throw new dev.modeltest.error.ModelException(outside.get() + " (model " + modelName + ")");
        }
    }

    private static DataException notFinite(String dataName, String role, String column, long rows) {
        return new DataException("data set " + dataName + ", " + role + " column '" + column + "': " + rows
                + (rows == 1 ? " row is" : " rows are") + " NaN or infinite, not a finite number");
    }

    private static DataException missing(String dataName, String role, String column, long rows) {
        return new DataException("data set " + dataName + ", " + role + " column '" + column + "': " + rows
                + (rows == 1 ? " row is" : " rows are") + " empty (null)");
    }

    /**
     * Sorts class names as the in-memory engine does for prediction columns (scikit-learn's order): numerically when
     * all are numbers, else as text. The order decides which of two classes is the positive one.
     */
    static Comparator<String> classOrder(List<String> classes) {
        for (String c : classes) {
            try {
                Double.parseDouble(c);
            } catch (NumberFormatException e) {
                return Comparator.naturalOrder();
            }
        }
        return Comparator.comparingDouble(Double::parseDouble);
    }
}
