package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message of a model compared with its baseline: one wording, three endings. */
class ShouldNotBeWorseThanBaselineTest {

    private static final ShouldNotBeWorseThanBaseline.Compared COMPARED =
            new ShouldNotBeWorseThanBaseline.Compared("accuracy", "iris-test.csv", 30, "model provider x.Old");

    private static ShouldNotBeWorseThanBaseline.Paired paired(double difference, double p) {
        return new ShouldNotBeWorseThanBaseline.Paired(
                difference,
                new Interval(difference - 0.05, difference + 0.05, 0.95, "bootstrap"),
                "paired bootstrap, 2000 resamples, seed 42",
                p,
                "exact McNemar, b=0, c=3");
    }

    @Test
    void printsBothValuesTheDifferenceAndThePValue() {
        String message =
                ShouldNotBeWorseThanBaseline.message(COMPARED, 0.02, 0.9, 1.0, paired(-0.1, 0.0312), 0.1, 0.05);

        assertThat(message).isEqualTo("""
                        Expecting model accuracy on iris-test.csv (n=30) not to be worse than the baseline \
                        (model provider x.Old) by more than:
                          0.0200
                          model:      0.9000
                          baseline:   1.0000
                          difference: -0.1000 (95% CI -0.1500–-0.0500, paired bootstrap, 2000 resamples, seed 42)
                          p-value:    0.0312 (one-sided, exact McNemar, b=0, c=3)
                        but it is worse by 0.1000, more than the tolerance, and significantly so (p = 0.0312 < alpha \
                        0.05).""");
    }

    @Test
    void aDropWithinNoiseIsNamedAsSuch() {
        String message = ShouldNotBeWorseThanBaseline.message(COMPARED, 0, 0.9, 0.95, paired(-0.05, 0.5), 0.05, 0.05);

        assertThat(message)
                .endsWith("and though it is worse by 0.0500, more than the tolerance, that is not significant"
                        + " (p = 0.500 ≥ alpha 0.05).");
    }

    @Test
    void aModelAsGoodPassesWithTheShortEnding() {
        String message = ShouldNotBeWorseThanBaseline.message(COMPARED, 0, 0.95, 0.9, paired(0.05, 1), -0.05, 0.05);

        assertThat(message)
                .endsWith("\n  p-value:    1.00 (one-sided, exact McNemar, b=0, c=3)\n"
                        + "and it is not worse by more than the tolerance.");
    }

    @Test
    void anUndefinedDropIsNotCountedAsWorse() {
        String message =
                ShouldNotBeWorseThanBaseline.message(COMPARED, 0, 0.9, 0.9, paired(0, Double.NaN), Double.NaN, 0.05);

        assertThat(message)
                .contains("\n  p-value:    NaN (one-sided,")
                .endsWith("\nand it is not worse by more than the tolerance.");
    }
}
