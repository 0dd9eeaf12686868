package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.DataException;
import dev.modeltest.internal.YamlBombs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data file with a DVC pointer beside it is checked against the pointer's MD5, computed as DVC 3 ({@code hash: md5})
 * or DVC 2 ({@code md5-dos2unix}) does: golden values from {@code scripts/golden/make_dvc_md5_golden.py}.
 */
class DvcPointerTest {

    private static final String CSV = "sepal_length,species\r\n5.1,setosa\r\n4.9,setosa\r\n";
    /** MD5 of {@link #CSV} as it is (DVC 3), and with CRLF as LF (DVC 2); case crlf-text of dvc-md5.csv. */
    private static final String PLAIN = "02ad4f6758edd8efdba05888eb87579e";

    private static final String DOS2UNIX = "3d6fe6a9224c73219850cba9609d4f43";

    @TempDir
    Path dir;

    /** The contents of the golden cases, built by the same recipes as the script's. */
    private static Map<String, byte[]> cases() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("crlf-text", CSV.getBytes(StandardCharsets.US_ASCII));
        cases.put("lf-text", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
        byte[] binary = new byte[256 * 4 + 2];
        for (int i = 0; i < 256 * 4; i++) {
            binary[i] = (byte) (i % 256);
        }
        binary[1024] = '\r';
        binary[1025] = '\n';
        cases.put("binary-with-nul", binary);
        byte[] high = new byte[200 + 20];
        Arrays.fill(high, 0, 200, (byte) 0xE9);
        for (int i = 200; i < 220; i += 2) {
            high[i] = '\r';
            high[i + 1] = '\n';
        }
        cases.put("mostly-high-bytes", high);
        byte[] boundary = new byte[(1 << 20) - 1 + 5];
        Arrays.fill(boundary, 0, (1 << 20) - 1, (byte) 'x');
        byte[] tail = "\r\ny\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, boundary, (1 << 20) - 1, tail.length);
        cases.put("chunk-boundary", boundary);
        cases.put("empty", new byte[0]);
        return cases;
    }

    @Test
    void md5MatchesDvcOnEveryGoldenCase() throws IOException {
        Map<String, byte[]> cases = cases();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/golden/dvc-md5.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                String[] cells = line.split(",");
                byte[] content = cases.get(cells[0]);
                assertThat(content).as(cells[0]).isNotNull();
                assertThat(DvcPointer.md5(new ByteArrayInputStream(content), false))
                        .as(cells[0] + " md5")
                        .isEqualTo(cells[1]);
                assertThat(DvcPointer.md5(new ByteArrayInputStream(content), true))
                        .as(cells[0] + " md5-dos2unix")
                        .isEqualTo(cells[2]);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(cases.size());
    }

    private Path data(String text) throws IOException {
        Path file = dir.resolve("iris-test.csv");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private static Resource resource(Path file) {
        return Resource.resolve(file.toString(), IllegalStateException::new);
    }

    private void pointer(Path data, String yaml) throws IOException {
        Files.writeString(data.resolveSibling(data.getFileName() + ".dvc"), yaml);
    }

    @Test
    void fileWithoutPointerIsNotChecked() throws IOException {
        assertThat(DvcPointer.check(resource(data(CSV)))).isEmpty();
    }

    @Test
    void dvc3PointerMatchesTheBytesAsTheyAre() throws IOException {
        Path file = data(CSV);
        pointer(file, "outs:\n- md5: " + PLAIN + "\n  size: 48\n  hash: md5\n  path: iris-test.csv\n");
        DvcPointer.Verified verified = DvcPointer.check(resource(file)).orElseThrow();
        assertThat(verified).isEqualTo(new DvcPointer.Verified(file + ".dvc", PLAIN, "md5"));
    }

    @Test
    void dvc2PointerMatchesTheTextWithUnixLineEnds() throws IOException {
        Path file = data(CSV);
        pointer(file, "outs:\n- md5: " + DOS2UNIX + "\n  path: iris-test.csv\n");
        assertThat(DvcPointer.check(resource(file)).orElseThrow().hashName()).isEqualTo("md5-dos2unix");
    }

    @Test
    void staleCopyFailsWithBothHashes() throws IOException {
        Path file = data(CSV.replace("4.9", "5.9"));
        pointer(file, "outs:\n- md5: " + PLAIN + "\n  hash: md5\n  path: iris-test.csv\n");
        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessage("the local copy of " + file + " is stale: its MD5 is d8ef9ed76998f2c23ba12bb7517ae1ef but "
                        + file + ".dvc records " + PLAIN + " (run `dvc pull`)");
    }

    @Test
    void dvc3PointerDoesNotForgiveLineEndChanges() throws IOException {
        // The DVC 2 hash of the file, but the pointer says DVC 3's plain md5: the file does not match.
        Path file = data(CSV);
        pointer(file, "outs:\n- md5: " + DOS2UNIX + "\n  hash: md5\n  path: iris-test.csv\n");
        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("its MD5 is " + PLAIN + " but");
    }

    @Test
    void pointerForAnotherFileIsReported() throws IOException {
        Path file = data(CSV);
        pointer(file, "outs:\n- md5: " + PLAIN + "\n  path: iris-train.csv\n");
        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessage("DVC pointer '" + file + ".dvc' does not list iris-test.csv; it lists iris-train.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"outs: [oops", "just text", "outs:\n- path: iris-test.csv\n"})
    void malformedPointerIsReported(String yaml) throws IOException {
        Path file = data(CSV);
        pointer(file, yaml);
        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("DVC pointer '" + file + ".dvc' ");
    }

    @Test
    void pointerWithoutMd5SaysSo() throws IOException {
        Path file = data(CSV);
        pointer(file, "outs:\n- path: iris-test.csv\n  etag: abc\n");
        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessage("DVC pointer '" + file + ".dvc' records no MD5 for iris-test.csv (its entry has md5:"
                        + " null)");
    }

    @Test
    void checksAClassPathResourceAgainstThePointerBesideIt() {
        Resource tiny = Resource.resolve("classpath:dvc/tiny.csv", IllegalStateException::new);
        assertThat(DvcPointer.check(tiny))
                .contains(new DvcPointer.Verified(
                        "classpath:dvc/tiny.csv.dvc", "e5ebd4c02cefbe7955977c67ada242b7", "md5"));
        Resource golden = Resource.resolve("classpath:golden/dvc-md5.csv", IllegalStateException::new);
        assertThat(DvcPointer.check(golden)).isEmpty();
    }

    @Test
    void pointerNestedTwentyThousandDeepIsRefusedNamingIt() throws IOException {
        Path file = data(CSV);
        pointer(file, YamlBombs.nested("outs", 20_000));

        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessage("DVC pointer '" + file + ".dvc' is refused: it nests mappings and lists more than 100"
                        + " levels deep (line 1)");
    }

    @Test
    void pathThatIsAnAliasChainIsNotPrinted() throws IOException {
        Path file = data(CSV);
        pointer(file, YamlBombs.aliasChain() + "outs:\n- md5: " + PLAIN + "\n  path: *top\n");

        assertThatThrownBy(() -> DvcPointer.check(resource(file)))
                .isInstanceOf(DataException.class)
                .hasMessage("DVC pointer '" + file + ".dvc' does not list iris-test.csv; it lists a list, not a path");
    }
}
