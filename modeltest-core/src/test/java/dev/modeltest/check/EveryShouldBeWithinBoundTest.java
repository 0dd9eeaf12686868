package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The message of many values against one limit: one wording, the limit printed by {@link Format}. */
class EveryShouldBeWithinBoundTest {

    @Test
    void printsTheLimitThenTheOutcomeAndTheTable() {
        String message = EveryShouldBeWithinBound.message(
                "model accuracy on iris.csv (n=150) in every slice of 'site'",
                Threshold.Comparison.AT_LEAST,
                0.9,
                List.of("but 1 of 2 judged slices is below it (b):", "  site  rows\n  a     75\n  b     75", ""));

        assertThat(message).isEqualTo("""
                        Expecting model accuracy on iris.csv (n=150) in every slice of 'site' to be at least:
                          0.9000
                        but 1 of 2 judged slices is below it (b):
                          site  rows
                          a     75
                          b     75""");
    }

    @Test
    void printsAnUpperLimitWithFourDecimals() {
        String message = EveryShouldBeWithinBound.message(
                "the fraction of missing cells in each of all 2 column(s) of x.csv (n=4)",
                Threshold.Comparison.AT_MOST,
                0.05,
                List.of("and it is; the highest is column 'a': 0.0000 (0 of 4 missing)."));

        assertThat(message).isEqualTo("""
                        Expecting the fraction of missing cells in each of all 2 column(s) of x.csv (n=4) to be at most:
                          0.0500
                        and it is; the highest is column 'a': 0.0000 (0 of 4 missing).""");
    }

    @Test
    void printsANaNLimitAsNaN() {
        assertThat(EveryShouldBeWithinBound.message("x", Threshold.Comparison.AT_MOST, Double.NaN, List.of()))
                .isEqualTo("Expecting x to be at most:\n  NaN");
    }
}
