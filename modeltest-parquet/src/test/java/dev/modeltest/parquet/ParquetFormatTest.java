package dev.modeltest.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Parquet files, written here by DuckDB (the same engine that reads them, but through its independent Parquet
 * writer), read into the same {@link TestData} as the CSV file they were made from.
 */
class ParquetFormatTest {

    private static final String MIXED = "src/test/resources/mixed.csv";

    @TempDir
    Path dir;

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Path parquetOf(String csv, String name) throws SQLException {
        Path out = dir.resolve(name);
        sql("COPY (SELECT * FROM read_csv('" + Path.of(csv).toAbsolutePath() + "', header = true)) TO '" + out
                + "' (FORMAT parquet)");
        return out;
    }

    @Test
    void parquetGivesTheSameTestDataAsTheCsv() throws SQLException {
        TestData csv = DataLoader.load(MIXED);
        TestData parquet = DataLoader.load(parquetOf(MIXED, "mixed.parquet").toString());

        assertThat(parquet.name()).isEqualTo("mixed.parquet");
        assertThat(parquet.rowCount()).isEqualTo(csv.rowCount()).isEqualTo(4);
        assertThat(parquet.columnNames()).isEqualTo(csv.columnNames());
        for (String column : csv.columnNames()) {
            assertThat(parquet.table().column(column).type())
                    .as(column)
                    .isEqualTo(csv.table().column(column).type());
            assertThat(parquet.kind(column)).as(column).isEqualTo(csv.kind(column));
            assertThat(parquet.strings(column)).as(column).containsExactly(csv.strings(column));
            for (int row = 0; row < csv.rowCount(); row++) {
                assertThat(parquet.isMissing(column, row))
                        .as(column + " row " + row)
                        .isEqualTo(csv.isMissing(column, row));
                assertThat(parquet.cell(column, row)).as(column + " row " + row).isEqualTo(csv.cell(column, row));
            }
            if (csv.kind(column).isNumeric()) {
                assertThat(parquet.doubles(column)).as(column).containsExactly(csv.doubles(column));
            }
        }
        assertThat(parquet.table().column("id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(parquet.table().column("big").type()).isEqualTo(ColumnType.LONG);
    }

    @Test
    void columnsReadInPartsLineUpRowForRowAcrossManyRowGroups() throws Exception {
        // 300 000 rows in row groups of 10 000: the file is scanned in parallel by DuckDB, and its columns are read by
        // one query per core; every column must still give the rows in the file's order.
        StringBuilder csv = new StringBuilder("id,x,colour,twice,flag\n");
        for (int row = 0; row < 300_000; row++) {
            csv.append(row)
                    .append(',')
                    .append(row * 0.5)
                    .append(',')
                    .append("c")
                    .append(row % 7)
                    .append(',')
                    .append(2L * row)
                    .append(',')
                    .append(row % 3 == 0)
                    .append('\n');
        }
        Path source = dir.resolve("ordered.csv");
        Files.writeString(source, csv);
        Path out = dir.resolve("ordered.parquet");
        sql("COPY (SELECT * FROM read_csv('" + source.toAbsolutePath() + "', header = true)) TO '" + out
                + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");

        TestData parquet = DataLoader.load(out.toString());

        double[] id = parquet.doubles("id");
        double[] x = parquet.doubles("x");
        double[] twice = parquet.doubles("twice");
        String[] colour = parquet.strings("colour");
        String[] flag = parquet.strings("flag");
        assertThat(id).hasSize(300_000);
        for (int row = 0; row < id.length; row++) {
            int i = (int) id[row];
            assertThat(i).as("row %d", row).isEqualTo(row);
            assertThat(x[row]).as("x at row %d", row).isEqualTo(i * 0.5);
            assertThat(twice[row]).as("twice at row %d", row).isEqualTo(2.0 * i);
            assertThat(colour[row]).as("colour at row %d", row).isEqualTo("c" + i % 7);
            assertThat(flag[row]).as("flag at row %d", row).isEqualTo(String.valueOf(i % 3 == 0));
        }
    }

    @Test
    void readsParquetTypesAsTheColumnKindsOfTheCsvReader() throws SQLException {
        Path file = dir.resolve("typed.parquet");
        sql("COPY (SELECT 0.1::FLOAT AS f, 12.34::DECIMAL(10, 2) AS d, 7::TINYINT AS small,"
                + " TIMESTAMP '2024-01-15 10:30:00' AS ts, TIME '08:15:00' AS t,"
                + " TIMESTAMPTZ '2024-01-15 10:00:00+00' AS tz, [1, 2] AS list, NULL::DOUBLE AS empty,"
                + " 'a'::VARCHAR AS text) TO '" + file + "' (FORMAT parquet)");
        TestData data = DataLoader.load(file.toString());
        // A float32 0.1 reads as the 0.1 its writer meant, not 0.10000000149011612.
        assertThat(data.doubles("f")).containsExactly(0.1);
        assertThat(data.doubles("d")).containsExactly(12.34);
        assertThat(data.kind("small")).isEqualTo(ColumnKind.INTEGER);
        assertThat(data.table().dateTimeColumn("ts").get(0)).isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 30));
        assertThat(data.table().timeColumn("t").get(0)).isEqualTo(LocalTime.of(8, 15));
        assertThat(data.table().instantColumn("tz").get(0)).isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
        assertThat(data.kind("ts")).isEqualTo(ColumnKind.TEMPORAL);
        assertThat(data.kind("list")).isEqualTo(ColumnKind.STRING);
        assertThat(data.cell("list", 0)).isEqualTo("[1, 2]");
        assertThat(data.isMissing("empty", 0)).isTrue();
        assertThat(data.strings("text")).containsExactly("a");
    }

    @Test
    void readsEveryColumnTypeWithItsNulls() throws SQLException {
        Path file = dir.resolve("nulls.parquet");
        sql("COPY (SELECT i::INTEGER AS ints, w::INTEGER AS wide, l::BIGINT AS longs, f::FLOAT AS floats,"
                + " d::DOUBLE AS doubles, n::DECIMAL(10, 2) AS decimals, b::BOOLEAN AS booleans, s::VARCHAR AS strings,"
                + " dt::DATE AS dates, t::TIME AS times, ts::TIMESTAMP AS timestamps, tz::TIMESTAMPTZ AS instants,"
                + " li AS lists FROM (VALUES"
                + " (1, 5, 3000000000, 0.1, 2.5, 12.34, true, 'a', '2024-01-15', '08:15:00', '2024-01-15 10:30:00',"
                + " '2024-01-15 10:00:00+00', [1, 2]),"
                + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                + " (-7, -2147483648, -9223372036854775808, -1.5, -0.25, -0.5, false, 'z', '2023-12-31',"
                + " '23:59:59.25', '2023-12-31 23:59:59.5', '2023-12-31 23:00:00-01', [])"
                + ") v(i, w, l, f, d, n, b, s, dt, t, ts, tz, li)) TO '" + file + "' (FORMAT parquet)");
        Table table = DataLoader.load(file.toString()).table();

        assertThat(table.intColumn("ints").asList()).containsExactly(1, null, -7);
        // Integer.MIN_VALUE is Tablesaw's missing int, so it needs a long column; Long.MIN_VALUE, the missing long,
        // has nothing wider and reads as missing.
        assertThat(table.longColumn("wide").asList()).containsExactly(5L, null, -2147483648L);
        assertThat(table.longColumn("longs").asList()).containsExactly(3000000000L, null, null);
        assertThat(table.doubleColumn("floats").asList()).containsExactly(0.1, null, -1.5);
        assertThat(table.doubleColumn("doubles").asList()).containsExactly(2.5, null, -0.25);
        assertThat(table.doubleColumn("decimals").asList()).containsExactly(12.34, null, -0.5);
        assertThat(table.booleanColumn("booleans").asList()).containsExactly(true, null, false);
        // Tablesaw gives a missing string as "".
        assertThat(table.stringColumn("strings").asList()).containsExactly("a", "", "z");
        assertThat(table.stringColumn("strings").isMissing(1)).isTrue();
        assertThat(table.dateColumn("dates").asList())
                .containsExactly(LocalDate.of(2024, 1, 15), null, LocalDate.of(2023, 12, 31));
        assertThat(table.timeColumn("times").asList())
                .containsExactly(LocalTime.of(8, 15), null, LocalTime.of(23, 59, 59, 250_000_000));
        assertThat(table.dateTimeColumn("timestamps").asList())
                .containsExactly(
                        LocalDateTime.of(2024, 1, 15, 10, 30),
                        null,
                        LocalDateTime.of(2023, 12, 31, 23, 59, 59, 500_000_000));
        assertThat(table.instantColumn("instants").asList())
                .containsExactly(Instant.parse("2024-01-15T10:00:00Z"), null, Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(table.stringColumn("lists").asList()).containsExactly("[1, 2]", "", "[]");
        assertThat(table.stringColumn("lists").isMissing(1)).isTrue();
        for (String column : table.columnNames()) {
            assertThat(table.column(column).isMissing(0)).as(column).isFalse();
            assertThat(table.column(column).isMissing(1)).as(column).isTrue();
        }
    }

    @Test
    void readsTextColumnsAsCodesWhateverTheirNamesAndValues() throws SQLException {
        // Text is read as codes of a DuckDB ENUM made of the column's distinct values: the column name goes into that
        // SQL quoted, and a column of nulls makes an empty ENUM.
        Path file = dir.resolve("text.parquet");
        sql(
                "COPY (SELECT a::VARCHAR AS \"say \"\"hi\"\"\", b::VARCHAR AS \"none\", c::VARCHAR AS \"select\" FROM (VALUES"
                        + " ('o''brien', NULL, 'same'), ('', NULL, 'same'), (NULL, NULL, 'x\"y'), ('o''brien', NULL, 'same')"
                        + ") v(a, b, c)) TO '" + file + "' (FORMAT parquet)");
        Table table = DataLoader.load(file.toString()).table();

        assertThat(table.columnNames()).containsExactly("say \"hi\"", "none", "select");
        assertThat(table.stringColumn("say \"hi\"").asList()).containsExactly("o'brien", "", "", "o'brien");
        assertThat(table.stringColumn("say \"hi\"").isMissing(2)).isTrue();
        assertThat(table.stringColumn("none").asList()).containsExactly("", "", "", "");
        assertThat(table.stringColumn("none").countMissing()).isEqualTo(4);
        assertThat(table.stringColumn("select").asList()).containsExactly("same", "same", "x\"y", "same");
    }

    @Test
    void corruptFileFailsNamingTheFile() throws IOException {
        Path file = dir.resolve("broken.parquet");
        Files.writeString(file, "not a parquet file at all");
        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("cannot read data file '" + file + "': ")
                .hasMessageContaining("parquet");
    }

    @Test
    void readsAParquetFileInsideAJarOnTheClassPath() throws Exception {
        Path parquet = parquetOf(MIXED, "packed.parquet");
        Path jar = dir.resolve("data.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("sets/packed.parquet"));
            entries.write(Files.readAllBytes(parquet));
            entries.closeEntry();
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            TestData data = DataLoader.load("classpath:sets/packed.parquet");
            assertThat(data.name()).isEqualTo("packed.parquet");
            assertThat(data.strings("name")).containsExactly("setosa", "virginica", "versicolor", null);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void fileNameThatDuckDbWouldTakeForAPatternIsReadLiterally() throws Exception {
        Path odd = dir.resolve("it's [v1].parquet");
        Files.copy(parquetOf(MIXED, "plain.parquet"), odd);
        TestData data = DataLoader.load(odd.toString());
        assertThat(data.name()).isEqualTo("it's [v1].parquet");
        assertThat(data.rowCount()).isEqualTo(4);
    }

    @Test
    void pathWithQuotesAndSemicolonsIsBoundNotWrittenIntoTheSql() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("o'brien; \"team\""));
        Path odd = parent.resolve("x'); DROP TABLE t; SELECT ('.parquet");
        Files.copy(parquetOf(MIXED, "plain.parquet"), odd);

        TestData data = DataLoader.load(odd.toString());

        assertThat(data.name()).isEqualTo("x'); DROP TABLE t; SELECT ('.parquet");
        assertThat(data.rowCount()).isEqualTo(4);
    }

    @Test
    void pathCraftedToRunOtherSqlReadsNothingButTheFile() throws Exception {
        // Were the path written into the SQL, this name would end the string and the statement and copy a file.
        // A file name cannot hold a slash, so the copy would go to the working directory.
        Path leak = Path.of("leak-" + System.nanoTime() + ".csv");
        Path odd = dir.resolve("a.parquet'); COPY (SELECT 1) TO '" + leak + "'; SELECT * FROM read_parquet('a.parquet");
        Files.copy(parquetOf(MIXED, "plain.parquet"), odd);

        TestData data = DataLoader.load(odd.toString());

        assertThat(data.rowCount()).isEqualTo(4);
        assertThat(leak).doesNotExist();
    }
}
