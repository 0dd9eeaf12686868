package dev.modeltest.metrics;

import dev.modeltest.error.ModelException;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import java.util.List;

/** The primitive columns of one {@link Predictions}, read without copying, plus what messages need. */
final class Columns {

    final Predictions predictions;
    final boolean classification;
    final int n;
    final int k;
    final List<String> classes;
    final int[] actual;
    final int[] predicted;
    final double[][] probabilities;
    final double[] actualValues;
    final double[] predictedValues;

    private Columns(Predictions predictions) {
        this.predictions = predictions;
        this.classification = predictions.task() == Task.CLASSIFICATION;
        this.n = predictions.size();
        this.classes = predictions.classes();
        this.k = classes.size();
        if (classification) {
            actual = predictions.internalActualClasses();
            predicted = predictions.internalPredictedClasses();
            probabilities = predictions.internalProbabilities();
            actualValues = null;
            predictedValues = null;
        } else {
            actual = null;
            predicted = null;
            probabilities = null;
            actualValues = predictions.internalActualValues();
            predictedValues = predictions.internalPredictedValues();
        }
    }

    static Columns of(Predictions predictions) {
        return new Columns(predictions);
    }

    /** Names a row for messages, numbered from 1 as everywhere in modeltest. */
    String row(int row) {
        return "row " + (row + 1) + " of " + predictions.dataName();
    }

    ModelException badProbability(int row, int classIndex, double value, String rule) {
        return new ModelException("the probability of class '" + classes.get(classIndex) + "' at " + row(row) + " is "
                + value + "; " + rule + " (model " + predictions.modelName() + ")");
    }

    ModelException badValue(int row, String which, double value) {
        return new ModelException("the " + which + " value at " + row(row) + " is " + value
                + "; regression metrics need finite numbers (model " + predictions.modelName() + ")");
    }
}
