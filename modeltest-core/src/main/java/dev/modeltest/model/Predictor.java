package dev.modeltest.model;

import dev.modeltest.data.Categories;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apiguardian.api.API;

/**
 * Runs the model once over every row of the test data, in batches (on all cores when the model is thread-safe), and
 * pairs the predictions with the true labels.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Predictor {

    private Predictor() {}

    /**
     * Predicts every row.
     *
     * @param data the test data
     * @param label the ground-truth column
     * @param features the model's input columns
     * @param model the model under test
     * @throws DataException for a missing label, or a label the model does not know
     * @throws ModelException when the model fails, leaves a row without a prediction, or gives invalid output on a row
     *     (a probability or value that is NaN or infinite, or a row where no class has a positive probability): every
     *     check then fails with that error, naming the first such row, instead of judging a class picked from nothing
     */
    public static Predictions predict(TestData data, String label, Features features, Model model) {
        return predict(data, label, features, model, rows -> {});
    }

    /**
     * Predicts every row, telling {@code rowsDone} how many rows each finished batch held (from the threads that
     * predict, so it must be thread-safe); for a progress line.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static Predictions predict(
            TestData data, String label, Features features, Model model, IntConsumer rowsDone) {
        return predict(data, label, features, model, rowsDone, -1);
    }

    /** Predicts on {@code threads} threads if the model is thread-safe, or as {@link BatchRunner#threads()} if -1. */
    static Predictions predict(
            TestData data, String label, Features features, Model model, IntConsumer rowsDone, int threads) {
        data.requireColumn(label, "label");
        int n = data.rowCount();
        BufferOutput out = new BufferOutput(model, n);
        BatchRunner batches = new BatchRunner(
                n,
                model,
                data.name(),
                (from, to) -> model.predict(features.batch(from, to), out.slice(from, to - from)));
        int threadCount = threads < 0 ? batches.threads() : (model.isThreadSafe() ? threads : 1);
        batches.run(threadCount, rowsDone);
        out.requireComplete(data.name());
        if (model.task() == Task.CLASSIFICATION) {
            int[] actual = encodeLabels(data, label, model.classes());
            return Predictions.ownClassification(
                    data.name(), model.describe(), model.classes(), actual, out.classes, out.probabilities);
        }
        return Predictions.ownRegression(data.name(), model.describe(), regressionTargets(data, label), out.values);
    }

    /**
     * Encodes the label column as indexes into {@code classes}; fails on a missing or unknown label. The column's
     * categories ({@link TestData#categories}) are mapped once per distinct label, then one pass over the rows looks each
     * code up in a small array: no object and no hash lookup per row.
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static int[] encodeLabels(TestData data, String label, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        Categories categories = data.categories(label);
        List<String> names = categories.names();
        int[] toClass = new int[names.size()];
        for (int d = 0; d < toClass.length; d++) {
            toClass[d] = index.getOrDefault(names.get(d), -1);
        }
        int[] codes = categories.codes();
        int[] encoded = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            int c = code < 0 ? -1 : toClass[code];
            if (c < 0) {
                throw labelProblem(data, label, classes, r, code < 0 ? null : names.get(code));
            }
            encoded[r] = c;
        }
        return encoded;
    }

    private static DataException labelProblem(
            TestData data, String label, List<String> classes, int row, String value) {
        if (value == null) {
            return new DataException(
                    "data set " + data.name() + ", label column '" + label + "': row " + (row + 1) + " has no label");
        }
        return new DataException("data set " + data.name() + ", label column '" + label + "': row " + (row + 1)
                + " has label '" + value + "', which the model never saw; its classes are "
                + String.join(", ", classes));
    }

    static double[] regressionTargets(TestData data, String label) {
        if (!data.kind(label).isNumeric()) {
            throw new DataException("data set " + data.name() + ", label column '" + label + "' holds "
                    + data.kind(label).displayName() + " values, but the model is a regressor and needs numbers");
        }
        // TestData's array is shared and nobody modifies it: Predictions keeps it without a copy.
        double[] values = data.doubles(label);
        for (int r = 0; r < values.length; r++) {
            if (Double.isNaN(values[r])) {
                throw new DataException(
                        "data set " + data.name() + ", label column '" + label + "': row " + (r + 1) + " has no value");
            }
        }
        return values;
    }
}
