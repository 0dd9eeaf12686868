package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.DataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input deep in a large file is found by the fast reader (read in parts on all cores) and named by row and line;
 * a file larger than the heap fails before it is read, saying how much heap it needs.
 */
class LargeCsvErrorsTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void namesTheLineColumnAndValueOfAMalformedNumberDeepInTheFile() throws IOException {
        // Line 900 001 is row 900 000: the header is line 1.
        Path file = write("deep.csv", "id,x,y", r -> r + "," + (r == 899_999 ? "1.2.3" : r * 0.5) + "," + r % 7);

        TestData data = DataLoader.load(file.toString());

        assertThat(data.kind("x")).isEqualTo(ColumnKind.STRING);
        assertThatThrownBy(() -> data.doubles("x"))
                .isInstanceOf(DataException.class)
                .hasMessage("data set deep.csv, column 'x' holds string values, not numbers (row 900000 is '1.2.3',"
                        + " line 900001 of the file)");
        assertThat(data.strings("x")[899_999]).isEqualTo("1.2.3");
        assertThat(data.strings("x")[899_998]).isEqualTo("449999.0");
    }

    @Test
    void countsLinesOfBlankLinesInTheLinePartOfTheMessage() throws IOException {
        Path file = write("blanks.csv", "id,x", r -> (r == 10 ? "\n" : "") + r + "," + (r == 700_000 ? "n/a!" : r));

        TestData data = DataLoader.load(file.toString());

        assertThatThrownBy(() -> data.doubles("x"))
                .hasMessageEndingWith("(row 700001 is 'n/a!', line 700003 of the file)");
    }

    @Test
    void namesTheRowOfARowWithTooManyCellsDeepInTheFile() throws IOException {
        Path file = write("wide.csv", "a,b,c", r -> r + "," + r + "," + r + (r == 899_999 ? ",extra" : ""));

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "': row 900000 has 4 cells, but the header names 3 columns"
                        + " (an unquoted comma in a value?)");
    }

    @Test
    void failsBeforeReadingWhenTheHeapCannotHoldTheTable() throws IOException {
        Path file = write("big.csv", "a,b,c,d", r -> r + "," + r + "," + r + "," + r);
        Resource resource = Resource.resolve(file.toString(), IllegalStateException::new);
        long heap = 16L << 20;

        assertThatThrownBy(() -> new DataLoader.CsvFormat().load(resource, MissingValues.pandas(), "", heap))
                .isInstanceOf(DataException.class)
                .hasMessageMatching("data file '.*big.csv' \\(\\d+\\.\\d MiB, about [\\d,]+ rows × 4 columns\\) is too"
                        + " large for this JVM's heap: reading it needs about \\d+\\.\\d MiB, but the heap may grow to"
                        + " at most 16.0 MiB \\(-Xmx\\)\\. Give the JVM more heap \\(-Xmx, e\\.g\\. in"
                        + " Surefire's argLine\\), judge the model on a sample of the rows, or run the checks on Spark"
                        + " with the Spark module");
    }

    @Test
    void readsAFileThatFitsTheHeap() throws IOException {
        Path file = write("fits.csv", "a,b", r -> r + "," + r * 0.25);
        Resource resource = Resource.resolve(file.toString(), IllegalStateException::new);

        TestData data = new DataLoader.CsvFormat().load(resource, MissingValues.pandas(), "", 512L << 20);

        assertThat(data.rowCount()).isEqualTo(ROWS);
        assertThat(data.doubles("b")[ROWS - 1]).isEqualTo((ROWS - 1) * 0.25);
    }

    private Path write(String name, String header, IntFunction<String> row) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (int r = 0; r < ROWS; r++) {
                out.write(row.apply(r));
                out.write('\n');
            }
        }
        return file;
    }
}
