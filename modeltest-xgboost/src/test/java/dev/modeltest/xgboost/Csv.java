package dev.modeltest.xgboost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file of numeric features and a label in the last column, read without modeltest: the reference side of the
 * tests parses the file on its own, so that modeltest's data path is checked and not reused.
 *
 * @param features the feature column names
 * @param label the label column name
 * @param x the features, row by row, parsed with {@link Double#parseDouble} (empty cells as {@code NaN})
 * @param y the label column's text
 */
record Csv(List<String> features, String label, double[][] x, String[] y) {

    static Csv read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        int n = lines.size() - 1;
        int features = header.length - 1;
        double[][] x = new double[n][features];
        String[] y = new String[n];
        for (int r = 0; r < n; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            for (int f = 0; f < features; f++) {
                x[r][f] = cells[f].isEmpty() ? Double.NaN : Double.parseDouble(cells[f]);
            }
            y[r] = cells[features];
        }
        return new Csv(List.of(header).subList(0, features), header[features], x, y);
    }

    int rows() {
        return x.length;
    }

    /** Returns the features as XGBoost takes them: float32, row-major. */
    float[] floats() {
        float[] data = new float[rows() * features.size()];
        for (int r = 0; r < rows(); r++) {
            for (int f = 0; f < features.size(); f++) {
                data[r * features.size() + f] = (float) x[r][f];
            }
        }
        return data;
    }

    /** Returns the label as class indexes into {@code classes}. */
    float[] codes(List<String> classes) {
        float[] codes = new float[rows()];
        for (int r = 0; r < rows(); r++) {
            int code = classes.indexOf(y[r]);
            if (code < 0) {
                throw new IllegalArgumentException("unknown label " + y[r] + ", classes " + classes);
            }
            codes[r] = code;
        }
        return codes;
    }

    /** Returns the label as numbers. */
    float[] values() {
        float[] values = new float[rows()];
        for (int r = 0; r < rows(); r++) {
            values[r] = (float) Double.parseDouble(y[r]);
        }
        return values;
    }

    @Override
    public String toString() {
        return features + " -> " + label + " (" + rows() + " rows), first row " + Arrays.toString(x[0]);
    }
}
