package dev.modeltest.model;

import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;

/**
 * The model's outputs on rows that are not the test data (perturbed or generated rows), predicted in batches of
 * {@value BatchRunner#BATCH_ROWS} rows on all cores, as {@link Predictor} predicts the test data, and without labels.
 *
 * <p>Unlike {@link Predictor}, nothing the model does to a row stops the pass: a batch whose call throws is predicted
 * again row by row, so that each row that fails alone is known ({@link #failures()}), and invalid outputs (NaN or
 * infinite probabilities or values) are kept by row ({@link #invalid()}). The caller decides what they mean: the
 * behavioural checks list them, or fail with {@link #requireValid(String)}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BatchPredictions {

    /** Cuts the rows to predict into batches. */
    @FunctionalInterface
    public interface Rows {
        /** Returns rows {@code [from, to)} as a batch. */
        Batch batch(int from, int to);
    }

    /**
     * A row the model failed on.
     *
     * @param row the row, from 0; -1 when the batch of rows {@code from}–{@code to} failed as a whole but each of its
     *     rows predicted alone
     * @param from the first row of the batch that failed, from 0
     * @param to the end of that batch, exclusive
     * @param cause what the model threw
     */
    public record Failure(int row, int from, int to, Throwable cause) {}

    private final Model model;
    private final String what;
    private final int rows;
    private final BufferOutput out;
    private final NavigableMap<Integer, Failure> failures;

    private BatchPredictions(Model model, String what, int rows, BufferOutput out, Map<Integer, Failure> failures) {
        this.model = model;
        this.what = what;
        this.rows = rows;
        this.out = out;
        this.failures = Collections.unmodifiableNavigableMap(new TreeMap<>(failures));
    }

    /**
     * Predicts every row.
     *
     * @param model the model
     * @param rows the number of rows, at least 1
     * @param source cuts the rows into batches
     * @param what the rows for messages, e.g. {@code 60 rows of iris-test.csv with 'petal_width' raised by 0.1}
     */
    public static BatchPredictions predict(Model model, int rows, Rows source, String what) {
        Objects.requireNonNull(source, "source");
        if (rows < 1) {
            throw new IllegalArgumentException("nothing to predict: " + rows + " rows of " + what);
        }
        BufferOutput out = new BufferOutput(model, rows);
        ConcurrentSkipListMap<Integer, Failure> failures = new ConcurrentSkipListMap<>();
        BatchRunner batches = new BatchRunner(rows, model, what, (from, to) -> {
            try {
                model.predict(source.batch(from, to), out.slice(from, to - from));
            } catch (RuntimeException | LinkageError e) {
                rowByRow(model, source, out, from, to, e, failures);
            }
        });
        batches.run(batches.threads(), done -> {});
        return new BatchPredictions(model, what, rows, out, failures);
    }

    /** Predicts each row of a failed batch alone, keeping the rows that fail (or the batch, if none does). */
    private static void rowByRow(
            Model model,
            Rows source,
            BufferOutput out,
            int from,
            int to,
            Throwable batchFailure,
            Map<Integer, Failure> failures) {
        boolean rowFailed = false;
        for (int r = from; r < to; r++) {
            try {
                model.predict(source.batch(r, r + 1), out.slice(r, 1));
            } catch (RuntimeException | LinkageError e) {
                failures.put(r, new Failure(r, from, to, e));
                rowFailed = true;
            }
        }
        if (!rowFailed) {
            failures.put(from, new Failure(-1, from, to, batchFailure));
        }
    }

    /** Returns the model. */
    public Model model() {
        return model;
    }

    /** Returns the number of rows. */
    public int size() {
        return rows;
    }

    /** Returns what the model predicts. */
    public Task task() {
        return model.task();
    }

    /** Returns whether the model wrote a prediction for the row (false after a failure on it). */
    public boolean predicted(int row) {
        return out.done[row];
    }

    /** Returns the predicted class index of a row (classifiers), -1 when there is none. */
    public int predictedClass(int row) {
        return out.classes[row];
    }

    /** Returns the probability of a class on a row; requires a classifier with probabilities. */
    public double probability(int row, int classIndex) {
        return out.probabilities[classIndex][row];
    }

    /** Returns whether the model writes class probabilities. */
    public boolean hasProbabilities() {
        return out.probabilities != null;
    }

    /** Returns the predicted value of a row (regressors). */
    public double value(int row) {
        return out.values[row];
    }

    /** Returns the failures, by row (by first row of the batch for a batch that failed only as a whole). */
    public NavigableMap<Integer, Failure> failures() {
        return failures;
    }

    /**
     * Returns the rows with invalid output (a probability or value that is NaN or infinite, or no positive
     * probability), each with its first invalid output, e.g. {@code the value NaN}.
     */
    public NavigableMap<Integer, String> invalid() {
        return Collections.unmodifiableNavigableMap(out.invalid);
    }

    /**
     * Fails when the model failed on a row, left one without a prediction, or gave invalid output on one, naming the
     * first such row as the behavioural checks' rows are numbered (from 1).
     *
     * @param who the check, which starts the message, e.g. {@code @Monotonic on IrisTest.m()}
     * @throws ModelException e.g. {@code @Monotonic on T.m(): threshold model failed on row 3 of 30 rows of tiny.csv
     *     with 'x1' raised by 0.1: java.lang.IllegalStateException: boom}
     */
    public void requireValid(String who) {
        if (!failures.isEmpty()) {
            Failure first = failures.firstEntry().getValue();
            throw new ModelException(who + ": " + describe(first), first.cause());
        }
        if (!out.invalid.isEmpty()) {
            Map.Entry<Integer, String> first = out.invalid.firstEntry();
            throw new ModelException(who + ": " + model.describe() + " returned " + first.getValue() + " at row "
                    + (first.getKey() + 1) + " of " + what);
        }
        for (int r = 0; r < rows; r++) {
            if (!out.done[r]) {
                throw new ModelException(
                        who + ": " + model.describe() + " returned no prediction for row " + (r + 1) + " of " + what);
            }
        }
    }

    /** Describes a failure: {@code threshold model failed on row 3 of <what>: <cause>}. */
    public String describe(Failure failure) {
        String cause = failure.cause() instanceof ModelTestException
                ? failure.cause().getMessage()
                : failure.cause().toString();
        if (failure.row() < 0) {
            return model.describe() + " failed on rows " + (failure.from() + 1) + "–" + failure.to() + " of " + what
                    + " as one batch, though each row alone predicted: " + cause;
        }
        return model.describe() + " failed on row " + (failure.row() + 1) + " of " + what + ": " + cause;
    }

    /** Returns the rows (from 0) that the model failed on alone, in order. */
    public List<Integer> failedRows() {
        List<Integer> failed = new ArrayList<>();
        failures.values().stream().filter(f -> f.row() >= 0).forEach(f -> failed.add(f.row()));
        return failed;
    }
}
