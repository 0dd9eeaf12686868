package dev.modeltest.onnx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelTestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the MLflow {@code MLmodel} reader: whatever the bytes, it reads the file or fails with modeltest's
 * own exception, within seconds. The seeds in {@code MlModelFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class MlModelFuzzTest {

    @FuzzTest
    @Timeout(10)
    void mlModelReaderFailsOnlyWithItsOwnException(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-mlmodel-");
        Path file = dir.resolve("MLmodel");
        try {
            Files.write(file, bytes);
            MlModel model = MlModel.read(Resource.resolve(file.toString(), IllegalStateException::new));
            model.name();
            model.signatureColumns();
            model.onnxFile();
        } catch (ModelTestException expected) {
            // A clear failure naming the file is the outcome for bad input.
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
