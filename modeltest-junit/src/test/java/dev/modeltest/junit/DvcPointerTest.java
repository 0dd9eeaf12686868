package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A data file with a DVC pointer beside it is checked against the pointer before any check runs. */
class DvcPointerTest {

    static final String CURRENT = "target/dvc-fixtures/current/tiny.csv";
    static final String STALE = "target/dvc-fixtures/stale/tiny.csv";

    @BeforeAll
    static void writeDataWithPointers() throws Exception {
        byte[] data = Files.readAllBytes(Path.of(TestModels.TINY));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        write(Path.of(CURRENT), data, md5);
        write(Path.of(STALE), data, "0123456789abcdef0123456789abcdef");
    }

    private static void write(Path file, byte[] data, String md5) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        String pointer = "outs:\n- md5: " + md5 + "\n  size: " + data.length + "\n  hash: md5\n  path: tiny.csv\n";
        Files.writeString(file.resolveSibling("tiny.csv.dvc"), pointer, StandardCharsets.UTF_8);
    }

    @ModelTest(provider = TestModels.Threshold.class, data = CURRENT, label = "label")
    static class CurrentTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void dataMatchingItsPointerIsUsed() {
        assertThat(succeeded(run(CurrentTestCase.class))).containsExactly("accuracy()");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = STALE, label = "label")
    static class StaleTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void staleLocalCopyFailsNamingBothHashes() {
        assertThat(failureOf(run(StaleTestCase.class), "accuracy"))
                .startsWith("the local copy of")
                .contains("is stale: its MD5 is ")
                .contains("but")
                .contains("records 0123456789abcdef0123456789abcdef (run `dvc pull`)");
    }
}
