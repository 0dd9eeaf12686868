package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options every fairness check shares: defaults and validation. */
class FairnessOptionsTest {

    private static final String WHERE = "@EqualOpportunity on LoanTest.opportunity()";

    private static void validate(FairnessOptions options) {
        new EqualOpportunityCheck(WHERE, options, 0.1);
    }

    @Test
    void hasSafeDefaults() {
        FairnessOptions options = FairnessOptions.of("sex", "age_band");

        assertThat(options.attributes()).containsExactly("sex", "age_band");
        assertThat(options.positiveLabel()).isEmpty();
        assertThat(options.threshold()).isNaN();
        assertThat(options.minGroupSize()).isEqualTo(30);
        assertThat(options.confidence()).isZero();
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.resamples()).isEqualTo(2000);
    }

    @Test
    void copiesChangeOneOptionEach() {
        FairnessOptions options = FairnessOptions.of("sex")
                .withPositiveLabel("approved")
                .withThreshold(0.4)
                .withMinGroupSize(50)
                .withConfidence(0.9)
                .withSeed(7)
                .withResamples(500);

        assertThat(options).isEqualTo(new FairnessOptions(List.of("sex"), "approved", 0.4, 50, 0.9, 7, 500));
    }

    @Test
    void rejectsNoAttribute() {
        assertThatThrownBy(() -> validate(new FairnessOptions(List.of(), "", Double.NaN, 30, 0, 42, 2000)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'attribute' must name at least one column, was {}");
    }

    @Test
    void rejectsAnEmptyOrRepeatedAttribute() {
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex", " ")))
                .hasMessage(WHERE + ": 'attribute' must not contain an empty column name, was {sex,  }");
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex", "sex")))
                .hasMessage(WHERE + ": 'attribute' must not name a column twice ('sex'), was {sex, sex}");
    }

    @Test
    void rejectsAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withThreshold(1.5)))
                .hasMessage(WHERE + ": 'threshold' must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withThreshold(Double.NEGATIVE_INFINITY)))
                .hasMessage(WHERE + ": 'threshold' must be in [0, 1], was -Infinity");
    }

    @Test
    void rejectsAMinimumGroupSizeBelowOne() {
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withMinGroupSize(0)))
                .hasMessage(WHERE + ": 'minGroupSize' must be at least 1, was 0");
    }

    @Test
    void rejectsAConfidenceThatIsNeitherZeroNorALevel() {
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withConfidence(1)))
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in (0, 1), was 1");
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withConfidence(-0.95)))
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in (0, 1), was -0.95");
    }

    @Test
    void rejectsTooFewOrTooManyResamples() {
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withResamples(99)))
                .hasMessage(WHERE + ": 'resamples' must be in [100, 1000000], was 99");
        assertThatThrownBy(() -> validate(FairnessOptions.of("sex").withResamples(1_000_001)))
                .hasMessage(WHERE + ": 'resamples' must be in [100, 1000000], was 1000001");
    }
}
