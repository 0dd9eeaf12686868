package dev.modeltest.behaviour;

import dev.modeltest.check.Format;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Names;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's input columns of rows to predict, held as arrays (a number column as {@code double[]}, missing as NaN; any
 * other column as text, missing as {@code null}), from which batches are cut. The checks copy the test data's features
 * into one, change some cells, and hand it to the model.
 */
final class Inputs {

    private final String name;
    private final List<String> names;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final double[][] numeric;
    private final String[][] text;
    private final int rows;
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

    /** Returns rows {@code [from, to)} as a batch. */
    Batch batch(int from, int to) {
        return new Cut(from, to);
    }

    private double doubleAt(int feature, int row) {
        double[] column = numeric[feature];
        if (column == null) {
            throw new DataException(name + ", feature column '" + names.get(feature)
                    + "' is not numeric, but the model reads it as a number");
        }
        return column[row];
    }

    private String textAt(int feature, int row) {
        if (numeric[feature] != null) {
            double v = numeric[feature][row];
            if (Double.isNaN(v)) {
                return null;
            }
            // As TestData.strings writes numbers: whole numbers without a fraction.
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return text[feature][row];
    }

    private final class Cut implements Batch {
        private final int from;
        private final int to;

        Cut(int from, int to) {
            if (from < 0 || to > rows || from > to) {
                throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
            }
            this.from = from;
            this.to = to;
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public List<String> featureNames() {
            return names;
        }

        @Override
        public Row row(int i) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("row " + i + " of a batch of " + size());
            }
            return new InputRow(from + i);
        }

        @Override
        public double[][] toDoubleMatrix() {
            double[][] matrix = new double[size()][names.size()];
            for (int i = 0; i < matrix.length; i++) {
                for (int f = 0; f < names.size(); f++) {
                    matrix[i][f] = doubleAt(f, from + i);
                }
            }
            return matrix;
        }
    }

    private final class InputRow implements Row {
        private final int row;

        InputRow(int row) {
            this.row = row;
        }

        @Override
        public List<String> featureNames() {
            return names;
        }

        @Override
        public int featureIndex(String feature) {
            Integer i = indexes.get(feature);
            if (i == null) {
                throw new DataException("the model asked for feature '" + feature + "', which is not among the features"
                        + " of " + name + Names.didYouMean(feature, names) + ": " + String.join(", ", names));
            }
            return i;
        }

        @Override
        public double getDouble(int feature) {
            return doubleAt(feature, row);
        }

        @Override
        public String getString(int feature) {
            return textAt(feature, row);
        }

        @Override
        public double[] toDoubleArray() {
            double[] values = new double[names.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = doubleAt(f, row);
            }
            return values;
        }

        @Override
        public int index() {
            return row;
        }
    }
}
