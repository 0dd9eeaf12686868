package dev.modeltest.model;

import dev.modeltest.error.ModelException;

/**
 * The output arrays of a whole prediction pass; each batch writes into its own slice. Invalid outputs (a probability
 * or value that is NaN or infinite, a row where no class has a positive probability) are remembered by row rather than
 * thrown, so that the caller decides: {@link Predictor} fails on the first, {@link BatchPredictions} reports them.
 */
final class BufferOutput {
    /** Lists a row's probabilities for a message, the first ten at most. */
    static String listed(double[] p) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < Math.min(p.length, 10); k++) {
            text.append(k == 0 ? "" : ", ").append(p[k]);
        }
        return text.append(p.length > 10 ? ", …]" : "]").toString();
    }

    private final Model model;
    private final int classCount;
    final int[] classes;
    final double[][] probabilities;
    final double[] values;
    final boolean[] done;
    /** The first invalid output of each bad row, by row; reported in row order whatever the threads did. */
    final java.util.concurrent.ConcurrentSkipListMap<Integer, String> invalid =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    BufferOutput(Model model, int n) {
        this.model = model;
        boolean classifier = model.task() == Task.CLASSIFICATION;
        this.classCount = model.classes().size();
        this.classes = classifier ? new int[n] : null;
        if (classifier) {
            java.util.Arrays.fill(classes, -1);
        }
        this.probabilities = classifier && model.hasProbabilities() ? new double[classCount][n] : null;
        this.values = classifier ? null : new double[n];
        this.done = new boolean[n];
    }

    Output slice(int offset, int length) {
        return new Slice(offset, length);
    }

    void requireComplete(String dataName) {
        if (!invalid.isEmpty()) {
            java.util.Map.Entry<Integer, String> first = invalid.firstEntry();
            throw new ModelException(model.describe() + " returned " + first.getValue() + " at row "
                    + (first.getKey() + 1) + " of " + dataName
                    + (invalid.size() > 1 ? " (and " + (invalid.size() - 1) + " more invalid row(s))" : "")
                    + ": invalid model output fails every gate");
        }
        for (int r = 0; r < done.length; r++) {
            if (!done[r]) {
                throw new ModelException(model.describe() + " returned no prediction for row " + (r + 1) + " of "
                        + dataName + " (" + done.length + " rows)");
            }
        }
    }

    private final class Slice implements Output {
        private final int offset;
        private final int length;

        Slice(int offset, int length) {
            this.offset = offset;
            this.length = length;
        }

        private int at(int row) {
            if (row < 0 || row >= length) {
                throw new ModelException(
                        model.describe() + " wrote a prediction for row " + row + " of a batch of " + length);
            }
            return offset + row;
        }

        @Override
        public void setClass(int row, int classIndex) {
            requireTask(Task.CLASSIFICATION);
            int r = at(row);
            if (classIndex < 0 || classIndex >= classCount) {
                throw new ModelException(model.describe() + " predicted class index " + classIndex + " for row "
                        + (r + 1) + ", but it has " + classCount + " classes " + model.classes());
            }
            classes[r] = classIndex;
            done[r] = true;
        }

        @Override
        public void setProbabilities(int row, double[] p) {
            requireTask(Task.CLASSIFICATION);
            if (probabilities == null) {
                throw new ModelException(model.describe()
                        + " wrote class probabilities but says it has none (hasProbabilities() is false)");
            }
            int r = at(row);
            if (p.length != classCount) {
                throw new ModelException(model.describe() + " gave " + p.length + " probabilities for row " + (r + 1)
                        + ", but it has " + classCount + " classes " + model.classes());
            }
            int best = 0;
            for (int k = 0; k < classCount; k++) {
                probabilities[k][r] = p[k];
                if (!Double.isFinite(p[k])) {
                    invalid.putIfAbsent(
                            r,
                            "probability " + p[k] + " for class '"
                                    + model.classes().get(k) + "'");
                }
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            if (!(p[best] > 0)) {
                invalid.putIfAbsent(r, "the probabilities " + listed(p) + ", none positive, so no class is predicted");
            }
            if (classes[r] < 0) {
                classes[r] = best;
            }
            done[r] = true;
        }

        @Override
        public void setValue(int row, double value) {
            requireTask(Task.REGRESSION);
            int r = at(row);
            if (!Double.isFinite(value)) {
                invalid.putIfAbsent(r, "the value " + value);
            }
            values[r] = value;
            done[r] = true;
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

        private void requireLength(int returned) {
            if (returned != length) {
                throw new ModelException(model.describe() + " returned " + returned + " predictions for a batch of "
                        + length + " rows (rows " + (offset + 1) + "–" + (offset + length) + ")");
            }
        }

        private void requireTask(Task wanted) {
            if (model.task() != wanted) {
                throw new ModelException(
                        model.describe() + " is declared as " + model.task() + " but wrote a " + wanted + " output");
            }
        }
    }
}
