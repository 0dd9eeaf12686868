package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The message of one value against its limit: one wording, values printed by {@link Format}. */
class ShouldBeWithinBoundTest {

    @Test
    void printsTheValueAboveItsLimitAndTheOutcomeBelow() {
        String message = ShouldBeWithinBound.message(
                "model accuracy on iris-test.csv (n=30)",
                "0.8667 (95% CI 0.7030–0.9470, Wilson, 26 of 30)",
                Threshold.Comparison.AT_LEAST,
                0,
                0.9,
                4,
                List.of(BoundOutcome.missed(0.9 - 26 / 30.0, 4, Threshold.Comparison.AT_LEAST)));

        assertThat(message).isEqualTo("""
                        Expecting model accuracy on iris-test.csv (n=30):
                          0.8667 (95% CI 0.7030–0.9470, Wilson, 26 of 30)
                        to be at least:
                          0.9000
                        but it was 0.0333 below.""");
    }

    @Test
    void saysWithWhatConfidenceTheLimitMustBeMetAndLeavesOutEmptyLines() {
        String message = ShouldBeWithinBound.message(
                "demographic parity across sex on loans.csv (n=212, positive label \"yes\")",
                "difference 0.1250",
                Threshold.Comparison.AT_MOST,
                0.95,
                0.1,
                4,
                List.of("", "groups of sex:"));

        assertThat(message).isEqualTo("""
                        Expecting demographic parity across sex on loans.csv (n=212, positive label "yes"):
                          difference 0.1250
                        to be at most, with 95% confidence:
                          0.1000
                        groups of sex:""");
    }

    @Test
    void printsTheLimitWithTheDecimalsThatTellItFromTheValue() {
        int decimals = Format.decimals(0.87118, 0.8712);

        String message = ShouldBeWithinBound.message(
                "model F1 (macro) on x.csv (n=10)",
                "0.87118",
                Threshold.Comparison.AT_LEAST,
                0,
                0.8712,
                decimals,
                List.of());

        assertThat(message).endsWith("to be at least:\n  0.87120");
    }

    @Test
    void printsAnUndefinedLimitAsNaN() {
        String message = ShouldBeWithinBound.message(
                "x", "NaN", Threshold.Comparison.AT_MOST, 0, Double.NaN, 4, List.of("but it is NaN."));

        assertThat(message).isEqualTo("Expecting x:\n  NaN\nto be at most:\n  NaN\nbut it is NaN.");
    }

    @Test
    void printsALimitWithItsUnitAsHandedOver() {
        String message = ShouldBeWithinBound.message(
                "p99 latency of model x on iris.csv (1 row per call, 200 samples)",
                "3.250 ms",
                Threshold.Comparison.AT_MOST,
                0,
                Format.millis(5),
                List.of("and it is."));

        assertThat(message).isEqualTo("""
                        Expecting p99 latency of model x on iris.csv (1 row per call, 200 samples):
                          3.250 ms
                        to be at most:
                          5.000 ms
                        and it is.""");
    }
}
