package dev.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.DvcPointer;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.model.ModelLoaders;
import dev.modeltest.model.smile.CraftedModels;
import dev.modeltest.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the file readers: each file under {@code src/test/resources/corpus/} (text, readable as it
 * is) and each crafted file written here (compressed, binary, crafted models), with its exact outcome: fails naming the
 * culprit, or reads because the input is valid. {@code <file>} in an outcome stands for the file's path.
 */
class BadInputFilesCorpusTest {

    private static final String CORPUS = "src/test/resources/corpus/";
    private static final String REFUSED =
            "ModelException: model file '<file>' is refused before it could exhaust" + " memory, stack or time: ";

    @TempDir
    static Path crafted;

    @BeforeAll
    static void writeCraftedFiles() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gzip)) {
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(crafted.resolve("gzip.csv"), gzip.toByteArray());
        Files.write(crafted.resolve("binary.csv"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        Files.write(crafted.resolve("long-array.ser"), CraftedModels.longArrayHeader(200_000_000));
        Files.write(crafted.resolve("list-bomb.ser"), CraftedModels.arrayListBomb(100_000_000));
        Files.write(crafted.resolve("maps-26.ser"), CraftedModels.hashMapBomb(26));
        Files.write(crafted.resolve("maps-100.ser"), CraftedModels.hashMapBomb(100));
        Files.write(crafted.resolve("deep-900.ser"), CraftedModels.deepGraph(900));
        Files.write(crafted.resolve("text.ser"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                data(
                        "too-many-cells.csv",
                        "DataException: data file '<file>': row 2 has 6 cells, but the header names 5"
                                + " columns (an unquoted comma in a value?)"),
                data(
                        "too-few-cells.csv",
                        "DataException: data file '<file>': row 2 has 2 cells, but the header names 3" + " columns"),
                data(
                        "empty-header-cell.csv",
                        "DataException: data file '<file>': column 1 of the header has no name;"
                                + " name every column (pandas writes its index with an empty name: save with index=False, or"
                                + " name the index)"),
                data(
                        "utf16.csv",
                        "DataException: data file '<file>' is not CSV text: it is UTF-16 encoded text, but"
                                + " modeltest reads CSV as UTF-8; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"),
                data(
                        "empty.csv",
                        "DataException: data file '<file>' is empty (0 bytes): an empty data set cannot pass"
                                + " a quality gate"),
                data(
                        "header-only.csv",
                        "DataException: data file '<file>' has a header but no rows: an empty data set"
                                + " cannot pass a quality gate"),
                data("long-cell.csv", "note", "reads 2 rows; note: STRING, 0 missing"),
                data("hash-first-cell.csv", "id", "reads 2 rows; id: STRING, 0 missing"),
                data("pandas-tokens.csv", "x", "reads 6 rows; x: DOUBLE, 4 missing"),
                data("label-na.csv", "label", "reads 2 rows; label: STRING, 1 missing"),
                craftedData(
                        "gzip.csv",
                        "DataException: data file '<file>' is not CSV text: it is gzip-compressed;"
                                + " decompress it (gunzip) or give the uncompressed file"),
                craftedData(
                        "binary.csv",
                        "DataException: data file '<file>' is not CSV text: it is binary (byte 8 is" + " NUL)"),
                schema(
                        "deep.schema.yaml",
                        "ConfigurationException: schema file '<file>' is refused: it nests mappings"
                                + " and lists more than 100 levels deep (line 2)"),
                schema(
                        "tag.schema.yaml",
                        "ConfigurationException: schema file '<file>', column 'x' (line 2):"
                                + " unsupported YAML tag 'tag:yaml.org,2002:javax.script.ScriptEngineManager'; schema files"
                                + " hold plain mappings, lists and values only"),
                dvc(
                        "dvc-deep.csv",
                        "DataException: DVC pointer '<file>.dvc' is refused: it nests mappings and lists"
                                + " more than 100 levels deep (line 1)"),
                dvc(
                        "dvc-aliases.csv",
                        "DataException: DVC pointer '<file>.dvc' does not list dvc-aliases.csv; it lists"
                                + " a list, not a path"),
                model(
                        "long-array.ser",
                        REFUSED + "it claims an array of 200000000 long elements (1600000000 bytes),"
                                + " more than the file's 27 bytes can hold"),
                model(
                        "list-bomb.ser",
                        REFUSED + "it claims an array of 100000000 Object elements (100000000 bytes),"
                                + " more than the file's 58 bytes can hold"),
                model(
                        "maps-26.ser",
                        REFUSED + "it nests collections whose hash codes take more than 1000000 steps to" + " compute"),
                model(
                        "maps-100.ser",
                        REFUSED + "it nests collections whose hash codes take more than 1000000 steps to" + " compute"),
                model("deep-900.ser", REFUSED + "its objects nest 201 deep, more than the 200 allowed"),
                model(
                        "text.ser",
                        "ModelException: model file '<file>' is not a Java-serialized model (invalid stream"
                                + " header: 612C620A)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileHasItsExactOutcome(Callable<String> read, String location, String expected) throws Exception {
        assertThat(read.call().replace(location, "<file>")).isEqualTo(expected);
    }

    /** A CSV file of the corpus that fails to read. */
    private static Arguments data(String name, String expected) {
        return data(CORPUS + name, name, "", expected);
    }

    /** A valid CSV file of the corpus, its outcome described by one column: its type and its missing cells. */
    private static Arguments data(String name, String column, String expected) {
        return data(CORPUS + name, name, column, expected);
    }

    private static Arguments craftedData(String name, String expected) {
        return data(crafted.resolve(name).toString(), name, "", expected);
    }

    private static Arguments data(String location, String name, String column, String expected) {
        return Arguments.of(
                Named.of(name, (Callable<String>) () -> outcome(() -> {
                    TestData read = DataLoader.load(location);
                    return "reads " + read.rowCount() + " rows; " + column + ": "
                            + read.table().column(column).type() + ", "
                            + read.table().column(column).countMissing() + " missing";
                })),
                location,
                expected);
    }

    private static Arguments schema(String name, String expected) {
        String location = CORPUS + name;
        return Arguments.of(
                Named.of(name, (Callable<String>) () -> outcome(() -> "reads " + Schema.load(location))),
                location,
                expected);
    }

    private static Arguments dvc(String name, String expected) {
        String location = CORPUS + name;
        return Arguments.of(
                Named.of(name + ".dvc", (Callable<String>) () -> outcome(
                        () -> "reads " + DvcPointer.check(Resource.resolve(location, IllegalStateException::new)))),
                location,
                expected);
    }

    private static Arguments model(String name, String expected) {
        return Arguments.of(
                Named.of(name, (Callable<String>) () -> {
                    String location = crafted.resolve(name).toString();
                    return outcome(() -> "reads "
                                    + ModelLoaders.load(Resource.resolve(location, IllegalStateException::new)))
                            .replace(location, "<file>");
                }),
                "<file>",
                expected);
    }

    private static String outcome(Callable<String> read) throws Exception {
        try {
            return read.call();
        } catch (ModelTestException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
