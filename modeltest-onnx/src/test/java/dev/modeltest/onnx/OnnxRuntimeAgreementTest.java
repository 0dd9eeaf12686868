package dev.modeltest.onnx;

import static dev.modeltest.onnx.OnnxFixtures.DIABETES;
import static dev.modeltest.onnx.OnnxFixtures.IRIS;
import static dev.modeltest.onnx.OnnxFixtures.data;
import static dev.modeltest.onnx.OnnxFixtures.load;
import static dev.modeltest.onnx.OnnxFixtures.predict;
import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.modeltest.data.TestData;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * modeltest's predictions are exactly ONNX Runtime's own output for the same rows, called directly through its Java
 * API (one row per call here, a whole batch per call in the adapter), in both probability output styles and for a
 * regressor; and predicting thousands of rows in parallel batches gives the same numbers as one row at a time.
 */
class OnnxRuntimeAgreementTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private static float[][] rows(TestData data, List<String> columns) {
        float[][] x = new float[data.rowCount()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] values = data.doubles(columns.get(c));
            for (int r = 0; r < x.length; r++) {
                x[r][c] = (float) values[r];
            }
        }
        return x;
    }

    private static OrtSession session(String resource) throws Exception {
        Path file = Path.of(OnnxRuntimeAgreementTest.class
                .getClassLoader()
                .getResource(resource)
                .toURI());
        return ENV.createSession(Files.readAllBytes(file));
    }

    @Test
    void zipMapProbabilitiesAndLabelsAreOnnxRuntimes() throws Exception {
        TestData data = data("classpath:onnx/iris.csv");
        float[][] x = rows(data, IRIS);
        // All 30 rows in one call, as the adapter sends them: a one-row call may round differently in float32.
        try (Model model = load("classpath:onnx/iris-zipmap.onnx");
                OrtSession session = session("onnx/iris-zipmap.onnx");
                OnnxTensor input = OnnxTensor.createTensor(ENV, x);
                OrtSession.Result result = session.run(Map.of("float_input", input))) {
            Predictions predictions = predict(model, data, "species", IRIS);
            String[] labels =
                    (String[]) result.get("output_label").orElseThrow().getValue();
            List<? extends OnnxValue> maps =
                    ((OnnxSequence) result.get("output_probability").orElseThrow()).getValue();
            for (int r = 0; r < x.length; r++) {
                assertThat(predictions.predictedLabel(r)).isEqualTo(labels[r]);
                Map<?, ?> p = ((OnnxMap) maps.get(r)).getValue();
                for (int k = 0; k < 3; k++) {
                    float expected = (Float) p.get(predictions.classes().get(k));
                    assertThat(predictions.probability(r, k)).isEqualTo((double) expected);
                }
            }
        }
    }

    @Test
    void tensorProbabilitiesAndIndexLabelsAreOnnxRuntimes() throws Exception {
        TestData data = data("classpath:onnx/iris.csv");
        float[][] x = rows(data, IRIS);
        try (Model model = load("classpath:onnx/iris-matmul.onnx");
                OrtSession session = session("onnx/iris-matmul.onnx");
                OnnxTensor input = OnnxTensor.createTensor(ENV, x);
                OrtSession.Result result = session.run(Map.of("input", input))) {
            Predictions predictions = predict(model, data, "species_code", IRIS);
            long[] labels = (long[]) result.get("label").orElseThrow().getValue();
            float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
            for (int r = 0; r < x.length; r++) {
                assertThat(predictions.predictedLabel(r)).isEqualTo(Long.toString(labels[r]));
                for (int k = 0; k < 3; k++) {
                    assertThat(predictions.probability(r, k)).isEqualTo((double) p[r][k]);
                }
            }
        }
    }

    @Test
    void regressionValuesAreOnnxRuntimes() throws Exception {
        TestData data = data("classpath:onnx/diabetes.csv");
        float[][] x = rows(data, DIABETES);
        try (Model model = load("classpath:onnx/diabetes-linear.onnx");
                OrtSession session = session("onnx/diabetes-linear.onnx");
                OnnxTensor input = OnnxTensor.createTensor(ENV, x);
                OrtSession.Result result = session.run(Map.of("float_input", input))) {
            Predictions predictions = predict(model, data, "progression", DIABETES);
            float[][] y = (float[][]) result.get("variable").orElseThrow().getValue();
            for (int r = 0; r < x.length; r++) {
                assertThat(predictions.predictedValue(r)).isEqualTo((double) y[r][0]);
            }
        }
    }

    @Test
    void parallelBatchesGiveTheSameNumbersAsOneRowAtATime() {
        TestData small = data("classpath:onnx/iris.csv");
        Table table = small.table().emptyCopy();
        for (int copy = 0; copy < 200; copy++) {
            table.append(small.table());
        }
        TestData data = TestData.of("iris x200", table);
        try (Model model = load("classpath:onnx/iris-zipmap.onnx")) {
            Features features = Features.of(data, IRIS);
            // 6,000 rows: Predictor cuts them into batches of 750 and predicts them on every core at once.
            Predictions parallel = Predictor.predict(data, "species", features, model);
            Predictions single = predict(model, small, "species", IRIS);
            for (int r = 0; r < data.rowCount(); r++) {
                int source = r % small.rowCount();
                assertThat(parallel.predictedClass(r)).isEqualTo(single.predictedClass(source));
                for (int k = 0; k < 3; k++) {
                    assertThat(parallel.probability(r, k)).isEqualTo(single.probability(source, k));
                }
            }
        }
    }
}
