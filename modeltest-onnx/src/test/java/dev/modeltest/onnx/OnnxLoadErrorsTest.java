package dev.modeltest.onnx;

import static dev.modeltest.onnx.OnnxFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable ONNX models fail to load with a message naming the file and what is wrong. */
class OnnxLoadErrorsTest {

    @TempDir
    Path dir;

    @Test
    void textFileIsNotAModel() throws IOException {
        Path file = dir.resolve("notes.onnx");
        Files.writeString(file, "this is not an ONNX model\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(file.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + file + "' is not an ONNX model that ONNX Runtime can load: ")
                .hasMessageContaining("Protobuf parsing failed");
    }

    @Test
    void truncatedModelIsNotAModel() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/onnx/iris-zipmap.onnx"));
        Path file = dir.resolve("iris-truncated.onnx");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> load(file.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + file + "' is not an ONNX model that ONNX Runtime can load: ");
    }

    @Test
    void emptyFileIsNotAModel() throws IOException {
        Path file = dir.resolve("empty.onnx");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> load(file.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + file + "' is not an ONNX model that ONNX Runtime can load: ");
    }

    @Test
    void classifierWhoseClassesNothingNamesFailsToLoad() {
        assertThatThrownBy(() -> load("classpath:onnx/iris-label-only.onnx"))
                .isInstanceOf(ModelException.class)
                .hasMessage("ONNX model iris-label-only.onnx is a classifier, but nothing in it names its classes: no"
                        + " ZipMap or classifier node with class labels, no metadata property 'classes', and no"
                        + " probability output to count them from. Add the metadata property classes, e.g."
                        + " [\"setosa\", \"versicolor\", \"virginica\"]");
    }

    @Test
    void closingTwiceIsHarmless() {
        var model = load("classpath:onnx/iris-zipmap.onnx");
        model.close();
        model.close();
        assertThat(model.describe()).isEqualTo("ONNX model iris-zipmap.onnx (3 classes)");
    }
}
