package dev.modeltest.report;

import dev.modeltest.check.Format;
import dev.modeltest.model.Predictions;
import java.util.List;

/**
 * The confusion matrix and the per-class precision, recall and F1 of classification predictions, for the pictures and
 * tables a report adds to performance checks.
 *
 * <p>{@code counts[actual][predicted]} is the same as scikit-learn's {@code confusion_matrix(y_true, y_pred,
 * labels=classes)}; precision, recall and F1 per class are the same as {@code precision_recall_fscore_support(y_true,
 * y_pred, labels=classes, average=None, zero_division=0)}: a class never predicted has precision 0, a class absent from
 * the data has recall 0, and F1 is 0 when precision and recall are both 0.
 */
final class ClassificationTable {

    private final List<String> classes;
    private final long[][] counts;

    private ClassificationTable(List<String> classes, long[][] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    static ClassificationTable of(Predictions predictions) {
        return of(predictions.classes(), predictions.actualClasses(), predictions.predictedClasses());
    }

    static ClassificationTable of(List<String> classes, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(
                    "actual and predicted differ in length: " + actual.length + " and " + predicted.length);
        }
        int k = classes.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ClassificationTable(List.copyOf(classes), counts);
    }

    List<String> classes() {
        return classes;
    }

    /** Returns a copy of {@code counts[actual][predicted]}. */
    long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The rows whose true class is {@code c}. */
    long support(int c) {
        long sum = 0;
        for (long v : counts[c]) {
            sum += v;
        }
        return sum;
    }

    /** The rows predicted as class {@code c}. */
    long predicted(int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    long correct(int c) {
        return counts[c][c];
    }

    double precision(int c) {
        long p = predicted(c);
        return p == 0 ? 0 : (double) correct(c) / p;
    }

    double recall(int c) {
        long s = support(c);
        return s == 0 ? 0 : (double) correct(c) / s;
    }

    double f1(int c) {
        // 2·TP / (2·TP + FP + FN), which equals the harmonic mean of precision and recall where both are defined.
        long denominator = predicted(c) + support(c);
        return denominator == 0 ? 0 : 2.0 * correct(c) / denominator;
    }

    /** Returns the per-class table: class, support, predicted, correct, precision, recall, f1. */
    CsvTable perClass() {
        CsvTable table = CsvTable.of("class", "support", "predicted", "correct", "precision", "recall", "f1");
        for (int c = 0; c < classes.size(); c++) {
            table.row(
                    classes.get(c),
                    support(c),
                    predicted(c),
                    correct(c),
                    Format.value(precision(c)),
                    Format.value(recall(c)),
                    Format.value(f1(c)));
        }
        return table;
    }
}
