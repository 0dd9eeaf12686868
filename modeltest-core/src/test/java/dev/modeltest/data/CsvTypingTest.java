package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * CSV columns get the type that fits every row, as if Tablesaw had typed them from all rows, although the file is
 * first read with types from a sample (typing from all rows holds every cell as a string, which does not fit a 1 GiB
 * heap at a million rows).
 */
class CsvTypingTest {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void typesEachColumnAsAFullReadWouldWhenTheSampleTells() throws IOException {
        Path csv = write(
                "plain.csv", "n,x,s,d", r -> r + "," + (r * 0.5) + ",level" + (r % 3) + ",2024-01-0" + (r % 9 + 1));

        assertSameAsTypingEveryRow(
                csv, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.STRING, ColumnType.LOCAL_DATE);
    }

    @Test
    void readsAgainTypingEveryRowWhenALaterValueDoesNotFitTheSampledType() throws IOException {
        // Only rows after most of the sample break the sampled types: text among integers, a decimal among integers,
        // an integer too large for an int.
        Path csv = write(
                "late.csv",
                "a,b,c",
                r -> (r == 150_001 ? "oops" : Integer.toString(r)) + ","
                        + (r == 170_003 ? "2.5" : Integer.toString(r % 7)) + ","
                        + (r == 180_007 ? "3000000000" : Integer.toString(r)));

        Table table = assertSameAsTypingEveryRow(csv, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.LONG);
        assertThat(table.stringColumn("a").get(150_001)).isEqualTo("oops");
        assertThat(table.doubleColumn("b").get(170_003)).isEqualTo(2.5);
        assertThat(table.longColumn("c").get(180_007)).isEqualTo(3_000_000_000L);
    }

    @Test
    void readsAgainTypingEveryRowWhenTheSampleSawOnlyMissingValuesOfANumberColumn() throws IOException {
        // The sample sees only blanks, so it types 'sparse' as text; every row says it holds integers.
        Path csv = write("sparse.csv", "id,sparse", r -> r + "," + (r == 150_001 || r == 199_000 ? "7" : ""));

        Table table = assertSameAsTypingEveryRow(csv, ColumnType.INTEGER, ColumnType.INTEGER);
        assertThat(table.intColumn("sparse").countMissing()).isEqualTo(ROWS - 2);
    }

    @Test
    void keepsATextColumnWithoutAnyValueAsText() throws IOException {
        Path csv = write("empty.csv", "id,nothing", r -> r + ",");

        assertSameAsTypingEveryRow(csv, ColumnType.INTEGER, ColumnType.STRING);
    }

    private Table assertSameAsTypingEveryRow(Path csv, ColumnType... expected) throws IOException {
        Table table = new DataLoader.CsvFormat().read(Resource.resolve(csv.toString(), IllegalStateException::new));
        Table everyRow = Table.read()
                .csv(CsvReadOptions.builder(csv.toFile()).sample(false).build());

        assertThat(table.types()).containsExactly(expected);
        assertThat(table.types()).isEqualTo(everyRow.types());
        assertThat(table.rowCount()).isEqualTo(ROWS);
        return table;
    }

    private Path write(String name, String header, IntFunction<String> row) throws IOException {
        List<String> lines = new ArrayList<>(ROWS + 1);
        lines.add(header);
        for (int r = 0; r < ROWS; r++) {
            lines.add(row.apply(r));
        }
        return Files.write(dir.resolve(name), lines);
    }
}
