package dev.modeltest.data;

import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The test data set: a table of named columns, read once and shared by every check of a model test.
 *
 * <p>Rows are numbered from 1 in messages (row 1 is the first data row, line 2 of a CSV file with a header). Column
 * values are handed out as primitive arrays, built once per column and cached.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TestData {

    private final String name;
    private final String sha256;
    private final String dvcMd5;
    private final List<String> columnNames;
    private final Map<String, ColumnData> columns;
    private final int rowCount;
    private Table table;
    private final Map<String, double[]> doubles = new ConcurrentHashMap<>();
    private final Map<String, String[]> strings = new ConcurrentHashMap<>();
    private final Map<String, Categories> categories = new ConcurrentHashMap<>();

    TestData(String name, String sha256, Table table) {
        this(name, sha256, table, "");
    }

    TestData(String name, String sha256, Table table, String dvcMd5) {
        this(name, sha256, wrap(table), dvcMd5, table.rowCount());
        this.table = table;
    }

    /** Wraps columns read into arrays; the Tablesaw table is built from them only if {@link #table()} is called. */
    TestData(String name, String sha256, List<ColumnData> columns, String dvcMd5, int rowCount) {
        this.name = name;
        this.sha256 = sha256;
        this.dvcMd5 = dvcMd5;
        this.rowCount = rowCount;
        this.columns = new LinkedHashMap<>();
        for (ColumnData column : columns) {
            this.columns.put(column.name(), column);
        }
        this.columnNames = List.copyOf(this.columns.keySet());
    }

    private static List<ColumnData> wrap(Table table) {
        List<ColumnData> wrapped = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            wrapped.add(new ColumnData.Tablesaw(column));
        }
        return wrapped;
    }

    /**
     * Wraps a Tablesaw table that is already in memory, e.g. built by a test.
     *
     * @param name the name used in messages and reports
     * @param table the table; must have at least one row
     */
    public static TestData of(String name, Table table) {
        if (table.rowCount() == 0) {
            throw new DataException("data set " + name + " has no rows: an empty data set cannot pass a quality gate");
        }
        return new TestData(name, "", table);
    }

    /** Returns the data set's name, the file name for files, e.g. {@code iris-test.csv}. */
    public String name() {
        return name;
    }

    /** Returns the SHA-256 of the file the data was read from, or an empty string for in-memory data. */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns the MD5 that the data file's DVC pointer ({@code file.csv.dvc}) records and the file was checked
     * against, or an empty string when there is no pointer.
     */
    public String dvcMd5() {
        return dvcMd5;
    }

    /** Returns the number of data rows (the header is not a row). */
    public int rowCount() {
        return rowCount;
    }

    /** Returns the column names in file order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** Returns whether a column of that exact name exists. */
    public boolean hasColumn(String column) {
        // Tablesaw's containsColumn ignores case; a column name is exact here.
        return columnNames.contains(column);
    }

    /**
     * Fails unless the column exists, with a message that names the data set, the role the column plays, the nearest
     * existing name and all columns.
     *
     * @param column the column name
     * @param role what the column is for, e.g. {@code label} or {@code feature}, or empty; used in the message
     */
    public void requireColumn(String column, String role) {
        if (!hasColumn(column)) {
            String what = role.isEmpty() ? "column" : role + " column";
            throw new DataException("data set " + name + " has no " + what + " '" + column + "'"
                    + Names.didYouMean(column, columnNames) + "; its columns are " + Echo.names(columnNames));
        }
    }

    /** Returns the kind of values in a column. */
    public ColumnKind kind(String column) {
        return kindOf(column(column).type());
    }

    // Tablesaw 0.44 can hold two instances of one column type after a class-initialisation cycle; its equals()
    // compares names, so compare with equals, never ==.
    static ColumnKind kindOf(ColumnType type) {
        if (ColumnType.INTEGER.equals(type) || ColumnType.LONG.equals(type) || ColumnType.SHORT.equals(type)) {
            return ColumnKind.INTEGER;
        }
        if (ColumnType.DOUBLE.equals(type) || ColumnType.FLOAT.equals(type)) {
            return ColumnKind.DOUBLE;
        }
        if (ColumnType.BOOLEAN.equals(type)) {
            return ColumnKind.BOOLEAN;
        }
        if (ColumnType.STRING.equals(type)) {
            return ColumnKind.STRING;
        }
        return ColumnKind.TEMPORAL;
    }

    /**
     * Returns a numeric column as doubles, missing cells as {@code NaN}. The array is shared: do not modify it.
     *
     * @throws DataException if the column is not numeric
     */
    public double[] doubles(String column) {
        return doubles.computeIfAbsent(column, this::readDoubles);
    }

    private double[] readDoubles(String column) {
        ColumnData c = column(column);
        double[] values = c.doubles();
        if (values == null) {
            ColumnData.Where where = c.firstNonNumber();
            String first;
            if (where != null) {
                first = " (row " + (where.row() + 1) + " is '" + Echo.text(where.value()) + "', line " + where.line()
                        + " of the file)";
            } else {
                int row = firstNonNumericRow(c);
                first = row >= 0 ? " (row " + (row + 1) + " is '" + c.tablesaw().getString(row) + "')" : "";
            }
            throw new DataException("data set " + name + ", column '" + column + "' holds "
                    + kindOf(c.type()).displayName()
                    + " values, not numbers"
                    + first);
        }
        return values;
    }

    private int firstNonNumericRow(ColumnData c) {
        String[] values = strings(c.name());
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            try {
                Double.parseDouble(values[i]);
            } catch (NumberFormatException e) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns a column as text, missing cells as {@code null}. Whole numbers read as decimals print without a
     * fraction ({@code 1.0} becomes {@code "1"}), so numeric class labels match however the file wrote them. The array
     * is shared: do not modify it.
     */
    public String[] strings(String column) {
        return strings.computeIfAbsent(column, this::readStrings);
    }

    private String[] readStrings(String column) {
        return column(column).strings();
    }

    /**
     * Returns a column encoded as categories, as {@link #strings} would name them, built once without an object per
     * row: for label encoding over millions of rows.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public Categories categories(String column) {
        return categories.computeIfAbsent(column, c -> column(c).categories());
    }

    /** Returns whether a cell is missing: empty, or a missing-value marker such as {@code NA} or {@code NaN}. */
    public boolean isMissing(String column, int row) {
        return column(column).isMissing(row);
    }

    /** Returns a cell as text, as Tablesaw prints it; missing cells are empty. */
    public String cell(String column, int row) {
        return column(column).tablesaw().getString(row);
    }

    /**
     * Returns some of the rows as a data set of their own, e.g. a sample, with the file's hashes (it was drawn from
     * that file). The rows are picked from the columns as read, without building the Tablesaw table.
     *
     * @param rows the row indexes (from 0), ascending
     * @param name the new data set's name, for messages and reports
     * @since 0.1.0
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public TestData rows(int[] rows, String name) {
        List<ColumnData> picked = new ArrayList<>(columns.size());
        for (ColumnData column : columns.values()) {
            picked.add(column.rows(rows));
        }
        return new TestData(name, sha256, picked, dvcMd5, rows.length);
    }

    /**
     * Returns the underlying Tablesaw table, for tests that want Tablesaw's own API. Do not modify it. A CSV file's
     * table is built on the first call, from the arrays the columns were read into.
     */
    public synchronized Table table() {
        if (table == null) {
            Table built = Table.create(name);
            for (ColumnData column : columns.values()) {
                built.addColumns(column.tablesaw());
            }
            table = built;
        }
        return table;
    }

    private ColumnData column(String column) {
        requireColumn(column, "");
        return columns.get(column);
    }

    @Override
    public String toString() {
        return name + " (" + rowCount() + " rows, " + columnNames.size() + " columns)";
    }
}
