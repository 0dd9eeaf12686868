package dev.modeltest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file of numeric features and a label in the last column, read without modeltest: the reference side of the
 * adapter modules' tests parses the file on its own, so that modeltest's data path is checked and not reused.
 *
 * @param features the feature column names
 * @param label the label column name
 * @param x the features, row by row, parsed with {@link Double#parseDouble} (empty cells as {@code NaN})
 * @param y the label column's text
 */
public record Csv(List<String> features, String label, double[][] x, String[] y) {

    public static Csv read(Path file) {
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

    /**
     * Writes {@code source} without one of its columns to {@code target}, for tests of data that lacks a column the
     * model needs.
     *
     * @return {@code target}
     */
    public static Path withoutColumn(Path source, String column, Path target) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int drop = List.of(lines.get(0).split(",")).indexOf(column);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(drop);
            out.add(String.join(",", cells));
        }
        return Files.write(target, out);
    }

    public int rows() {
        return x.length;
    }

    @Override
    public String toString() {
        return features + " -> " + label + " (" + rows() + " rows), first row " + Arrays.toString(x[0]);
    }
}
