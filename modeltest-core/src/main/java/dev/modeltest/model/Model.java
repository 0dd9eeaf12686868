package dev.modeltest.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The model under test, as modeltest sees it: rows in, classes or values out.
 *
 * <p>Adapters for model files (Smile) implement it, and so can a {@link ModelProvider} for a model of any library. The
 * factories {@link #classifier}, {@link #probabilisticClassifier} and {@link #regressor} wrap a per-row function.
 *
 * <p>{@link #predict(Batch, Output)} is called from several threads at once, each with its own batch of at most 4096
 * rows, when the data fills two batches or more (the {@code modeltest.predict.threads} system property sets how many
 * threads): a model must be safe for concurrent prediction (Smile's models are), or say otherwise through {@link
 * #isThreadSafe()}; modeltest then calls it from the test's thread only.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Model extends AutoCloseable {

    /** Returns what the model predicts. */
    Task task();

    /**
     * Returns the class names of a classifier, in the order of its class indexes and probabilities; empty for a
     * regressor.
     */
    List<String> classes();

    /** Returns whether the classifier writes class probabilities (false for regressors). */
    boolean hasProbabilities();

    /**
     * Returns the input columns the model requires, when it knows them (a Smile model trained with a formula does); an
     * empty list means "whatever the test configures".
     */
    default List<String> requiredFeatures() {
        return List.of();
    }

    /** Predicts every row of the batch into {@code out}. */
    void predict(Batch batch, Output out);

    /** Returns whether {@link #predict} may be called from several threads at once. */
    default boolean isThreadSafe() {
        return true;
    }

    /** Returns a short description for messages and reports, e.g. {@code Smile RandomForest (3 classes)}. */
    default String describe() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }

    /** Releases what the model holds (native sessions, files). Does nothing by default. */
    @Override
    default void close() {}

    /** A per-row class prediction. */
    @FunctionalInterface
    interface RowClassifier {
        /** Returns the predicted class as an index into the class list. */
        int classify(Row row);
    }

    /** A per-row class-probability prediction. */
    @FunctionalInterface
    interface RowProbabilities {
        /** Writes one probability per class into {@code probabilities}, in the order of the class list. */
        void probabilities(Row row, double[] probabilities);
    }

    /** A per-row numeric prediction. */
    @FunctionalInterface
    interface RowRegressor {
        /** Returns the predicted value. */
        double predict(Row row);
    }

    /**
     * Wraps a function that returns a class index per row.
     *
     * @param classes the class names, in index order
     */
    static Model classifier(List<String> classes, RowClassifier classifier) {
        Objects.requireNonNull(classifier, "classifier");
        return new FunctionModel(Task.CLASSIFICATION, classes, false, "classifier") {
            @Override
            public void predict(Batch batch, Output out) {
                for (int i = 0; i < batch.size(); i++) {
                    out.setClass(i, classifier.classify(batch.row(i)));
                }
            }
        };
    }

    /**
     * Wraps a function that writes class probabilities per row; the predicted class is the most probable one.
     *
     * @param classes the class names, in the order of the probabilities
     */
    static Model probabilisticClassifier(List<String> classes, RowProbabilities probabilities) {
        Objects.requireNonNull(probabilities, "probabilities");
        return new FunctionModel(Task.CLASSIFICATION, classes, true, "probabilistic classifier") {
            @Override
            public void predict(Batch batch, Output out) {
                double[] p = new double[classes.size()];
                for (int i = 0; i < batch.size(); i++) {
                    java.util.Arrays.fill(p, 0);
                    probabilities.probabilities(batch.row(i), p);
                    out.setProbabilities(i, p);
                }
            }
        };
    }

    /** Wraps a function that returns a number per row. */
    static Model regressor(RowRegressor regressor) {
        Objects.requireNonNull(regressor, "regressor");
        return new FunctionModel(Task.REGRESSION, List.of(), false, "regressor") {
            @Override
            public void predict(Batch batch, Output out) {
                for (int i = 0; i < batch.size(); i++) {
                    out.setValue(i, regressor.predict(batch.row(i)));
                }
            }
        };
    }
}
