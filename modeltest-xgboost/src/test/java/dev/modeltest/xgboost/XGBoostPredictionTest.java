package dev.modeltest.xgboost;

import static dev.modeltest.testing.AdapterFixtures.predict;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_JSON;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_UBJ;
import static dev.modeltest.xgboost.XGBoostFixtures.DIABETES;
import static dev.modeltest.xgboost.XGBoostFixtures.DIABETES_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTMAX;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTPROB;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.codes;
import static dev.modeltest.xgboost.XGBoostFixtures.floats;
import static dev.modeltest.xgboost.XGBoostFixtures.reference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.DataLoader;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.testing.AdapterFixtures;
import dev.modeltest.testing.Csv;
import dev.modeltest.testing.RecordingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every prediction modeltest makes through an XGBoost model file must be exactly the one XGBoost4J's own {@code
 * Booster.predict} makes on the same rows (read from the CSV file independently of modeltest).
 */
class XGBoostPredictionTest {

    @TempDir
    Path dir;

    @Test
    void predictsExactlyXGBoostsProbabilitiesForABinaryJsonModel() throws XGBoostError {
        assertBinaryPredictionsMatch(BREAST_CANCER_JSON);
    }

    @Test
    void predictsExactlyXGBoostsProbabilitiesForABinaryUbjModel() throws XGBoostError {
        assertBinaryPredictionsMatch(BREAST_CANCER_UBJ);
    }

    private static void assertBinaryPredictionsMatch(Path model) throws XGBoostError {
        Csv csv = Csv.read(BREAST_CANCER_TEST);
        float[][] expected = reference(model, csv);

        Predictions predictions = predict(model, BREAST_CANCER_TEST, "diagnosis");

        assertThat(predictions.size()).isEqualTo(143);
        assertThat(predictions.classes()).containsExactly("malignant", "benign");
        for (int r = 0; r < csv.rows(); r++) {
            double benign = expected[r][0];
            assertThat(predictions.probability(r, 1)).as("row %d", r + 1).isEqualTo(benign);
            assertThat(predictions.probability(r, 0)).as("row %d", r + 1).isEqualTo(1.0 - benign);
            assertThat(predictions.predictedLabel(r))
                    .as("row %d", r + 1)
                    .isEqualTo(benign > 0.5 ? "benign" : "malignant");
            assertThat(predictions.actualLabel(r)).isEqualTo(csv.y()[r]);
        }
        // The comparison means something only if the model tells the classes apart.
        assertThat(accuracy(predictions)).isGreaterThan(0.9);
    }

    @Test
    void predictsExactlyXGBoostsProbabilitiesForAMulticlassSoftprobModel() throws XGBoostError {
        Csv csv = Csv.read(IRIS_TEST);
        float[][] expected = reference(IRIS_SOFTPROB, csv);

        Predictions predictions = predict(IRIS_SOFTPROB, IRIS_TEST, "species");

        assertThat(predictions.classes()).containsExactly("setosa", "versicolor", "virginica");
        for (int r = 0; r < csv.rows(); r++) {
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertThat(predictions.probability(r, k))
                        .as("row %d, class %d", r + 1, k)
                        .isEqualTo(expected[r][k]);
                best = expected[r][k] > expected[r][best] ? k : best;
            }
            assertThat(predictions.predictedClass(r)).as("row %d", r + 1).isEqualTo(best);
        }
        assertThat(accuracy(predictions)).isGreaterThan(0.9);
    }

    @Test
    void predictsExactlyXGBoostsClassesForASoftmaxModelWithoutNames() throws XGBoostError, IOException {
        Csv csv = Csv.read(IRIS_TEST);
        float[][] expected = reference(IRIS_SOFTMAX, csv);
        // The model has no class names, so its classes are "0", "1", "2": give the label as codes.
        Path coded = dir.resolve("iris-coded.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(IRIS_TEST));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String species = line.substring(line.lastIndexOf(',') + 1);
            lines.set(i, line.substring(0, line.lastIndexOf(',') + 1) + TrainXGBoostModels.SPECIES.indexOf(species));
        }
        Files.write(coded, lines);

        Predictions predictions = predict(IRIS_SOFTMAX, coded, "species");

        assertThat(predictions.classes()).containsExactly("0", "1", "2");
        assertThat(predictions.hasProbabilities()).isFalse();
        for (int r = 0; r < csv.rows(); r++) {
            assertThat(predictions.predictedClass(r)).as("row %d", r + 1).isEqualTo((int) expected[r][0]);
        }
        assertThat(accuracy(predictions)).isGreaterThan(0.9);
    }

    @Test
    void predictsExactlyXGBoostsValuesForARegressionModel() throws XGBoostError {
        Csv csv = Csv.read(DIABETES_TEST);
        float[][] expected = reference(DIABETES, csv);

        Predictions predictions = predict(DIABETES, DIABETES_TEST, "progression");

        assertThat(predictions.task()).isEqualTo(Task.REGRESSION);
        assertThat(predictions.size()).isEqualTo(111);
        for (int r = 0; r < csv.rows(); r++) {
            assertThat(predictions.predictedValue(r)).as("row %d", r + 1).isEqualTo(expected[r][0]);
            assertThat(predictions.actualValue(r)).isEqualTo(Double.parseDouble(csv.y()[r]));
        }
        // A model that learnt something: its predictions vary with the rows.
        assertThat(java.util.Arrays.stream(predictions.predictedValues())
                        .distinct()
                        .count())
                .isGreaterThan(50);
    }

    @Test
    void passesMissingCellsToXGBoostAsMissingValues() throws XGBoostError, IOException {
        // Blank out a few cells of features the first trees split on; XGBoost sends NaN down each split's default side.
        List<String> lines = new ArrayList<>(Files.readAllLines(BREAST_CANCER_TEST));
        for (int row = 1; row <= 10; row++) {
            String[] cells = lines.get(row).split(",", -1);
            cells[20] = "";
            cells[27 - row % 2] = "";
            lines.set(row, String.join(",", cells));
        }
        Path gappy = dir.resolve("gappy.csv");
        Files.write(gappy, lines);
        Csv csv = Csv.read(gappy);
        assertThat(csv.x()[0][20]).isNaN();
        float[][] expected = reference(BREAST_CANCER_JSON, csv);
        float[][] complete = reference(BREAST_CANCER_JSON, Csv.read(BREAST_CANCER_TEST));

        Predictions predictions = predict(BREAST_CANCER_JSON, gappy, "diagnosis");

        for (int r = 0; r < csv.rows(); r++) {
            assertThat(predictions.probability(r, 1)).as("row %d", r + 1).isEqualTo(expected[r][0]);
        }
        // The gaps changed something, so the comparison covers the missing-value path.
        assertThat(expected[0][0]).isNotEqualTo(complete[0][0]);
    }

    @Test
    void predictsExactlyXGBoostsValuesForADartModel() throws XGBoostError {
        Map<String, Object> params = params("binary:logistic");
        params.put("booster", "dart");
        params.put("rate_drop", 0.1);
        assertTrainedModelMatches(params, "dart.ubj");
    }

    @Test
    void predictsExactlyXGBoostsValuesForALinearModel() throws XGBoostError {
        Map<String, Object> params = params("multi:softprob");
        params.put("booster", "gblinear");
        params.put("num_class", 3);
        assertTrainedModelMatches(params, "linear.json");
    }

    /** Trains on iris (binary: setosa or not), saves, loads through modeltest and compares with the booster. */
    private void assertTrainedModelMatches(Map<String, Object> params, String file) throws XGBoostError {
        Csv train = Csv.read(AdapterFixtures.DATA.resolve("iris-train.csv"));
        Csv test = Csv.read(IRIS_TEST);
        boolean binary = params.get("objective").toString().startsWith("binary");
        float[] labels = codes(train, TrainXGBoostModels.SPECIES);
        if (binary) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels[i] == 0 ? 1 : 0;
            }
        }
        DMatrix matrix = new DMatrix(floats(train), train.rows(), 4, Float.NaN);
        matrix.setLabel(labels);
        matrix.setFeatureNames(train.features().toArray(String[]::new));
        Booster booster = XGBoost.train(matrix, params, 10, Map.of(), null, null);
        Path model = dir.resolve(file);
        booster.saveModel(model.toString());
        float[][] expected = reference(model, test);
        List<String> names = binary ? List.of("other", "setosa") : TrainXGBoostModels.SPECIES;
        booster.setAttr(
                ClassNames.ATTRIBUTE,
                binary ? "[\"other\", \"setosa\"]" : "[\"setosa\", \"versicolor\", \"virginica\"]");
        booster.saveModel(model.toString());

        try (Model loaded = XGBoostFixtures.load(model)) {
            assertThat(loaded.classes()).containsExactlyElementsOf(names);
            Features features = Features.of(DataLoader.load(IRIS_TEST.toString()), loaded.requiredFeatures());
            RecordingOutput out = new RecordingOutput(test.rows(), names.size());

            loaded.predict(features.batch(0, test.rows()), out);

            String objective = params.get("objective").toString();
            for (int r = 0; r < test.rows(); r++) {
                switch (objective) {
                    case "binary:logistic" ->
                        assertThat(out.probabilities[r][1]).as("row %d", r + 1).isEqualTo(expected[r][0]);
                    case "binary:logitraw" ->
                        assertThat(out.classes[r]).as("row %d", r + 1).isEqualTo(expected[r][0] > 0 ? 1 : 0);
                    case "binary:hinge" ->
                        assertThat(out.classes[r]).as("row %d", r + 1).isEqualTo((int) expected[r][0]);
                    default -> {
                        for (int k = 0; k < 3; k++) {
                            assertThat(out.probabilities[r][k])
                                    .as("row %d", r + 1)
                                    .isEqualTo(expected[r][k]);
                        }
                    }
                }
            }
            // Setosa is easy to tell apart: a model that learnt it predicts both outcomes.
            if (binary && !loaded.hasProbabilities()) {
                assertThat(java.util.Arrays.stream(out.classes).distinct().count())
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void predictsExactlyXGBoostsClassesForALogitrawModel() throws XGBoostError {
        assertTrainedModelMatches(params("binary:logitraw"), "logitraw.json");
    }

    @Test
    void predictsExactlyXGBoostsClassesForAHingeModel() throws XGBoostError {
        assertTrainedModelMatches(params("binary:hinge"), "hinge.ubj");
    }

    private static Map<String, Object> params(String objective) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective);
        params.put("max_depth", 2);
        params.put("seed", 1);
        params.put("nthread", 1);
        return params;
    }

    private static double accuracy(Predictions predictions) {
        int right = 0;
        for (int r = 0; r < predictions.size(); r++) {
            right += predictions.actualClass(r) == predictions.predictedClass(r) ? 1 : 0;
        }
        return right / (double) predictions.size();
    }
}
