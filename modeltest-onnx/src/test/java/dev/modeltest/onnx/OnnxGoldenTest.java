package dev.modeltest.onnx;

import static dev.modeltest.onnx.OnnxFixtures.DIABETES;
import static dev.modeltest.onnx.OnnxFixtures.IRIS;
import static dev.modeltest.onnx.OnnxFixtures.breastCancerFeatures;
import static dev.modeltest.onnx.OnnxFixtures.data;
import static dev.modeltest.onnx.OnnxFixtures.expected;
import static dev.modeltest.onnx.OnnxFixtures.load;
import static dev.modeltest.onnx.OnnxFixtures.predict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.data.TestData;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every committed test model, loaded through the {@code ServiceLoader}, predicts what scikit-learn predicted for the
 * same rows ({@code *-expected.csv}, written by {@code scripts/models/make_onnx_models.py} from sklearn's
 * {@code predict}/{@code predict_proba}). The float32 models agree to 1e-6 (absolute for probabilities, relative for
 * values); the double-precision ones to 1e-9.
 */
class OnnxGoldenTest {

    private static final List<String> IRIS_NAMES = List.of("setosa", "versicolor", "virginica");

    @Test
    void irisWithZipMapOutputMatchesScikitLearn() {
        try (Model model = load("classpath:onnx/iris-zipmap.onnx")) {
            assertThat(model.describe()).isEqualTo("ONNX model iris-zipmap.onnx (3 classes)");
            assertThat(((OnnxModel) model).classSource()).isEqualTo("the classlabels_strings of its ZipMap node");
            assertIris(model, IRIS_NAMES);
        }
    }

    @Test
    void irisWithProbabilityTensorTakesClassNamesFromTheClassifierNode() {
        try (Model model = load("classpath:onnx/iris-linear-tensor.onnx")) {
            assertThat(((OnnxModel) model).classSource())
                    .isEqualTo("the classlabels_strings of its LinearClassifier node");
            assertIris(model, IRIS_NAMES);
        }
    }

    @Test
    void irisFromPlainOperatorsNamesClassesByProbabilityColumn() {
        try (Model model = load("classpath:onnx/iris-matmul.onnx")) {
            assertThat(((OnnxModel) model).classSource())
                    .isEqualTo("the column indexes of its output 'probabilities' (no node or metadata names the"
                            + " classes)");
            assertIris(model, List.of("0", "1", "2"));
        }
    }

    private static void assertIris(Model model, List<String> classes) {
        TestData data = data("classpath:onnx/iris.csv");
        String label = classes.get(0).equals("0") ? "species_code" : "species";
        Predictions predictions = predict(model, data, label, IRIS);
        double[][] expected = expected("onnx/iris-expected.csv");
        assertThat(model.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(model.hasProbabilities()).isTrue();
        assertThat(predictions.classes()).isEqualTo(classes);
        assertThat(predictions.size()).isEqualTo(30).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(predictions.actualClass(r)).isEqualTo((int) expected[r][0]);
            assertThat(predictions.predictedClass(r)).as("row %d", r + 1).isEqualTo((int) expected[r][1]);
            for (int k = 0; k < 3; k++) {
                assertThat(predictions.probability(r, k))
                        .as("row %d, class %d", r + 1, k)
                        .isCloseTo(expected[r][2 + k], within(1e-6));
            }
        }
    }

    @Test
    void binaryClassifierWithIntegerZipMapKeysMatchesScikitLearn() {
        try (Model model = load("classpath:onnx/breast-cancer-zipmap-int.onnx")) {
            assertThat(((OnnxModel) model).classSource()).isEqualTo("the classlabels_int64s of its ZipMap node");
            TestData data = data("classpath:onnx/breast-cancer.csv");
            Predictions predictions = predict(model, data, "target", breastCancerFeatures(data));
            assertThat(predictions.classes()).containsExactly("0", "1");
            assertBreastCancer(predictions, 1e-6);
        }
    }

    @Test
    void doublePrecisionClassifierTakesClassNamesFromMetadata() {
        try (Model model = load("classpath:onnx/breast-cancer-double.onnx")) {
            assertThat(((OnnxModel) model).classSource()).isEqualTo("its metadata property 'classes'");
            assertThat(((OnnxModel) model).inputs().get(0).describe()).isEqualTo("input (double [N, 30])");
            TestData data = data("classpath:onnx/breast-cancer.csv");
            Predictions predictions = predict(model, data, "diagnosis", breastCancerFeatures(data));
            assertThat(predictions.classes()).containsExactly("malignant", "benign");
            assertBreastCancer(predictions, 1e-9);
        }
    }

    private static void assertBreastCancer(Predictions predictions, double tolerance) {
        double[][] expected = expected("onnx/breast-cancer-expected.csv");
        assertThat(predictions.size()).isEqualTo(143).isEqualTo(expected.length);
        int right = 0;
        for (int r = 0; r < expected.length; r++) {
            assertThat(predictions.actualClass(r)).isEqualTo((int) expected[r][0]);
            assertThat(predictions.predictedClass(r)).as("row %d", r + 1).isEqualTo((int) expected[r][1]);
            assertThat(predictions.probability(r, 0)).isCloseTo(expected[r][2], within(tolerance));
            assertThat(predictions.probability(r, 1)).isCloseTo(expected[r][3], within(tolerance));
            right += predictions.actualClass(r) == predictions.predictedClass(r) ? 1 : 0;
        }
        assertThat(right).as("the script printed accuracy 0.986014").isEqualTo(141);
    }

    @Test
    void regressorWithOneInputTensorMatchesScikitLearn() {
        try (Model model = load("classpath:onnx/diabetes-linear.onnx")) {
            assertThat(model.describe()).isEqualTo("ONNX model diabetes-linear.onnx");
            assertThat(model.requiredFeatures()).isEmpty();
            assertDiabetes(model, 1e-6);
        }
    }

    @Test
    void regressorWithOneInputPerColumnMatchesScikitLearn() {
        try (Model model = load("classpath:onnx/diabetes-columns.onnx")) {
            assertThat(model.requiredFeatures()).isEqualTo(DIABETES);
            assertThat(((OnnxModel) model).inputs().stream().map(OnnxSignature.Input::describe))
                    .containsExactly(
                            "age (double [N, 1])",
                            "sex (int64 [N, 1])",
                            "bmi (float [N, 1])",
                            "bp (float [N, 1])",
                            "s1 (double [N, 1])",
                            "s2 (double [N, 1])",
                            "s3 (double [N, 1])",
                            "s4 (double [N, 1])",
                            "s5 (double [N, 1])",
                            "s6 (double [N, 1])");
            // bmi and bp go through float32; the rest of the graph is double.
            assertDiabetes(model, 1e-6);
        }
    }

    @Test
    void perColumnInputsAreMatchedByNameNotByPosition() {
        try (Model model = load("classpath:onnx/diabetes-columns.onnx")) {
            TestData data = data("classpath:onnx/diabetes.csv");
            Predictions inOrder = predict(model, data, "progression", DIABETES);
            List<String> backwards = new ArrayList<>(DIABETES);
            Collections.reverse(backwards);
            Predictions reversed = predict(model, data, "progression", backwards);
            assertThat(reversed.predictedValues()).containsExactly(inOrder.predictedValues());
        }
    }

    private static void assertDiabetes(Model model, double relative) {
        TestData data = data("classpath:onnx/diabetes.csv");
        Predictions predictions = predict(model, data, "progression", DIABETES);
        double[][] expected = expected("onnx/diabetes-expected.csv");
        assertThat(model.task()).isEqualTo(Task.REGRESSION);
        assertThat(predictions.size()).isEqualTo(111).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(predictions.actualValue(r)).isEqualTo(expected[r][0]);
            assertThat(predictions.predictedValue(r))
                    .as("row %d", r + 1)
                    .isCloseTo(expected[r][1], within(relative * Math.abs(expected[r][1])));
        }
    }

    @Test
    void stringAndDoubleInputsPerColumn() {
        try (Model model = load("classpath:onnx/colours.onnx")) {
            assertThat(model.requiredFeatures()).containsExactly("colour", "size");
            TestData data = data("classpath:onnx/colours.csv");
            Predictions predictions = predict(model, data, "value", List.of("colour", "size"));
            double[] truth = data.doubles("value");
            for (int r = 0; r < truth.length; r++) {
                assertThat(predictions.predictedValue(r)).as("row %d", r + 1).isCloseTo(truth[r], within(1e-12));
            }
        }
    }
}
