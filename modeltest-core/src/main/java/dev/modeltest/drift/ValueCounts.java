package dev.modeltest.drift;

import dev.modeltest.data.TestData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A data set's columns as counts of their distinct values: what drift is measured from when the rows are elsewhere
 * (counted per partition of a Spark {@code Dataset}, say). Every drift measure is a function of the two samples'
 * sorted values, which the counts give exactly: {@link DriftCheck#evaluate(String, ValueCounts, ValueCounts, List,
 * DriftOptions)} spreads them out again into the sorted columns the in-memory engine measures, and decides with its
 * code.
 *
 * <p>The cost is on the side that decides: a column spread out holds 8 bytes per value, as the in-memory engine's
 * sorted copy does, so counts of more than {@link #MAX_VALUES} values in a column are refused.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class ValueCounts {

    /** The most values (rows with a value) a counted column may have: 20 million, 160 MB spread out. */
    public static final long MAX_VALUES = 20_000_000;

    /** One column: numbers or text, each distinct value with its count, and the rows without a value. */
    private record Counted(Map<Double, Long> numbers, Map<String, Long> text) {}

    private final String name;
    private final int rowCount;
    private final Map<String, Counted> columns;

    private ValueCounts(String name, int rowCount, Map<String, Counted> columns) {
        this.name = name;
        this.rowCount = rowCount;
        this.columns = columns;
    }

    /**
     * Starts the counts of a data set.
     *
     * @param name the data set's name, for messages
     * @param rowCount its number of rows, those without a value in a column included
     */
    public static Builder builder(String name, long rowCount) {
        return new Builder(name, rowCount);
    }

    /** Returns the data set's name. */
    public String name() {
        return name;
    }

    /** Returns the number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** Returns the counted columns, in the order they were added. */
    public List<String> columns() {
        return List.copyOf(columns.keySet());
    }

    /**
     * Returns the data these counts describe: each column's values in ascending order, then its rows without a value
     * (a missing cell), as many rows as the data set has. Drift leaves the missing cells out and sorts the values, so
     * it measures these columns as it measures the rows they were counted from.
     */
    TestData spreadOut() {
        Table table = Table.create(name);
        columns.forEach((column, counted) -> {
            if (counted.numbers() != null) {
                double[] values = new double[rowCount];
                int r = 0;
                for (Map.Entry<Double, Long> e : counted.numbers().entrySet()) {
                    for (long i = 0; i < e.getValue(); i++) {
                        values[r++] = e.getKey();
                    }
                }
                Arrays.fill(values, r, rowCount, Double.NaN);
                table.addColumns(DoubleColumn.create(column, values));
            } else {
                StringColumn values = StringColumn.create(column);
                counted.text().forEach((value, rows) -> {
                    for (long i = 0; i < rows; i++) {
                        values.append(value);
                    }
                });
                while (values.size() < rowCount) {
                    values.appendMissing();
                }
                table.addColumns(values);
            }
        });
        return TestData.of(name, table);
    }

    /** Adds the counts column by column. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static final class Builder {

        private final String name;
        private final int rowCount;
        private final Map<String, Counted> columns = new LinkedHashMap<>();

        private Builder(String name, long rowCount) {
            this.name = Objects.requireNonNull(name, "name");
            if (rowCount < 1 || rowCount > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "data set " + name + ": rowCount must be in [1, " + Integer.MAX_VALUE + "], was " + rowCount);
            }
            this.rowCount = (int) rowCount;
        }

        /**
         * Adds a column of numbers: each finite value with the number of rows that hold it. Rows without a value (or
         * with NaN or an infinity, which drift leaves out as well) are the rest of the rows.
         *
         * @throws IllegalArgumentException if a value is not finite, a count is below 1, or the counts add up to more
         *     rows than the data set has or to more than {@link #MAX_VALUES}
         */
        public Builder numbers(String column, Map<Double, Long> counts) {
            Map<Double, Long> sorted = new TreeMap<>();
            counts.forEach((value, rows) -> {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("column '" + column + "': " + value + " is not a finite value");
                }
                // -0.0 and 0.0 are one value to drift, as in memory.
                sorted.merge(value == 0 ? 0.0 : value, rows, Long::sum);
            });
            put(column, new Counted(sorted, null), sorted.values());
            return this;
        }

        /**
         * Adds a column of text: each value with the number of rows that hold it; rows without a value are the rest.
         *
         * @throws IllegalArgumentException if a count is below 1, or the counts add up to more rows than the data set
         *     has or to more than {@link #MAX_VALUES}
         */
        public Builder text(String column, Map<String, Long> counts) {
            Map<String, Long> sorted = new TreeMap<>(counts);
            put(column, new Counted(null, sorted), sorted.values());
            return this;
        }

        private void put(String column, Counted counted, Iterable<Long> counts) {
            long total = 0;
            for (long rows : counts) {
                if (rows < 1) {
                    throw new IllegalArgumentException(
                            "column '" + column + "': a count must be at least 1, was " + rows);
                }
                total += rows;
            }
            if (total > rowCount) {
                throw new IllegalArgumentException("column '" + column + "': the counts add up to " + total
                        + " rows, more than the " + rowCount + " rows of " + name);
            }
            if (total > MAX_VALUES) {
                throw new IllegalArgumentException("column '" + column + "' of " + name + " has " + total
                        + " values, more than the " + MAX_VALUES + " drift measures from counts");
            }
            if (columns.putIfAbsent(Objects.requireNonNull(column, "column"), counted) != null) {
                throw new IllegalArgumentException("column '" + column + "' is counted twice");
            }
        }

        /** Returns the counts added so far. */
        public ValueCounts build() {
            return new ValueCounts(name, rowCount, new LinkedHashMap<>(columns));
        }
    }
}
