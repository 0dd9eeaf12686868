package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four-fifths rule, with its significance tests, on data whose selection rates are known by construction. */
class DisparateImpactCheckTest {

    private static final String WHERE = "@DisparateImpactAtLeast on LoanTest.fourFifths()";
    private static final FairnessOptions SEX = FairnessOptions.of("sex");

    static DisparateImpactCheck fourFifths(FairnessOptions options, String... privileged) {
        return new DisparateImpactCheck(WHERE, options, List.of(privileged), DisparateImpactCheck.FOUR_FIFTHS);
    }

    /** F 0.35, M 0.50 (privileged): ratio 0.7, significant at 5%; X is too small. */
    static CheckResult significantlyBelow() {
        return Fixture.with("sex")
                .selected("F", 100, 35)
                .selected("M", 100, 50)
                .selected("X", 12, 2)
                .run(fourFifths(SEX, "M"));
    }

    /** F 12/40 = 0.30, M 16/40 = 0.40: ratio 0.75, but 40 rows each cannot tell it from chance. */
    static CheckResult belowButNotSignificant() {
        return Fixture.with("sex").selected("F", 40, 12).selected("M", 40, 16).run(fourFifths(SEX, "M"));
    }

    /** Three groups against B: A 0.2, C 0.45, B 0.5. */
    static CheckResult oneOfTwoGroupsBelow() {
        return Fixture.with("group")
                .selected("A", 50, 10)
                .selected("B", 60, 30)
                .selected("C", 40, 18)
                .run(fourFifths(FairnessOptions.of("group"), "B"));
    }

    @Test
    void failsNamingTheGroupWithItsRatioAndPValue() {
        CheckResult result = significantlyBelow();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.7);
        assertThat(result.message()).isEqualTo("""
                        Expecting the four-fifths rule relative to M across sex on fair.csv (n=212, positive label "yes"):
                          lowest impact ratio (selection rate / M's) 0.7000 (95% CI 0.4909–0.9545, bootstrap of 2000 resamples, seed 42)
                        to be at least:
                          0.8000
                        but it was 0.1000 below: F is selected at 0.3500, 0.7000 of M's 0.5000 (two-proportion z-test p = 0.0319).
                        groups of sex (2 judged, 1 too small; minGroupSize 30):
                          group  n    selection rate  TPR     FPR  impact ratio  p-value  verdict
                          F      100  0.3500          0.3500  n/a  0.7000        0.0319   below 0.8000
                          M      100  0.5000          0.5000  n/a  n/a           n/a      privileged
                          X      12   0.1667          0.1667  n/a  n/a           n/a      too small (n < 30)""");
        assertThat(result.details()).containsEntry("privileged", "M");
    }

    @Test
    void saysWhenARatioBelowTheRuleIsNotSignificant() {
        CheckResult result = belowButNotSignificant();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("""
                        Expecting the four-fifths rule relative to M across sex on fair.csv (n=80, positive label "yes"):
                          lowest impact ratio (selection rate / M's) 0.7500 (95% CI 0.3810–1.4167, bootstrap of 2000 resamples, seed 42)
                        to be at least:
                          0.8000
                        but it was 0.0500 below: F is selected at 0.3000, 0.7500 of M's 0.4000 (two-proportion z-test p = 0.348: not significant at the 5% level).
                        groups of sex (2 judged; minGroupSize 30):
                          group  n   selection rate  TPR     FPR  impact ratio  p-value  verdict
                          F      40  0.3000          0.3000  n/a  0.7500        0.348    below 0.8000 (not significant)
                          M      40  0.4000          0.4000  n/a  n/a           n/a      privileged""");
    }

    @Test
    void listsEveryGroupBelowAndPassesTheOthers() {
        CheckResult result = oneOfTwoGroupsBelow();

        assertThat(result.measured()).isEqualTo(0.4);
        assertThat(result.message()).isEqualTo("""
                        Expecting the four-fifths rule relative to B across group on fair.csv (n=150, positive label "yes"):
                          lowest impact ratio (selection rate / B's) 0.4000 (95% CI 0.1874–0.6668, bootstrap of 2000 resamples, seed 42)
                        to be at least:
                          0.8000
                        but it was 0.4000 below: A is selected at 0.2000, 0.4000 of B's 0.5000 (two-proportion z-test p = 0.00113).
                        groups of group (3 judged; minGroupSize 30):
                          group  n   selection rate  TPR     FPR  impact ratio  p-value  verdict
                          A      50  0.2000          0.2000  n/a  0.4000        0.00113  below 0.8000
                          B      60  0.5000          0.5000  n/a  n/a           n/a      privileged
                          C      40  0.4500          0.4500  n/a  0.9000        0.624    ok""");
    }

    @Test
    void passesWhenEveryRatioMeetsTheValue() {
        CheckResult result = Fixture.with("sex")
                .selected("F", 100, 45)
                .selected("M", 100, 50)
                .run(fourFifths(SEX, "M"));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(0.9);
    }

    @Test
    void usesFishersExactTestForSmallCells() {
        // 1 of 30 against 6 of 30 selected: the smallest expected count is 30·7/60 = 3.5, under 5.
        CheckResult result =
                Fixture.with("sex").selected("F", 30, 1).selected("M", 30, 6).run(fourFifths(SEX, "M"));

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tests =
                (Map<String, Map<String, Object>>) result.details().get("tests");
        assertThat(tests.get("F"))
                .containsEntry("test", "Fisher's exact test")
                .containsEntry("pValue", ProportionTest.fisher(1, 30, 6, 30));
        assertThat(result.message())
                .contains("F is selected at 0.0333, 0.1667 of M's 0.2000 (Fisher's exact test p = 0.103: not"
                        + " significant at the 5% level)");
    }

    @Test
    void isInconclusiveWhenThePrivilegedGroupIsNeverSelected() {
        CheckResult result =
                Fixture.with("sex").selected("F", 40, 10).selected("M", 40, 0).run(fourFifths(SEX, "M"));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .contains("but the privileged group M is never selected (selection rate 0), so no ratio to it is"
                        + " defined: the gate cannot be judged.");
    }

    @Test
    void isInconclusiveWhenThePrivilegedGroupIsTooSmall() {
        CheckResult result =
                Fixture.with("sex").selected("F", 40, 10).selected("M", 20, 10).run(fourFifths(SEX, "M"));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .contains("but the privileged group M has only 20 rows, fewer than minGroupSize 30, so no ratio to it"
                        + " can be judged: the gate cannot be judged.");
    }

    @Test
    void isInconclusiveWhenNoOtherGroupIsLargeEnough() {
        CheckResult result =
                Fixture.with("sex").selected("F", 20, 10).selected("M", 40, 10).run(fourFifths(SEX, "M"));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .contains("but no group other than M has at least 30 rows (minGroupSize), so there is no ratio to"
                        + " judge: the gate cannot be judged.");
    }

    @Test
    void thePrivilegedGroupOfSeveralAttributesIsOneValueEach() {
        CheckResult result = Fixture.with("sex", "age_band")
                .group(List.of("F", "young"), 10, 0, 30, 0)
                .group(List.of("M", "young"), 20, 0, 20, 0)
                .group(List.of("M", "old"), 25, 0, 15, 0)
                .run(fourFifths(FairnessOptions.of("sex", "age_band"), "M", "old"));

        // F × young 0.25 and M × young 0.5 against M × old 0.625.
        assertThat(result.measured()).isEqualTo(0.4);
        assertThat(result.details()).containsEntry("privileged", "M × old");
    }

    @Test
    void aPrivilegedGroupNotInTheDataIsAConfigurationErrorWithASuggestion() {
        Fixture data = Fixture.with("sex").selected("F", 40, 10).selected("M", 40, 10);

        assertThatThrownBy(() -> data.run(fourFifths(SEX, "m")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@DisparateImpactAtLeast on LoanTest.fourFifths(): 'privileged' must name a group of sex in"
                        + " the data, was \"m\" (did you mean 'M'?); the groups are F, M");
    }

    @Test
    void thePrivilegedGroupNeedsOneValuePerAttribute() {
        assertThatThrownBy(() -> fourFifths(FairnessOptions.of("sex", "age_band"), "M"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@DisparateImpactAtLeast on LoanTest.fourFifths(): 'privileged' must give one value per"
                        + " attribute {sex, age_band}, in that order, was {M}");
    }

    @Test
    void rejectsAValueOutsideZeroExclusiveToOne() {
        assertThatThrownBy(() -> new DisparateImpactCheck(WHERE, SEX, List.of("M"), 0))
                .hasMessage("@DisparateImpactAtLeast on LoanTest.fourFifths(): 'value' must be in (0, 1], was 0");
        assertThatThrownBy(() -> new DisparateImpactCheck(WHERE, SEX, List.of("M"), 1.25))
                .hasMessage("@DisparateImpactAtLeast on LoanTest.fourFifths(): 'value' must be in (0, 1], was 1.25");
    }
}
