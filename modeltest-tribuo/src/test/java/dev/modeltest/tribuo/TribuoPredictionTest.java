package dev.modeltest.tribuo;

import static dev.modeltest.testing.AdapterFixtures.predict;
import static dev.modeltest.tribuo.TribuoFixtures.DIABETES_CART;
import static dev.modeltest.tribuo.TribuoFixtures.DIABETES_TEST;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_CART;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_LOGISTIC;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_SVM;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_TEST;
import static dev.modeltest.tribuo.TribuoFixtures.labelled;
import static dev.modeltest.tribuo.TribuoFixtures.targets;
import static dev.modeltest.tribuo.TribuoFixtures.tribuo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.testing.Csv;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Every prediction modeltest makes through a Tribuo model file must be exactly the one Tribuo's own {@code
 * Model.predict} makes on the same rows (examples built from the CSV file independently of modeltest).
 */
class TribuoPredictionTest {

    @Test
    void predictsExactlyTribuosLabelsAndProbabilitiesForALogisticRegression() {
        assertClassifierMatches(IRIS_LOGISTIC, true);
    }

    @Test
    void predictsExactlyTribuosLabelsForACartTree() {
        // Tribuo's CART models say generatesProbabilities() == false, so modeltest reports labels only.
        assertClassifierMatches(IRIS_CART, false);
    }

    @Test
    void predictsExactlyTribuosLabelsForALinearSvmWithoutProbabilities() {
        assertClassifierMatches(IRIS_SVM, false);
    }

    @SuppressWarnings("unchecked")
    private static void assertClassifierMatches(Path model, boolean probabilities) {
        Csv csv = Csv.read(IRIS_TEST);
        org.tribuo.Model<Label> reference = (org.tribuo.Model<Label>) tribuo(model);
        List<Prediction<Label>> expected = reference.predict(labelled(csv));

        Predictions predictions = predict(model, IRIS_TEST, "species");

        assertThat(predictions.size()).isEqualTo(30);
        assertThat(predictions.hasProbabilities()).isEqualTo(probabilities);
        for (int r = 0; r < csv.rows(); r++) {
            Prediction<Label> truth = expected.get(r);
            assertThat(predictions.predictedLabel(r))
                    .as("row %d", r + 1)
                    .isEqualTo(truth.getOutput().getLabel());
            assertThat(predictions.actualLabel(r)).isEqualTo(csv.y()[r]);
            if (probabilities) {
                for (int k = 0; k < predictions.classes().size(); k++) {
                    String name = predictions.classes().get(k);
                    assertThat(predictions.probability(r, k))
                            .as("row %d, class %s", r + 1, name)
                            .isEqualTo(truth.getOutputScores().get(name).getScore());
                }
            }
        }
        // The comparison means something only if the model tells the species apart.
        assertThat(accuracy(predictions)).isGreaterThan(0.8);
        assertThat(Arrays.stream(predictions.predictedClasses()).distinct().count())
                .isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void predictsExactlyTribuosValuesForARegressionTree() {
        Csv csv = Csv.read(DIABETES_TEST);
        org.tribuo.Model<Regressor> reference = (org.tribuo.Model<Regressor>) tribuo(DIABETES_CART);
        List<Prediction<Regressor>> expected = reference.predict(targets(csv));

        Predictions predictions = predict(DIABETES_CART, DIABETES_TEST, "progression");

        assertThat(predictions.task()).isEqualTo(Task.REGRESSION);
        assertThat(predictions.size()).isEqualTo(111);
        for (int r = 0; r < csv.rows(); r++) {
            assertThat(predictions.predictedValue(r))
                    .as("row %d", r + 1)
                    .isEqualTo(expected.get(r).getOutput().getValues()[0]);
            assertThat(predictions.actualValue(r)).isEqualTo(Double.parseDouble(csv.y()[r]));
        }
        // A depth-4 tree has up to 16 leaves; a model that learnt something uses several of them.
        assertThat(Arrays.stream(predictions.predictedValues()).distinct().count())
                .isGreaterThan(5);
    }

    private static double accuracy(Predictions predictions) {
        int right = 0;
        for (int r = 0; r < predictions.size(); r++) {
            right += predictions.actualClass(r) == predictions.predictedClass(r) ? 1 : 0;
        }
        return right / (double) predictions.size();
    }
}
