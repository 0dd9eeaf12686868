package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.Monotonic;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.junit.StableUnderNoise;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * Gates on a regressor exported to ONNX: scikit-learn's {@code LinearRegression} on the diabetes data in raw units,
 * as skl2onnx writes it (one LinearRegressor node), made by {@code scripts/models/make_onnx_models.py}.
 */
@ModelTest(model = "models/diabetes-linreg.onnx", data = "src/test/resources/diabetes-test.csv", label = "progression")
class OnnxDiabetesTest {

    /** The target is a disease-progression score between 25 and 346; a prediction outside 0–400 is a broken model. */
    @OutputRange(min = 0, max = 400)
    void predictionsArePlausibleScores() {}

    @LatencyUnder(millis = 5, percentile = 99)
    void fastEnoughForOnlineScoring() {}

    @SchemaMatches("src/test/resources/diabetes.schema.yaml")
    void inputsLookLikeTraining() {}

    @NoMissingValues
    void noGapsInTheTestSet() {}

    /**
     * A linear regression's prediction moves with each input by its coefficient, and body-mass index, among the
     * strongest predictors of progression in this data, has a positive one: a higher BMI must never predict less
     * progression.
     */
    @Monotonic(feature = "bmi", direction = Direction.INCREASING)
    void higherBmiNeverPredictsLessProgression() {}

    /**
     * Noise of 5% of each input's spread should move a prediction by a small part of the model's own error (its RMSE
     * on these rows is above 50 points): on average by at most 5 points, the whole 95% interval below it.
     */
    @StableUnderNoise(maxMeanChange = 5, confidence = 0.95)
    void predictionSurvivesMeasurementNoise() {}

    @Test
    void explainsAtLeastHalfTheVarianceRoughly(Predictions predictions) {
        // R² = 1 - SS_res / SS_tot, as sklearn.metrics.r2_score; the script printed 0.484906 for these 111 rows.
        double[] actual = predictions.actualValues();
        double[] predicted = predictions.predictedValues();
        double mean = 0;
        for (double v : actual) {
            mean += v / actual.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        assertThat(1 - residual / total).isGreaterThan(0.45);
    }
}
