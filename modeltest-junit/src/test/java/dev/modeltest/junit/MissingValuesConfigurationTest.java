package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Which CSV cells are missing: pandas' tokens by default, other tokens per {@code @ModelTest} or project-wide, and
 * literal columns where {@code NA} is a value.
 *
 * <p>{@code tokens.csv}: x1 holds {@code nan} (row 2), {@code NULL} (row 4) and {@code -999} (row 5); country holds
 * {@code NA} (rows 2 and 5, the code of Namibia) and an empty cell (row 6).
 */
class MissingValuesConfigurationTest {

    private static final String DATA = "src/test/resources/fixtures/tokens.csv";

    @ModelTest(provider = TestModels.Threshold.class, data = DATA, label = "label")
    static class PandasDefaultsTestCase {
        @NoMissingValues(columns = "x1")
        void numbersComplete() {}

        @NoMissingValues(columns = "country")
        void countriesComplete() {}
    }

    @Test
    void pandasTokensInANumericColumnAreMissing() {
        EngineExecutionResults results = run(PandasDefaultsTestCase.class);

        assertThat(failureOf(results, "numbersComplete"))
                .isEqualTo("Expecting no missing values in column(s) x1 of tokens.csv (n=6)\n"
                        + "but found 2 missing cell(s) in 1 column(s):\n"
                        + "  column 'x1': 2 row(s), e.g. row 2, row 4");
        assertThat(failureOf(results, "countriesComplete"))
                .endsWith("column 'country': 3 row(s), e.g. row 2, row 5, row 6");
    }

    @ModelTest(
            provider = TestModels.Threshold.class,
            data = DATA,
            label = "label",
            missingValues = {"nan", "NULL", "-999"},
            literalColumns = "country")
    static class OwnTokensTestCase {
        @NoMissingValues(columns = "x1")
        void numbersComplete() {}

        @NoMissingValues(columns = "label")
        void labelsComplete() {}

        @NoMissingValues(columns = "country")
        void countriesComplete() {}
    }

    @Test
    void tokensAndLiteralColumnsOfTheAnnotationApply() {
        EngineExecutionResults results = run(OwnTokensTestCase.class);

        assertThat(failureOf(results, "numbersComplete")).endsWith("column 'x1': 3 row(s), e.g. row 2, row 4, row 5");
        assertThat(failureOf(results, "countriesComplete")).endsWith("column 'country': 1 row(s), e.g. row 6");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = DATA, label = "label")
    static class ProjectTokensTestCase {
        @NoMissingValues(columns = "x1")
        void numbersComplete() {}
    }

    @Test
    void projectWideTokensApplyWhenTheAnnotationGivesNone() {
        EngineExecutionResults results =
                run(ProjectTokensTestCase.class, Map.of("modeltest.data.missingValues", "-999, nan"));

        // NULL is then text, so x1 is a text column with two missing cells: nan and -999.
        assertThat(failureOf(results, "numbersComplete")).endsWith("column 'x1': 2 row(s), e.g. row 2, row 5");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = DATA, label = "label", missingValues = "")
    static class OnlyEmptyCellsTestCase {
        @NoMissingValues(columns = "country")
        void countriesComplete() {}
    }

    @Test
    void anEmptyTokenAloneReadsOnlyEmptyCellsAsMissingOverThePojectSetting() {
        EngineExecutionResults results =
                run(OnlyEmptyCellsTestCase.class, Map.of("modeltest.data.missingValues", "NA"));

        assertThat(failureOf(results, "countriesComplete")).endsWith("column 'country': 1 row(s), e.g. row 6");
    }

    @ModelTest(
            provider = TestModels.Threshold.class,
            data = DATA,
            label = "label",
            literalColumns = {"country", "country"})
    static class TwiceTestCase {
        @NoMissingValues
        void complete() {}
    }

    @Test
    void aLiteralColumnNamedTwiceIsAConfigurationError() {
        assertThat(failureOf(run(TwiceTestCase.class), "complete"))
                .isEqualTo(
                        "@ModelTest on TwiceTestCase: 'literalColumns' names 'country' twice, was [country, country]");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = DATA, label = "label", literalColumns = "contry")
    static class UnknownColumnTestCase {
        @NoMissingValues
        void complete() {}
    }

    @Test
    void aLiteralColumnThatIsNotInTheDataIsNamedWithTheNearestColumn() {
        assertThat(failureOf(run(UnknownColumnTestCase.class), "complete"))
                .endsWith("tokens.csv' has no column 'contry' to read literally (did you mean 'country'?); its columns"
                        + " are x1, country, label");
    }

    @Test
    void aColumnWithoutTokensOrEmptyCellsPasses() {
        assertThat(succeeded(run(OwnTokensTestCase.class))).containsExactly("labelsComplete()");
    }
}
