package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.modeltest.fairness.GroupMetric;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * The fairness annotations, run through JUnit on {@code fixtures/fair-groups.csv}, whose answers are known by
 * construction. Its 212 rows are blocks of (sex, age band, truth, prediction) with these confusion counts:
 *
 * <pre>
 * group      n   TP  FN  FP  TN   selection rate  TPR  FPR
 * F × 18-25  50  15  10   0  25   0.30            0.6  0.0
 * F × 26-40  50  25   0   5  20   0.60            1.0  0.2
 * M × 18-25  50  20   5  10  15   0.60            0.8  0.4
 * M × 26-40  50  25   0   5  20   0.60            1.0  0.2
 * X × 18-25   6   3   0   3   0   1.00            1.0  1.0
 * X × 26-40   6   3   0   3   0   1.00            1.0  1.0
 * </pre>
 *
 * <p>So by sex: F (n=100) is selected at 0.45 with TPR 0.8 and FPR 0.1, M (n=100) at 0.60 with TPR 0.9 and FPR 0.3,
 * and X (n=12) is too small to judge at the default minimum of 30. {@code p_yes} is 0.8 on rows predicted yes and
 * 0.3 on the others. {@code fixtures/fair-three-classes.csv} has three classes.
 */
class FairnessAnnotationsTest {

    static final String GROUPS = "src/test/resources/fixtures/fair-groups.csv";
    static final String THREE_CLASSES = "src/test/resources/fixtures/fair-three-classes.csv";

    /** The group table that ends each demographic-parity message by sex: F lowest, M highest, X too small. */
    private static final String PARITY_BY_SEX = "groups of sex (2 judged, 1 too small; minGroupSize 30):\n"
            + "  group  n    selection rate  TPR     FPR     verdict\n"
            + "  F      100  0.4500          0.8000  0.1000  lowest\n"
            + "  M      100  0.6000          0.9000  0.3000  highest\n"
            + "  X      12   1.0000          1.0000  1.0000  too small (n < 30)";

    /** Each fixture class runs once; its tests read the outcome (the bootstrap makes a run cost a little). */
    private static final Map<Class<?>, EngineExecutionResults> RESULTS = new ConcurrentHashMap<>();

    private static EngineExecutionResults results(Class<?> fixture) {
        return RESULTS.computeIfAbsent(fixture, TestKit::run);
    }

    @ModelTest(predictions = "pred", scores = "p_yes", data = GROUPS, label = "label")
    static class ParityTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.2)
        void withinDifference() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.1)
        void overDifference() {}

        @DemographicParity(attribute = "sex", minRatio = 0.8)
        void belowRatio() {}

        @DemographicParity(
                attribute = {"sex", "age_band"},
                maxDifference = 0.2)
        void intersectionalOver() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.1, threshold = 0.2)
        void everyoneSelectedAtALowThreshold() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.2, minGroupSize = 10)
        void smallGroupJudgedWhenAllowed() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.2, confidence = 0.95)
        void undecidedWithConfidence() {}
    }

    @ModelTest(predictions = "pred", scores = "p_yes", data = GROUPS, label = "label")
    static class OddsTestCase {
        @EqualizedOdds(attribute = "sex", maxDifference = 0.25)
        void oddsWithin() {}

        @EqualizedOdds(attribute = "sex", maxDifference = 0.15)
        void oddsOver() {}

        @EqualOpportunity(attribute = "sex", maxDifference = 0.15)
        void opportunityWithin() {}

        @EqualOpportunity(
                attribute = {"sex", "age_band"},
                maxDifference = 0.15)
        void opportunityOverIntersectional() {}
    }

    @ModelTest(predictions = "pred", scores = "p_yes", data = GROUPS, label = "label")
    static class ImpactTestCase {
        @DisparateImpactAtLeast(attribute = "sex", privileged = "M", value = 0.7)
        void withinSeventyPercent() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "M")
        void belowFourFifths() {}

        @DisparateImpactAtLeast(
                attribute = {"sex", "age_band"},
                privileged = {"M", "26-40"})
        void intersectionalBelowFourFifths() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "X")
        void privilegedGroupTooSmall() {}
    }

    @ModelTest(predictions = "pred", scores = "p_yes", data = GROUPS, label = "label")
    static class GroupMetricTestCase {
        @GroupMetricAtLeast(attribute = "sex", metric = GroupMetric.RECALL, value = 0.8)
        void recallFloorMet() {}

        @GroupMetricAtLeast(
                attribute = {"sex", "age_band"},
                metric = GroupMetric.RECALL,
                value = 0.8)
        void recallFloorMissedIntersectional() {}

        @GroupMetricGapAtMost(attribute = "sex", metric = GroupMetric.ACCURACY, value = 0.05)
        void accuracyGapWithin() {}

        @GroupMetricGapAtMost(attribute = "sex", metric = GroupMetric.ACCURACY, value = 0.02)
        void accuracyGapOver() {}
    }

    @ModelTest(predictions = "pred", scores = "p_yes", data = GROUPS, label = "label")
    static class ConfigurationTestCase {
        @DemographicParity(attribute = "sexx", maxDifference = 0.1)
        void unknownColumn() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.1, minRatio = 0.8)
        void bothLimits() {}

        @DemographicParity(attribute = "sex")
        void noLimit() {}

        @DemographicParity(attribute = "sex", maxDifference = 1.5)
        void differenceOutOfRange() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.1, positiveLabel = "yess")
        void unknownPositiveLabel() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "Mm")
        void unknownPrivilegedGroup() {}

        @DisparateImpactAtLeast(
                attribute = {"sex", "age_band"},
                privileged = "M")
        void privilegedWithoutEveryAttribute() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "M", value = 1.25)
        void impactAboveOne() {}

        @EqualizedOdds(attribute = "sex", maxDifference = 0.1, threshold = 1.5)
        void thresholdOutOfRange() {}

        @EqualOpportunity(attribute = "sex", maxDifference = 0.1, confidence = 1)
        void confidenceOfOne() {}

        @GroupMetricAtLeast(attribute = "sex", metric = GroupMetric.RECALL, value = 0.8, minGroupSize = 0)
        void minGroupSizeZero() {}

        @GroupMetricAtLeast(attribute = "sex", metric = GroupMetric.FALSE_POSITIVE_RATE, value = 0.1)
        void floorOnALowerIsBetterMetric() {}

        @GroupMetricGapAtMost(attribute = "sex", metric = GroupMetric.F1, value = 0.1, resamples = 10)
        void tooFewResamples() {}

        @DemographicParity(
                attribute = {},
                maxDifference = 0.1)
        void noAttribute() {}
    }

    @ModelTest(predictions = "pred", data = THREE_CLASSES, label = "label")
    static class ThreeClassesTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.1)
        void parity() {}
    }

    /** Predicts from the p_yes column: the probability of yes is p_yes. */
    public static final class ScoreModel implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("no", "yes"), (row, p) -> {
                p[1] = row.getDouble("p_yes");
                p[0] = 1 - p[1];
            });
        }
    }

    /** Predicts yes when p_yes is at least 0.5, without probabilities. */
    public static final class LabelsModel implements ModelProvider {
        @Override
        public Model load() {
            return Model.classifier(List.of("no", "yes"), row -> row.getDouble("p_yes") >= 0.5 ? 1 : 0);
        }
    }

    @ModelTest(provider = ScoreModel.class, data = GROUPS, label = "label", features = "p_yes")
    static class ModelTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.1)
        void overDifference() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.1, threshold = 0.9)
        void nobodySelectedAtAHighThreshold() {}
    }

    @ModelTest(provider = LabelsModel.class, data = GROUPS, label = "label", features = "p_yes")
    static class LabelsModelTestCase {
        @EqualOpportunity(attribute = "sex", maxDifference = 0.15)
        void opportunity() {}

        @EqualOpportunity(attribute = "sex", maxDifference = 0.15, threshold = 0.5)
        void thresholdWithoutProbabilities() {}
    }

    @Test
    void demographicParityPassesWithinTheDifferenceAndFailsOverItWithTheGroupTable() {
        EngineExecutionResults results = results(ParityTestCase.class);

        assertThat(succeeded(results)).contains("withinDifference()");
        assertThat(failureOf(results, "overDifference"))
                .isEqualTo(
                        "Expecting demographic parity across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  selection-rate difference (max − min) 0.1500 (95% CI 0.0200–0.2800, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at most:\n"
                                + "  0.1000\n"
                                + "but it was 0.0500 over: F is selected at 0.4500, M at 0.6000 (two-proportion z-test p = 0.0337).\n"
                                + PARITY_BY_SEX);
        assertThat(TestKit.throwableOf(results, "overDifference")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void demographicParityByRatioFailsBelowTheRatio() {
        assertThat(failureOf(results(ParityTestCase.class), "belowRatio"))
                .isEqualTo(
                        "Expecting demographic parity across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  selection-rate ratio (min / max) 0.7500 (95% CI 0.5738–0.9662, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at least:\n"
                                + "  0.8000\n"
                                + "but it was 0.0500 below: F is selected at 0.4500, M at 0.6000 (two-proportion z-test p = 0.0337).\n"
                                + PARITY_BY_SEX);
    }

    @Test
    void intersectionalGroupsRevealWhatTheSingleAttributeHides() {
        EngineExecutionResults results = results(ParityTestCase.class);

        // By sex the selection rates differ by 0.15, within 0.2; by sex × age band by 0.3.
        assertThat(succeeded(results)).contains("withinDifference()");
        assertThat(failureOf(results, "intersectionalOver"))
                .isEqualTo(
                        "Expecting demographic parity across sex × age_band on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  selection-rate difference (max − min) 0.3000 (95% CI 0.2000–0.5200, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at most:\n"
                                + "  0.2000\n"
                                + "but it was 0.1000 over: F × 18-25 is selected at 0.3000, F × 26-40 at 0.6000 (two-proportion z-test p = 0.00257).\n"
                                + "groups of sex × age_band (4 judged, 2 too small; minGroupSize 30):\n"
                                + "  group      n   selection rate  TPR     FPR     verdict\n"
                                + "  F × 18-25  50  0.3000          0.6000  0.0000  lowest\n"
                                + "  F × 26-40  50  0.6000          1.0000  0.2000  highest\n"
                                + "  M × 18-25  50  0.6000          0.8000  0.4000  judged\n"
                                + "  M × 26-40  50  0.6000          1.0000  0.2000  judged\n"
                                + "  X × 18-25  6   1.0000          1.0000  1.0000  too small (n < 30)\n"
                                + "  X × 26-40  6   1.0000          1.0000  1.0000  too small (n < 30)");
    }

    @Test
    void aSmallGroupIsNeverJudgedUnlessMinGroupSizeAdmitsIt() {
        EngineExecutionResults results = results(ParityTestCase.class);

        // X (12 rows, all selected) is listed as too small by default; with minGroupSize 10 it is judged and fails.
        assertThat(succeeded(results)).contains("withinDifference()");
        assertThat(failureOf(results, "smallGroupJudgedWhenAllowed"))
                .isEqualTo(
                        "Expecting demographic parity across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  selection-rate difference (max − min) 0.5500 (95% CI 0.4600–0.6400, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at most:\n"
                                + "  0.2000\n"
                                + "but it was 0.3500 over: F is selected at 0.4500, X at 1.0000 (two-proportion z-test p = 0.000317).\n"
                                + "groups of sex (3 judged; minGroupSize 10):\n"
                                + "  group  n    selection rate  TPR     FPR     verdict\n"
                                + "  F      100  0.4500          0.8000  0.1000  lowest\n"
                                + "  M      100  0.6000          0.9000  0.3000  judged\n"
                                + "  X      12   1.0000          1.0000  1.0000  highest");
    }

    @Test
    void aThresholdDecidesOnTheProbabilityInsteadOfThePredictedLabel() {
        EngineExecutionResults results = results(ParityTestCase.class);

        // Every p_yes is at least 0.3, so at threshold 0.2 everyone is selected and the rates are equal.
        assertThat(succeeded(results)).contains("everyoneSelectedAtALowThreshold()");
        assertThat(failureOf(results, "overDifference")).contains("but it was 0.0500 over");
    }

    @Test
    void confidenceMakesAGateTheDataCannotDecideInconclusive() {
        EngineExecutionResults results = results(ParityTestCase.class);

        // The point estimate 0.15 is within 0.2, but the 95% interval reaches over it.
        assertThat(failureOf(results, "undecidedWithConfidence"))
                .isEqualTo(
                        "Expecting demographic parity across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  selection-rate difference (max − min) 0.1500 (95% CI 0.0200–0.2800, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at most, with 95% confidence:\n"
                                + "  0.2000\n"
                                + "but the 95% interval straddles it, so the data cannot decide either way (more rows per group would narrow it): F is selected at 0.4500, M at 0.6000 (two-proportion z-test p = 0.0337).\n"
                                + PARITY_BY_SEX);
    }

    @Test
    void anInconclusiveGateAbortsWhenConfiguredTo() {
        EngineExecutionResults results =
                run(ParityTestCase.class, Map.of(ModelTestExtension.INCONCLUSIVE_PARAMETER, "abort"));

        assertThat(results.testEvents().aborted().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName())
                        .toList())
                .containsExactly("undecidedWithConfidence()");
        assertThat(results.testEvents().aborted().stream().map(TestKit::message).findFirst())
                .hasValueSatisfying(m -> assertThat(m).contains("the 95% interval straddles it"));
    }

    @Test
    void equalizedOddsPassesWithinTheDifferenceAndFailsNamingTheWorseRate() {
        EngineExecutionResults results = results(OddsTestCase.class);

        assertThat(succeeded(results)).containsExactly("oddsWithin()", "opportunityWithin()");
        assertThat(failureOf(results, "oddsOver"))
                .isEqualTo("Expecting equalized odds across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                        + "  larger of the TPR and FPR differences (max − min) 0.2000 (95% CI 0.0827–0.3505, bootstrap of 2000 resamples, seed 42)\n"
                        + "to be at most:\n"
                        + "  0.1500\n"
                        + "but it was 0.0500 over: the false-positive rates differ most, F 0.1000 and M 0.3000 (two-proportion z-test p = 0.0124).\n"
                        + "groups of sex (2 judged, 1 too small; minGroupSize 30):\n"
                        + "  group  n    selection rate  TPR     FPR     verdict\n"
                        + "  F      100  0.4500          0.8000  0.1000  lowest TPR, lowest FPR\n"
                        + "  M      100  0.6000          0.9000  0.3000  highest TPR, highest FPR\n"
                        + "  X      12   1.0000          1.0000  1.0000  too small (n < 30)");
    }

    @Test
    void equalOpportunityFailsOnIntersectionalGroups() {
        assertThat(failureOf(results(OddsTestCase.class), "opportunityOverIntersectional"))
                .isEqualTo(
                        "Expecting equal opportunity across sex × age_band on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  TPR difference (max − min) 0.4000 (95% CI 0.2271–0.6000, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at most:\n"
                                + "  0.1500\n"
                                + "but it was 0.2500 over: the true-positive rates are F × 18-25 0.6000 and F × 26-40 1.0000 (two-proportion z-test p = 0.000407).\n"
                                + "groups of sex × age_band (4 judged, 2 too small; minGroupSize 30):\n"
                                + "  group      n   selection rate  TPR     FPR     verdict\n"
                                + "  F × 18-25  50  0.3000          0.6000  0.0000  lowest TPR\n"
                                + "  F × 26-40  50  0.6000          1.0000  0.2000  highest TPR\n"
                                + "  M × 18-25  50  0.6000          0.8000  0.4000  judged\n"
                                + "  M × 26-40  50  0.6000          1.0000  0.2000  judged\n"
                                + "  X × 18-25  6   1.0000          1.0000  1.0000  too small (n < 30)\n"
                                + "  X × 26-40  6   1.0000          1.0000  1.0000  too small (n < 30)");
    }

    @Test
    void disparateImpactPassesAboveTheValueAndFailsTheFourFifthsRuleWithAPValue() {
        EngineExecutionResults results = results(ImpactTestCase.class);

        assertThat(succeeded(results)).containsExactly("withinSeventyPercent()");
        assertThat(failureOf(results, "belowFourFifths"))
                .isEqualTo(
                        "Expecting the four-fifths rule relative to M across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  lowest impact ratio (selection rate / M's) 0.7500 (95% CI 0.5738–0.9804, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at least:\n"
                                + "  0.8000\n"
                                + "but it was 0.0500 below: F is selected at 0.4500, 0.7500 of M's 0.6000 (two-proportion z-test p = 0.0337).\n"
                                + "groups of sex (2 judged, 1 too small; minGroupSize 30):\n"
                                + "  group  n    selection rate  TPR     FPR     impact ratio  p-value  verdict\n"
                                + "  F      100  0.4500          0.8000  0.1000  0.7500        0.0337   below 0.8000\n"
                                + "  M      100  0.6000          0.9000  0.3000  n/a           n/a      privileged\n"
                                + "  X      12   1.0000          1.0000  1.0000  n/a           n/a      too small (n < 30)");
    }

    @Test
    void disparateImpactComparesIntersectionalGroupsWithThePrivilegedCell() {
        assertThat(failureOf(results(ImpactTestCase.class), "intersectionalBelowFourFifths"))
                .isEqualTo(
                        "Expecting the four-fifths rule relative to M × 26-40 across sex × age_band on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  lowest impact ratio (selection rate / M × 26-40's) 0.5000 (95% CI 0.2895–0.7600, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at least:\n"
                                + "  0.8000\n"
                                + "but it was 0.3000 below: F × 18-25 is selected at 0.3000, 0.5000 of M × 26-40's 0.6000 (two-proportion z-test p = 0.00257).\n"
                                + "groups of sex × age_band (4 judged, 2 too small; minGroupSize 30):\n"
                                + "  group      n   selection rate  TPR     FPR     impact ratio  p-value  verdict\n"
                                + "  F × 18-25  50  0.3000          0.6000  0.0000  0.5000        0.00257  below 0.8000\n"
                                + "  F × 26-40  50  0.6000          1.0000  0.2000  1.0000        1.00     ok\n"
                                + "  M × 18-25  50  0.6000          0.8000  0.4000  1.0000        1.00     ok\n"
                                + "  M × 26-40  50  0.6000          1.0000  0.2000  n/a           n/a      privileged\n"
                                + "  X × 18-25  6   1.0000          1.0000  1.0000  n/a           n/a      too small (n < 30)\n"
                                + "  X × 26-40  6   1.0000          1.0000  1.0000  n/a           n/a      too small (n < 30)");
    }

    @Test
    void disparateImpactIsInconclusiveWhenThePrivilegedGroupIsTooSmall() {
        assertThat(failureOf(results(ImpactTestCase.class), "privilegedGroupTooSmall"))
                .isEqualTo(
                        "Expecting the four-fifths rule relative to X across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  lowest impact ratio (selection rate / X's) undefined\n"
                                + "to be at least:\n"
                                + "  0.8000\n"
                                + "but the privileged group X has only 12 rows, fewer than minGroupSize 30, so no ratio to it can be judged: the gate cannot be judged.\n"
                                + "groups of sex (2 judged, 1 too small; minGroupSize 30):\n"
                                + "  group  n    selection rate  TPR     FPR     impact ratio  p-value  verdict\n"
                                + "  F      100  0.4500          0.8000  0.1000  n/a           n/a      no ratio (privileged group too small)\n"
                                + "  M      100  0.6000          0.9000  0.3000  n/a           n/a      no ratio (privileged group too small)\n"
                                + "  X      12   1.0000          1.0000  1.0000  n/a           n/a      too small (n < 30)");
    }

    @Test
    void groupMetricFloorPassesWhenEveryGroupMeetsItAndFailsNamingTheGroupBelow() {
        EngineExecutionResults results = results(GroupMetricTestCase.class);

        // F's recall is exactly the floor, 0.8: it passes.
        assertThat(succeeded(results)).containsExactly("accuracyGapWithin()", "recallFloorMet()");
        assertThat(failureOf(results, "recallFloorMissedIntersectional"))
                .isEqualTo(
                        "Expecting every group's recall across sex × age_band on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  lowest group recall 0.6000 (95% CI 0.4000–0.7729, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at least:\n"
                                + "  0.8000\n"
                                + "but it was 0.2000 below: F × 18-25's recall is 0.6000.\n"
                                + "groups of sex × age_band (4 judged, 2 too small; minGroupSize 30):\n"
                                + "  group      n   selection rate  TPR     FPR     verdict\n"
                                + "  F × 18-25  50  0.3000          0.6000  0.0000  below 0.8000\n"
                                + "  F × 26-40  50  0.6000          1.0000  0.2000  ok\n"
                                + "  M × 18-25  50  0.6000          0.8000  0.4000  ok\n"
                                + "  M × 26-40  50  0.6000          1.0000  0.2000  ok\n"
                                + "  X × 18-25  6   1.0000          1.0000  1.0000  too small (n < 30)\n"
                                + "  X × 26-40  6   1.0000          1.0000  1.0000  too small (n < 30)");
    }

    @Test
    void groupMetricGapFailsWhenAGroupIsFarFromTheOverallValue() {
        assertThat(failureOf(results(GroupMetricTestCase.class), "accuracyGapOver"))
                .isEqualTo(
                        "Expecting every group's accuracy near the overall value across sex on fair-groups.csv (n=212, positive label \"yes\"):\n"
                                + "  largest gap to the overall accuracy 0.0434 (95% CI 0.0134–0.0970, bootstrap of 2000 resamples, seed 42)\n"
                                + "to be at most:\n"
                                + "  0.0200\n"
                                + "but it was 0.0234 over: F's accuracy 0.8500 is 0.0434 from the overall 0.8066.\n"
                                + "groups of sex (2 judged, 1 too small; minGroupSize 30):\n"
                                + "  group  n    selection rate  TPR     FPR     accuracy  gap     verdict\n"
                                + "  F      100  0.4500          0.8000  0.1000  0.8500    0.0434  over 0.0200\n"
                                + "  M      100  0.6000          0.9000  0.3000  0.8000    0.0066  ok\n"
                                + "  X      12   1.0000          1.0000  1.0000  0.5000    n/a     too small (n < 30)");
    }

    @Test
    void noTestWithABadAttributePasses() {
        assertThat(succeeded(results(ConfigurationTestCase.class))).isEmpty();
    }

    /** Each test of {@link ConfigurationTestCase} and the message it fails with. */
    static Stream<Arguments> badAttributes() {
        return Stream.of(
                arguments(
                        "unknownColumn",
                        "@DemographicParity on ConfigurationTestCase.unknownColumn(): 'attribute' must name a column of fair-groups.csv, was 'sexx' (did you mean 'sex'?); its columns are sex, age_band, label, pred, p_yes"),
                arguments(
                        "bothLimits",
                        "@DemographicParity on ConfigurationTestCase.bothLimits(): give exactly one of 'maxDifference' and 'minRatio', was both (maxDifference 0.1, minRatio 0.8)"),
                arguments(
                        "noLimit",
                        "@DemographicParity on ConfigurationTestCase.noLimit(): give exactly one of 'maxDifference' and 'minRatio', was neither"),
                arguments(
                        "differenceOutOfRange",
                        "@DemographicParity on ConfigurationTestCase.differenceOutOfRange(): 'maxDifference' must be in [0, 1], was 1.5"),
                arguments(
                        "unknownPositiveLabel",
                        "@DemographicParity on ConfigurationTestCase.unknownPositiveLabel(): 'positiveLabel' must be one of the classes [no, yes], was \"yess\" (did you mean 'yes'?)"),
                arguments(
                        "unknownPrivilegedGroup",
                        "@DisparateImpactAtLeast on ConfigurationTestCase.unknownPrivilegedGroup(): 'privileged' must name a group of sex in the data, was \"Mm\" (did you mean 'M'?); the groups are F, M, X"),
                arguments(
                        "privilegedWithoutEveryAttribute",
                        "@DisparateImpactAtLeast on ConfigurationTestCase.privilegedWithoutEveryAttribute(): 'privileged' must give one value per attribute {sex, age_band}, in that order, was {M}"),
                arguments(
                        "impactAboveOne",
                        "@DisparateImpactAtLeast on ConfigurationTestCase.impactAboveOne(): 'value' must be in (0, 1], was 1.25"),
                arguments(
                        "thresholdOutOfRange",
                        "@EqualizedOdds on ConfigurationTestCase.thresholdOutOfRange(): 'threshold' must be in [0, 1], was 1.5"),
                arguments(
                        "confidenceOfOne",
                        "@EqualOpportunity on ConfigurationTestCase.confidenceOfOne(): 'confidence' must be 0 (decide on the point value) or in (0, 1), was 1"),
                arguments(
                        "minGroupSizeZero",
                        "@GroupMetricAtLeast on ConfigurationTestCase.minGroupSizeZero(): 'minGroupSize' must be at least 1, was 0"),
                arguments(
                        "floorOnALowerIsBetterMetric",
                        "@GroupMetricAtLeast on ConfigurationTestCase.floorOnALowerIsBetterMetric(): 'metric' must be a metric where higher is better (a floor on the false-positive rate rewards a worse model; bound its spread across groups instead), was FALSE_POSITIVE_RATE"),
                arguments(
                        "tooFewResamples",
                        "@GroupMetricGapAtMost on ConfigurationTestCase.tooFewResamples(): 'resamples' must be in [100, 1000000], was 10"),
                arguments(
                        "noAttribute",
                        "@DemographicParity on ConfigurationTestCase.noAttribute(): 'attribute' must name at least one column, was {}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAttributes")
    void badAttributesAreConfigurationErrorsNamingTheAttribute(String method, String message) {
        EngineExecutionResults results = results(ConfigurationTestCase.class);

        assertThat(failureOf(results, method)).isEqualTo(message);
        assertThat(TestKit.throwableOf(results, method)).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void aModelWithMoreThanTwoClassesIsAConfigurationError() {
        assertThat(failureOf(results(ThreeClassesTestCase.class), "parity"))
                .isEqualTo(
                        "@DemographicParity on ThreeClassesTestCase.parity(): fairness checks apply to binary classifiers, but predictions column 'pred' on fair-three-classes.csv has 3 classes [a, b, c]; compare one class against the rest in a column of its own");
    }

    @Test
    void worksOnAModelAsOnPredictionColumns() {
        EngineExecutionResults results = results(ModelTestCase.class);

        assertThat(succeeded(results)).containsExactly("nobodySelectedAtAHighThreshold()");
        assertThat(failureOf(results, "overDifference"))
                .isEqualTo(failureOf(results(ParityTestCase.class), "overDifference"));
    }

    @Test
    void aThresholdOnAModelWithoutProbabilitiesIsAConfigurationError() {
        EngineExecutionResults results = results(LabelsModelTestCase.class);

        assertThat(succeeded(results)).containsExactly("opportunity()");
        assertThat(failureOf(results, "thresholdWithoutProbabilities"))
                .isEqualTo(
                        "@EqualOpportunity on LabelsModelTestCase.thresholdWithoutProbabilities(): 'threshold' needs the probability of \"yes\", but classifier (2 classes) gives class labels only; remove 'threshold' to judge the predicted labels, or give the model's probabilities ('scores')");
    }
}
