package dev.modeltest.parquet;

import dev.modeltest.data.DataFormat;
import dev.modeltest.data.Resource;
import dev.modeltest.internal.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.apiguardian.api.API;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.IntColumnType;
import tech.tablesaw.columns.numbers.LongColumnType;

/**
 * Reads {@code .parquet} test data with DuckDB's JDBC driver, into the same column kinds the CSV reader gives:
 * whole-number columns as integers (long only when a value does not fit an int), float and double and decimal columns
 * as doubles, strings and enums as text, booleans, dates, times and timestamps as such; anything else (lists,
 * structs, blobs, UUIDs, intervals) as its text.
 *
 * <p>Found through {@link java.util.ServiceLoader} when {@code modeltest-parquet} is on the test class path:
 * {@code @ModelTest(data = "src/test/resources/test.parquet", ...)}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParquetFormat implements DataFormat {

    @Override
    public String name() {
        return "Parquet";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(".parquet");
    }

    @Override
    public Table read(Resource resource) throws IOException, SQLException {
        Optional<Path> file = resource.file().filter(ParquetFormat::isPlainPath);
        if (file.isPresent()) {
            return read(file.get(), resource.fileName());
        }
        // DuckDB reads files, not streams: a class-path resource inside a jar, or a name DuckDB would take for a glob
        // pattern, is copied to a temporary file first.
        Path copy = Files.createTempFile("modeltest-", ".parquet");
        try {
            try (InputStream in = resource.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return read(copy, resource.fileName());
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * Whether DuckDB reads the path as the one file it names: the path is bound as a parameter, never written into the
     * SQL, so quotes and semicolons are harmless, but DuckDB still expands glob characters in it.
     */
    private static boolean isPlainPath(Path path) {
        String text = path.toAbsolutePath().toString();
        return text.chars().noneMatch(c -> "*?[]{}".indexOf(c) >= 0);
    }

    private static Table read(Path file, String tableName) throws SQLException {
        Properties config = new Properties();
        // Reading a local file needs no extension; never let a test run fetch one from the network.
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        String path = file.toAbsolutePath().toString();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", config)) {
            int rows = rowCount(connection, path);
            List<Builder> builders = new ArrayList<>();
            List<String> selected = new ArrayList<>();
            try (PreparedStatement columns = connection.prepareStatement("SELECT * FROM read_parquet(?) LIMIT 0")) {
                columns.setString(1, path);
                try (ResultSet none = columns.executeQuery()) {
                    ResultSetMetaData meta = none.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String name = meta.getColumnName(c);
                        String column = quoteName(name);
                        if (meta.getColumnTypeName(c).equalsIgnoreCase("VARCHAR")) {
                            String type = "modeltest_text_" + c;
                            builders.add(new Coded(name, levels(connection, type, column, path)));
                            selected.add("enum_code(CAST(" + column + " AS " + type + "))");
                        } else {
                            builders.add(Builder.of(name, meta.getColumnTypeName(c), rows));
                            selected.add(column);
                        }
                    }
                }
            }
            readInParts(connection, path, selected, builders);
            Table table = Table.create(tableName);
            for (Builder builder : builders) {
                table.addColumns(builder.build());
            }
            return table;
        }
    }

    /**
     * Reads the columns in one part per core, each part a query of its own columns on a connection of its own to the
     * same database (which holds the text columns' ENUM types). Each cell is one JDBC call made by a Java thread, the
     * cost that remains once text is read as codes, so the parts run side by side; DuckDB scans a single file in its
     * stored row order (its {@code preserve_insertion_order} default), so the parts' rows line up.
     */
    private static void readInParts(Connection connection, String path, List<String> selected, List<Builder> builders)
            throws SQLException {
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), builders.size()));
        if (parts == 1) {
            readPart(connection, path, selected, builders);
            return;
        }
        List<Connection> connections = new ArrayList<>();
        try {
            List<Parallel.Task<Void, SQLException>> tasks = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                List<String> partSelected = new ArrayList<>();
                List<Builder> partBuilders = new ArrayList<>();
                // Columns dealt round-robin, so that text and number columns spread over the parts alike.
                for (int c = part; c < builders.size(); c += parts) {
                    partSelected.add(selected.get(c));
                    partBuilders.add(builders.get(c));
                }
                Connection partConnection =
                        connection.unwrap(DuckDBConnection.class).duplicate();
                connections.add(partConnection);
                tasks.add(() -> {
                    readPart(partConnection, path, partSelected, partBuilders);
                    return null;
                });
            }
            Parallel.run("modeltest-parquet", tasks, SQLException.class);
        } finally {
            for (Connection partConnection : connections) {
                partConnection.close();
            }
        }
    }

    private static void readPart(Connection connection, String path, List<String> selected, List<Builder> builders)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + String.join(", ", selected) + " FROM read_parquet(?)")) {
            statement.setString(1, path);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    for (int c = 0; c < builders.size(); c++) {
                        builders.get(c).append(rows, c + 1);
                    }
                }
            }
        }
    }

    /**
     * The file's row count, from its metadata: number columns are sized once instead of growing by copies (growing 30
     * Tablesaw double columns to 1 M rows was a third of the time of reading the benchmark's mixed file).
     */
    private static int rowCount(Connection connection, String path) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            count.setString(1, path);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return (int) Math.min(result.getLong(1), Integer.MAX_VALUE - 8);
            }
        }
    }

    private static String quoteName(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Makes the text column's distinct values a DuckDB {@code ENUM} type and returns them in code order. The driver
     * turns every text cell into a new Java string, about 300 ns each (8 text columns of 1 M rows took 2.7 s of the
     * 5.1 s read); read as the code of its value, a cell costs what a whole number does, and each distinct value
     * becomes a string once.
     */
    private static String[] levels(Connection connection, String type, String column, String path) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement("CREATE TYPE " + type + " AS ENUM (SELECT DISTINCT "
                + column + " FROM read_parquet(?) WHERE " + column + " IS NOT NULL)")) {
            create.setString(1, path);
            create.execute();
        }
        List<String> levels = new ArrayList<>();
        try (PreparedStatement range = connection.prepareStatement("SELECT unnest(enum_range(NULL::" + type + "))");
                ResultSet rows = range.executeQuery()) {
            while (rows.next()) {
                levels.add(rows.getString(1));
            }
        }
        return levels.toArray(String[]::new);
    }

    /** Collects one column's values from the result set, then builds the Tablesaw column. */
    private abstract static class Builder {

        /** Picks the builder once per column, so the per-row loop makes no choice of type. */
        static Builder of(String name, String duckType, int rowCount) {
            String type = duckType.toUpperCase(Locale.ROOT);
            return switch (type) {
                case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT", "UINTEGER", "BIGINT" ->
                    new Whole(name, rowCount);
                case "FLOAT" -> new Decimal(name, true, rowCount);
                case "DOUBLE" -> new Decimal(name, false, rowCount);
                case "BOOLEAN" -> new Bool(name);
                case "DATE" ->
                    new ObjectCells<>(DateColumn.create(name), (rows, c) -> rows.getObject(c, LocalDate.class));
                case "TIME" -> new ObjectCells<>(TimeColumn.create(name), Builder::time);
                case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" ->
                    new ObjectCells<>(DateTimeColumn.create(name), (rows, c) -> rows.getObject(c, LocalDateTime.class));
                case "TIMESTAMP WITH TIME ZONE" -> new ObjectCells<>(InstantColumn.create(name), Builder::instant);
                default -> type.startsWith("DECIMAL") ? new Decimal(name, false, rowCount) : text(name);
            };
        }

        private static Builder text(String name) {
            return new ObjectCells<>(StringColumn.create(name), (rows, c) -> {
                String value = rows.getString(c);
                return rows.wasNull() ? null : value;
            });
        }

        private static LocalTime time(ResultSet rows, int column) throws SQLException {
            // DuckDB's driver converts TIME to no java.time type; its text is ISO-8601 (08:15:00, 08:15:00.25).
            String text = rows.getString(column);
            return text == null ? null : LocalTime.parse(text);
        }

        private static Instant instant(ResultSet rows, int column) throws SQLException {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        abstract void append(ResultSet rows, int column) throws SQLException;

        abstract Column<?> build();
    }

    /** Whole numbers: an int column like the CSV reader's, or long when a value needs it. */
    private static final class Whole extends Builder {
        private final String name;
        private long[] values;
        private boolean[] missing;
        private int size;
        private boolean fitsInt = true;

        Whole(String name, int rows) {
            this.name = name;
            this.values = new long[Math.max(rows, 16)];
            this.missing = new boolean[values.length];
        }

        @Override
        void append(ResultSet rows, int column) throws SQLException {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                missing = Arrays.copyOf(missing, size * 2);
            }
            long value = rows.getLong(column);
            if (rows.wasNull()) {
                missing[size++] = true;
                return;
            }
            // Tablesaw marks a missing int with Integer.MIN_VALUE (and a missing long with Long.MIN_VALUE), so those
            // values need the wider column.
            fitsInt &= value > Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            values[size++] = value;
        }

        @Override
        Column<?> build() {
            if (fitsInt) {
                int[] ints = new int[size];
                for (int i = 0; i < size; i++) {
                    ints[i] = missing[i] ? IntColumnType.missingValueIndicator() : (int) values[i];
                }
                return IntColumn.create(name, ints);
            }
            long[] longs = Arrays.copyOf(values, size);
            for (int i = 0; i < size; i++) {
                if (missing[i]) {
                    longs[i] = LongColumnType.missingValueIndicator();
                }
            }
            return LongColumn.create(name, longs);
        }
    }

    /** Float, double and decimal numbers, as doubles; a missing cell is NaN, as in Tablesaw's column. */
    private static final class Decimal extends Builder {
        private final String name;
        private final boolean single;
        private double[] values;
        private int size;

        Decimal(String name, boolean single, int rows) {
            this.name = name;
            this.single = single;
            this.values = new double[Math.max(rows, 16)];
        }

        @Override
        void append(ResultSet rows, int column) throws SQLException {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            double value = single ? rows.getFloat(column) : rows.getDouble(column);
            if (rows.wasNull()) {
                values[size++] = DoubleColumnType.missingValueIndicator();
            } else if (single) {
                // A float32 0.1f widened is 0.10000000149011612; the file's writer meant 0.1, which is what a CSV of
                // the same data holds. The shortest decimal that reads back as the same float recovers it (narrowing
                // the widened value back gives the very float read).
                values[size++] = Double.parseDouble(Float.toString((float) value));
            } else {
                values[size++] = value;
            }
        }

        @Override
        Column<?> build() {
            return DoubleColumn.create(name, size == values.length ? values : Arrays.copyOf(values, size));
        }
    }

    /** Booleans, kept apart from {@link ObjectCells} so that no cell is boxed. */
    private static final class Bool extends Builder {
        private final BooleanColumn values;

        Bool(String name) {
            this.values = BooleanColumn.create(name);
        }

        @Override
        void append(ResultSet rows, int column) throws SQLException {
            boolean value = rows.getBoolean(column);
            if (rows.wasNull()) {
                values.appendMissing();
            } else {
                values.append(value);
            }
        }

        @Override
        Column<?> build() {
            return values;
        }
    }

    /** Text read as codes into its distinct values (see {@link ParquetFormat#levels}). */
    private static final class Coded extends Builder {
        private final StringColumn values;
        private final String[] levels;

        Coded(String name, String[] levels) {
            this.values = StringColumn.create(name);
            this.levels = levels;
        }

        @Override
        void append(ResultSet rows, int column) throws SQLException {
            long code = rows.getLong(column);
            if (rows.wasNull()) {
                values.appendMissing();
            } else {
                values.append(levels[(int) code]);
            }
        }

        @Override
        Column<?> build() {
            return values;
        }
    }

    /** Reads one cell as the column's value type, or {@code null} when the cell is null. */
    @FunctionalInterface
    private interface Cell<T> {
        T read(ResultSet rows, int column) throws SQLException;
    }

    /**
     * Text, dates, times and timestamps: cells the driver gives as objects anyway, read by a {@link Cell} chosen once
     * per column into the Tablesaw column of that type.
     */
    private static final class ObjectCells<T> extends Builder {
        private final Column<T> values;
        private final Cell<T> cell;

        ObjectCells(Column<T> values, Cell<T> cell) {
            this.values = values;
            this.cell = cell;
        }

        @Override
        void append(ResultSet rows, int column) throws SQLException {
            T value = cell.read(rows, column);
            if (value == null) {
                values.appendMissing();
            } else {
                values.append(value);
            }
        }

        @Override
        Column<?> build() {
            return values;
        }
    }
}
