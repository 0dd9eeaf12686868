package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.HandlesGeneratedInputs;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.junit.StableUnderNoise;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * The iris example's gates on an XGBoost booster: a {@code binary:logistic} model of 30 trees trained with XGBoost4J
 * on the breast cancer data ({@code TrainXGBoostModels} in modeltest-xgboost) and saved in XGBoost's JSON format.
 * modeltest-xgboost on the test class path is all it takes to load it.
 *
 * <p>XGBoost stores no class names: this model carries them in its {@code class_names} attribute, so the label column
 * can hold {@code malignant} and {@code benign} rather than 0 and 1.
 */
@ModelTest(
        model = "models/breast-cancer-xgb.json",
        data = "src/test/resources/breast-cancer-test.csv",
        label = "diagnosis")
class XGBoostBreastCancerTest {

    @AccuracyAtLeast(0.90)
    void accurateEnough() {}

    @OutputRange(min = 0.0, max = 1.0)
    void probabilitiesAreProbabilities() {}

    @LatencyUnder(millis = 5, percentile = 99)
    void fastEnoughForOnlineScoring() {}

    @SchemaMatches("src/test/resources/breast-cancer.schema.yaml")
    void inputsLookLikeTraining() {}

    @NoMissingValues
    void noGapsInTheTestSet() {}

    /** Any row the schema allows, and its edge rows, gets exactly one prediction with probabilities in [0, 1]. */
    @HandlesGeneratedInputs(rows = 1000, schema = "src/test/resources/breast-cancer.schema.yaml")
    void handlesAnyRowTheSchemaAllows() {}

    /**
     * Noise of 5% of each input's spread changes a row's diagnosis only where the row lies on the booster's decision
     * boundary, where the test set's few errors also lie; at most one patient in twenty may change class. (Over
     * seeds, 0 to 4 of the 143 rows flip: the default bound of 2% would pass or fail by the seed.)
     */
    @StableUnderNoise(sigma = 0.05, maxFlipRate = 0.05)
    void diagnosisSurvivesMeasurementNoise() {}

    /**
     * None of the 30 trees splits on these five inputs (see the model file's {@code split_indices}), so no noise on
     * them, even of a whole standard deviation, can change a prediction: a retrained booster that starts reading them
     * fails here.
     */
    @StableUnderNoise(
            columns = {"mean_radius", "mean_perimeter", "mean_symmetry", "concavity_error", "concave_points_error"},
            sigma = 1,
            maxFlipRate = 0)
    void ignoresTheInputsNoTreeSplitsOn() {}

    @Test
    void readsTheDiagnosesAndTheThirtyInputsFromTheModelFile(Model model, Predictions predictions) {
        assertThat(model.describe()).isEqualTo("XGBoost breast-cancer-xgb.json (binary:logistic, 2 classes)");
        assertThat(model.requiredFeatures()).hasSize(30).startsWith("mean_radius", "mean_texture");
        assertThat(predictions.classes()).containsExactly("malignant", "benign");
        assertThat(predictions.size()).isEqualTo(143);
    }
}
