package dev.modeltest.tribuo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

/**
 * A CSV file of numeric features and a label in the last column, read without modeltest: the reference side of the
 * tests builds Tribuo's examples on its own, so that modeltest's data path is checked and not reused.
 *
 * @param features the feature column names
 * @param label the label column name
 * @param x the features, row by row, parsed with {@link Double#parseDouble}
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
                x[r][f] = Double.parseDouble(cells[f]);
            }
            y[r] = cells[features];
        }
        return new Csv(List.of(header).subList(0, features), header[features], x, y);
    }

    int rows() {
        return x.length;
    }

    /** Returns one example per row, labelled with the label column's text. */
    List<Example<Label>> labelled() {
        return examples(r -> new Label(y[r]));
    }

    /** Returns one example per row, with the label column as the regression target. */
    List<Example<Regressor>> targets() {
        return examples(r -> new Regressor(label, Double.parseDouble(y[r])));
    }

    /** Returns one example per row with the given output. */
    <T extends Output<T>> List<Example<T>> examples(java.util.function.IntFunction<T> output) {
        String[] names = features.toArray(String[]::new);
        List<Example<T>> examples = new ArrayList<>(rows());
        for (int r = 0; r < rows(); r++) {
            examples.add(new ArrayExample<>(output.apply(r), names, x[r]));
        }
        return examples;
    }
}
