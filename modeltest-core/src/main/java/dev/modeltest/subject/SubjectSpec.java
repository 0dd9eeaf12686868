package dev.modeltest.subject;

import dev.modeltest.data.MissingValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a model test is about: the data, the label, the model and its input columns.
 *
 * @param origin where the configuration was written, for messages, e.g. {@code @ModelTest on IrisModelTest}
 * @param data the data location: a path relative to the working directory, or {@code classpath:...}
 * @param label the ground-truth column
 * @param model where the model comes from
 * @param features the input columns; empty means every column except the label, prediction and score columns (or
 *     the columns the model itself declares)
 * @param task the task when it is not clear from the model ({@code null} means decide automatically)
 * @param missingValues which CSV cells are missing ({@code null} means pandas' defaults); the label and prediction
 *     columns are read as categories on top of these
 * @param sampling which rows are evaluated ({@code null} means every row, {@link Sampling#EVERY_ROW})
 * @param weights the sample-weight column ({@code null} or empty means every row weighs 1): the metrics and fairness
 *     rates count each row by its weight, as scikit-learn's {@code sample_weight}; it is not a model input (since
 *     0.2.0)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SubjectSpec(
        String origin,
        String data,
        String label,
        ModelSource model,
        List<String> features,
        TaskHint task,
        MissingValues missingValues,
        Sampling sampling,
        String weights) {

    /** A subject whose CSV data has pandas' missing values ({@link MissingValues#pandas()}). */
    public SubjectSpec(
            String origin, String data, String label, ModelSource model, List<String> features, TaskHint task) {
        this(origin, data, label, model, features, task, MissingValues.pandas());
    }

    /** A subject that evaluates every row. */
    public SubjectSpec(
            String origin,
            String data,
            String label,
            ModelSource model,
            List<String> features,
            TaskHint task,
            MissingValues missingValues) {
        this(origin, data, label, model, features, task, missingValues, Sampling.EVERY_ROW);
    }

    /** A subject whose rows weigh 1 each. */
    public SubjectSpec(
            String origin,
            String data,
            String label,
            ModelSource model,
            List<String> features,
            TaskHint task,
            MissingValues missingValues,
            Sampling sampling) {
        this(origin, data, label, model, features, task, missingValues, sampling, null);
    }

    public SubjectSpec {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(model, "model");
        features = List.copyOf(features);
        task = task == null ? TaskHint.AUTO : task;
        missingValues = missingValues == null ? MissingValues.pandas() : missingValues;
        sampling = sampling == null ? Sampling.EVERY_ROW : sampling;
        weights = weights == null || weights.isEmpty() ? null : weights;
    }

    /**
     * Returns the sample-weight column, if the rows are weighted.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public Optional<String> weightColumn() {
        return Optional.ofNullable(weights);
    }

    /** Returns the predictions column source, when the model is one. */
    public Optional<ModelSource.Columns> predictionColumns() {
        return model instanceof ModelSource.Columns columns ? Optional.of(columns) : Optional.empty();
    }
}
