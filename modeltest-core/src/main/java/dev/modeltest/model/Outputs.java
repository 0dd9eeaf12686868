package dev.modeltest.model;

import dev.modeltest.error.ModelException;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Ready-made {@link Output}s for calling a model outside {@link Predictor}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Outputs {

    private Outputs() {}

    /**
     * Returns an output for batches of {@code size} rows that checks every write the way {@link Predictor} does, then
     * keeps it only until the next call. Its buffers are allocated here, once, so that a caller timing
     * {@link Model#predict(Batch, Output)} can reuse it for every call without timing any allocation.
     *
     * @param model the model that will write into it
     * @param size the number of rows of every batch it receives, at least 1
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    public static Discarding discarding(Model model, int size) {
        return new Discarding(model, size);
    }

    /**
     * An output that validates what a model writes (task, row range, class index range, number of probabilities,
     * lengths of whole-batch writes) into reusable throwaway arrays, and remembers which rows were written since the
     * last {@link #clear()}.
     *
     * <p>Not thread-safe: give each thread its own.
     */
    public static final class Discarding implements Output {

        private final Model model;
        private final Task task;
        private final int classCount;
        private final boolean hasProbabilities;
        private final int size;
        private final int[] classes;
        private final double[] values;
        private final double[] probabilities;
        /** The generation in which each row was last written; {@link #clear()} starts a new generation in O(1). */
        private final int[] written;

        private int generation = 1;

        private Discarding(Model model, int size) {
            this.model = Objects.requireNonNull(model, "model");
            if (size < 1) {
                throw new IllegalArgumentException("an output needs at least one row, was " + size);
            }
            this.task = model.task();
            this.classCount = model.classes().size();
            this.hasProbabilities = task == Task.CLASSIFICATION && model.hasProbabilities();
            this.size = size;
            this.classes = new int[size];
            this.values = new double[size];
            this.probabilities = hasProbabilities ? new double[Math.multiplyExact(size, classCount)] : null;
            this.written = new int[size];
        }

        /** Returns the number of rows of the batches this output takes. */
        public int size() {
            return size;
        }

        /** Forgets which rows were written, before the next call of the model. */
        public void clear() {
            generation++;
            if (generation == 0) {
                // After 2^32 calls the stamps of old calls could match again: start over.
                Arrays.fill(written, 0);
                generation = 1;
            }
        }

        /**
         * Fails unless every row was written since the last {@link #clear()}.
         *
         * @throws ModelException naming the model and the first row without a prediction
         */
        public void requireComplete() {
            for (int row = 0; row < size; row++) {
                if (written[row] != generation) {
                    throw new ModelException(model.describe() + " returned no prediction for row index " + row
                            + " of a batch of " + size + " row(s)");
                }
            }
        }

        /**
         * Returns a number that depends on what the model wrote for the first row. Feeding it somewhere observable
         * keeps the JIT compiler from treating the model's work as dead.
         */
        public long fingerprint() {
            long bits = task == Task.CLASSIFICATION ? classes[0] : Double.doubleToRawLongBits(values[0]);
            return hasProbabilities ? bits * 31 + Double.doubleToRawLongBits(probabilities[0]) : bits;
        }

        @Override
        public void setClass(int row, int classIndex) {
            requireTask(Task.CLASSIFICATION);
            requireRow(row);
            if (classIndex < 0 || classIndex >= classCount) {
                throw new ModelException(model.describe() + " predicted class index " + classIndex + " for row index "
                        + row + ", but it has " + classCount + " classes " + model.classes());
            }
            classes[row] = classIndex;
            written[row] = generation;
        }

        @Override
        public void setProbabilities(int row, double[] p) {
            requireTask(Task.CLASSIFICATION);
            if (!hasProbabilities) {
                throw new ModelException(model.describe()
                        + " wrote class probabilities but says it has none (hasProbabilities() is false)");
            }
            requireRow(row);
            if (p.length != classCount) {
                throw new ModelException(model.describe() + " gave " + p.length + " probabilities for row index " + row
                        + ", but it has " + classCount + " classes " + model.classes());
            }
            System.arraycopy(p, 0, probabilities, row * classCount, classCount);
            written[row] = generation;
        }

        @Override
        public void setValue(int row, double value) {
            requireTask(Task.REGRESSION);
            requireRow(row);
            values[row] = value;
            written[row] = generation;
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

        private void requireRow(int row) {
            if (row < 0 || row >= size) {
                throw new ModelException(model.describe() + " wrote a prediction for row index " + row
                        + " of a batch of " + size + " row(s)");
            }
        }

        private void requireLength(int returned) {
            if (returned != size) {
                throw new ModelException(
                        model.describe() + " returned " + returned + " predictions for a batch of " + size + " row(s)");
            }
        }

        private void requireTask(Task wanted) {
            if (task != wanted) {
                throw new ModelException(
                        model.describe() + " is declared as " + task + " but wrote a " + wanted + " output");
            }
        }
    }
}
