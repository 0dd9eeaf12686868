package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.TestData;
import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.HandlesGeneratedInputs;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * The classic model tests (performance threshold, output range, inference time, input schema, missing values, random
 * inputs) as annotations, on a Smile RandomForest trained by {@link TrainIrisModel} on the iris data.
 *
 * <p>The model file, the data and the predictions are loaded and computed once for the whole class.
 */
@ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-test.csv", label = "species")
class IrisModelTest {

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

    /** The random-input test: any row the schema allows gets exactly one prediction, probabilities in [0, 1]. */
    @HandlesGeneratedInputs(rows = 1000, schema = "src/test/resources/iris.schema.yaml", seed = 42)
    void handlesAnyRowTheSchemaAllows() {}

    @Test
    void predictsOneOfTheThreeSpeciesForEveryRow(Predictions predictions, TestData data) {
        assertThat(predictions.size()).isEqualTo(data.rowCount());
        assertThat(predictions.classes()).containsExactly("setosa", "versicolor", "virginica");
        for (int row = 0; row < predictions.size(); row++) {
            assertThat(predictions.predictedLabel(row)).isIn(predictions.classes());
        }
    }
}
