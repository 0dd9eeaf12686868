package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * Predictions scored elsewhere (a scikit-learn pipeline, see {@code scripts/data/make_breast_cancer_scored.py}) and
 * gated here: no model is loaded, the {@code predicted} and {@code p_malignant} columns are evaluated.
 */
@ModelTest(
        predictions = "predicted",
        scores = "p_malignant",
        data = "src/test/resources/breast-cancer-scored.csv",
        label = "diagnosis")
class BreastCancerScoredTest {

    @AccuracyAtLeast(0.95)
    void accurateEnough() {}

    @OutputRange(min = 0, max = 1)
    void scoresAreProbabilities() {}

    @NoMissingValues
    void everyRowIsScored() {}

    @Test
    void malignantIsThePositiveClass(Predictions predictions) {
        assertThat(predictions.classes()).containsExactly("benign", "malignant");
    }
}
