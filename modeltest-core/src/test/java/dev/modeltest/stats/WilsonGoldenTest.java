package dev.modeltest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Checks {@link Wilson} against golden values computed with SciPy by {@code scripts/golden/make_accuracy_golden.py}
 * (and cross-checked there against a 50-digit mpmath evaluation).
 */
class WilsonGoldenTest {

    /** Relative tolerance: far above double rounding, far below any difference a reader would see. */
    private static final double RELATIVE = 1e-9;

    /** Absolute tolerance for bounds at or next to 0, where a relative one is meaningless. */
    private static final double ABSOLUTE_NEAR_ZERO = 1e-12;

    @ParameterizedTest(name = "{0} of {1} at {2}: [{3}, {4}]")
    @CsvFileSource(resources = "/golden/wilson.csv", numLinesToSkip = 1)
    void matchesScipyGoldenValues(long successes, long n, double confidence, double lower, double upper) {
        Interval interval = Wilson.interval(successes, n, confidence);

        assertThat(interval.lower()).as("lower bound").isCloseTo(lower, within(tolerance(lower)));
        assertThat(interval.upper()).as("upper bound").isCloseTo(upper, within(tolerance(upper)));
        assertThat(interval.confidence()).isEqualTo(confidence);
    }

    @Test
    void containsTheObservedProportionAtTheEdges() {
        Interval none = Wilson.interval(0, 30, 0.95);
        Interval all = Wilson.interval(30, 30, 0.95);

        assertThat(none.lower()).isZero();
        assertThat(all.upper()).isOne();
        assertThat(none.contains(0.0)).isTrue();
        assertThat(all.contains(1.0)).isTrue();
    }

    @Test
    void rejectsZeroTrials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilson.interval(0, 0, 0.95))
                .withMessage("n must be positive, was 0");
    }

    @Test
    void rejectsMoreSuccessesThanTrials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilson.interval(31, 30, 0.95))
                .withMessage("successes must be in [0, 30], was 31");
    }

    @Test
    void rejectsNegativeSuccesses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilson.interval(-1, 30, 0.95))
                .withMessage("successes must be in [0, 30], was -1");
    }

    @Test
    void rejectsConfidenceOfOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilson.interval(26, 30, 1.0))
                .withMessage("confidence must be in (0, 1), was 1.0");
    }

    @Test
    void rejectsConfidenceOfZero() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilson.interval(26, 30, 0.0))
                .withMessage("confidence must be in (0, 1), was 0.0");
    }

    @Test
    void rejectsConfidenceThatIsNotANumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilson.interval(26, 30, Double.NaN))
                .withMessage("confidence must be in (0, 1), was NaN");
    }

    private static double tolerance(double expected) {
        return Math.abs(expected) < ABSOLUTE_NEAR_ZERO ? ABSOLUTE_NEAR_ZERO : RELATIVE * Math.abs(expected);
    }
}
