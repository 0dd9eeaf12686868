package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demographic parity on data whose selection rates are known by construction. */
class DemographicParityCheckTest {

    private static final String WHERE = "@DemographicParity on LoanTest.parity()";
    private static final FairnessOptions SEX = FairnessOptions.of("sex");

    static DemographicParityCheck difference(FairnessOptions options, double max) {
        return new DemographicParityCheck(WHERE, options, max, Double.NaN);
    }

    static DemographicParityCheck ratio(FairnessOptions options, double min) {
        return new DemographicParityCheck(WHERE, options, Double.NaN, min);
    }

    /** F is selected at 0.40, M at 0.45. */
    static CheckResult closeRates() {
        return Fixture.with("sex")
                .group("F", 30, 10, 20, 40)
                .group("M", 35, 10, 15, 40)
                .run(difference(SEX, 0.1));
    }

    /** F is selected at 0.2, M at 0.5; X (12 rows, all selected) is too small to judge. */
    static Fixture farApart() {
        return Fixture.with("sex").selected("F", 100, 20).selected("M", 100, 50).selected("X", 12, 12);
    }

    static CheckResult farApartByDifference() {
        return farApart().run(difference(SEX, 0.1));
    }

    static CheckResult farApartByRatio() {
        return farApart().run(ratio(SEX, 0.8));
    }

    /** Nobody in F is selected, everybody in M: every bootstrap resample gives the same difference, 1. */
    static CheckResult allOrNothing() {
        return Fixture.with("sex").selected("F", 40, 0).selected("M", 40, 40).run(difference(SEX, 0.1));
    }

    /** By sex the rates are 0.3 and 0.475; by sex × age band they run from 0.2 to 0.5. */
    static CheckResult intersectional() {
        return Fixture.with("sex", "age_band")
                .group(List.of("F", "18-25"), 10, 0, 40, 0)
                .group(List.of("F", "26-40"), 20, 0, 30, 0)
                .group(List.of("M", "18-25"), 45, 0, 55, 0)
                .group(List.of("M", "26-40"), 50, 0, 50, 0)
                .group(List.of("X", "26-40"), 5, 0, 5, 0)
                .run(difference(FairnessOptions.of("sex", "age_band"), 0.1));
    }

    /** Only F has 30 rows or more. */
    static CheckResult oneGroupLargeEnough() {
        return Fixture.with("sex")
                .selected("F", 100, 40)
                .selected("M", 20, 10)
                .selected("X", 10, 5)
                .run(difference(SEX, 0.1));
    }

    /** Rates 0.40 and 0.48 (difference 0.08) of 100 rows each: the 95% interval reaches past 0.1. */
    static CheckResult undecided() {
        return Fixture.with("sex")
                .selected("F", 100, 40)
                .selected("M", 100, 48)
                .run(difference(SEX.withConfidence(0.95), 0.1));
    }

    /** The same rates on 10 000 rows each: the whole interval is under 0.1. */
    static CheckResult decidedPass() {
        return Fixture.with("sex")
                .selected("F", 10_000, 4000)
                .selected("M", 10_000, 4800)
                .run(difference(SEX.withConfidence(0.95), 0.1));
    }

    /** Rates 0.40 and 0.55 on 10 000 rows each: the whole interval is over 0.1. */
    static CheckResult decidedFail() {
        return Fixture.with("sex")
                .selected("F", 10_000, 4000)
                .selected("M", 10_000, 5500)
                .run(difference(SEX.withConfidence(0.95), 0.1));
    }

    @Test
    void passesWhenTheSelectionRatesDifferByLessThanTheLimit() {
        CheckResult result = closeRates();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(result.family()).isEqualTo(Family.FAIRNESS);
        assertThat(result.check()).isEqualTo("demographic-parity");
        assertThat(result.threshold()).isEqualTo("≤ 0.1000");
        assertThat(result.limit()).isEqualTo(Threshold.atMost(0.1));
        assertThat(result.key()).isEqualTo("demographic-parity");
        assertThat(result.n()).isEqualTo(200);
        assertThat(result.title())
                .isEqualTo("demographic parity across sex: selection-rate difference (max − min) ≤ 0.1000 on fair.csv");
        assertThat(result.message()).isEqualTo("""
                        Expecting demographic parity across sex on fair.csv (n=200, positive label "yes"):
                          selection-rate difference (max − min) 0.0500 (95% CI 0.0000–0.1900, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1000
                        groups of sex (2 judged; minGroupSize 30):
                          group  n    selection rate  TPR     FPR     verdict
                          F      100  0.4000          0.6000  0.2000  lowest
                          M      100  0.4500          0.7000  0.2000  highest""");
    }

    @Test
    void aDifferenceThatRoundsToItsLimitIsPrintedWithTheDigitsThatSeparateThem() {
        // 0.3 against 0.29999: four decimals would read "0.3000 ... at most 0.3000 ... 0.0000 over".
        CheckResult result = farApart().run(difference(SEX, 0.29999));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .contains("  selection-rate difference (max − min) 0.30000 (95% CI")
                .contains("to be at most:\n  0.29999\nbut it was 0.00001 over: F is selected at 0.2000, M at 0.5000");
        assertThat(result.threshold()).isEqualTo("≤ 0.29999");
    }

    @Test
    void failsOverTheLimitNamingTheLowestAndHighestGroupAndListingTheSmallOne() {
        CheckResult result = farApartByDifference();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.3);
        assertThat(result.message()).isEqualTo("""
                        Expecting demographic parity across sex on fair.csv (n=212, positive label "yes"):
                          selection-rate difference (max − min) 0.3000 (95% CI 0.1700–0.4200, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1000
                        but it was 0.2000 over: F is selected at 0.2000, M at 0.5000 (two-proportion z-test p = 8.69e-06).
                        groups of sex (2 judged, 1 too small; minGroupSize 30):
                          group  n    selection rate  TPR     FPR  verdict
                          F      100  0.2000          0.2000  n/a  lowest
                          M      100  0.5000          0.5000  n/a  highest
                          X      12   1.0000          1.0000  n/a  too small (n < 30)""");
        assertThat(result.details())
                .containsEntry("tooSmall", List.of("X"))
                .containsEntry("judgedGroups", 2)
                .containsEntry("lowestGroup", "F")
                .containsEntry("highestGroup", "M")
                .containsEntry("test", "two-proportion z-test");
    }

    @Test
    void failsUnderTheMinimumRatio() {
        CheckResult result = farApartByRatio();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.4);
        assertThat(result.threshold()).isEqualTo("≥ 0.8000");
        assertThat(result.message()).startsWith("""
                Expecting demographic parity across sex on fair.csv (n=212, positive label "yes"):
                  selection-rate ratio (min / max) 0.4000 (95% CI 0.2444–0.5909, bootstrap of 2000 resamples, seed 42)
                to be at least:
                  0.8000
                but it was 0.4000 below: F is selected at 0.2000, M at 0.5000 (two-proportion z-test p = 8.69e-06).""");
    }

    @Test
    void groupsWhoseRowsAreAllAlikeHaveAnIntervalOfOnePoint() {
        CheckResult result = allOrNothing();

        assertThat(result.interval().lower()).isEqualTo(1.0);
        assertThat(result.interval().upper()).isEqualTo(1.0);
        assertThat(result.message()).isEqualTo("""
                        Expecting demographic parity across sex on fair.csv (n=80, positive label "yes"):
                          selection-rate difference (max − min) 1.0000 (95% CI 1.0000–1.0000, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1000
                        but it was 0.9000 over: F is selected at 0.0000, M at 1.0000 (two-proportion z-test p = 3.74e-19).
                        groups of sex (2 judged; minGroupSize 30):
                          group  n   selection rate  TPR     FPR  verdict
                          F      40  0.0000          0.0000  n/a  lowest
                          M      40  1.0000          1.0000  n/a  highest""");
    }

    @Test
    void intersectionalGroupsAreTheValueCombinationsThatOccur() {
        CheckResult result = intersectional();

        assertThat(result.measured()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(result.message()).isEqualTo("""
                        Expecting demographic parity across sex × age_band on fair.csv (n=310, positive label "yes"):
                          selection-rate difference (max − min) 0.3000 (95% CI 0.1700–0.4400, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1000
                        but it was 0.2000 over: F × 18-25 is selected at 0.2000, M × 26-40 at 0.5000 (two-proportion z-test p = 0.000407).
                        groups of sex × age_band (4 judged, 1 too small; minGroupSize 30):
                          group      n    selection rate  TPR     FPR  verdict
                          F × 18-25  50   0.2000          0.2000  n/a  lowest
                          F × 26-40  50   0.4000          0.4000  n/a  judged
                          M × 18-25  100  0.4500          0.4500  n/a  judged
                          M × 26-40  100  0.5000          0.5000  n/a  highest
                          X × 26-40  10   0.5000          0.5000  n/a  too small (n < 30)""");
    }

    @Test
    void isInconclusiveWithFewerThanTwoGroupsLargeEnoughToJudge() {
        CheckResult result = oneGroupLargeEnough();

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.measured()).isNaN();
        assertThat(result.interval()).isNull();
        assertThat(result.message()).isEqualTo("""
                        Expecting demographic parity across sex on fair.csv (n=130, positive label "yes"):
                          selection-rate difference (max − min) undefined
                        to be at most:
                          0.1000
                        but only 1 group (F) has at least 30 rows (minGroupSize), and fairness needs two groups to compare: the gate cannot be judged.
                        groups of sex (1 judged, 2 too small; minGroupSize 30):
                          group  n    selection rate  TPR     FPR  verdict
                          F      100  0.4000          0.4000  n/a  judged
                          M      20   0.5000          0.5000  n/a  too small (n < 30)
                          X      10   0.5000          0.5000  n/a  too small (n < 30)""");
    }

    @Test
    void decidesOnTheIntervalWithConfidence() {
        assertThat(undecided().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(undecided().message()).isEqualTo("""
                        Expecting demographic parity across sex on fair.csv (n=200, positive label "yes"):
                          selection-rate difference (max − min) 0.0800 (95% CI 0.0000–0.2100, bootstrap of 2000 resamples, seed 42)
                        to be at most, with 95% confidence:
                          0.1000
                        but the 95% interval straddles it, so the data cannot decide either way (more rows per group would narrow it): F is selected at 0.4000, M at 0.4800 (two-proportion z-test p = 0.254).
                        groups of sex (2 judged; minGroupSize 30):
                          group  n    selection rate  TPR     FPR  verdict
                          F      100  0.4000          0.4000  n/a  lowest
                          M      100  0.4800          0.4800  n/a  highest""");
        assertThat(decidedPass().verdict()).isEqualTo(Verdict.PASS);
        assertThat(decidedPass().interval().upper()).isLessThan(0.1);
        assertThat(decidedFail().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(decidedFail().interval().lower()).isGreaterThan(0.1);
        assertThat(decidedFail().message())
                .contains("to be at most, with 95% confidence:\n  0.1000\n"
                        + "but the whole 95% interval is over it: F is selected at 0.4000, M at 0.5500");
    }

    @Test
    void theSameRatesPassOnThePointButAreUndecidedOnTheInterval() {
        Fixture data = Fixture.with("sex").selected("F", 100, 40).selected("M", 100, 48);

        assertThat(data.run(difference(SEX, 0.1)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(data.run(difference(SEX.withConfidence(0.95), 0.1)).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aDifferenceOfExactlyTheLimitPasses() {
        // 0.8 − 0.7 is 0.10000000000000009 in binary floating point.
        CheckResult result = Fixture.with("sex")
                .selected("F", 100, 70)
                .selected("M", 100, 80)
                .run(difference(SEX, 0.1));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void thePositiveLabelCanBeTheFirstClass() {
        // Selected as "no": F 0.8, M 0.5, so the ratio is 0.625 instead of 0.4.
        CheckResult result = farApart().run(ratio(SEX.withPositiveLabel("no"), 0.8));

        assertThat(result.measured()).isEqualTo(0.625);
        assertThat(result.message())
                .startsWith("Expecting demographic parity across sex on fair.csv (n=212, positive"
                        + " label \"no\"):\n  selection-rate ratio (min / max) 0.6250");
    }

    @Test
    void aThresholdOnTheProbabilityReplacesThePredictedLabel() {
        // Rows predicted positive have P(yes) = 0.8, the others 0.3: at 0.25 everybody is selected.
        CheckResult low = farApart().run(difference(SEX.withThreshold(0.25), 0.1));
        CheckResult high = farApart().run(difference(SEX.withThreshold(0.8), 0.1));

        assertThat(low.verdict()).isEqualTo(Verdict.PASS);
        assertThat(low.measured()).isZero();
        assertThat(low.message())
                .startsWith("Expecting demographic parity across sex on fair.csv (n=212, positive"
                        + " label \"yes\", positive when P(yes) ≥ 0.25):");
        assertThat(low.details()).containsEntry("decision", "P(yes) ≥ 0.25");
        assertThat(high.measured()).isEqualTo(0.3);
    }

    @Test
    void aRatioWithNobodySelectedIsUndefinedAndInconclusive() {
        CheckResult result = farApart().run(ratio(SEX.withThreshold(0.9), 0.8));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .contains("  selection-rate ratio (min / max) undefined\n"
                        + "to be at least:\n  0.8000\n"
                        + "but no judged group is ever selected, so the ratio of selection rates is 0 / 0: the gate"
                        + " cannot be judged.");
    }

    @Test
    void theResultCarriesThePerGroupTableInItsDetails() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups =
                (List<Map<String, Object>>) farApartByDifference().details().get("groups");

        assertThat(groups).hasSize(3);
        assertThat(groups.get(0))
                .containsEntry("group", "F")
                .containsEntry("values", Map.of("sex", "F"))
                .containsEntry("n", 100L)
                .containsEntry("tp", 20L)
                .containsEntry("selectionRate", 0.2)
                .containsEntry("judged", true)
                .containsEntry("verdict", "lowest");
        assertThat(groups.get(2)).containsEntry("judged", false).containsEntry("verdict", "too small (n < 30)");
    }

    @Test
    void needsExactlyOneOfDifferenceAndRatio() {
        assertThatThrownBy(() -> new DemographicParityCheck(WHERE, SEX, 0.1, 0.8))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@DemographicParity on LoanTest.parity(): give exactly one of 'maxDifference' and"
                        + " 'minRatio', was both (maxDifference 0.1, minRatio 0.8)");
        assertThatThrownBy(() -> new DemographicParityCheck(WHERE, SEX, Double.NaN, Double.NaN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@DemographicParity on LoanTest.parity(): give exactly one of 'maxDifference' and"
                        + " 'minRatio', was neither");
    }

    @Test
    void rejectsLimitsOutsideZeroToOne() {
        assertThatThrownBy(() -> difference(SEX, 1.5))
                .hasMessage("@DemographicParity on LoanTest.parity(): 'maxDifference' must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> ratio(SEX, -0.2))
                .hasMessage("@DemographicParity on LoanTest.parity(): 'minRatio' must be in [0, 1], was -0.2");
    }
}
