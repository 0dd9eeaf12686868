package dev.modeltest.onnx;

import static dev.modeltest.onnx.OnnxFixtures.IRIS;
import static dev.modeltest.onnx.OnnxFixtures.data;
import static dev.modeltest.onnx.OnnxFixtures.expected;
import static dev.modeltest.onnx.OnnxFixtures.load;
import static dev.modeltest.onnx.OnnxFixtures.predict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MLflow model directory with the onnx flavour (written by the script in MLflow's MLmodel format) loads as the ONNX
 * model it contains, from a path or from the class path.
 */
class MlflowModelLoaderTest {

    private static final String MLMODEL = "src/test/resources/mlflow/iris-onnx/MLmodel";

    @TempDir
    Path dir;

    @Test
    void loadsTheOnnxFlavourFromAPath() {
        try (Model model = load(MLMODEL)) {
            assertThat(model.describe()).isEqualTo("MLflow model iris-onnx (ONNX model.onnx) (3 classes)");
            assertThat(model.requiredFeatures()).isEqualTo(IRIS);
            assertMatchesScikitLearn(model);
        }
    }

    @Test
    void loadsTheOnnxFlavourFromTheModelDirectory() {
        try (Model model = load("src/test/resources/mlflow/iris-onnx")) {
            assertThat(model.describe()).isEqualTo("MLflow model iris-onnx (ONNX model.onnx) (3 classes)");
            assertMatchesScikitLearn(model);
        }
    }

    @Test
    void loadsTheOnnxFlavourFromTheClassPath() {
        try (Model model = load("classpath:mlflow/iris-onnx/MLmodel")) {
            assertThat(model.describe()).isEqualTo("MLflow model iris-onnx (ONNX model.onnx) (3 classes)");
            assertMatchesScikitLearn(model);
        }
    }

    private static void assertMatchesScikitLearn(Model model) {
        TestData data = data("classpath:onnx/iris.csv");
        Predictions predictions = predict(model, data, "species", IRIS);
        double[][] expected = expected("onnx/iris-expected.csv");
        for (int r = 0; r < expected.length; r++) {
            assertThat(predictions.predictedClass(r)).isEqualTo((int) expected[r][1]);
            for (int k = 0; k < 3; k++) {
                assertThat(predictions.probability(r, k)).isCloseTo(expected[r][2 + k], within(1e-6));
            }
        }
    }

    @Test
    void signatureColumnsFeedTheTensorByNameWhateverTheDataOrder() throws IOException {
        // The same rows with the columns in another order: the signature puts them back in training order.
        Path csv = dir.resolve("iris-shuffled.csv");
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/onnx/iris.csv"));
        List<String> shuffled = new ArrayList<>();
        for (String line : lines) {
            String[] c = line.split(",");
            shuffled.add(String.join(",", c[3], c[4], c[0], c[2], c[1]));
        }
        Files.write(csv, shuffled);
        TestData data = DataLoader.load(csv.toString());
        assertThat(data.columnNames())
                .containsExactly("petal_width", "species", "sepal_length", "petal_length", "sepal_width");
        try (Model model = load(MLMODEL)) {
            List<String> dataOrder = List.of("petal_width", "sepal_length", "petal_length", "sepal_width");
            Predictions predictions = predict(model, data, "species", dataOrder);
            Predictions reference = predict(model, data("classpath:onnx/iris.csv"), "species", IRIS);
            for (int r = 0; r < 30; r++) {
                assertThat(predictions.probabilities(0)[r]).isEqualTo(reference.probabilities(0)[r]);
                assertThat(predictions.predictedClass(r)).isEqualTo(reference.predictedClass(r));
            }
        }
    }

    @Test
    void mlModelWithoutTheOnnxFlavourIsLeftToOtherLoaders() throws IOException {
        Path model = Files.createDirectories(dir.resolve("sklearn-model")).resolve("MLmodel");
        Files.writeString(model, """
                flavors:
                  python_function:
                    loader_module: mlflow.sklearn
                    model_path: model.pkl
                  sklearn:
                    pickled_model: model.pkl
                    sklearn_version: 1.2.1
                """);
        Resource resource = Resource.resolve(model.toString(), IllegalStateException::new);
        assertThat(new MlflowModelLoader().accepts(resource)).isFalse();
        assertThatThrownBy(() -> new MlflowModelLoader().load(resource))
                .isInstanceOf(ModelException.class)
                .hasMessage("MLmodel file '" + model + "' has no onnx flavour (its flavours are [python_function,"
                        + " sklearn]); modeltest-onnx loads MLflow models logged with mlflow.onnx");
        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("no model loader reads '" + model + "'");
    }

    @Test
    void dataPathOutsideTheModelDirectoryIsRefused() throws IOException {
        Path model = Files.createDirectories(dir.resolve("escaping")).resolve("MLmodel");
        Files.writeString(model, "flavors:\n  onnx:\n    data: ../../elsewhere/model.onnx\n");
        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessage("MLmodel file '" + model + "': the onnx flavour's data '../../elsewhere/model.onnx' must"
                        + " be a path inside the model directory");
    }

    @Test
    void missingOnnxFileIsNamed() throws IOException {
        Path model = Files.createDirectories(dir.resolve("no-file")).resolve("MLmodel");
        Files.writeString(model, "flavors:\n  onnx:\n    data: model.onnx\n");
        Path missing = dir.resolve("no-file").resolve("model.onnx");
        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessage("MLmodel file '" + model + "': the onnx flavour's data file '" + missing
                        + "' does not exist (looked at "
                        + missing.toAbsolutePath().normalize() + ")");
    }

    @Test
    void brokenYamlIsReportedNotSkipped() throws IOException {
        Path model = Files.createDirectories(dir.resolve("broken")).resolve("MLmodel");
        Files.writeString(model, "flavors: [onnx\n");
        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("MLmodel file '" + model + "' is not valid YAML: ");
    }

    @Test
    void signatureWithAWrongColumnCountIsRefused() throws IOException {
        Path model = Files.createDirectories(dir.resolve("bad-signature")).resolve("MLmodel");
        Files.copy(Path.of("src/test/resources/onnx/iris-zipmap.onnx"), model.resolveSibling("model.onnx"));
        Files.writeString(model, """
                flavors:
                  onnx:
                    data: model.onnx
                signature:
                  inputs: '[{"type": "double", "name": "a"}, {"type": "double", "name": "b"}]'
                """);
        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessage("MLflow model '" + model + "': MLflow model bad-signature (ONNX model.onnx): its MLflow"
                        + " signature names 2 input columns [a, b], but its input float_input (float [N, 4]) takes"
                        + " 4");
    }

    @Test
    void mlModelNestedTwentyThousandDeepIsRefusedNamingIt() throws IOException {
        Path model = Files.createDirectories(dir.resolve("deep")).resolve("MLmodel");
        Files.writeString(model, "flavors: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessage("MLmodel file '" + model + "' is refused: it nests mappings and lists more than 100 levels"
                        + " deep (line 1)");
    }

    @Test
    void flavoursBuiltFromAnAliasChainAreEchoedCapped() throws IOException {
        // 45 aliases (the limit is 50) that print as about 60 million characters.
        StringBuilder yaml = new StringBuilder("chain:\n  - &l0 [");
        for (int i = 0; i < 10; i++) {
            yaml.append(i == 0 ? "" : ", ").append("x".repeat(100));
        }
        yaml.append("]\n");
        for (int level = 1; level <= 5; level++) {
            yaml.append("  - &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("flavors:\n  ? *l5\n  : {}\n");
        Path model = Files.createDirectories(dir.resolve("aliases")).resolve("MLmodel");
        Files.writeString(model, yaml);
        Resource resource = Resource.resolve(model.toString(), IllegalStateException::new);

        assertThatThrownBy(() -> new MlflowModelLoader().load(resource))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("MLmodel file '" + model + "' has no onnx flavour (its flavours are [[[[[[[xxx")
                .hasMessageEndingWith("…); modeltest-onnx loads MLflow models logged with mlflow.onnx")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void dataPathThatIsNoPathIsNamedCapped() throws IOException {
        Path model = Files.createDirectories(dir.resolve("nul")).resolve("MLmodel");
        Files.writeString(model, "flavors:\n  onnx:\n    data: \"model\\0.onnx\"\n");

        assertThatThrownBy(() -> load(model.toString()))
                .isInstanceOf(ModelException.class)
                .hasMessage("MLmodel file '" + model + "': the onnx flavour's data 'model\0.onnx' is not a file path");
    }
}
