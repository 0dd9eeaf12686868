package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.HandlesGeneratedInputs;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
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

    @Test
    void classNamesComeFromTheModel(Model model, Predictions predictions) {
        // The ZipMap node names the classes, in scikit-learn's (sorted) order.
        assertThat(model.classes()).containsExactly("benign", "malignant");
        assertThat(predictions.size()).isEqualTo(143);
    }
}
