package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The one interval policy: defaults, and one validator with one wording per attribute. */
class IntervalPolicyTest {

    private static final String WHERE = "@F1AtLeast on IrisTest.f1()";

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(IntervalPolicy.CONFIDENCE).isZero();
        assertThat(IntervalPolicy.REPORTED_LEVEL).isEqualTo(0.95);
        assertThat(IntervalPolicy.SEED).isEqualTo(42);
        assertThat(IntervalPolicy.RESAMPLES).isEqualTo(2000);
        assertThat(IntervalPolicy.MIN_SUBSET_SIZE).isEqualTo(30);
    }

    @Test
    void aPointDecisionReportsTheStandardLevelAndAnIntervalDecisionItsOwn() {
        assertThat(IntervalPolicy.reportedLevel(0)).isEqualTo(0.95);
        assertThat(IntervalPolicy.reportedLevel(0.9)).isEqualTo(0.9);
    }

    @Test
    void acceptsZeroForAPointDecisionAndAnyLevelInTheOpenUnitInterval() {
        assertThat(IntervalPolicy.requireConfidence(WHERE, "confidence", 0, true))
                .isZero();
        assertThat(IntervalPolicy.requireConfidence(WHERE, "confidence", 1e-9, true))
                .isEqualTo(1e-9);
        assertThat(IntervalPolicy.requireConfidence(WHERE, "confidence", 0.999, false))
                .isEqualTo(0.999);
    }

    @Test
    void rejectsAConfidenceOutsideZeroOrTheOpenUnitIntervalNamingTheAttribute() {
        assertThatThrownBy(() -> IntervalPolicy.requireConfidence(WHERE, "confidence", 1, true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in (0, 1), was 1");
        assertThatThrownBy(() -> IntervalPolicy.requireConfidence(WHERE, "confidence", -0.95, true))
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in (0, 1), was -0.95");
        assertThatThrownBy(() -> IntervalPolicy.requireConfidence(WHERE, "confidence", Double.NaN, true))
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in (0, 1), was NaN");
    }

    @Test
    void withoutAPointDecisionZeroIsRejectedToo() {
        assertThatThrownBy(() -> IntervalPolicy.requireConfidence(WHERE, "alpha", 0, false))
                .hasMessage(WHERE + ": 'alpha' must be in (0, 1), was 0");
    }

    @Test
    void aLowestLevelClosesTheRangeBelowAndSaysSo() {
        assertThat(IntervalPolicy.requireConfidence(WHERE, "confidence", 0.5, true, 0.5))
                .isEqualTo(0.5);
        assertThat(IntervalPolicy.requireConfidence(WHERE, "confidence", 0, true, 0.5))
                .isZero();
        assertThatThrownBy(() -> IntervalPolicy.requireConfidence(WHERE, "confidence", 0.4, true, 0.5))
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was 0.4");
        assertThatThrownBy(() -> IntervalPolicy.requireConfidence(WHERE, "confidence", 1, true, 0.5))
                .hasMessage(WHERE + ": 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was 1");
    }

    @Test
    void resamplesMustBeInTheirRange() {
        assertThat(IntervalPolicy.requireResamples(WHERE, 100)).isEqualTo(100);
        assertThat(IntervalPolicy.requireResamples(WHERE, 1_000_000)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> IntervalPolicy.requireResamples(WHERE, 99))
                .hasMessage(WHERE + ": 'resamples' must be in [100, 1000000], was 99");
        assertThatThrownBy(() -> IntervalPolicy.requireResamples(WHERE, 1_000_001))
                .hasMessage(WHERE + ": 'resamples' must be in [100, 1000000], was 1000001");
    }

    @Test
    void aLevelHandedOverByCodeMustBeInTheOpenUnitInterval() {
        assertThat(IntervalPolicy.requireLevel(0.95)).isEqualTo(0.95);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntervalPolicy.requireLevel(1))
                .withMessage("confidence must be in (0, 1), was 1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IntervalPolicy.requireLevel(0))
                .withMessage("confidence must be in (0, 1), was 0.0");
    }
}
