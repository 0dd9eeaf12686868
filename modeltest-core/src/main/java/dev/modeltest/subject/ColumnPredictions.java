package dev.modeltest.subject;

import dev.modeltest.data.Categories;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link Predictions} from prediction (and score) columns already in the data set. */
final class ColumnPredictions {

    private static final int MAX_AUTO_CLASSES = 20;

    private ColumnPredictions() {}

    static Predictions read(SubjectSpec spec, TestData data, ModelSource.Columns columns) {
        String label = spec.label();
        data.requireColumn(label, "label");
        data.requireColumn(columns.predictions(), "predictions");
        for (String score : columns.scores()) {
            data.requireColumn(score, "scores");
        }
        String modelName = columns.describe();
        if (isClassification(spec, data, columns)) {
            return classification(data, label, columns, modelName, spec.origin());
        }
        if (!columns.scores().isEmpty()) {
            throw new ConfigurationException(
                    spec.origin() + ": 'scores' applies to classifiers only, but the predictions"
                            + " are numbers (regression); remove 'scores' or set task = CLASSIFICATION");
        }
        double[] actual = numbers(data, label, "label");
        double[] predicted = numbers(data, columns.predictions(), "predictions");
        // TestData's arrays are shared and nobody modifies them: Predictions keeps them without a copy.
        return Predictions.wrapRegression(data.name(), modelName, actual, predicted);
    }

    private static boolean isClassification(SubjectSpec spec, TestData data, ModelSource.Columns columns) {
        switch (spec.task()) {
            case CLASSIFICATION:
                return true;
            case REGRESSION:
                return false;
            default:
                break;
        }
        if (!columns.scores().isEmpty()) {
            return true;
        }
        if (!data.kind(spec.label()).isNumeric()
                || !data.kind(columns.predictions()).isNumeric()) {
            return true;
        }
        Set<Double> distinct = new java.util.HashSet<>();
        for (String column : List.of(spec.label(), columns.predictions())) {
            for (double v : data.doubles(column)) {
                if (!Double.isNaN(v)
                        && (v != Math.rint(v) || (distinct.add(v) && distinct.size() > MAX_AUTO_CLASSES))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Predictions classification(
            TestData data, String label, ModelSource.Columns columns, String modelName, String origin) {
        // Both columns as categories (codes into their distinct values): classes are found and rows encoded without an
        // object or a hash lookup per row.
        Categories actualCategories = nonMissing(data, label, "label");
        Categories predictedCategories = nonMissing(data, columns.predictions(), "predictions");
        Set<String> distinct = new LinkedHashSet<>(actualCategories.names());
        distinct.addAll(predictedCategories.names());
        List<String> classes = new ArrayList<>(distinct);
        classes.sort(classOrder(classes));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int[] actual = encode(actualCategories, index);
        int[] predicted = encode(predictedCategories, index);
        double[][] probabilities = scores(data, columns, classes, origin);
        Predictions predictions =
                Predictions.wrapClassification(data.name(), modelName, classes, actual, predicted, probabilities);
        return probabilities == null ? predictions : predictions.withScoreColumns(columns.scores());
    }

    private static int[] encode(Categories categories, Map<String, Integer> index) {
        List<String> names = categories.names();
        int[] toClass = new int[names.size()];
        for (int d = 0; d < toClass.length; d++) {
            toClass[d] = index.get(names.get(d));
        }
        int[] codes = categories.codes();
        int[] encoded = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            encoded[r] = toClass[codes[r]];
        }
        return encoded;
    }

    private static double[][] scores(TestData data, ModelSource.Columns columns, List<String> classes, String origin) {
        List<String> scores = columns.scores();
        if (scores.isEmpty()) {
            return null;
        }
        int k = classes.size();
        if (k == 2 && scores.size() == 1) {
            double[] positive = numbers(data, scores.get(0), "scores");
            double[] negative = new double[positive.length];
            for (int r = 0; r < positive.length; r++) {
                negative[r] = 1 - positive[r];
            }
            return new double[][] {negative, positive};
        }
        if (scores.size() != k) {
            throw new ConfigurationException(
                    origin + ": 'scores' names " + scores.size() + " column(s) " + scores
                            + ", but the data has " + k + " classes " + classes
                            + "; give one column (the positive class's probability) for binary, or one per class in this order");
        }
        double[][] probabilities = new double[k][];
        for (int c = 0; c < k; c++) {
            probabilities[c] = numbers(data, scores.get(c), "scores");
        }
        return probabilities;
    }

    /** Sorts class names as scikit-learn does: numerically when all are numbers, else as text. */
    static Comparator<String> classOrder(List<String> classes) {
        for (String c : classes) {
            try {
                Double.parseDouble(c);
            } catch (NumberFormatException e) {
                return Comparator.naturalOrder();
            }
        }
        return Comparator.comparingDouble(Double::parseDouble);
    }

    private static Categories nonMissing(TestData data, String column, String role) {
        Categories categories = data.categories(column);
        int[] codes = categories.codes();
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] < 0) {
                throw new DataException("data set " + data.name() + ", " + role + " column '" + column + "': row "
                        + (r + 1) + " is empty");
            }
        }
        return categories;
    }

    private static double[] numbers(TestData data, String column, String role) {
        double[] values = data.doubles(column);
        for (int r = 0; r < values.length; r++) {
            if (Double.isNaN(values[r])) {
                throw new DataException("data set " + data.name() + ", " + role + " column '" + column + "': row "
                        + (r + 1) + " is empty or not a number");
            }
            if (Double.isInfinite(values[r])) {
                // Infinity parses as a number, but no score, label or prediction can be infinite.
                throw new DataException("data set " + data.name() + ", " + role + " column '" + column + "': row "
                        + (r + 1) + " is " + values[r] + ", not a finite number");
            }
        }
        return values;
    }
}
