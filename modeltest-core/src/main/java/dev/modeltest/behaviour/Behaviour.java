package dev.modeltest.behaviour;

import dev.modeltest.check.Format;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.model.BatchPredictions;
import dev.modeltest.model.Model;
import dev.modeltest.subject.Subject;
import java.util.List;

/** What the behavioural checks share: the model they call, their columns, and calling the model on changed rows. */
final class Behaviour {

    /** How many offending rows a message lists; the attachment has them all. */
    static final int MAX_LISTED = 10;

    private Behaviour() {}

    /**
     * Returns the model, or fails when the test evaluates a predictions column: changed rows need a model to predict
     * them, and a column holds predictions of the test rows only.
     */
    static Model model(Subject subject, String where) {
        if (subject.spec().predictionColumns().isPresent()) {
            throw new ConfigurationException(where + ": it predicts changed or generated rows, so it needs a model to"
                    + " call, but " + subject.spec().origin() + " evaluates "
                    + subject.spec().model().describe()
                    + ", which holds predictions of the test rows only; give 'model' or 'provider' instead");
        }
        return subject.requireModel(where);
    }

    /**
     * Fails unless {@code column} is one of the model's input columns, naming the nearest one.
     *
     * @param attribute the attribute that named it, e.g. {@code column}
     */
    static void requireFeature(String where, String attribute, String column, TestData data, List<String> features) {
        if (features.contains(column)) {
            return;
        }
        String rule = "must name one of the model's input columns (" + Echo.names(features) + ")"
                + (data.hasColumn(column)
                        ? "; '" + column + "' is a column of " + data.name() + " but not an input of the model"
                        : Names.didYouMean(column, features));
        throw ConfigurationException.badAttribute(where, attribute, rule, "'" + column + "'");
    }

    /** Predicts changed rows in batches; fails naming the row when the model fails on one or gives invalid output. */
    static BatchPredictions predict(Model model, Inputs inputs, String where) {
        BatchPredictions predicted =
                BatchPredictions.predict(model, inputs.rows(), inputs::batch, inputs.rows() + " " + inputs.name());
        for (BatchPredictions.Failure failure : predicted.failures().values()) {
            if (failure.row() >= 0) {
                Throwable cause = failure.cause();
                throw new ModelException(
                        where + ": " + model.describe() + " failed on " + inputs.locate(failure.row()) + ": "
                                + (cause instanceof ModelTestException ? cause.getMessage() : cause.toString()),
                        cause);
            }
        }
        predicted.requireValid(where);
        return predicted;
    }

    /** Requires a positive finite number. */
    static double requirePositive(String where, String attribute, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw ConfigurationException.badAttribute(
                    where, attribute, "must be a positive finite number", Format.number(value));
        }
        return value;
    }

    /** Quotes a value for a message: {@code 'red'}, {@code NA} for missing. */
    static String quoted(String value) {
        return value == null ? "NA" : "'" + value + "'";
    }
}
