package ${package};

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.AucAtLeast;
import dev.modeltest.junit.DisparateImpactAtLeast;
import dev.modeltest.junit.LogLossAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoDrift;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;

/**
 * The quality checks of a churn model, on a test set it has already scored: {@code predicted} is its class and
 * {@code p_yes} its probability of "yes" (the positive class, the second in sorted order). Each annotated method is
 * one check and one test; the bodies stay empty. Put your own scored data in place of scored.csv and keep the checks.
 */
@ModelTest(predictions = "predicted", scores = "p_yes", data = "src/test/resources/scored.csv", label = "churned")
class ChurnModelTest {

    /** Accuracy at least 0.80, decided on the lower end of its 95% confidence interval, not on luck. */
    @AccuracyAtLeast(value = 0.80, confidence = 0.95)
    void accurateEnough() {}

    /** Churners are scored above stayers nine times in ten (ROC AUC). */
    @AucAtLeast(0.90)
    void ranksChurnersFirst() {}

    /** The probabilities are sharp and honest (log loss). */
    @LogLossAtMost(0.35)
    void probabilitiesAreSharp() {}

    /** Every score is a probability. */
    @OutputRange(min = 0, max = 1)
    void scoresAreProbabilities() {}

    /** The data has the columns, types and ranges the model was built for. */
    @SchemaMatches("src/test/resources/churn.schema.yaml")
    void dataMatchesTheSchema() {}

    /** No empty cell anywhere. */
    @NoMissingValues
    void everyRowIsComplete() {}

    /** The four-fifths rule: women are predicted to churn at least 80% as often as men, and the other way round. */
    @DisparateImpactAtLeast(attribute = "sex", privileged = "M")
    void treatsWomenAndMenAlike() {}

    /** The features are distributed like the training data's. */
    @NoDrift(reference = "src/test/resources/reference.csv")
    void distributedLikeTheTrainingData() {}
}
