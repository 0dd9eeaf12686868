package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Per-group metric floors and gaps to the overall value, on counts known by construction. */
class GroupMetricChecksTest {

    private static final FairnessOptions SEX = FairnessOptions.of("sex");

    /**
     * F: TP 40, FP 5, FN 10, TN 45 (accuracy 0.85, precision 0.8889, recall 0.8, F1 0.8421); M: TP 34, FP 15, FN 6,
     * TN 35 (accuracy 0.7667, precision 0.6939, recall 0.85, F1 0.7640); X: no positive rows (accuracy 0.875).
     */
    static Fixture groups() {
        return Fixture.with("sex")
                .group("F", 40, 5, 10, 45)
                .group("M", 34, 15, 6, 35)
                .group("X", 0, 5, 0, 35);
    }

    static CheckResult accuracyFloorMissed() {
        return groups().run(new GroupMetricAtLeastCheck(
                "@GroupMetricAtLeast on LoanTest.accuracy()", SEX, GroupMetric.ACCURACY, 0.8));
    }

    static CheckResult accuracyGapOver() {
        return groups().run(new GroupMetricGapAtMostCheck(
                "@GroupMetricGapAtMost on LoanTest.accuracyGap()", SEX, GroupMetric.ACCURACY, 0.02));
    }

    @Test
    void aFloorFailsNamingTheGroupsBelowIt() {
        CheckResult result = accuracyFloorMissed();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isCloseTo(69.0 / 90, Offset.offset(1e-15));
        assertThat(result.message()).isEqualTo("""
                        Expecting every group's accuracy across sex on fair.csv (n=230, positive label "yes"):
                          lowest group accuracy 0.7667 (95% CI 0.6778–0.8400, bootstrap of 2000 resamples, seed 42)
                        to be at least:
                          0.8000
                        but it was 0.0333 below: M's accuracy is 0.7667.
                        groups of sex (3 judged; minGroupSize 30):
                          group  n    selection rate  TPR     FPR     accuracy  verdict
                          F      100  0.4500          0.8000  0.1000  0.8500    ok
                          M      90   0.5444          0.8500  0.3000  0.7667    below 0.8000
                          X      40   0.1250          n/a     0.1250  0.8750    ok""");
    }

    @Test
    void aFloorPassesWhenEveryJudgedGroupMeetsIt() {
        CheckResult result = groups().run(new GroupMetricAtLeastCheck("w", SEX, GroupMetric.ACCURACY, 0.75));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.key()).isEqualTo("group-metric-at-least:accuracy");
        assertThat(result.limit()).isEqualTo(Threshold.atLeast(0.75));
    }

    @Test
    void eachMetricIsComputedFromTheConfusionCounts() {
        // F and M only; each floor is M's value except recall and selection rate, where F is lower.
        assertThat(floor(GroupMetric.PRECISION)).isCloseTo(34.0 / 49, Offset.offset(1e-15));
        assertThat(floor(GroupMetric.RECALL)).isCloseTo(0.8, Offset.offset(1e-15));
        assertThat(floor(GroupMetric.F1)).isCloseTo(68.0 / 89, Offset.offset(1e-15));
        assertThat(floor(GroupMetric.SELECTION_RATE)).isCloseTo(0.45, Offset.offset(1e-15));
        assertThat(floor(GroupMetric.ACCURACY)).isCloseTo(69.0 / 90, Offset.offset(1e-15));
    }

    @Test
    void aGroupWithPositivePredictionsButNoPositiveRowsHasPrecisionAndF1OfZero() {
        // X predicts 5 positives, all wrong: precision 0/5 and F1 0/5 are defined, and they are 0.
        assertThat(groups().run(new GroupMetricAtLeastCheck("w", SEX, GroupMetric.PRECISION, 0))
                        .measured())
                .isZero();
        assertThat(groups().run(new GroupMetricAtLeastCheck("w", SEX, GroupMetric.F1, 0))
                        .measured())
                .isZero();
    }

    private static double floor(GroupMetric metric) {
        return Fixture.with("sex")
                .group("F", 40, 5, 10, 45)
                .group("M", 34, 15, 6, 35)
                .run(new GroupMetricAtLeastCheck("w", SEX, metric, 0))
                .measured();
    }

    @Test
    void aGroupWhoseMetricIsUndefinedIsNotJudged() {
        // X has no positive rows, so no recall; M predicts no positive, so no precision.
        CheckResult recall = groups().run(new GroupMetricAtLeastCheck("w", SEX, GroupMetric.RECALL, 0.5));
        CheckResult precision = Fixture.with("sex")
                .group("F", 10, 5, 10, 25)
                .group("M", 0, 0, 10, 30)
                .group("Y", 12, 3, 5, 20)
                .run(new GroupMetricAtLeastCheck("w", SEX, GroupMetric.PRECISION, 0.5));

        assertThat(recall.message()).contains("not judged: no positive rows (recall undefined)");
        assertThat(precision.message())
                .contains("  M      40  0.0000          0.0000  0.0000  n/a        not judged: no positive predictions"
                        + " (precision undefined)");
        assertThat(precision.details()).containsEntry("judgedGroups", 2);
    }

    @Test
    void aFloorOnTheFalsePositiveRateIsAConfigurationError() {
        assertThatThrownBy(() -> new GroupMetricAtLeastCheck(
                        "@GroupMetricAtLeast on T.m()", SEX, GroupMetric.FALSE_POSITIVE_RATE, 0.1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@GroupMetricAtLeast on T.m(): 'metric' must be a metric where higher is better (a floor on"
                        + " the false-positive rate rewards a worse model; bound its spread across groups instead), was"
                        + " FALSE_POSITIVE_RATE");
    }

    @Test
    void rejectsAFloorOutsideZeroToOne() {
        assertThatThrownBy(
                        () -> new GroupMetricAtLeastCheck("@GroupMetricAtLeast on T.m()", SEX, GroupMetric.RECALL, 1.1))
                .hasMessage("@GroupMetricAtLeast on T.m(): 'value' must be in [0, 1], was 1.1");
    }

    @Test
    void aGapFailsNamingTheGroupFarthestFromTheOverallValue() {
        CheckResult result = accuracyGapOver();

        // Overall accuracy: (40 + 45 + 34 + 35 + 35) / 230 = 189/230 = 0.8217; M's 0.7667 is 0.0551 away.
        assertThat(result.measured()).isCloseTo(189.0 / 230 - 69.0 / 90, Offset.offset(1e-15));
        assertThat(result.details()).containsEntry("overall", 189.0 / 230);
        assertThat(result.message()).isEqualTo("""
                        Expecting every group's accuracy near the overall value across sex on fair.csv (n=230, positive label "yes"):
                          largest gap to the overall accuracy 0.0551 (95% CI 0.0152–0.1446, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.0200
                        but it was 0.0351 over: M's accuracy 0.7667 is 0.0551 from the overall 0.8217.
                        groups of sex (3 judged; minGroupSize 30):
                          group  n    selection rate  TPR     FPR     accuracy  gap     verdict
                          F      100  0.4500          0.8000  0.1000  0.8500    0.0283  over 0.0200
                          M      90   0.5444          0.8500  0.3000  0.7667    0.0551  over 0.0200
                          X      40   0.1250          n/a     0.1250  0.8750    0.0533  over 0.0200""");
    }

    @Test
    void aGapPassesWhenEveryGroupIsNearTheOverallValue() {
        CheckResult result = groups().run(new GroupMetricGapAtMostCheck("w", SEX, GroupMetric.ACCURACY, 0.06));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theGapOfTheFalsePositiveRateIsAllowed() {
        // Overall FPR 25/140; F 0.1 and M 0.3 are 0.0786 and 0.1214 from it (X has no positive rows, but an FPR).
        CheckResult result =
                groups().run(new GroupMetricGapAtMostCheck("w", SEX, GroupMetric.FALSE_POSITIVE_RATE, 0.1));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isCloseTo(0.3 - 25.0 / 140, Offset.offset(1e-15));
    }

    @Test
    void rejectsAGapOutsideZeroToOne() {
        assertThatThrownBy(() ->
                        new GroupMetricGapAtMostCheck("@GroupMetricGapAtMost on T.m()", SEX, GroupMetric.F1, -0.1))
                .hasMessage("@GroupMetricGapAtMost on T.m(): 'value' must be in [0, 1], was -0.1");
    }
}
