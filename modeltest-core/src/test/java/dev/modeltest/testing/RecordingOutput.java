package dev.modeltest.testing;

import dev.modeltest.model.Output;
import java.util.Arrays;

/**
 * An output that keeps what a model writes, to compare it value by value, and counts the writes. Shared by the tests
 * of modeltest's adapter modules (through modeltest-core's test jar).
 */
public final class RecordingOutput implements Output {

    public final int[] classes;
    public final double[][] probabilities;
    public final double[] values;
    public int writes;

    public RecordingOutput(int rows, int classCount) {
        classes = new int[rows];
        Arrays.fill(classes, -1);
        probabilities = new double[rows][];
        values = new double[rows];
    }

    @Override
    public void setClass(int row, int classIndex) {
        classes[row] = classIndex;
        writes++;
    }

    @Override
    public void setProbabilities(int row, double[] p) {
        probabilities[row] = p.clone();
        writes++;
    }

    @Override
    public void setValue(int row, double value) {
        values[row] = value;
        writes++;
    }

    @Override
    public void setClasses(int[] classIndexes) {
        for (int i = 0; i < classIndexes.length; i++) {
            setClass(i, classIndexes[i]);
        }
    }

    @Override
    public void setValues(double[] predicted) {
        for (int i = 0; i < predicted.length; i++) {
            setValue(i, predicted[i]);
        }
    }
}
