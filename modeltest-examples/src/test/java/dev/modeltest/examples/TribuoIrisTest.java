package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * The iris example's gates on a Tribuo model: a logistic regression trained with Tribuo 4.3 on {@code
 * iris-train.csv} ({@code TrainTribuoModels} in modeltest-tribuo) and saved with {@code Model.serializeToFile} as a
 * {@code .tribuo} file. modeltest-tribuo on the test class path is all it takes to load it.
 */
@ModelTest(model = "models/iris-tribuo.tribuo", data = "src/test/resources/iris-test.csv", label = "species")
class TribuoIrisTest {

    @AccuracyAtLeast(0.90)
    void accurateEnough() {}

    @OutputRange(min = 0.0, max = 1.0)
    void probabilitiesAreProbabilities() {}

    @LatencyUnder(millis = 5, percentile = 99)
    void fastEnoughForOnlineScoring() {}

    @SchemaMatches("src/test/resources/iris.schema.yaml")
    void inputsLookLikeTraining() {}

    @NoMissingValues
    void noGapsInTheTestSet() {}

    @Test
    void readsTheSpeciesAndTheInputsFromTheModelFile(Model model, Predictions predictions) {
        assertThat(model.describe()).isEqualTo("Tribuo iris-tribuo.tribuo (LinearSGDModel, 3 classes)");
        // Tribuo's feature ids follow the names' order; its class ids the order of the training data.
        assertThat(model.requiredFeatures())
                .containsExactly("petal_length", "petal_width", "sepal_length", "sepal_width");
        assertThat(predictions.classes()).containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
    }
}
