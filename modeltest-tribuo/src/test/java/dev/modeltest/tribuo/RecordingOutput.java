package dev.modeltest.tribuo;

import dev.modeltest.model.Output;
import java.util.Arrays;

/** An output that keeps what a model writes, to compare it value by value, and counts the writes. */
final class RecordingOutput implements Output {

    final int[] classes;
    final double[][] probabilities;
    final double[] values;
    int writes;

    RecordingOutput(int rows, int classCount) {
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
