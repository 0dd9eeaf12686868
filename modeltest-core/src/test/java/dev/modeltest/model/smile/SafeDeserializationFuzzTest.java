package dev.modeltest.model.smile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modeltest.error.ModelTestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the safe deserializer: whatever the bytes, it reads an allowed object or fails with modeltest's own
 * exception, within seconds and without exhausting the heap. The seeds in {@code SafeDeserializationFuzzTestInputs/}
 * (written by {@link CraftedModels#main}) run in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SafeDeserializationFuzzTest {

    @FuzzTest
    @Timeout(20)
    void safeDeserializerFailsOnlyWithItsOwnException(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-", ".ser");
        try {
            Files.write(file, bytes);
            SafeDeserialization.read(SmileFixtures.resource(file));
        } catch (ModelTestException expected) {
            // A clear failure naming the file is the outcome for bad input.
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
