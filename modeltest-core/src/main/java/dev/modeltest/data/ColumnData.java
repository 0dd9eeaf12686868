package dev.modeltest.data;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One column of {@link TestData}, held as the arrays the checks read: numbers as a primitive array, text as codes into
 * a dictionary of distinct values. The Tablesaw column is built from these arrays only when asked for ({@link
 * TestData#table()}, {@link TestData#cell}), never by parsing the cells again.
 */
abstract class ColumnData {

    private final String name;
    private Column<?> tablesaw;

    ColumnData(String name) {
        this.name = name;
    }

    final String name() {
        return name;
    }

    abstract ColumnType type();

    abstract int size();

    abstract boolean isMissing(int row);

    /** Returns the values as doubles, missing as NaN; {@code null} when the column holds no numbers. */
    abstract double[] doubles();

    /** Returns the values as {@link TestData#strings} gives them. */
    abstract String[] strings();

    /** Returns the values encoded as category codes; see {@link Categories}. */
    abstract Categories categories();

    abstract Column<?> buildTablesaw();

    /**
     * Returns the given rows as a column of their own, from the arrays as read: no Tablesaw column is built and no
     * cell is parsed again.
     *
     * @param rows row indexes from 0, ascending
     */
    abstract ColumnData rows(int[] rows);

    /** Where a column read as text first held a value that is not a number, when it started with numbers. */
    record Where(int row, long line, String value) {}

    /** Returns where this column stopped holding numbers, or {@code null}. */
    Where firstNonNumber() {
        return null;
    }

    /** Returns the Tablesaw column, built once. */
    final synchronized Column<?> tablesaw() {
        if (tablesaw == null) {
            tablesaw = buildTablesaw();
        }
        return tablesaw;
    }

    /** Formats a number as {@link TestData#strings} does: whole numbers without a fraction. */
    static String numberText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Decimal numbers, missing as NaN (Tablesaw's own marker for a missing double). */
    static final class Doubles extends ColumnData {
        private final double[] values;

        Doubles(String name, double[] values) {
            super(name);
            this.values = values;
        }

        @Override
        ColumnType type() {
            return ColumnType.DOUBLE;
        }

        @Override
        int size() {
            return values.length;
        }

        @Override
        boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        @Override
        double[] doubles() {
            return values;
        }

        @Override
        String[] strings() {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = Double.isNaN(values[i]) ? null : numberText(values[i]);
            }
            return text;
        }

        @Override
        Categories categories() {
            return Categories.ofDoubles(values);
        }

        @Override
        ColumnData rows(int[] rows) {
            double[] picked = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                picked[i] = values[rows[i]];
            }
            return new Doubles(name(), picked);
        }

        @Override
        Column<?> buildTablesaw() {
            // DoubleColumn.create(name, double[]) copies the array; the protected constructor wraps it.
            return new WrappedDoubles(name(), values);
        }
    }

    /** Whole numbers that fit an int, missing as {@link Integer#MIN_VALUE} (Tablesaw's marker). */
    static final class Ints extends ColumnData {
        private static final int MISSING = Integer.MIN_VALUE;
        private final int[] values;

        Ints(String name, int[] values) {
            super(name);
            this.values = values;
        }

        @Override
        ColumnType type() {
            return ColumnType.INTEGER;
        }

        @Override
        int size() {
            return values.length;
        }

        @Override
        boolean isMissing(int row) {
            return values[row] == MISSING;
        }

        @Override
        double[] doubles() {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i] == MISSING ? Double.NaN : values[i];
            }
            return d;
        }

        @Override
        String[] strings() {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = values[i] == MISSING ? null : Integer.toString(values[i]);
            }
            return text;
        }

        @Override
        Categories categories() {
            return Categories.ofInts(values, MISSING);
        }

        @Override
        ColumnData rows(int[] rows) {
            int[] picked = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                picked[i] = values[rows[i]];
            }
            return new Ints(name(), picked);
        }

        @Override
        Column<?> buildTablesaw() {
            return new WrappedInts(name(), values);
        }
    }

    /** Whole numbers too large for an int, missing as {@link Long#MIN_VALUE} (Tablesaw's marker). */
    static final class Longs extends ColumnData {
        private static final long MISSING = Long.MIN_VALUE;
        private final long[] values;

        Longs(String name, long[] values) {
            super(name);
            this.values = values;
        }

        @Override
        ColumnType type() {
            return ColumnType.LONG;
        }

        @Override
        int size() {
            return values.length;
        }

        @Override
        boolean isMissing(int row) {
            return values[row] == MISSING;
        }

        @Override
        double[] doubles() {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i] == MISSING ? Double.NaN : values[i];
            }
            return d;
        }

        @Override
        String[] strings() {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = values[i] == MISSING ? null : numberText(values[i]);
            }
            return text;
        }

        @Override
        Categories categories() {
            return Categories.ofDoubles(doubles());
        }

        @Override
        ColumnData rows(int[] rows) {
            long[] picked = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                picked[i] = values[rows[i]];
            }
            return new Longs(name(), picked);
        }

        @Override
        Column<?> buildTablesaw() {
            // LongColumn's wrapping constructor is private: this copies (long columns are rare: ids, timestamps).
            return LongColumn.create(name(), values);
        }
    }

    /** Text as codes into the distinct values; code -1 is a missing cell. */
    static final class Text extends ColumnData {
        private final int[] codes;
        private final String[] dictionary;
        private final Where firstNonNumber;

        Text(String name, int[] codes, String[] dictionary, Where firstNonNumber) {
            super(name);
            this.codes = codes;
            this.dictionary = dictionary;
            this.firstNonNumber = firstNonNumber;
        }

        @Override
        Where firstNonNumber() {
            return firstNonNumber;
        }

        @Override
        ColumnType type() {
            return ColumnType.STRING;
        }

        @Override
        int size() {
            return codes.length;
        }

        @Override
        boolean isMissing(int row) {
            return codes[row] < 0;
        }

        @Override
        double[] doubles() {
            return null;
        }

        @Override
        String[] strings() {
            // The same String objects as the dictionary: one per distinct value, none per row.
            String[] text = new String[codes.length];
            for (int i = 0; i < codes.length; i++) {
                int code = codes[i];
                text[i] = code < 0 ? null : dictionary[code];
            }
            return text;
        }

        @Override
        Categories categories() {
            return new Categories(codes, dictionary.clone());
        }

        @Override
        ColumnData rows(int[] rows) {
            int[] picked = new int[rows.length];
            Where first = null;
            for (int i = 0; i < rows.length; i++) {
                picked[i] = codes[rows[i]];
                // The rows before the file's first non-number all held numbers, so when that row is picked it is
                // also the first non-number of the picked rows; when it is not, where that is stays unknown.
                if (firstNonNumber != null && rows[i] == firstNonNumber.row()) {
                    first = new Where(i, firstNonNumber.line(), firstNonNumber.value());
                }
            }
            return new Text(name(), picked, dictionary, first);
        }

        @Override
        Column<?> buildTablesaw() {
            StringColumn column = StringColumn.create(name());
            for (int code : codes) {
                if (code < 0) {
                    column.appendMissing();
                } else {
                    column.append(dictionary[code]);
                }
            }
            return column;
        }
    }

    /** A column kept as Tablesaw holds it: dates, times, booleans, and every column of an in-memory table. */
    static final class Tablesaw extends ColumnData {
        private final Column<?> column;

        Tablesaw(Column<?> column) {
            super(column.name());
            this.column = column;
        }

        @Override
        ColumnType type() {
            return column.type();
        }

        @Override
        int size() {
            return column.size();
        }

        @Override
        boolean isMissing(int row) {
            if (column.isMissing(row)) {
                return true;
            }
            return column instanceof NumericColumn<?> numeric && Double.isNaN(numeric.getDouble(row));
        }

        @Override
        double[] doubles() {
            if (!(column instanceof NumericColumn<?> numeric)) {
                return null;
            }
            double[] values = new double[column.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
            }
            return values;
        }

        @Override
        String[] strings() {
            boolean numeric = column instanceof NumericColumn<?>;
            String[] values = new String[column.size()];
            for (int i = 0; i < values.length; i++) {
                if (column.isMissing(i)) {
                    continue;
                }
                values[i] = numeric ? numberText(((NumericColumn<?>) column).getDouble(i)) : column.getString(i);
            }
            return values;
        }

        @Override
        Categories categories() {
            if (column instanceof IntColumn ints) {
                return Categories.ofInts(ints.asIntArray(), Integer.MIN_VALUE);
            }
            double[] numbers = doubles();
            return numbers != null ? Categories.ofDoubles(numbers) : Categories.ofStrings(strings());
        }

        @Override
        ColumnData rows(int[] rows) {
            return new Tablesaw(column.subset(rows));
        }

        @Override
        Column<?> buildTablesaw() {
            return column;
        }
    }

    // Tablesaw's public factories copy the array they are given (DoubleColumn.create(String, double...) fills a new
    // DoubleArrayList); these subclasses reach the protected constructors that wrap it, so the table costs no second
    // copy of a million-row column. They add no behaviour.

    private static final class WrappedDoubles extends DoubleColumn {
        WrappedDoubles(String name, double[] values) {
            super(name, DoubleArrayList.wrap(values));
        }
    }

    private static final class WrappedInts extends IntColumn {
        WrappedInts(String name, int[] values) {
            super(name, IntArrayList.wrap(values));
        }
    }
}
