package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** How rows become positive or not, and how they are put in groups; and what the checks refuse. */
class OutcomesAndGroupsTest {

    private static final String WHERE = "@DemographicParity on LoanTest.parity()";

    private static DemographicParityCheck parity(FairnessOptions options) {
        return new DemographicParityCheck(WHERE, options, 0.1, Double.NaN);
    }

    @Test
    void thePositiveLabelDefaultsToTheSecondClassInSortedOrder() {
        FairnessOptions options = FairnessOptions.of("sex");

        assertThat(Outcomes.of(WHERE, predictions(List.of("yes", "no")), options).positive)
                .isEqualTo("yes");
        assertThat(Outcomes.of(WHERE, predictions(List.of("rejected", "approved")), options).positive)
                .isEqualTo("rejected");
        // Numbers sort as numbers, as scikit-learn sorts them: 9 before 10.
        assertThat(Outcomes.of(WHERE, predictions(List.of("10", "9")), options).positive)
                .isEqualTo("10");
    }

    private static Predictions predictions(List<String> classes) {
        return Predictions.classification("fair.csv", "test model", classes, new int[] {0, 1}, new int[] {1, 0}, null);
    }

    @Test
    void anUnknownPositiveLabelIsAConfigurationErrorWithASuggestion() {
        assertThatThrownBy(() -> Outcomes.of(
                        WHERE,
                        predictions(List.of("no", "yes")),
                        FairnessOptions.of("sex").withPositiveLabel("Yes")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'positiveLabel' must be one of the classes [no, yes], was \"Yes\" (did you mean"
                        + " 'yes'?)");
    }

    @Test
    void aModelWithMoreThanTwoClassesIsAConfigurationError() {
        Predictions three = Predictions.classification(
                "fair.csv", "test model", List.of("a", "b", "c"), new int[] {0, 1, 2}, new int[] {0, 1, 2}, null);

        assertThatThrownBy(() -> Outcomes.of(WHERE, three, FairnessOptions.of("sex")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": fairness checks apply to binary classifiers, but test model on fair.csv has 3"
                        + " classes [a, b, c]; compare one class against the rest in a column of its own");
    }

    @Test
    void aRegressorIsAConfigurationError() {
        Predictions regression =
                Predictions.regression("fair.csv", "regressor", new double[] {1, 2}, new double[] {1, 2});

        assertThatThrownBy(() -> Outcomes.of(WHERE, regression, FairnessOptions.of("sex")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": fairness checks apply to binary classifiers, but regressor is a regressor");
    }

    @Test
    void aThresholdNeedsProbabilities() {
        Fixture data = Fixture.with("sex").selected("F", 40, 10).selected("M", 40, 20);

        assertThatThrownBy(() ->
                        parity(FairnessOptions.of("sex").withThreshold(0.5)).evaluate(data.data(), data.labelsOnly()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'threshold' needs the probability of \"yes\", but labels-only model gives class"
                        + " labels only; remove 'threshold' to judge the predicted labels, or give the model's"
                        + " probabilities ('scores')");
    }

    @Test
    void aMissingProbabilityIsAModelError() {
        Predictions predictions = Predictions.classification(
                "fair.csv", "test model", List.of("no", "yes"), new int[] {0, 1}, new int[] {0, 1}, new double[][] {
                    {0.9, Double.NaN}, {0.1, Double.NaN}
                });

        assertThatThrownBy(() -> Outcomes.of(
                        WHERE, predictions, FairnessOptions.of("sex").withThreshold(0.5)))
                .isInstanceOf(ModelException.class)
                .hasMessage("test model gave no probability (NaN) of \"yes\" for row 2 of fair.csv");
    }

    @Test
    void anUnknownAttributeColumnIsAConfigurationErrorWithASuggestion() {
        Fixture data = Fixture.with("sex").selected("F", 40, 10).selected("M", 40, 20);

        assertThatThrownBy(() -> data.run(parity(FairnessOptions.of("sexe"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'attribute' must name a column of fair.csv, was 'sexe' (did you mean 'sex'?);"
                        + " its columns are sex, label");
    }

    @Test
    void aRowWithoutAnAttributeValueIsADataError() {
        Table table = Table.create(
                "gaps.csv",
                StringColumn.create("sex", "F", "M", null, "F"),
                StringColumn.create("label", "yes", "no", "yes", "no"));
        TestData data = TestData.of("gaps.csv", table);
        Predictions predictions = Predictions.classification(
                "gaps.csv", "test model", List.of("no", "yes"), new int[] {1, 0, 1, 0}, new int[] {1, 0, 0, 0}, null);

        assertThatThrownBy(() -> parity(FairnessOptions.of("sex")).evaluate(data, predictions))
                .isInstanceOf(DataException.class)
                .hasMessage("data set gaps.csv, attribute column 'sex': row 3 is empty; every row needs a value to be"
                        + " put in a group (fill it, e.g. with 'unknown', or drop the row)");
    }

    @Test
    void numericAttributeValuesAreGroupsSortedAsNumbers() {
        Table table = Table.create(
                "ages.csv",
                DoubleColumn.create("band", 10, 9, 10, 9, 100),
                StringColumn.create("label", "yes", "no", "yes", "no", "yes"));
        Predictions predictions = Predictions.classification(
                "ages.csv",
                "test model",
                List.of("no", "yes"),
                new int[] {1, 0, 1, 0, 1},
                new int[] {1, 0, 1, 0, 1},
                null);

        CheckResult result = new DemographicParityCheck(
                        WHERE, FairnessOptions.of("band").withMinGroupSize(1), 1, Double.NaN)
                .evaluate(TestData.of("ages.csv", table), predictions);

        assertThat(result.message())
                .endsWith("  group  n  selection rate  TPR     FPR     verdict\n"
                        + "  9      2  0.0000          n/a     0.0000  lowest\n"
                        + "  10     2  1.0000          1.0000  n/a     highest\n"
                        + "  100    1  1.0000          1.0000  n/a     judged");
    }
}
