package dev.modeltest.metrics;

import dev.modeltest.error.ConfigurationException;
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
    /** Each row's query code ({@link Predictions#withQueries}), or {@code null}. */
    final int[] queries;
    /** Each row's sample weight ({@link Predictions#withWeights}), or {@code null} when the rows are unweighted. */
    final double[] weights;
    /** The column the sample weights come from, or {@code null}. */
    final String weightColumn;

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
        queries = predictions.internalQueries();
        weights = predictions.internalWeights();
        weightColumn = weights == null ? null : predictions.weightColumn().orElseThrow();
    }

    static Columns of(Predictions predictions) {
        return new Columns(predictions);
    }

    /**
     * The columns of predictions that must not carry sample weights: for what does not weigh rows yet ({@code what}
     * names it), so that nothing ignores the weights silently.
     *
     * @throws ConfigurationException naming {@code what} and the weight column
     */
    static Columns unweighted(Predictions predictions, String what) {
        if (predictions.internalWeights() != null) {
            throw new ConfigurationException(what + " does not take sample weights yet; the predictions of "
                    + predictions.modelName() + " on " + predictions.dataName() + " are weighted by column '"
                    + predictions.weightColumn().orElseThrow() + "' (remove 'weights')");
        }
        return new Columns(predictions);
    }

    /** Whether the rows carry sample weights. */
    boolean weighted() {
        return weights != null;
    }

    /** Names a row for messages, numbered from 1 as everywhere in modeltest. */
    String row(int row) {
        return "row " + (row + 1) + " of " + predictions.dataName();
    }

    /**
     * Returns the probability of a class on a row, read as a probability: the one rule of every metric that reads
     * scores as probabilities (log loss, Brier score, calibration) is that each must be in [0, 1], as scikit-learn
     * requires for the Brier score and {@code calibration_curve}. Without it, log loss would clip a score of 50 to
     * {@code 1 − ε} and pass. Ranking metrics (ROC AUC, average precision) only order the scores and need them finite.
     *
     * @param metric the metric's display name, for the message
     * @throws ModelException naming the row, and the score column when the probabilities come from the data
     */
    double probability(int row, int classIndex, String metric) {
        double v = probabilities[classIndex][row];
        if (!(v >= 0 && v <= 1)) {
            throw badProbability(row, classIndex, metric + " needs probabilities in [0, 1]");
        }
        return v;
    }

    ModelException badProbability(int row, int classIndex, String rule) {
        return new ModelException(predictions.probabilitySource(row, classIndex) + "; " + rule + " (model "
                + predictions.modelName() + ")");
    }

    ModelException badValue(int row, String which, double value) {
        return new ModelException("the " + which + " value at " + row(row) + " is " + value
                + "; regression metrics need finite numbers (model " + predictions.modelName() + ")");
    }
}
