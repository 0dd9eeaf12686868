package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.throwableOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@code @ModelTest(weights = ...)}: the attribute's own refusals, before any data is read. */
class WeightsAttributeTest {

    private static final String SCORED = "src/test/resources/fixtures/scored.csv";

    @ModelTest(predictions = "pred", weights = "label", data = SCORED, label = "label")
    static class LabelAsWeightsTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @ModelTest(predictions = "pred", weights = " ", data = SCORED, label = "label")
    static class BlankWeightsTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @ModelTest(
            model = "m.ser",
            features = {"x1", "p_b"},
            weights = "p_b",
            data = SCORED,
            label = "label")
    static class WeightsAsFeatureTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void theLabelAsWeightsIsAConfigurationError() {
        assertThat(failureOf(run(LabelAsWeightsTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on LabelAsWeightsTestCase: 'weights' must not be the label column, was 'label'");
        assertThat(throwableOf(run(LabelAsWeightsTestCase.class), "accuracy"))
                .isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void blankWeightsAreAConfigurationError() {
        assertThat(failureOf(run(BlankWeightsTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on BlankWeightsTestCase: 'weights' must not be blank, was ' '");
    }

    @Test
    void theWeightColumnAsAModelInputIsAConfigurationError() {
        assertThat(failureOf(run(WeightsAsFeatureTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on WeightsAsFeatureTestCase: 'features' must not include the weight column"
                        + " 'p_b', was [x1, p_b]");
    }
}
