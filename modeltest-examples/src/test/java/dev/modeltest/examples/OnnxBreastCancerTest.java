package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.HandlesGeneratedInputs;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.Monotonic;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.junit.StableUnderNoise;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * The iris example's gates on a binary classifier trained in Python and exported to ONNX: a scikit-learn
 * {@code StandardScaler} + {@code LogisticRegression} on the breast-cancer data, in the graph skl2onnx writes
 * (Scaler, LinearClassifier, Normalizer, ZipMap), made by {@code scripts/models/make_onnx_models.py}. The only thing
 * added to the project is the {@code modeltest-onnx} test dependency.
 */
@ModelTest(
        model = "models/breast-cancer-logreg.onnx",
        data = "src/test/resources/breast-cancer-test.csv",
        label = "diagnosis")
class OnnxBreastCancerTest {

    @AccuracyAtLeast(0.95)
    void accurateEnough() {}

    @OutputRange(min = 0.0, max = 1.0)
    void probabilitiesAreProbabilities() {}

    @LatencyUnder(millis = 5, percentile = 99)
    void fastEnoughForOnlineScoring() {}

    @SchemaMatches("src/test/resources/breast-cancer.schema.yaml")
    void inputsLookLikeTraining() {}

    /** Any row the schema allows, and its edge rows, gets exactly one prediction with probabilities in [0, 1]. */
    @HandlesGeneratedInputs(rows = 1000, schema = "src/test/resources/breast-cancer.schema.yaml")
    void handlesAnyRowTheSchemaAllows() {}

    @NoMissingValues
    void noGapsInTheTestSet() {}

    /**
     * A logistic regression's log-odds are linear in each (scaled) input, so the probability of malignant moves one
     * way along each feature, the way of its coefficient: more concave points, the strongest sign of malignancy, must
     * never lower it. The graph computes in float32, whose steps near a probability of 1 are 6e-8; the tolerance keeps
     * that rounding, at rows the model is already sure of, from counting as a violation.
     */
    @Monotonic(
            feature = "worst_concave_points",
            direction = Direction.INCREASING,
            positiveClass = "malignant",
            tolerance = 1e-6)
    void moreConcavePointsNeverLowerTheRiskOfMalignancy() {}

    /**
     * A linear model's probability is smooth in its inputs: noise of 5% of each input's spread changes the class only
     * of rows within a hair of the boundary (over seeds, at most 1 of the 143 rows flips; the default bound is 2%).
     */
    @StableUnderNoise
    void diagnosisSurvivesMeasurementNoise() {}

    @Test
    void classNamesComeFromTheModel(Model model, Predictions predictions) {
        // The ZipMap node names the classes, in scikit-learn's (sorted) order.
        assertThat(model.classes()).containsExactly("benign", "malignant");
        assertThat(predictions.size()).isEqualTo(143);
    }
}
