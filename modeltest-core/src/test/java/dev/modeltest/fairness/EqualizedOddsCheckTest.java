package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import org.junit.jupiter.api.Test;

/** Equalized odds and equal opportunity on data whose rates are known by construction. */
class EqualizedOddsCheckTest {

    private static final FairnessOptions SEX = FairnessOptions.of("sex");

    /**
     * F: TPR 40/50 = 0.80, FPR 5/50 = 0.10; M: TPR 34/40 = 0.85, FPR 15/50 = 0.30; X has no positive rows.
     */
    static Fixture oddsApart() {
        return Fixture.with("sex")
                .group("F", 40, 5, 10, 45)
                .group("M", 34, 15, 6, 35)
                .group("X", 0, 5, 0, 35);
    }

    /** F: TPR 0.6, FPR 0.2; M: TPR 0.9, FPR 0.25. */
    static Fixture opportunityApart() {
        return Fixture.with("sex").group("F", 30, 10, 20, 40).group("M", 45, 10, 5, 30);
    }

    static CheckResult fprDiffersMost() {
        return oddsApart().run(new EqualizedOddsCheck("@EqualizedOdds on LoanTest.odds()", SEX, 0.1));
    }

    static CheckResult tprDiffersMost() {
        return opportunityApart().run(new EqualizedOddsCheck("@EqualizedOdds on LoanTest.odds()", SEX, 0.1));
    }

    static CheckResult opportunityFails() {
        return opportunityApart()
                .run(new EqualOpportunityCheck("@EqualOpportunity on LoanTest.opportunity()", SEX, 0.1));
    }

    @Test
    void equalizedOddsIsTheLargerOfTheTwoDifferencesAndNamesTheRate() {
        CheckResult result = fprDiffersMost();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(result.details()).containsEntry("worse", "FPR");
        assertThat(result.message()).isEqualTo("""
                        Expecting equalized odds across sex on fair.csv (n=230, positive label "yes"):
                          larger of the TPR and FPR differences (max − min) 0.2000 (95% CI 0.0684–0.3504, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1000
                        but it was 0.1000 over: the false-positive rates differ most, F 0.1000 and M 0.3000 (two-proportion z-test p = 0.0124).
                        groups of sex (2 judged, 1 not judged; minGroupSize 30):
                          group  n    selection rate  TPR     FPR     verdict
                          F      100  0.4500          0.8000  0.1000  lowest TPR, lowest FPR
                          M      90   0.5444          0.8500  0.3000  highest TPR, highest FPR
                          X      40   0.1250          n/a     0.1250  not judged: no positive rows (TPR undefined)""");
    }

    @Test
    void equalizedOddsNamesTheTruePositiveRatesWhenTheyDifferMost() {
        CheckResult result = tprDiffersMost();

        assertThat(result.measured()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(result.message())
                .contains("but it was 0.2000 over: the true-positive rates differ most, F 0.6000 and M 0.9000"
                        + " (two-proportion z-test p = 0.000532).");
    }

    @Test
    void equalizedOddsPassesWhenBothRatesAreClose() {
        CheckResult result = oddsApart().run(new EqualizedOddsCheck("w", SEX, 0.25));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.details()).containsEntry("tprDifference", 0.04999999999999993);
    }

    @Test
    void aGroupWithoutPositiveRowsIsNotJudgedOnRatesItLacks() {
        CheckResult odds = oddsApart().run(new EqualizedOddsCheck("w", SEX, 0.25));
        CheckResult parity = oddsApart().run(new DemographicParityCheck("w", SEX, 0.5, Double.NaN));

        // X has 40 rows but no positive one: no TPR, so equalized odds cannot judge it; parity can.
        assertThat(odds.details()).containsEntry("judgedGroups", 2);
        assertThat(odds.message())
                .contains("groups of sex (2 judged, 1 not judged; minGroupSize 30):")
                .contains("  X      40   0.1250          n/a     0.1250  not judged: no positive rows (TPR undefined)");
        assertThat(parity.details()).containsEntry("judgedGroups", 3);
    }

    @Test
    void equalOpportunityComparesTruePositiveRatesOnly() {
        CheckResult result = opportunityFails();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("""
                        Expecting equal opportunity across sex on fair.csv (n=190, positive label "yes"):
                          TPR difference (max − min) 0.3000 (95% CI 0.1341–0.4563, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1000
                        but it was 0.2000 over: the true-positive rates are F 0.6000 and M 0.9000 (two-proportion z-test p = 0.000532).
                        groups of sex (2 judged; minGroupSize 30):
                          group  n    selection rate  TPR     FPR     verdict
                          F      100  0.4000          0.6000  0.2000  lowest TPR
                          M      90   0.6111          0.9000  0.2500  highest TPR""");
        assertThat(opportunityApart()
                        .run(new EqualOpportunityCheck("w", SEX, 0.3))
                        .verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void equalOpportunityIsInconclusiveWhenOnlyOneGroupHasPositiveRows() {
        CheckResult result = Fixture.with("sex")
                .group("F", 10, 5, 10, 25)
                .group("M", 0, 5, 0, 45)
                .run(new EqualOpportunityCheck("w", SEX, 0.1));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .contains("but only 1 group (F) has at least 30 rows (minGroupSize) and a positive row, and fairness"
                        + " needs two groups to compare: the gate cannot be judged.");
    }

    @Test
    void saysHowManyResamplesLeftTheStatisticUndefined() {
        // F has one positive row in 40: about (39/40)^40 = 36% of resamples keep none, and have no TPR.
        CheckResult result = Fixture.with("sex")
                .group("F", 1, 5, 0, 34)
                .group("M", 20, 5, 5, 10)
                .run(new EqualOpportunityCheck("w", SEX, 0.5));

        assertThat(result.details().get("undefinedResamples")).isInstanceOf(Integer.class);
        int undefined = (Integer) result.details().get("undefinedResamples");
        assertThat(undefined).isBetween(600, 850);
        assertThat(result.message())
                .contains("\n" + undefined + " of 2000 bootstrap resamples left it undefined and were dropped.\n");
    }

    @Test
    void rejectsADifferenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new EqualizedOddsCheck("@EqualizedOdds on T.m()", SEX, 2))
                .hasMessage("@EqualizedOdds on T.m(): 'maxDifference' must be in [0, 1], was 2");
        assertThatThrownBy(() -> new EqualOpportunityCheck("@EqualOpportunity on T.m()", SEX, Double.NaN))
                .hasMessage("@EqualOpportunity on T.m(): 'maxDifference' must be in [0, 1], was NaN");
    }
}
