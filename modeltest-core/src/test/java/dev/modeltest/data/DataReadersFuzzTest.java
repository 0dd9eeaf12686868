package dev.modeltest.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modeltest.error.ModelTestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for the CSV reader and the {@code .dvc} pointer reader: whatever the bytes, they read or fail with
 * modeltest's own exception, within seconds. The seeds in {@code DataReadersFuzzTestInputs/} run in every build;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=DataReadersFuzzTest} fuzzes.
 */
class DataReadersFuzzTest {

    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("modeltest-fuzz-");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest
    @Timeout(10)
    void csvReaderFailsOnlyWithItsOwnException(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("data.csv"), bytes);
        try {
            DataLoader.load(file.toString());
        } catch (ModelTestException expected) {
            // A clear failure naming the file is the outcome for bad input.
        }
    }

    @FuzzTest
    @Timeout(10)
    void dvcPointerReaderFailsOnlyWithItsOwnException(byte[] bytes) throws IOException {
        Path data = Files.writeString(dir.resolve("pointed.csv"), "a,b\n1,2\n");
        Files.write(dir.resolve("pointed.csv.dvc"), bytes);
        try {
            DvcPointer.check(Resource.resolve(data.toString(), IllegalStateException::new));
        } catch (ModelTestException expected) {
            // A clear failure naming the pointer is the outcome for bad input.
        }
    }
}
