package dev.modeltest.behaviour;

import dev.modeltest.check.Format;
import dev.modeltest.data.TestData;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's input columns of rows to predict, held as arrays (a number column as {@code double[]}, missing as NaN; any
 * other column as text, missing as {@code null}) that the checks change in place. The checks copy the test data's
 * features into one, change some cells, and hand it to the model, which reads it in batches through a
 * {@link Features} view of the same arrays, as it reads the test data.
 */
final class Inputs {

    private final String name;
    private final List<String> names;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final double[][] numeric;
    private final String[][] text;
    private final int rows;
    private final Features view;
    /** The test row each row was copied from, from 0, and the data set's name; {@code null} for generated rows. */
    private int[] sources;

    private String sourceName;

    private Inputs(String name, List<String> names, double[][] numeric, String[][] text, int rows) {
        this.name = name;
        this.names = List.copyOf(names);
        this.numeric = numeric;
        this.text = text;
        this.rows = rows;
        for (int f = 0; f < names.size(); f++) {
            indexes.put(names.get(f), f);
        }
        this.view = Features.ofColumns(name, names, numeric, text, rows);
    }

    /** Returns empty columns of {@code rows} rows, numeric where {@code data}'s column is. */
    static Inputs empty(String name, TestData data, List<String> features, int rows) {
        double[][] numeric = new double[features.size()][];
        String[][] text = new String[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            if (data.kind(features.get(f)).isNumeric()) {
                numeric[f] = new double[rows];
            } else {
                text[f] = new String[rows];
            }
        }
        return new Inputs(name, features, numeric, text, rows);
    }

    /** Returns the given test rows (from 0, repeats allowed), as copies the caller may change. */
    static Inputs rowsOf(TestData data, List<String> features, int[] picked, String name) {
        Inputs inputs = empty(name, data, features, picked.length);
        inputs.sources = picked.clone();
        inputs.sourceName = data.name();
        for (int f = 0; f < features.size(); f++) {
            String feature = features.get(f);
            if (inputs.numeric[f] != null) {
                double[] source = data.doubles(feature);
                for (int i = 0; i < picked.length; i++) {
                    inputs.numeric[f][i] = source[picked[i]];
                }
            } else {
                String[] source = data.strings(feature);
                for (int i = 0; i < picked.length; i++) {
                    inputs.text[f][i] = source[picked[i]];
                }
            }
        }
        return inputs;
    }

    String name() {
        return name;
    }

    int rows() {
        return rows;
    }

    List<String> names() {
        return names;
    }

    int index(String feature) {
        return indexes.get(feature);
    }

    boolean isNumeric(int feature) {
        return numeric[feature] != null;
    }

    /** Returns a number column's values, which the caller may change; {@code null} for a text column. */
    double[] numbers(int feature) {
        return numeric[feature];
    }

    /** Returns a text column's values, which the caller may change; {@code null} for a number column. */
    String[] texts(int feature) {
        return text[feature];
    }

    /** Returns a cell as text: a number as {@link Format#number}, missing as {@code NA}. */
    String cell(int feature, int row) {
        if (numeric[feature] != null) {
            double v = numeric[feature][row];
            return Double.isNaN(v) ? "NA" : Format.number(v);
        }
        String v = text[feature][row];
        return v == null ? "NA" : v;
    }

    /**
     * Returns a row with where it came from, for a message: {@code row 3 of iris-test.csv changed to x1=0.3, color=red}
     * for a copy of a test row, {@code generated row 3: x1=0.3, color=red} for a generated one.
     */
    String locate(int row) {
        return sources == null
                ? "generated row " + (row + 1) + ": " + describe(row)
                : "row " + (sources[row] + 1) + " of " + sourceName + " changed to " + describe(row);
    }

    /** Returns a row for a message: {@code x1=0.3, color=red}. */
    String describe(int row) {
        List<String> cells = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            cells.add(names.get(f) + "=" + cell(f, row));
        }
        return String.join(", ", cells);
    }

    /** Returns rows {@code [from, to)} as a batch, read from the arrays as they are when the model reads them. */
    Batch batch(int from, int to) {
        return view.batch(from, to);
    }
}
