package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TestData#rows}: the rows picked from the columns as read hold the same cells as the same rows of the whole
 * Tablesaw table, for every kind of column, and a text column's first non-number is still located.
 */
class TestDataRowsTest {

    private static final int[] PICKED = {0, 2, 3, 7, 9};

    @TempDir
    Path dir;

    private TestData read(String csv) throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, csv);
        return DataLoader.load(file.toString());
    }

    private static String tenRows() {
        StringBuilder csv = new StringBuilder("x,n,big,label,day,flag\n");
        for (int row = 0; row < 10; row++) {
            csv.append(row * 0.5 + 0.25)
                    .append(',')
                    .append(row % 3 == 1 ? "" : String.valueOf(row * 7))
                    .append(',')
                    .append(10_000_000_000L + row)
                    .append(',')
                    .append(row % 4 == 2 ? "NA" : "class" + (row % 3))
                    .append(',')
                    .append("2026-01-")
                    .append(String.format("%02d", row + 1))
                    .append(',')
                    .append(row % 2 == 0)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void pickedRowsHoldTheSameCellsAsTheWholeTablesRows() throws IOException {
        TestData whole = read(tenRows());

        TestData sample = whole.rows(PICKED, "a sample of 5 of the 10 rows of rows.csv");

        assertThat(sample.rowCount()).isEqualTo(PICKED.length);
        assertThat(sample.columnNames()).isEqualTo(whole.columnNames());
        assertThat(body(sample.table().print()))
                .isEqualTo(body(whole.table().rows(PICKED).print()));
        for (String column : whole.columnNames()) {
            String[] all = whole.strings(column);
            String[] picked = new String[PICKED.length];
            for (int i = 0; i < PICKED.length; i++) {
                picked[i] = all[PICKED[i]];
            }
            assertThat(sample.strings(column)).as(column).containsExactly(picked);
        }
        assertThat(sample.doubles("x")).containsExactly(0.25, 1.25, 1.75, 3.75, 4.75);
        assertThat(sample.doubles("n")).containsExactly(0, 14, 21, Double.NaN, 63);
    }

    /** A printed table without its title line, which centres the data set's name. */
    private static String body(String printed) {
        return printed.substring(printed.indexOf('\n') + 1);
    }

    @Test
    void aPickedFirstNonNumberIsNamedByItsRowInThePickAndItsLineInTheFile() throws IOException {
        TestData whole = read("v\n1\n2\n3\nthree\n5\nsix\n");

        TestData sample = whole.rows(new int[] {1, 3, 5}, "sample");

        assertThatThrownBy(() -> sample.doubles("v"))
                .isInstanceOf(DataException.class)
                .hasMessage("data set sample, column 'v' holds string values, not numbers (row 2 is 'three', line 5"
                        + " of the file)");
    }

    @Test
    void withoutTheFilesFirstNonNumberTheFirstOneOfThePickIsFound() throws IOException {
        TestData whole = read("v\n1\n2\n3\nthree\n5\nsix\n");

        TestData sample = whole.rows(new int[] {0, 4, 5}, "sample");

        assertThatThrownBy(() -> sample.doubles("v"))
                .isInstanceOf(DataException.class)
                .hasMessage("data set sample, column 'v' holds string values, not numbers (row 3 is 'six')");
    }
}
