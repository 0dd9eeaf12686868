package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The fast CSV reader gives the table Tablesaw gives (the reader before it): same column names, types, missing cells,
 * printed cells and numbers to the bit, on every CSV file of the repository's tests and on generated files that use
 * the CSV features either reader could get wrong.
 */
class FastCsvEqualityTest {

    @TempDir
    Path dir;

    static Stream<Path> repositoryCsvFiles() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> csv = files.filter(p -> p.toString().endsWith(".csv"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "test"))
                    .filter(p -> !p.toString().contains(java.io.File.separator + "target" + java.io.File.separator))
                    .sorted()
                    .toList();
            return new ArrayList<>(csv).stream();
        }
    }

    @ParameterizedTest
    @MethodSource("repositoryCsvFiles")
    void readsEveryTestFileOfTheRepositoryAsTablesawDoes(Path file) throws Exception {
        assertSameAsTablesaw(file, MissingValues.pandas());
    }

    @Test
    void readsTheRepositoryTestFilesThatAreWellFormedWithoutTablesaw() throws IOException {
        List<String> leftToTablesaw = new ArrayList<>();
        int read = 0;
        for (Path file : repositoryCsvFiles().toList()) {
            Resource resource = Resource.resolve(file.toString(), IllegalStateException::new);
            try {
                CsvText.checkText(resource);
                FastCsv.read(resource, MissingValues.pandas(), 16);
                read++;
            } catch (FastCsv.Unsupported e) {
                leftToTablesaw.add(file.getFileName() + ": " + e.getMessage());
            } catch (dev.modeltest.error.DataException e) {
                // a bad-input file of the tests
            }
        }
        assertThat(read).isGreaterThan(100);
        assertThat(leftToTablesaw).as("files left to Tablesaw").hasSizeLessThan(10);
    }

    @Test
    void readsQuotesEscapesBlanksAndWindowsLineEnds() throws Exception {
        Path file = write(
                "quotes.csv",
                "id , name,\"note\"\r\n1,\" spaced \",\"say \"\"hi\"\"\"\r\n2,  plain  ,\"a,b\"\r\n\r\n3,x,\"two\nlines\"\r\n");

        assertSameAsTablesaw(file, MissingValues.pandas());
    }

    @Test
    void typesColumnsAsTablesawDoesFromEveryRow() throws Exception {
        StringBuilder text = new StringBuilder("int,zero_fraction,long,double,date8,date,time,bool,late_text,sparse,"
                + "commas,percent,big,missing_all,exp\n");
        for (int r = 0; r < 3000; r++) {
            text.append(r - 1500)
                    .append(',')
                    .append(r)
                    .append(".00,")
                    .append(3_000_000_000L + r)
                    .append(',')
                    .append(r * 0.25)
                    .append(',')
                    .append(20200101 + r % 28)
                    .append(',')
                    .append("2024-01-")
                    .append(10 + r % 20)
                    .append(',')
                    .append("10:")
                    .append(10 + r % 50)
                    .append(',')
                    .append(r % 2 == 0 ? "true" : "false")
                    .append(',')
                    .append(r == 2500 ? "oops" : Integer.toString(r))
                    .append(',')
                    .append(r % 1000 == 7 ? "7" : "")
                    .append(',')
                    .append("\"1,")
                    .append(100 + r % 900)
                    .append("\",")
                    .append(r % 100)
                    .append("%,")
                    .append(1234567890123456789L - r)
                    .append(',')
                    .append(r % 3 == 0 ? "NA" : "")
                    .append(',')
                    .append(r)
                    .append("e-3\n");
        }
        Path file = write("types.csv", text.toString());

        assertSameAsTablesaw(file, MissingValues.pandas());
    }

    @Test
    void readsMissingTokensLiteralAndCategoryColumnsAsTablesawDoes() throws Exception {
        StringBuilder text = new StringBuilder("country,label,score,code\n");
        for (int r = 0; r < 500; r++) {
            text.append(r % 5 == 0 ? "NA" : r % 5 == 1 ? "" : "FR")
                    .append(',')
                    .append(r % 4 == 0 ? "NA" : r % 4 == 1 ? "yes" : "no")
                    .append(',')
                    .append(r % 7 == 0 ? "NaN" : r % 7 == 1 ? "-999" : Double.toString(r / 3.0))
                    .append(',')
                    .append(r % 9 == 0 ? "null" : Integer.toString(r % 4))
                    .append('\n');
        }
        Path file = write("tokens.csv", text.toString());

        assertSameAsTablesaw(file, MissingValues.pandas());
        assertSameAsTablesaw(file, MissingValues.pandas().withTokens(List.of("-999", "NA")));
        assertSameAsTablesaw(file, MissingValues.pandas().withTokens(List.of()));
        assertSameAsTablesaw(
                file,
                MissingValues.pandas()
                        .withLiteralColumns(List.of("country", "code"))
                        .withCategoryColumns(List.of("label", "code")));
    }

    private void assertSameAsTablesaw(Path file, MissingValues missing) throws Exception {
        Resource resource = Resource.resolve(file.toString(), IllegalStateException::new);
        try {
            CsvText.checkText(resource);
        } catch (dev.modeltest.error.DataException e) {
            return; // refused before either reader sees it (a bad-input file of the tests)
        }
        DataLoader.CsvFormat csv = new DataLoader.CsvFormat();
        Table expected;
        try {
            expected = csv.readWithTablesaw(resource, missing);
        } catch (dev.modeltest.error.DataException tablesawFailure) {
            // A malformed file: the fast reader fails with the same message, or leaves the file to Tablesaw.
            try {
                FastCsv.read(resource, missing, 16);
                throw new AssertionError("the fast reader read " + file + ", Tablesaw failed: " + tablesawFailure);
            } catch (dev.modeltest.error.DataException fastFailure) {
                assertThat(fastFailure.getMessage()).isEqualTo(tablesawFailure.getMessage());
            } catch (FastCsv.Unsupported e) {
                // left to Tablesaw, which gives its message
            }
            return;
        }
        List<ColumnData> columns;
        try {
            columns = FastCsv.read(resource, missing, 16);
        } catch (FastCsv.Unsupported e) {
            // Left to Tablesaw: nothing to compare. The generated files of this test must not be left to it.
            assertThat(file.getParent())
                    .as("generated file %s is left to Tablesaw: %s", file, e.getMessage())
                    .isNotEqualTo(dir);
            return;
        }
        if (columns.isEmpty()) {
            assertThat(expected.rowCount()).as("rows of %s", file).isZero();
            return;
        }
        assertSameTable(file, expected, columns);
        // Read again in parts on all cores, as a large file is: the parts join into the same table.
        assertSameTable(file, expected, FastCsv.read(resource, missing, 16, 0));
    }

    private static void assertSameTable(Path file, Table expected, List<ColumnData> columns) {
        Table actual = new TestData(
                        file.getFileName().toString(),
                        "",
                        columns,
                        "",
                        columns.get(0).size())
                .table();

        assertThat(actual.columnNames()).as("columns of %s", file).isEqualTo(expected.columnNames());
        assertThat(actual.types()).as("types of %s", file).isEqualTo(expected.types());
        assertThat(actual.rowCount()).as("rows of %s", file).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            for (int r = 0; r < expected.rowCount(); r++) {
                String where = file.getFileName() + " " + e.name() + " row " + r;
                assertThat(a.isMissing(r)).as(where).isEqualTo(e.isMissing(r));
                assertThat(a.getString(r)).as(where).isEqualTo(e.getString(r));
                if (e instanceof NumericColumn<?> en) {
                    assertThat(Double.doubleToRawLongBits(((NumericColumn<?>) a).getDouble(r)))
                            .as(where)
                            .isEqualTo(Double.doubleToRawLongBits(en.getDouble(r)));
                }
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
