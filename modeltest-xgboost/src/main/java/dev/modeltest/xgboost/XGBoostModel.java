package dev.modeltest.xgboost;

import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.InputColumns;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.model.Row;
import dev.modeltest.model.Task;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost booster as a {@link Model}: each batch becomes one dense {@link DMatrix} (missing cells as {@code NaN},
 * XGBoost's missing value) and one {@link Booster#predict(DMatrix)} call.
 */
final class XGBoostModel implements Model {

    private final Booster booster;
    private final BoosterDocument document;
    private final List<String> classes;
    private final String description;
    /** Matches the model's feature names to the batch's columns, when the model file stores names. */
    private final InputColumns.ByName byName;
    /** What the model expects, as the message on a non-numeric input column says it. */
    private final String numericInputs;

    XGBoostModel(Booster booster, BoosterDocument document, List<String> classes, String fileName) {
        this.booster = booster;
        this.document = document;
        this.byName = new InputColumns.ByName(document.featureNames());
        this.classes = List.copyOf(classes);
        this.description = "XGBoost " + fileName + " (" + document.objectiveName()
                + (task() == Task.CLASSIFICATION ? ", " + classes.size() + " classes" : "") + ")";
        this.numericInputs = document.featureNames().isEmpty()
                ? document.numFeature() + " numeric features"
                : "numbers for " + document.featureNames();
    }

    @Override
    public Task task() {
        return document.objective().task();
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public boolean hasProbabilities() {
        return document.objective().hasProbabilities();
    }

    /** Returns the feature names stored in the model, or an empty list when it has none (inputs go by position). */
    @Override
    public List<String> requiredFeatures() {
        return document.featureNames();
    }

    /**
     * Returns true: XGBoost's prediction is thread-safe (XGBoost's documentation, "Prediction: Thread safety"), and
     * XGBoost4J's {@code predict} is no longer {@code synchronized} (dmlc/xgboost#11746). The booster is loaded
     * single-threaded ({@code nthread=1}), so modeltest's batches spread the rows over the cores instead of XGBoost's
     * OpenMP pool. That also keeps OpenMP's hand-offs out of the latency of one-row calls: on a busy 2-core machine,
     * 5000 interleaved calls of the breast-cancer model had p99 115 ms with XGBoost's default pool and 16 ms with one
     * thread (p50 0.06 ms either way).
     */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void predict(Batch batch, Output out) {
        int rows = batch.size();
        if (rows == 0) {
            return;
        }
        int[] inputs = inputColumns(batch.featureNames());
        // XGBoost reads numbers only: a text column fails here, before any row is read.
        InputColumns.requireNumeric(description, batch, inputs, numericInputs);
        int features = inputs.length;
        float[] data = new float[Math.multiplyExact(rows, features)];
        for (int i = 0; i < rows; i++) {
            Row row = batch.row(i);
            for (int f = 0; f < features; f++) {
                // XGBoost computes in float32; the same narrowing happens when Python passes float64 arrays.
                data[i * features + f] = (float) row.getDouble(inputs[f]);
            }
        }
        float[][] predicted;
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(data, rows, features, Float.NaN);
            predicted = booster.predict(matrix);
        } catch (XGBoostError e) {
            throw new ModelException(
                    description + " failed to predict: XGBoost says " + XGBoostModels.firstLine(e.getMessage()), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
        write(predicted, rows, out);
    }

    private void write(float[][] predicted, int rows, Output out) {
        int width = document.objective().outputsPerRow(document.numClass());
        if (predicted.length != rows) {
            throw new ModelException(description + " returned " + predicted.length + " rows of predictions for a"
                    + " batch of " + rows + " rows");
        }
        Objective objective = document.objective();
        double[] probabilities = objective.hasProbabilities() ? new double[classes.size()] : null;
        double[] values = task() == Task.REGRESSION ? new double[rows] : null;
        for (int i = 0; i < rows; i++) {
            float[] p = predicted[i];
            if (p.length != width) {
                throw new ModelException(description + " returned " + p.length + " value(s) for row " + (i + 1)
                        + " of the batch, but " + document.objectiveName() + " gives " + width);
            }
            switch (objective) {
                case BINARY_PROBABILITY -> {
                    probabilities[1] = p[0];
                    probabilities[0] = 1.0 - probabilities[1];
                    out.setProbabilities(i, probabilities);
                }
                case MULTI_PROBABILITY -> {
                    for (int k = 0; k < width; k++) {
                        probabilities[k] = p[k];
                    }
                    out.setProbabilities(i, probabilities);
                }
                case BINARY_MARGIN -> out.setClass(i, p[0] > 0 ? 1 : 0);
                case BINARY_HINGE, MULTI_CLASS -> out.setClass(i, classIndex(p[0], i));
                case REGRESSION -> values[i] = p[0];
            }
        }
        if (values != null) {
            out.setValues(values);
        }
    }

    private int classIndex(float value, int row) {
        if (value != Math.rint(value) || value < 0 || value >= classes.size()) {
            throw new ModelException(description + " predicted " + value + " for row " + (row + 1)
                    + " of the batch, which is not a class index 0.." + (classes.size() - 1));
        }
        return (int) value;
    }

    /** Returns, for each input of the model in order, the index of the batch feature that feeds it. */
    private int[] inputColumns(List<String> given) {
        List<String> wanted = document.featureNames();
        if (wanted.isEmpty()) {
            if (given.size() != document.numFeature()) {
                throw new DataException(description + " takes " + document.numFeature() + " features by position"
                        + " (the model file stores no feature names), but the test gives it " + given.size() + ": "
                        + given + ". Name the model's inputs, in training order, in @ModelTest(features = ...)");
            }
            int[] identity = new int[given.size()];
            for (int f = 0; f < identity.length; f++) {
                identity[f] = f;
            }
            return identity;
        }
        return byName.map(() -> description, given);
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
