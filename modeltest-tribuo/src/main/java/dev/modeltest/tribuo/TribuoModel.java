package dev.modeltest.tribuo;

import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.InputColumns;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.model.Row;
import dev.modeltest.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo model as a {@link Model}: each batch becomes one list of {@link ArrayExample}s, predicted with one {@code
 * Model.predict(Iterable)} call.
 *
 * @param <T> Tribuo's output type, {@link Label} or {@link Regressor}
 */
abstract class TribuoModel<T extends org.tribuo.Output<T>> implements Model {

    private final org.tribuo.Model<T> model;
    private final List<String> features;
    private final InputColumns.ByName inputColumns;
    private final String[] featureArray;
    private final String description;
    /** What the model expects, as the message on a non-numeric input column says it. */
    private final String numbersForFeatures;

    TribuoModel(org.tribuo.Model<T> model, String fileName, String detail) {
        this.model = model;
        ImmutableFeatureMap map = model.getFeatureIDMap();
        List<String> names = new ArrayList<>(map.size());
        for (int id = 0; id < map.size(); id++) {
            names.add(map.get(id).getName());
        }
        this.features = List.copyOf(names);
        this.inputColumns = new InputColumns.ByName(features);
        this.featureArray = names.toArray(String[]::new);
        this.description = "Tribuo " + fileName + " (" + model.getClass().getSimpleName()
                + (detail.isEmpty() ? "" : ", " + detail) + ")";
        this.numbersForFeatures = "numbers for " + features;
    }

    /** Returns the model's feature names, in the order of its feature ids. */
    @Override
    public List<String> requiredFeatures() {
        return features;
    }

    /** Returns true: Tribuo's {@code Model.predict} is thread-safe (oracle/tribuo#180, from its maintainers). */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    org.tribuo.Model<T> tribuo() {
        return model;
    }

    /** Returns the output Tribuo expects on an example whose truth is unknown. */
    abstract T unknownOutput();

    /** Writes the predictions of the batch, in batch order. */
    abstract void write(List<Prediction<T>> predictions, Output out);

    @Override
    public void predict(Batch batch, Output out) {
        if (batch.size() == 0) {
            return;
        }
        int[] inputs = inputColumns.map(() -> description, batch.featureNames());
        // Tribuo's features are numbers: a text column fails here, before any row is read.
        InputColumns.requireNumeric(description, batch, inputs, numbersForFeatures);
        // Every row is read, and every gap found, before Tribuo sees any of them.
        List<Example<T>> examples = new ArrayList<>(batch.size());
        T unknown = unknownOutput();
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.row(i);
            double[] values = new double[inputs.length];
            for (int f = 0; f < inputs.length; f++) {
                values[f] = row.getDouble(inputs[f]);
                if (Double.isNaN(values[f])) {
                    throw new DataException(description + " cannot take the empty cell in row " + (row.index() + 1)
                            + ", column '" + featureArray[f] + "': Tribuo has no missing values (it reads a feature"
                            + " left out of an example as 0), so modeltest does not pass gaps to it. Fill the gap or"
                            + " drop the row");
                }
            }
            examples.add(new ArrayExample<>(unknown, featureArray, values));
        }
        List<Prediction<T>> predictions = model.predict(examples);
        if (predictions.size() != batch.size()) {
            throw new ModelException(description + " returned " + predictions.size() + " predictions for a batch of "
                    + batch.size() + " rows");
        }
        write(predictions, out);
    }

    /** A Tribuo classifier: class names from its output domain, in the order of Tribuo's output ids. */
    static final class Classifier extends TribuoModel<Label> {
        private final List<String> classes;
        private final ImmutableOutputInfo<Label> outputs;

        Classifier(org.tribuo.Model<Label> model, String fileName) {
            super(model, fileName, model.getOutputIDInfo().size() + " classes");
            this.outputs = model.getOutputIDInfo();
            List<String> names = new ArrayList<>(outputs.size());
            for (int id = 0; id < outputs.size(); id++) {
                names.add(outputs.getOutput(id).getLabel());
            }
            this.classes = List.copyOf(names);
        }

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public List<String> classes() {
            return classes;
        }

        @Override
        public boolean hasProbabilities() {
            return tribuo().generatesProbabilities();
        }

        @Override
        Label unknownOutput() {
            return LabelFactory.UNKNOWN_LABEL;
        }

        @Override
        void write(List<Prediction<Label>> predictions, Output out) {
            double[] probabilities = new double[classes.size()];
            for (int i = 0; i < predictions.size(); i++) {
                Prediction<Label> prediction = predictions.get(i);
                // Tribuo's own choice (the highest score) is the predicted class, set before the probabilities.
                out.setClass(i, outputs.getID(prediction.getOutput()));
                if (hasProbabilities()) {
                    Map<String, Label> scores = prediction.getOutputScores();
                    for (int k = 0; k < probabilities.length; k++) {
                        Label score = scores.get(classes.get(k));
                        if (score == null) {
                            throw new ModelException(describe() + " gave no probability of class '" + classes.get(k)
                                    + "' for row " + (i + 1) + " of the batch");
                        }
                        probabilities[k] = score.getScore();
                    }
                    out.setProbabilities(i, probabilities);
                }
            }
        }
    }

    /** A Tribuo regressor with one output dimension. */
    static final class Regression extends TribuoModel<Regressor> {

        Regression(org.tribuo.Model<Regressor> model, String fileName) {
            super(model, fileName, "");
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public boolean hasProbabilities() {
            return false;
        }

        @Override
        Regressor unknownOutput() {
            return RegressionFactory.UNKNOWN_REGRESSOR;
        }

        @Override
        void write(List<Prediction<Regressor>> predictions, Output out) {
            double[] values = new double[predictions.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = predictions.get(i).getOutput().getValues()[0];
            }
            out.setValues(values);
        }
    }
}
