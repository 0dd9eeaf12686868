package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The message of a rule with its offenders listed: one layout, values printed by {@link Format}. */
class ShouldHaveNoViolationsTest {

    @Test
    void aRuleThatHoldsSaysSoOnTheSecondLine() {
        String message = ShouldHaveNoViolations.expecting(
                        "no missing values in %s of %s (n=%s)", "all 4 column(s)", "x.csv", 150)
                .and("there are none.")
                .toString();

        assertThat(message)
                .isEqualTo("Expecting no missing values in all 4 column(s) of x.csv (n=150)\nand there are none.");
    }

    @Test
    void aBrokenRuleListsItsOffendersIndentedAndCountsTheRest() {
        String message = ShouldHaveNoViolations.expecting("no duplicate rows in %s (n=%s)", "x.csv", 8)
                .but("found %s duplicate row(s) in %s group(s) of equal rows:", 4L, 3L)
                .item("rows %s: %s", "1, 2", "a=1")
                .items(List.of("rows 3, 4: a=2"))
                .more(1, "group(s)")
                .toString();

        assertThat(message).isEqualTo("""
                        Expecting no duplicate rows in x.csv (n=8)
                        but found 4 duplicate row(s) in 3 group(s) of equal rows:
                          rows 1, 2: a=1
                          rows 3, 4: a=2
                          ... and 1 more group(s)""");
    }

    @Test
    void nothingLeftOutAddsNoMoreLineAndAMoreLineMayHaveNoUnit() {
        String none = ShouldHaveNoViolations.expecting("x")
                .but("y:")
                .more(0, "group(s)")
                .toString();
        String some =
                ShouldHaveNoViolations.expecting("x").but("y:").more(7, "").toString();

        assertThat(none).isEqualTo("Expecting x\nbut y:");
        assertThat(some).isEqualTo("Expecting x\nbut y:\n  ... and 7 more");
    }

    @Test
    void printsFractionsWithFourDecimalsAndNaNAsNaN() {
        String message = ShouldHaveNoViolations.expecting("no row of %s to appear in %s", "test.csv", "train.csv")
                .but("%s test row(s) do (%s of the test rows):", 1L, 1 / 3.0)
                .item("value %s", Double.NaN)
                .toString();

        assertThat(message).isEqualTo("""
                        Expecting no row of test.csv to appear in train.csv
                        but 1 test row(s) do (0.3333 of the test rows):
                          value NaN""");
    }

    @Test
    void tablesAndNotesFollowAsTheyAre() {
        String message = ShouldHaveNoViolations.expecting(
                        "no drift in %s column(s),\nwhere a column drifts when %s,", 2, "p ≤ 0.05")
                .and("none did:")
                .lines(List.of("  column  verdict\n  a       ok"))
                .lines(List.of("note: 100% of it"))
                .toString();

        assertThat(message).isEqualTo("""
                        Expecting no drift in 2 column(s),
                        where a column drifts when p ≤ 0.05,
                        and none did:
                          column  verdict
                          a       ok
                        note: 100% of it""");
    }

    @Test
    void aValueWithAPercentSignIsPrintedAsItIs() {
        assertThat(ShouldHaveNoViolations.expecting("%s to match schema %s", "50%.csv", "s%d")
                        .toString())
                .isEqualTo("Expecting 50%.csv to match schema s%d");
    }
}
