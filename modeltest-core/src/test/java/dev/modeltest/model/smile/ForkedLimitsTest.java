package dev.modeltest.model.smile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each crafted model file of the deserialization limits, loaded in a forked JVM with a 64 MiB heap: the fork survives
 * every one, reports a ModelException naming the file, and does so within seconds (without the limits, the long[]
 * header and the list bomb kill a 1 GiB JVM, and the nested maps run for minutes).
 */
class ForkedLimitsTest {

    private static final String REFUSED = "is refused before it could exhaust memory, stack or time: ";

    @TempDir
    Path dir;

    @Test
    void longArrayHeaderIsRefusedInASmallHeap() throws Exception {
        Path file = Files.write(dir.resolve("long-array.ser"), CraftedModels.longArrayHeader(200_000_000));

        assertThat(loadInFork(file))
                .isEqualTo("ModelException: model file '" + file + "' " + REFUSED + "it claims an array of 200000000"
                        + " long elements (1600000000 bytes), more than the file's 27 bytes can hold");
    }

    @Test
    void arrayListBombIsRefusedInASmallHeap() throws Exception {
        Path file = Files.write(dir.resolve("list-bomb.ser"), CraftedModels.arrayListBomb(100_000_000));

        assertThat(loadInFork(file))
                .startsWith("ModelException: model file '" + file + "' " + REFUSED
                        + "it claims an array of 100000000 Object elements");
    }

    @Test
    void nestedMapKeysTwentySixDeepAreRefusedInASmallHeap() throws Exception {
        Path file = Files.write(dir.resolve("maps-26.ser"), CraftedModels.hashMapBomb(26));

        assertThat(loadInFork(file))
                .isEqualTo("ModelException: model file '" + file + "' " + REFUSED + "it nests collections whose hash"
                        + " codes take more than 1000000 steps to compute");
    }

    @Test
    void nestedMapKeysAHundredDeepAreRefusedInASmallHeap() throws Exception {
        Path file = Files.write(dir.resolve("maps-100.ser"), CraftedModels.hashMapBomb(100));

        assertThat(loadInFork(file))
                .endsWith("it nests collections whose hash codes take more than 1000000 steps to" + " compute");
    }

    @Test
    void graphNineHundredDeepIsRefusedInASmallHeap() throws Exception {
        Path file = Files.write(dir.resolve("deep.ser"), CraftedModels.deepGraph(900));

        assertThat(loadInFork(file))
                .isEqualTo("ModelException: model file '" + file + "' " + REFUSED + "its objects nest 201 deep, more"
                        + " than the 200 allowed");
    }

    @Test
    void aFileLargerThanTheHeapRunsOutOfMemoryAsAModelException() throws Exception {
        // A well-formed byte[] of 96 MiB: within the file's own limits, but larger than the fork's heap.
        int length = 96 << 20;
        byte[] header = CraftedModels.bigByteArray(0);
        Path file = dir.resolve("big.ser");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header, 0, header.length - 4);
            out.write(
                    new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() + length);
        }

        assertThat(loadInFork(file))
                .isEqualTo("ModelException: model file '" + file + "' " + REFUSED + "reading it ran out of memory"
                        + " (maximum heap 64 MiB)");
    }

    /** Loads the file in a JVM with a 64 MiB heap and returns what it printed; fails if it dies or takes over 60 s. */
    private static String loadInFork(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ForkedModelLoad.class.getName(),
                        file.toString()))
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(finished)
                .as("the fork finished within 60 s; it printed: %s", output)
                .isTrue();
        assertThat(process.exitValue())
                .as("the fork's exit status; it printed: %s", output)
                .isZero();
        return output;
    }
}
