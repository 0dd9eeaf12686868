package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.error.DataException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * The data-quality annotations ({@link MissingRateAtMost}, {@link NoDuplicateRows}, {@link NoConflictingLabels},
 * {@link NoLeakage}) passing on clean data, failing with their messages on {@code dq-test.csv}, and their
 * configuration errors.
 *
 * <p>{@code dq-test.csv} has x2 missing in rows 2 and 6, rows 3 and 8 equal, rows 4 and 9 with the same features and
 * different labels, and rows 1 and 5 with the features of rows 1 and 3 of {@code dq-train.csv}.
 */
class DataQualityAnnotationsTest {

    private static final String FIXTURES = "src/test/resources/fixtures/";

    @ModelTest(provider = TestModels.Threshold.class, data = FIXTURES + "dq-clean.csv", label = "label")
    static class CleanTestCase {
        @MissingRateAtMost(0)
        void complete() {}

        @NoDuplicateRows
        void distinct() {}

        @NoConflictingLabels
        void consistent() {}

        @NoLeakage(train = FIXTURES + "dq-train.csv")
        void unseen() {}
    }

    @Test
    void everyDataQualityGatePassesOnCleanData() {
        EngineExecutionResults results = run(CleanTestCase.class);

        assertThat(succeeded(results)).containsExactly("complete()", "consistent()", "distinct()", "unseen()");
        assertThat(results.testEvents().failed().count()).isZero();
    }

    @ModelTest(provider = TestModels.Threshold.class, data = FIXTURES + "dq-test.csv", label = "label")
    static class QualityTestCase {
        @MissingRateAtMost(0.2)
        void atTheRate() {}

        @MissingRateAtMost(0.1)
        void aboveTheRate() {}

        @MissingRateAtMost(
                value = 0,
                columns = {"x1", "label"})
        void namedColumnsComplete() {}

        @MissingRateAtMost(1.5)
        void rateOutOfRange() {}

        @MissingRateAtMost(value = 0.1, columns = "x3")
        void unknownColumn() {}

        @NoDuplicateRows
        void duplicates() {}

        @NoDuplicateRows(columns = "label")
        void duplicateLabels() {}

        @NoDuplicateRows(columns = {"x1", "lable"})
        void duplicatesOfAnUnknownColumn() {}

        @NoConflictingLabels
        void conflicts() {}

        @NoLeakage(train = FIXTURES + "dq-train.csv")
        void leaks() {}

        @NoLeakage(train = FIXTURES + "dq-nope.csv")
        void missingTrainFile() {}

        @NoLeakage(train = "")
        void blankTrain() {}

        @NoLeakage(train = FIXTURES + "dq-train-narrow.csv")
        void trainLacksAFeature() {}
    }

    @Test
    void missingRatePassesAtTheRateAndListsColumnsAboveIt() {
        EngineExecutionResults results = run(QualityTestCase.class);

        assertThat(succeeded(results)).contains("atTheRate()", "namedColumnsComplete()");
        assertThat(failureOf(results, "aboveTheRate")).isEqualTo("""
                        Expecting the fraction of missing cells in each of all 3 column(s) of dq-test.csv (n=10) to be \
                        at most:
                          0.1000
                        but 1 column(s) have more:
                          column 'x2': 0.2000 (2 of 10 missing), e.g. row 2, row 6""");
        assertThat(TestKit.throwableOf(results, "aboveTheRate")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void missingRateOutOfRangeIsAConfigurationErrorNamingTheAttribute() {
        EngineExecutionResults results = run(QualityTestCase.class);

        assertThat(failureOf(results, "rateOutOfRange"))
                .isEqualTo(
                        "@MissingRateAtMost on QualityTestCase.rateOutOfRange(): 'value' must be in [0, 1], was 1.5");
        assertThat(TestKit.throwableOf(results, "rateOutOfRange")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void missingRateOnAnUnknownColumnNamesTheNearestColumn() {
        EngineExecutionResults results = run(QualityTestCase.class);

        assertThat(failureOf(results, "unknownColumn"))
                .isEqualTo("@MissingRateAtMost on QualityTestCase.unknownColumn(): data set dq-test.csv has no column"
                        + " 'x3' (did you mean 'x1'?); its columns are x1, x2, label");
        assertThat(TestKit.throwableOf(results, "unknownColumn")).isInstanceOf(DataException.class);
    }

    @Test
    void duplicateRowsListsTheGroupsOfEqualRows() {
        EngineExecutionResults results = run(QualityTestCase.class);

        assertThat(failureOf(results, "duplicates")).isEqualTo("""
                        Expecting no duplicate rows in dq-test.csv (n=10), comparing all 3 column(s)
                        but found 1 duplicate row(s) in 1 group(s) of equal rows:
                          rows 3, 8: x1=0.3, x2=3, label='a'""");
        assertThat(failureOf(results, "duplicateLabels")).isEqualTo("""
                        Expecting no duplicate rows in dq-test.csv (n=10), comparing column(s) label
                        but found 8 duplicate row(s) in 2 group(s) of equal rows:
                          rows 1, 2, 3, 4, 8: label='a'
                          rows 5, 6, 7, 9, 10: label='b'""");
        assertThat(failureOf(results, "duplicatesOfAnUnknownColumn"))
                .isEqualTo("@NoDuplicateRows on QualityTestCase.duplicatesOfAnUnknownColumn(): data set dq-test.csv"
                        + " has no column 'lable' (did you mean 'label'?); its columns are x1, x2, label");
    }

    @Test
    void conflictingLabelsListsRowsWithTheSameFeaturesAndDifferentLabels() {
        assertThat(failureOf(run(QualityTestCase.class), "conflicts")).isEqualTo("""
                        Expecting rows of dq-test.csv (n=10) with the same features (x1, x2) to have the same label \
                        (column 'label')
                        but found 1 group(s) of rows, 2 row(s) in all, with the same features and different labels:
                          rows 4 ('a'), 9 ('b'): x1=0.4, x2=4""");
    }

    @Test
    void leakageListsTestRowsFoundInTheTrainingData() {
        assertThat(failureOf(run(QualityTestCase.class), "leaks")).isEqualTo("""
                        Expecting no row of dq-test.csv (n=10) to appear in the training data dq-train.csv (n=5), \
                        comparing 2 feature(s): x1, x2
                        but 2 test row(s) do (0.2000 of the test rows):
                          test row 1 = train row 1: x1=0.1, x2=1
                          test row 5 = train row 3: x1=0.5, x2=5""");
    }

    @Test
    void leakageConfigurationErrorsNameTheAttributeOrTheFile() {
        EngineExecutionResults results = run(QualityTestCase.class);

        assertThat(failureOf(results, "missingTrainFile"))
                .isEqualTo("@NoLeakage on QualityTestCase.missingTrainFile(): training data file '" + FIXTURES
                        + "dq-nope.csv' does not exist (looked at "
                        + Path.of(FIXTURES + "dq-nope.csv").toAbsolutePath() + ")");
        assertThat(TestKit.throwableOf(results, "missingTrainFile"))
                .isInstanceOf(ExtensionConfigurationException.class);
        assertThat(failureOf(results, "blankTrain"))
                .isEqualTo("@NoLeakage on QualityTestCase.blankTrain(): 'train' must name the training data file,"
                        + " was ''");
        assertThat(failureOf(results, "trainLacksAFeature"))
                .isEqualTo("@NoLeakage on QualityTestCase.trainLacksAFeature(): training data: data set"
                        + " dq-train-narrow.csv has no feature column 'x2' (did you mean 'x1'?); its columns are x1,"
                        + " label");
    }
}
