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

    /** Lists a row's probabilities for a message, the first ten at most. */
    private static String listed(double[] p) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < Math.min(p.length, 10); k++) {
            text.append(k == 0 ? "" : ", ").append(p[k]);
        }
        return text.append(p.length > 10 ? ", …]" : "]").toString();
    }

    /** The whole-data-set output arrays; each batch writes into its own slice. */
    private static final class BufferOutput {
        private final Model model;
        private final int classCount;
        private final int[] classes;
        private final double[][] probabilities;
        private final double[] values;
        private final boolean[] done;
        /** The first invalid output of each bad row, by row; reported in row order whatever the threads did. */
        private final java.util.concurrent.ConcurrentSkipListMap<Integer, String> invalid =
                new java.util.concurrent.ConcurrentSkipListMap<>();

        BufferOutput(Model model, int n) {
            this.model = model;
            boolean classifier = model.task() == Task.CLASSIFICATION;
            this.classCount = model.classes().size();
            this.classes = classifier ? new int[n] : null;
            if (classifier) {
                java.util.Arrays.fill(classes, -1);
            }
            this.probabilities = classifier && model.hasProbabilities() ? new double[classCount][n] : null;
            this.values = classifier ? null : new double[n];
            this.done = new boolean[n];
        }

        Output slice(int offset, int length) {
            return new Slice(offset, length);
        }

        void requireComplete(String dataName) {
            if (!invalid.isEmpty()) {
                java.util.Map.Entry<Integer, String> first = invalid.firstEntry();
                throw new ModelException(model.describe() + " returned " + first.getValue() + " at row "
                        + (first.getKey() + 1) + " of " + dataName
                        + (invalid.size() > 1 ? " (and " + (invalid.size() - 1) + " more invalid row(s))" : "")
                        + ": invalid model output fails every gate");
            }
            for (int r = 0; r < done.length; r++) {
                if (!done[r]) {
                    throw new ModelException(model.describe() + " returned no prediction for row " + (r + 1) + " of "
                            + dataName + " (" + done.length + " rows)");
                }
            }
        }

        private final class Slice implements Output {
            private final int offset;
            private final int length;

            Slice(int offset, int length) {
                this.offset = offset;
                this.length = length;
            }

            private int at(int row) {
                if (row < 0 || row >= length) {
                    throw new ModelException(
                            model.describe() + " wrote a prediction for row " + row + " of a batch of " + length);
                }
                return offset + row;
            }

            @Override
            public void setClass(int row, int classIndex) {
                requireTask(Task.CLASSIFICATION);
                int r = at(row);
                if (classIndex < 0 || classIndex >= classCount) {
                    throw new ModelException(model.describe() + " predicted class index " + classIndex + " for row "
                            + (r + 1) + ", but it has " + classCount + " classes " + model.classes());
                }
                classes[r] = classIndex;
                done[r] = true;
            }

            @Override
            public void setProbabilities(int row, double[] p) {
                requireTask(Task.CLASSIFICATION);
                if (probabilities == null) {
                    throw new ModelException(model.describe()
                            + " wrote class probabilities but says it has none (hasProbabilities() is false)");
                }
                int r = at(row);
                if (p.length != classCount) {
                    throw new ModelException(model.describe() + " gave " + p.length + " probabilities for row "
                            + (r + 1) + ", but it has " + classCount + " classes " + model.classes());
                }
                int best = 0;
                for (int k = 0; k < classCount; k++) {
                    probabilities[k][r] = p[k];
                    if (!Double.isFinite(p[k])) {
                        invalid.putIfAbsent(
                                r,
                                "probability " + p[k] + " for class '"
                                        + model.classes().get(k) + "'");
                    }
                    if (p[k] > p[best]) {
                        best = k;
                    }
                }
                if (!(p[best] > 0)) {
                    invalid.putIfAbsent(
                            r, "the probabilities " + listed(p) + ", none positive, so no class is predicted");
                }
                if (classes[r] < 0) {
                    classes[r] = best;
                }
                done[r] = true;
            }

            @Override
            public void setValue(int row, double value) {
                requireTask(Task.REGRESSION);
                int r = at(row);
                if (!Double.isFinite(value)) {
                    invalid.putIfAbsent(r, "the value " + value);
                }
                values[r] = value;
                done[r] = true;
            }

            @Override
            public void setClasses(int[] classIndexes) {
                requireLength(classIndexes.length);
                for (int i = 0; i < classIndexes.length; i++) {
                    setClass(i, classIndexes[i]);
                }
            }

            @Override
            public void setValues(double[] predicted) {
                requireLength(predicted.length);
                for (int i = 0; i < predicted.length; i++) {
                    setValue(i, predicted[i]);
                }
            }

            private void requireLength(int returned) {
                if (returned != length) {
                    throw new ModelException(model.describe() + " returned " + returned + " predictions for a batch of "
                            + length + " rows (rows " + (offset + 1) + "–" + (offset + length) + ")");
                }
            }

            private void requireTask(Task wanted) {
                if (model.task() != wanted) {
                    throw new ModelException(model.describe() + " is declared as " + model.task() + " but wrote a "
                            + wanted + " output");
                }
            }
        }
    }
}
