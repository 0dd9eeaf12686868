package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.DataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files that Tablesaw cannot read, or would read wrongly, fail naming the file and the row or column. */
class CsvReadingErrorsTest {

    @TempDir
    Path dir;

    @Test
    void namesTheRowWithMoreCellsThanTheHeader() throws IOException {
        Path file = write("wide.csv", "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4,5,6\n");

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "': row 3 has 6 cells, but the header names 5 columns"
                        + " (an unquoted comma in a value?)");
    }

    @Test
    void namesTheRowWithFewerCellsThanTheHeader() throws IOException {
        Path file = write("short.csv", "a,b,c\n1,2,3\n4,5\n");

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "': row 2 has 2 cells, but the header names 3 columns");
    }

    @Test
    void saysAGzipFileRenamedCsvIsCompressed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(dir.resolve("data.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "' is not CSV text: it is gzip-compressed; decompress it (gunzip)"
                        + " or give the uncompressed file");
    }

    @Test
    void saysABinaryFileRenamedCsvIsBinary() throws IOException {
        Path file = Files.write(dir.resolve("program.csv"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "' is not CSV text: it is binary (byte 8 is NUL)");
    }

    @Test
    void namesTheTargetOfALinkToABinaryFile() throws IOException {
        Path target = Files.write(dir.resolve("model.bin"), new byte[] {1, 2, 0, 4, 5, 6, 7, 8});
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);

        assertThatThrownBy(() -> DataLoader.load(link.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + link + "' (a link to '" + target.toRealPath()
                        + "') is not CSV text: it is binary (byte 3 is NUL)");
    }

    @Test
    void saysAZipArchiveRenamedCsvIsAnArchive() throws IOException {
        Path file = Files.write(dir.resolve("book.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "' is not CSV text: it is a ZIP archive (or an Excel .xlsx"
                        + " workbook); give the CSV file inside it, or save the sheet as CSV");
    }

    @Test
    void namesUtf16WithAByteOrderMarkAsAnEncodingProblem() throws IOException {
        Path file = Files.write(dir.resolve("utf16.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "' is not CSV text: it is UTF-16 encoded text, but modeltest reads"
                        + " CSV as UTF-8; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
    }

    @Test
    void namesUtf16WithoutAByteOrderMarkAsAnEncodingProblem() throws IOException {
        Path file = Files.write(dir.resolve("utf16le.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("is not CSV text: it is UTF-16 encoded text");
    }

    @Test
    void readsACellOfTenThousandCharacters() throws IOException {
        String text = "x".repeat(10_000);
        Path file = write("notes.csv", "id,note\n1," + text + "\n2,short\n");

        TestData data = DataLoader.load(file.toString());

        assertThat(data.strings("note")).containsExactly(text, "short");
    }

    @Test
    void namesTheRowOfACellLongerThanTheLimit() throws IOException {
        Path file = write(
                "unclosed.csv", "id,note\n1,fine\n2,\"never closed\n" + "y".repeat(CsvText.MAX_CHARS_PER_CELL) + "\n");

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "': row 2 has a cell longer than 1000000 characters, the most"
                        + " modeltest reads (an unclosed quote?)");
    }

    @Test
    void readsARowStartingWithAHashAsData() throws IOException {
        Path file = write("hash.csv", "id,note\n#1,first\n#2,second\n3,third\n");

        TestData data = DataLoader.load(file.toString());

        assertThat(data.strings("id")).containsExactly("#1", "#2", "3");
    }

    @Test
    void refusesAHeaderWithAnEmptyColumnName() throws IOException {
        Path file = write("indexed.csv", ",a,b\n0,1,2\n1,3,4\n");

        assertThatThrownBy(() -> DataLoader.load(file.toString()))
                .isInstanceOf(DataException.class)
                .hasMessage("data file '" + file + "': column 1 of the header has no name; name every column (pandas"
                        + " writes its index with an empty name: save with index=False, or name the index)");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
