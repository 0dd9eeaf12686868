package dev.modeltest.model;

import dev.modeltest.error.ModelException;
import dev.modeltest.internal.Numbers;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The model's predictions on every row of the test data, beside the true labels or values: computed once per test
 * class and read by every check.
 *
 * <p>Classes are held as {@code int} indexes into {@link #classes()}; probabilities as one {@code double[]} per class.
 * Rows are 0-based here; messages number them from 1.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Predictions {

    private final Task task;
    private final String dataName;
    private final String modelName;
    private final int size;
    private final List<String> classes;
    private final int[] actualClasses;
    private final int[] predictedClasses;
    private final double[][] probabilities;
    private final double[] actualValues;
    private final double[] predictedValues;
    private final List<String> scoreColumns;
    /** The query column of ranking metrics ({@link #withQueries}), or {@code null}. */
    private final String queryColumn;
    /** Each row's query as an index into {@link #queryNames}, or {@code null}. */
    private final int[] queries;

    private final List<String> queryNames;
    /** The sample-weight column ({@link #withWeights}), or {@code null}. */
    private final String weightColumn;
    /** Each row's sample weight, or {@code null} when every row weighs 1. */
    private final double[] weights;

    private Predictions(
            Task task,
            String dataName,
            String modelName,
            int size,
            List<String> classes,
            int[] actualClasses,
            int[] predictedClasses,
            double[][] probabilities,
            double[] actualValues,
            double[] predictedValues,
            List<String> scoreColumns) {
        this.task = task;
        this.dataName = dataName;
        this.modelName = modelName;
        this.size = size;
        this.classes = classes;
        this.actualClasses = actualClasses;
        this.predictedClasses = predictedClasses;
        this.probabilities = probabilities;
        this.actualValues = actualValues;
        this.predictedValues = predictedValues;
        this.scoreColumns = scoreColumns;
        this.queryColumn = null;
        this.queries = null;
        this.queryNames = List.of();
        this.weightColumn = null;
        this.weights = null;
    }

    /** These predictions with each row's query and weight; the arrays are shared. */
    private Predictions(
            Predictions base,
            String queryColumn,
            int[] queries,
            List<String> queryNames,
            String weightColumn,
            double[] weights) {
        this.task = base.task;
        this.dataName = base.dataName;
        this.modelName = base.modelName;
        this.size = base.size;
        this.classes = base.classes;
        this.actualClasses = base.actualClasses;
        this.predictedClasses = base.predictedClasses;
        this.probabilities = base.probabilities;
        this.actualValues = base.actualValues;
        this.predictedValues = base.predictedValues;
        this.scoreColumns = base.scoreColumns;
        this.queryColumn = queryColumn;
        this.queries = queries;
        this.queryNames = queryNames;
        this.weightColumn = weightColumn;
        this.weights = weights;
    }

    /**
     * Creates classification predictions. The arrays are copied.
     *
     * @param dataName the data set's name, for messages
     * @param modelName the model's description, for messages
     * @param classes the class names; indexes refer to this list
     * @param actual the true class index of each row
     * @param predicted the predicted class index of each row
     * @param probabilities one array per class with that class's probability for each row, or {@code null}
     * @throws ModelException if the lengths differ, a class index is out of range, or the set is empty
     */
    public static Predictions classification(
            String dataName,
            String modelName,
            List<String> classes,
            int[] actual,
            int[] predicted,
            double[][] probabilities) {
        return ownClassification(
                dataName,
                modelName,
                classes,
                actual.clone(),
                predicted.clone(),
                probabilities == null ? null : deepCopy(probabilities));
    }

    /**
     * Creates classification predictions that keep the given arrays instead of copying them: for callers that build
     * arrays of millions of rows and never touch them again (or share arrays that nobody modifies, such as {@link
     * dev.modeltest.data.TestData}'s columns).
     *
     * @throws ModelException as {@link #classification}
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static Predictions wrapClassification(
            String dataName,
            String modelName,
            List<String> classes,
            int[] actual,
            int[] predicted,
            double[][] probabilities) {
        return ownClassification(dataName, modelName, classes, actual, predicted, probabilities);
    }

    /**
     * Creates regression predictions that keep the given arrays instead of copying them; see {@link
     * #wrapClassification}.
     *
     * @throws ModelException as {@link #regression}
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static Predictions wrapRegression(String dataName, String modelName, double[] actual, double[] predicted) {
        return ownRegression(dataName, modelName, actual, predicted);
    }

    static Predictions ownClassification(
            String dataName,
            String modelName,
            List<String> classes,
            int[] actual,
            int[] predicted,
            double[][] probabilities) {
        List<String> classList = List.copyOf(classes);
        int n = actual.length;
        requireNonEmpty(n, dataName);
        requireSameLength("predicted classes", predicted.length, n, dataName);
        checkIndexes("true class", actual, classList.size(), dataName);
        checkIndexes("predicted class", predicted, classList.size(), dataName);
        if (probabilities != null) {
            if (probabilities.length != classList.size()) {
                throw new ModelException("model gave probabilities for " + probabilities.length + " classes but has "
                        + classList.size() + " classes " + classList);
            }
            for (double[] column : probabilities) {
                requireSameLength("probabilities", column.length, n, dataName);
            }
        }
        return new Predictions(
                Task.CLASSIFICATION,
                dataName,
                modelName,
                n,
                classList,
                actual,
                predicted,
                probabilities,
                null,
                null,
                List.of());
    }

    /**
     * Creates regression predictions. The arrays are copied.
     *
     * @throws ModelException if the lengths differ or the set is empty
     */
    public static Predictions regression(String dataName, String modelName, double[] actual, double[] predicted) {
        return ownRegression(dataName, modelName, actual.clone(), predicted.clone());
    }

    static Predictions ownRegression(String dataName, String modelName, double[] actual, double[] predicted) {
        requireNonEmpty(actual.length, dataName);
        requireSameLength("predicted values", predicted.length, actual.length, dataName);
        return new Predictions(
                Task.REGRESSION,
                dataName,
                modelName,
                actual.length,
                List.of(),
                null,
                null,
                null,
                actual,
                predicted,
                List.of());
    }

    /**
     * Returns these predictions with the data columns their probabilities were read from, so that messages name what
     * the user wrote: one column (a binary classifier's positive-class score, the other class's probability being
     * derived as {@code 1 − score}) or one column per class, in class order.
     *
     * @throws IllegalArgumentException if these predictions have no probabilities or the column count fits neither
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public Predictions withScoreColumns(List<String> columns) {
        List<String> names = List.copyOf(columns);
        if (probabilities == null || !(names.size() == classes.size() || (names.size() == 1 && classes.size() == 2))) {
            throw new IllegalArgumentException("score columns " + names + " do not fit " + this);
        }
        return new Predictions(
                task,
                dataName,
                modelName,
                size,
                classes,
                actualClasses,
                predictedClasses,
                probabilities,
                actualValues,
                predictedValues,
                names);
    }

    /**
     * Returns these predictions with the query (group) of each row, read from a data column, for the ranking metrics
     * ({@code NDCG} and {@code MAP}): rows with the same value are the items ranked for one query. Values are
     * compared as given; a number column is best read through {@code TestData#strings}, which writes {@code 1.0} as
     * {@code "1"}.
     *
     * @param column the query column's name, for messages
     * @param values one value per row
     * @throws IllegalArgumentException if the count of values is not the row count
     * @throws dev.modeltest.error.DataException if a value is missing ({@code null}), naming the column and the row
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public Predictions withQueries(String column, String[] values) {
        Objects.requireNonNull(column, "column");
        if (values.length != size) {
            throw new IllegalArgumentException(
                    values.length + " query values for the " + size + " rows of " + dataName);
        }
        java.util.Map<String, Integer> codes = new java.util.HashMap<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            String v = values[i];
            if (v == null) {
                throw missingQuery(column, i);
            }
            Integer code = codes.putIfAbsent(v, names.size());
            if (code == null) {
                code = names.size();
                names.add(v);
            }
            out[i] = code;
        }
        return new Predictions(this, column, out, List.copyOf(names), weightColumn, weights);
    }

    /**
     * As {@link #withQueries(String, String[])} from codes already made ({@code TestData#categories}): the codes
     * index {@code names}, {@code -1} is a missing value. The array is kept, not copied.
     *
     * @throws dev.modeltest.error.DataException if a code is {@code -1}
     */
    @API(status = API.Status.INTERNAL, since = "0.2.0")
    public Predictions wrapQueries(String column, int[] codes, List<String> names) {
        Objects.requireNonNull(column, "column");
        if (codes.length != size) {
            throw new IllegalArgumentException(codes.length + " query values for the " + size + " rows of " + dataName);
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] >= names.size()) {
                throw missingQuery(column, i);
            }
        }
        return new Predictions(this, column, codes, List.copyOf(names), weightColumn, weights);
    }

    private dev.modeltest.error.DataException missingQuery(String column, int row) {
        return new dev.modeltest.error.DataException("the query column '" + column + "' has no value at row "
                + (row + 1) + " of " + dataName + "; every row of a ranking must name its query");
    }

    /**
     * Returns these predictions with a sample weight for each row, read from a data column, as scikit-learn's
     * {@code sample_weight}: a metric counts a row as many times as its weight (fractional weights count
     * fractionally). Weights must be finite and not negative, and at least one must be positive; a weight of 0 leaves
     * its row out of every weighted figure. The array is copied.
     *
     * @param column the weight column's name, for messages
     * @param weights one weight per row
     * @throws IllegalArgumentException if the count of weights is not the row count
     * @throws dev.modeltest.error.DataException naming the column and the first bad row if a weight is missing
     *     ({@code NaN}), infinite or negative, or if every weight is 0
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public Predictions withWeights(String column, double[] weights) {
        Objects.requireNonNull(column, "column");
        return wrapWeights(column, weights.clone());
    }

    /**
     * As {@link #withWeights} without copying the array ({@code TestData#doubles} shares its columns, which nobody
     * modifies).
     *
     * @throws dev.modeltest.error.DataException as {@link #withWeights}
     */
    @API(status = API.Status.INTERNAL, since = "0.2.0")
    public Predictions wrapWeights(String column, double[] weights) {
        Objects.requireNonNull(column, "column");
        if (weights.length != size) {
            throw new IllegalArgumentException(weights.length + " weights for the " + size + " rows of " + dataName);
        }
        boolean positive = false;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (Double.isNaN(w)) {
                throw badWeight(column, i, "has no value", "every row needs a weight");
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw badWeight(column, i, "is " + w, "weights must be finite numbers ≥ 0");
            }
            positive |= w > 0;
        }
        if (!positive) {
            throw new dev.modeltest.error.DataException("the weight column '" + column + "' is 0 on all " + size
                    + " rows of " + dataName + "; at least one row must weigh more than 0");
        }
        return new Predictions(this, queryColumn, queries, queryNames, column, weights);
    }

    /**
     * Returns these predictions without their sample weights (every row weighs 1), for the views that count rows:
     * the confusion matrix's counts, the curves of the report. The arrays are shared.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public Predictions withoutWeights() {
        return weights == null ? this : new Predictions(this, queryColumn, queries, queryNames, null, null);
    }

    private dev.modeltest.error.DataException badWeight(String column, int row, String what, String rule) {
        return new dev.modeltest.error.DataException("the weight column '" + column + "' " + what + " at row "
                + (row + 1) + " of " + dataName + "; " + rule);
    }

    /**
     * Returns the weight column given by {@link #withWeights}, if any.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public java.util.Optional<String> weightColumn() {
        return java.util.Optional.ofNullable(weightColumn);
    }

    /**
     * Returns each row's weight themselves, not a copy, or {@code null} without {@link #withWeights} (every row weighs
     * 1). Callers must not modify the array.
     */
    @API(status = API.Status.INTERNAL, since = "0.2.0")
    public double[] internalWeights() {
        return weights;
    }

    /**
     * Returns the query column given by {@link #withQueries}, if any.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public java.util.Optional<String> queryColumn() {
        return java.util.Optional.ofNullable(queryColumn);
    }

    /**
     * Returns the distinct query values, in order of first appearance; {@link #internalQueries()} indexes them.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public List<String> queryNames() {
        return queryNames;
    }

    /**
     * Returns each row's query code themselves, not a copy, or {@code null} without {@link #withQueries}. Callers must
     * not modify the array.
     */
    @API(status = API.Status.INTERNAL, since = "0.2.0")
    public int[] internalQueries() {
        return queries;
    }

    /**
     * Returns the data columns the probabilities were read from (see {@link #withScoreColumns}), or an empty list when a
     * model computed them.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public List<String> scoreColumns() {
        return scoreColumns;
    }

    /**
     * Names, for a message, where the probability of a class on a row comes from and what it is there: {@code the
     * probability of class 'yes' at row 3 of data.csv is 1.5} for a model's output, {@code the score in column
     * 'y_score' at row 3 of data.csv is -50} for a score column; for a binary classifier with one score column the
     * derived probability of the other class is traced back to that column's value.
     *
     * @param row the row, 0-based
     * @param classIndex the class
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public String probabilitySource(int row, int classIndex) {
        if (scoreColumns.isEmpty()) {
            return "the probability of class '" + classes.get(classIndex) + "' at row " + (row + 1) + " of " + dataName
                    + " is " + Numbers.plain(probability(row, classIndex));
        }
        int column = scoreColumns.size() == 1 ? 1 : classIndex;
        return "the score in column '" + scoreColumns.get(scoreColumns.size() == 1 ? 0 : classIndex) + "' at row "
                + (row + 1) + " of " + dataName + " is " + Numbers.plain(probability(row, column));
    }

    private static void requireNonEmpty(int n, String dataName) {
        if (n == 0) {
            throw new ModelException(
                    "no rows to judge in " + dataName + ": an empty data set cannot pass a quality gate");
        }
    }

    private static void requireSameLength(String what, int length, int rows, String dataName) {
        if (length != rows) {
            throw new ModelException(
                    "the model returned " + length + " " + what + " for " + rows + " rows of " + dataName);
        }
    }

    /** Rows per task when class indexes are checked on all cores: below this, one thread is as fast. */
    private static final int CHECK_CHUNK = 1 << 20;

    private static void checkIndexes(String what, int[] indexes, int classCount, String dataName) {
        int chunks = (indexes.length + CHECK_CHUNK - 1) / CHECK_CHUNK;
        java.util.stream.IntStream tasks = java.util.stream.IntStream.range(0, chunks);
        // The first bad row over all chunks, whichever thread finds one: the message names the first in row order.
        int bad = (chunks > 1 ? tasks.parallel() : tasks)
                .map(chunk -> firstOutside(
                        indexes, chunk * CHECK_CHUNK, Math.min(indexes.length, (chunk + 1) * CHECK_CHUNK), classCount))
                .filter(row -> row >= 0)
                .min()
                .orElse(-1);
        if (bad >= 0) {
            throw new ModelException(what + " index " + indexes[bad] + " at row " + (bad + 1) + " of " + dataName
                    + " is outside the model's " + classCount + " classes");
        }
    }

    private static int firstOutside(int[] indexes, int from, int to, int classCount) {
        for (int i = from; i < to; i++) {
            // One unsigned comparison tests both bounds.
            if (Integer.compareUnsigned(indexes[i], classCount) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static double[][] deepCopy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = Objects.requireNonNull(values[i], "probabilities").clone();
        }
        return copy;
    }

    /** Returns what was predicted. */
    public Task task() {
        return task;
    }

    /** Returns the number of rows. */
    public int size() {
        return size;
    }

    /** Returns the data set's name. */
    public String dataName() {
        return dataName;
    }

    /** Returns the model's description. */
    public String modelName() {
        return modelName;
    }

    /** Returns the class names (empty for regression); class indexes refer to this list. */
    public List<String> classes() {
        return classes;
    }

    /** Returns the true class index of a row (0-based). */
    public int actualClass(int row) {
        return requireClassification().actualClasses[row];
    }

    /** Returns the predicted class index of a row (0-based). */
    public int predictedClass(int row) {
        return requireClassification().predictedClasses[row];
    }

    /** Returns the true class name of a row (0-based). */
    public String actualLabel(int row) {
        return classes.get(actualClass(row));
    }

    /** Returns the predicted class name of a row (0-based). */
    public String predictedLabel(int row) {
        return classes.get(predictedClass(row));
    }

    /** Returns a copy of the true class indexes. */
    public int[] actualClasses() {
        return requireClassification().actualClasses.clone();
    }

    /** Returns a copy of the predicted class indexes. */
    public int[] predictedClasses() {
        return requireClassification().predictedClasses.clone();
    }

    /** Returns whether the model gave class probabilities. */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** Returns the probability the model gave class {@code classIndex} on a row (0-based). */
    public double probability(int row, int classIndex) {
        if (probabilities == null) {
            throw new IllegalStateException(modelName + " gives no class probabilities");
        }
        return probabilities[classIndex][row];
    }

    /** Returns a copy of the probabilities of one class, one per row. */
    public double[] probabilities(int classIndex) {
        if (probabilities == null) {
            throw new IllegalStateException(modelName + " gives no class probabilities");
        }
        return probabilities[classIndex].clone();
    }

    /** Returns the true value of a row (regression, 0-based). */
    public double actualValue(int row) {
        return requireRegression().actualValues[row];
    }

    /** Returns the predicted value of a row (regression, 0-based). */
    public double predictedValue(int row) {
        return requireRegression().predictedValues[row];
    }

    /** Returns a copy of the true values (regression). */
    public double[] actualValues() {
        return requireRegression().actualValues.clone();
    }

    /** Returns a copy of the predicted values (regression). */
    public double[] predictedValues() {
        return requireRegression().predictedValues.clone();
    }

    /**
     * Returns the true class indexes themselves, not a copy, for metric kernels that read millions of rows. Callers
     * must not modify the array.
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public int[] internalActualClasses() {
        return requireClassification().actualClasses;
    }

    /** Returns the predicted class indexes themselves, not a copy. Callers must not modify the array. */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public int[] internalPredictedClasses() {
        return requireClassification().predictedClasses;
    }

    /**
     * Returns the probability arrays themselves (one per class, indexed {@code [class][row]}), not a copy, or
     * {@code null} when the model gives none. Callers must not modify the arrays.
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public double[][] internalProbabilities() {
        return requireClassification().probabilities;
    }

    /** Returns the true values (regression) themselves, not a copy. Callers must not modify the array. */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public double[] internalActualValues() {
        return requireRegression().actualValues;
    }

    /** Returns the predicted values (regression) themselves, not a copy. Callers must not modify the array. */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public double[] internalPredictedValues() {
        return requireRegression().predictedValues;
    }

    private Predictions requireClassification() {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalStateException(modelName + " is a regressor: it predicts values, not classes");
        }
        return this;
    }

    private Predictions requireRegression() {
        if (task != Task.REGRESSION) {
            throw new IllegalStateException(modelName + " is a classifier: it predicts classes, not values");
        }
        return this;
    }

    @Override
    public String toString() {
        return task == Task.CLASSIFICATION
                ? "Predictions[" + size + " rows of " + dataName + ", classes " + classes + ", probabilities "
                        + hasProbabilities() + "]"
                : "Predictions[" + size + " rows of " + dataName + ", regression]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p
                && task == p.task
                && classes.equals(p.classes)
                && Arrays.equals(actualClasses, p.actualClasses)
                && Arrays.equals(predictedClasses, p.predictedClasses)
                && Arrays.deepEquals(probabilities, p.probabilities)
                && Arrays.equals(actualValues, p.actualValues)
                && Arrays.equals(predictedValues, p.predictedValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, classes, Arrays.hashCode(actualClasses), Arrays.hashCode(predictedClasses));
    }
}
