package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad configuration and bad input fail clearly, naming the attribute, file, column or row. */
class ModelTestConfigurationTest {

    @ModelTest(provider = TestModels.Threshold.class, data = "src/test/resources/fixtures/missing.csv", label = "label")
    static class MissingDataTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void missingDataFileNamesThePathAndWhereItLooked() {
        assertThat(failureOf(run(MissingDataTestCase.class), "accuracy"))
                .startsWith(
                        "@ModelTest on MissingDataTestCase: data file 'src/test/resources/fixtures/missing.csv' does not"
                                + " exist (looked at /")
                .endsWith("modeltest-junit/src/test/resources/fixtures/missing.csv)");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "lable")
    static class MisspeltLabelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void misspeltLabelColumnSuggestsTheNearestName() {
        assertThat(failureOf(run(MisspeltLabelTestCase.class), "accuracy"))
                .isEqualTo("data set tiny.csv has no label column 'lable' (did you mean 'label'?); its columns are x1,"
                        + " x2, label");
    }

    @ModelTest(
            provider = TestModels.Threshold.class,
            data = "src/test/resources/fixtures/header-only.csv",
            label = "label")
    static class EmptyDataTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void emptyDataSetIsAnErrorNeverAPass() {
        assertThat(failureOf(run(EmptyDataTestCase.class), "accuracy"))
                .isEqualTo("data file 'src/test/resources/fixtures/header-only.csv' has a header but no rows: an empty"
                        + " data set cannot pass a quality gate");
    }

    @ModelTest(provider = TestModels.WrongClasses.class, data = TestModels.TINY, label = "label")
    static class UnknownLabelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void labelTheModelNeverSawNamesTheRowAndTheModelsClasses() {
        assertThat(failureOf(run(UnknownLabelTestCase.class), "accuracy"))
                .isEqualTo("data set tiny.csv, label column 'label': row 6 has label 'b', which the model never saw;"
                        + " its classes are a, c");
    }

    @ModelTest(provider = TestModels.ShortOutput.class, data = TestModels.TINY, label = "label")
    static class ShortOutputTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void predictionCountThatDiffersFromRowCountGivesBothSizes() {
        assertThat(failureOf(run(ShortOutputTestCase.class), "accuracy"))
                .isEqualTo(
                        "dev.modeltest.junit.TestModels$ShortOutput$1 returned 9 predictions for a batch of 10 rows (rows 1–10)");
    }

    @ModelTest(model = "models/x.ser", provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class TwoSourcesTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void twoModelSourcesAreAConfigurationError() {
        assertThat(failureOf(run(TwoSourcesTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on TwoSourcesTestCase: give exactly one model source, 'model', 'provider' or"
                        + " 'predictions', found 'model' and 'provider'");
    }

    @ModelTest(data = TestModels.TINY, label = "label")
    static class NoSourceTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void noModelSourceIsAConfigurationError() {
        assertThat(failureOf(run(NoSourceTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on NoSourceTestCase: give exactly one model source, 'model', 'provider' or"
                        + " 'predictions', found none");
    }

    @ModelTest(model = "src/test/resources/fixtures/corrupt.ser", data = TestModels.TINY, label = "label")
    static class CorruptModelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void corruptModelFileNamesTheFile() {
        assertThat(failureOf(run(CorruptModelTestCase.class), "accuracy"))
                .startsWith("model file 'src/test/resources/fixtures/corrupt.ser' is not a Java-serialized model");
    }

    @ModelTest(model = "src/test/resources/fixtures/absent.ser", data = TestModels.TINY, label = "label")
    static class MissingModelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void missingModelFileNamesTheAnnotationAndPath() {
        assertThat(failureOf(run(MissingModelTestCase.class), "accuracy"))
                .startsWith("@ModelTest on MissingModelTestCase: model file 'src/test/resources/fixtures/absent.ser'"
                        + " does not exist");
    }

    @ModelTest(provider = TestModels.Broken.class, data = TestModels.TINY, label = "label")
    static class BrokenProviderTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void providerThatFailsIsReportedWithItsCause() {
        assertThat(failureOf(run(BrokenProviderTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on BrokenProviderTestCase: provider dev.modeltest.junit.TestModels$Broken failed"
                        + " to load the model: java.io.IOException: weights.bin: no such file");
    }

    static class NoModelTestTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void checkWithoutModelTestSaysWhatIsMissing() {
        assertThat(failureOf(run(NoModelTestTestCase.class), "accuracy"))
                .isEqualTo("@AccuracyAtLeast on NoModelTestTestCase.accuracy() needs @ModelTest on its test class (or"
                        + " an enclosing class) to say which model and data to test");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label", features = "x9")
    static class MissingFeatureTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void missingFeatureColumnIsNamed() {
        assertThat(failureOf(run(MissingFeatureTestCase.class), "accuracy"))
                .startsWith("data set tiny.csv has no feature column 'x9'");
    }

    @ModelTest(
            provider = TestModels.Threshold.class,
            data = TestModels.TINY,
            label = "label",
            task = dev.modeltest.subject.TaskHint.REGRESSION)
    static class TaskWithModelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void taskWithAModelIsAConfigurationError() {
        assertThat(failureOf(run(TaskWithModelTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on TaskWithModelTestCase: 'task' goes with 'predictions' only (a model says what"
                        + " it predicts), was REGRESSION");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ComposedTestCase {
        @Gate
        void composed() {}
    }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @AccuracyAtLeast(0.95)
    @interface Gate {}

    @Test
    void checkAnnotationsComposeIntoAnAnnotationOfTheUsers() {
        assertThat(failureOf(run(ComposedTestCase.class), "composed"))
                .startsWith("Expecting model accuracy on tiny.csv (n=10):");
    }
}
