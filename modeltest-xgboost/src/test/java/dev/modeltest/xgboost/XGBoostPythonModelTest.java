package dev.modeltest.xgboost;

import static dev.modeltest.testing.AdapterFixtures.predict;
import static dev.modeltest.xgboost.XGBoostFixtures.DIABETES_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_TEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Predictions;
import dev.modeltest.testing.AdapterFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Boosters saved by Python's {@code XGBClassifier} / {@code XGBRegressor} (XGBoost 1.7, Debian's python3-xgboost; made
 * by {@code scripts/models/make_xgboost_python_models.py}) load, and modeltest predicts exactly what Python predicted.
 */
class XGBoostPythonModelTest {

    private static final Path PYTHON = AdapterFixtures.MODELS.resolve("python");

    @ParameterizedTest
    @ValueSource(strings = {"iris-classifier.json", "iris-classifier.ubj"})
    void predictsExactlyPythonsProbabilities(String file) throws IOException {
        List<String> expected = Files.readAllLines(PYTHON.resolve("iris-classifier-expected.csv"));

        Predictions predictions = predict(PYTHON.resolve(file), IRIS_TEST, "species");

        assertThat(predictions.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(predictions.size()).isEqualTo(expected.size());
        for (int r = 0; r < predictions.size(); r++) {
            String[] p = expected.get(r).split(",");
            for (int k = 0; k < 3; k++) {
                assertThat(predictions.probability(r, k))
                        .as("row %d, class %d", r + 1, k)
                        .isEqualTo(Double.parseDouble(p[k]));
            }
        }
    }

    @Test
    void predictsExactlyPythonsValues() throws IOException {
        List<String> expected = Files.readAllLines(PYTHON.resolve("diabetes-regressor-expected.csv"));

        Predictions predictions = predict(PYTHON.resolve("diabetes-regressor.ubj"), DIABETES_TEST, "progression");

        assertThat(predictions.size()).isEqualTo(expected.size());
        for (int r = 0; r < predictions.size(); r++) {
            assertThat(predictions.predictedValue(r))
                    .as("row %d", r + 1)
                    .isEqualTo(Double.parseDouble(expected.get(r)));
        }
    }
}
