package dev.modeltest.model;

import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apiguardian.api.API;

/**
 * The model's input columns of a data set, held as primitive arrays, from which batches of rows are cut.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Features {

    private final String dataName;
    /** How a message names the rows: {@code data set iris.csv}, or the name given to {@link #ofColumns}. */
    private final String described;

    private final List<String> names;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final double[][] numeric;
    /**
     * The text of each column: read up front for text columns; for number columns only if a model asks for their text
     * ({@link Row#getString}), since a million numbers as strings take tens of megabytes a column.
     */
    private final AtomicReferenceArray<String[]> text;

    /** The data set the columns are read from; {@code null} for columns given as arrays ({@link #ofColumns}). */
    private final TestData data;

    private final int rows;

    private Features(TestData data, List<String> names) {
        this.dataName = data.name();
        this.described = "data set " + data.name();
        this.names = List.copyOf(names);
        this.rows = data.rowCount();
        this.data = data;
        this.numeric = new double[names.size()][];
        this.text = new AtomicReferenceArray<>(names.size());
        for (int f = 0; f < names.size(); f++) {
            String name = names.get(f);
            data.requireColumn(name, "feature");
            indexes.put(name, f);
            if (data.kind(name).isNumeric()) {
                numeric[f] = data.doubles(name);
            } else {
                text.set(f, data.strings(name));
            }
        }
    }

    private Features(String name, List<String> names, double[][] numeric, String[][] text, int rows) {
        this.dataName = name;
        this.described = name;
        this.names = List.copyOf(names);
        this.rows = rows;
        this.data = null;
        this.numeric = numeric;
        this.text = new AtomicReferenceArray<>(text);
        for (int f = 0; f < names.size(); f++) {
            indexes.put(names.get(f), f);
            boolean oneKind = (numeric[f] == null) != (text[f] == null);
            if (!oneKind || (numeric[f] != null ? numeric[f].length : text[f].length) < rows) {
                throw new IllegalArgumentException("column " + f + " ('" + names.get(f) + "') of " + name
                        + " must be either numbers or text, of at least " + rows + " rows");
            }
        }
    }

    /**
     * Selects the feature columns of a data set.
     *
     * @throws DataException naming the data set and the nearest column when a feature column is missing
     */
    public static Features of(TestData data, List<String> names) {
        if (names.isEmpty()) {
            throw new DataException("no feature columns selected in data set " + data.name());
        }
        return new Features(data, names);
    }

    /**
     * Wraps rows that are not a data set's, held as arrays: the behavioural checks' changed and generated rows. For
     * each feature, exactly one of {@code numeric[f]} (missing as NaN) and {@code text[f]} (missing as {@code null})
     * is given. The arrays are read, not copied, whenever a batch is read; a number column's text is the number as
     * {@link TestData#strings} writes it (a whole number without a fraction).
     *
     * @param name the rows for messages, e.g. {@code copies of rows of iris.csv with 'petal_width' raised by 0.1}
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static Features ofColumns(String name, List<String> names, double[][] numeric, String[][] text, int rows) {
        if (names.isEmpty() || numeric.length != names.size() || text.length != names.size()) {
            throw new IllegalArgumentException(
                    names.size() + " feature names, " + numeric.length + " number columns and " + text.length
                            + " text columns of " + name + "; give one of each per feature");
        }
        return new Features(name, names, numeric, text, rows);
    }

    /** Returns the feature names, in input order. */
    public List<String> names() {
        return names;
    }

    /** Returns the number of rows. */
    public int rowCount() {
        return rows;
    }

    /** Returns rows {@code [from, to)} as a batch. */
    public Batch batch(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
        }
        return new RangeBatch(from, to);
    }

    /** Returns a batch of the given rows, in that order (used to replay real rows, e.g. for latency). */
    public Batch batch(int[] rowIndexes) {
        return new IndexBatch(rowIndexes.clone());
    }

    private int index(String name) {
        Integer i = indexes.get(name);
        if (i == null) {
            throw new DataException("the model asked for feature '" + name + "', which is not among the features of "
                    + dataName + Names.didYouMean(name, names) + ": " + String.join(", ", names));
        }
        return i;
    }

    private double doubleAt(int feature, int dataRow) {
        double[] column = numeric[feature];
        if (column == null) {
            throw new DataException(described + ", feature column '" + names.get(feature) + "' is not numeric"
                    + firstNonNumber(text.get(feature)) + ", but the model reads it as a number");
        }
        return column[dataRow];
    }

    private String textAt(int feature, int dataRow) {
        String[] column = text.get(feature);
        if (column == null && data == null) {
            return numberText(numeric[feature][dataRow]);
        }
        if (column == null) {
            // TestData reads a column's text once; racing threads get the same array.
            column = data.strings(names.get(feature));
            text.compareAndSet(feature, null, column);
        }
        return column[dataRow];
    }

    /** Writes a number as {@link TestData#strings} does: whole numbers without a fraction, missing as null. */
    private static String numberText(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String firstNonNumber(String[] values) {
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null) {
                continue;
            }
            try {
                Double.parseDouble(values[r]);
            } catch (NumberFormatException e) {
                return " (row " + (r + 1) + " is '" + values[r] + "')";
            }
        }
        return "";
    }

    private abstract class AbstractBatch implements Batch {
        @Override
        public List<String> featureNames() {
            return names;
        }

        abstract int dataRow(int i);

        @Override
        public Row row(int i) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("row " + i + " of a batch of " + size());
            }
            return new FeatureRow(dataRow(i));
        }

        @Override
        public double[][] toDoubleMatrix() {
            double[][] matrix = new double[size()][names.size()];
            for (int i = 0; i < matrix.length; i++) {
                int r = dataRow(i);
                for (int f = 0; f < names.size(); f++) {
                    matrix[i][f] = doubleAt(f, r);
                }
            }
            return matrix;
        }
    }

    private final class RangeBatch extends AbstractBatch {
        private final int from;
        private final int to;

        RangeBatch(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        int dataRow(int i) {
            return from + i;
        }
    }

    private final class IndexBatch extends AbstractBatch {
        private final int[] rowIndexes;

        IndexBatch(int[] rowIndexes) {
            this.rowIndexes = rowIndexes;
        }

        @Override
        public int size() {
            return rowIndexes.length;
        }

        @Override
        int dataRow(int i) {
            return rowIndexes[i];
        }
    }

    private final class FeatureRow implements Row {
        private final int dataRow;

        FeatureRow(int dataRow) {
            this.dataRow = dataRow;
        }

        @Override
        public List<String> featureNames() {
            return names;
        }

        @Override
        public int featureIndex(String name) {
            return Features.this.index(name);
        }

        @Override
        public double getDouble(int feature) {
            return doubleAt(feature, dataRow);
        }

        @Override
        public String getString(int feature) {
            return textAt(feature, dataRow);
        }

        @Override
        public double[] toDoubleArray() {
            double[] values = new double[names.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = doubleAt(f, dataRow);
            }
            return values;
        }

        @Override
        public int index() {
            return dataRow;
        }
    }
}
