package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.internal.Names;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The true and predicted outcomes of every row as positive or not, after choosing the positive label and the decision
 * rule (the model's predicted label, or a threshold on the positive-class probability).
 */
final class Outcomes {

    final boolean[] actual;
    final boolean[] predicted;
    /** Each row's sample weight, or {@code null} when unweighted (every row weighs 1). */
    final double[] weights;
    /** The sample-weight column, or {@code null} when unweighted. */
    final String weightColumn;
    /** The positive class's name. */
    final String positive;
    /** The decision rule for messages: empty for the predicted label, else e.g. {@code positive when P(yes) ≥ 0.3}. */
    final String decision;

    private Outcomes(
            boolean[] actual,
            boolean[] predicted,
            double[] weights,
            String weightColumn,
            String positive,
            String decision) {
        this.actual = actual;
        this.predicted = predicted;
        this.weights = weights;
        this.weightColumn = weightColumn;
        this.positive = positive;
        this.decision = decision;
    }

    /** Returns whether the rows carry sample weights. */
    boolean weighted() {
        return weights != null;
    }

    static Outcomes of(String where, Predictions predictions, FairnessOptions options) {
        if (predictions.task() != Task.CLASSIFICATION) {
            throw new ConfigurationException(where + ": fairness checks apply to binary classifiers, but "
                    + predictions.modelName() + " is a regressor");
        }
        List<String> classes = predictions.classes();
        requireBinary(where, predictions.modelName(), predictions.dataName(), classes);
        String positive = positiveLabel(where, classes, options.positiveLabel());
        int positiveIndex = classes.indexOf(positive);
        int n = predictions.size();
        boolean[] actual = new boolean[n];
        boolean[] predicted = new boolean[n];
        for (int r = 0; r < n; r++) {
            actual[r] = predictions.actualClass(r) == positiveIndex;
        }
        String decision;
        if (options.usesThreshold()) {
            if (!predictions.hasProbabilities()) {
                throw new ConfigurationException(where + ": 'threshold' needs the probability of \"" + positive
                        + "\", but " + predictions.modelName() + " gives class labels only; remove 'threshold' to"
                        + " judge the predicted labels, or give the model's probabilities ('scores')");
            }
            double threshold = options.threshold();
            for (int r = 0; r < n; r++) {
                double p = predictions.probability(r, positiveIndex);
                if (Double.isNaN(p)) {
                    throw new ModelException(predictions.modelName() + " gave no probability (NaN) of \"" + positive
                            + "\" for row " + (r + 1) + " of " + predictions.dataName());
                }
                predicted[r] = p >= threshold;
            }
            decision = "positive when P(" + positive + ") ≥ " + Format.number(threshold);
        } else {
            for (int r = 0; r < n; r++) {
                predicted[r] = predictions.predictedClass(r) == positiveIndex;
            }
            decision = "";
        }
        // Validated when the predictions took them (finite, not negative, not all 0); shared, never modified.
        double[] weights = predictions.internalWeights();
        String weightColumn =
                weights == null ? null : predictions.weightColumn().orElseThrow();
        return new Outcomes(actual, predicted, weights, weightColumn, positive, decision);
    }

    /** Fails unless there are exactly two classes: the fairness checks judge a binary decision. */
    static void requireBinary(String where, String modelName, String dataName, List<String> classes) {
        if (classes.size() != 2) {
            throw new ConfigurationException(where + ": fairness checks apply to binary classifiers, but " + modelName
                    + " on " + dataName + " has " + classes.size() + (classes.size() == 1 ? " class " : " classes ")
                    + classes + "; compare one class against the rest in a column of its own");
        }
    }

    /** Returns the configured positive label, or by default the second of the classes in sorted order. */
    static String positiveLabel(String where, List<String> classes, String configured) {
        if (configured.isEmpty()) {
            List<String> sorted = new ArrayList<>(classes);
            sorted.sort(classOrder(sorted));
            return sorted.get(1);
        }
        if (!classes.contains(configured)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "positiveLabel",
                    "must be one of the classes " + classes,
                    "\"" + configured + "\"" + Names.didYouMean(configured, classes));
        }
        return configured;
    }

    /**
     * Sorts values as scikit-learn sorts class labels: numerically when all are numbers, else as text. The same rule
     * as the predictions columns reader's (package-private there), repeated because the positive-label default and
     * the group order must not depend on the order a model lists its classes in.
     */
    static Comparator<String> classOrder(List<String> values) {
        for (String v : values) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return Comparator.naturalOrder();
            }
        }
        return Comparator.comparingDouble(Double::parseDouble);
    }
}
