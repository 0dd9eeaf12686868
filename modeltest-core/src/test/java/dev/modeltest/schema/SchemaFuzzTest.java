package dev.modeltest.schema;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modeltest.error.ModelTestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the schema YAML reader: whatever the bytes, it reads a schema or fails with modeltest's own exception,
 * within seconds. The seeds in {@code SchemaFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SchemaFuzzTest {

    @FuzzTest
    @Timeout(10)
    void schemaReaderFailsOnlyWithItsOwnException(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-", ".schema.yaml");
        try {
            Files.write(file, bytes);
            Schema.load(file.toString());
        } catch (ModelTestException expected) {
            // A clear failure naming the file is the outcome for bad input.
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
