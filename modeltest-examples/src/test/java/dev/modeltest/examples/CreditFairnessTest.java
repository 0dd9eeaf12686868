package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.behaviour.InvarianceCheck;
import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.DisparateImpactCheck;
import dev.modeltest.fairness.FairnessOptions;
import dev.modeltest.fairness.GroupMetric;
import dev.modeltest.junit.DemographicParity;
import dev.modeltest.junit.DisparateImpactAtLeast;
import dev.modeltest.junit.EqualOpportunity;
import dev.modeltest.junit.EqualizedOdds;
import dev.modeltest.junit.GroupMetricAtLeast;
import dev.modeltest.junit.GroupMetricGapAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.Monotonic;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fairness gates on a credit scorecard. The data ({@code credit.csv}, made by {@code scripts/data/make_credit.py}) are
 * synthetic loan applicants whose finances, and so whose repayments, do not depend on sex; 24 applicants of sex X form
 * a group too small to judge, and are listed as such in every report.
 *
 * <p>The fair scorecard ({@link CreditScoringModels.Fair}), which sees the applicants' finances only, passes every
 * gate. The biased one ({@link CreditScoringModels.Biased}) docks women's scores; since every example gate must pass,
 * the last test runs the same four-fifths check on it and asserts that the check catches it, naming the group.
 */
@ModelTest(
        provider = CreditScoringModels.Fair.class,
        data = CreditFairnessTest.DATA,
        label = "repaid",
        features = {"income", "debt_ratio", "years_at_job", "late_payments"})
class CreditFairnessTest {

    static final String DATA = "src/test/resources/credit.csv";

    /** Approval rates of women and men differ by less than 10 points, with 95% confidence. */
    @DemographicParity(attribute = "sex", maxDifference = 0.1, confidence = 0.95)
    void approvalDoesNotDependOnSex() {}

    /** The four-fifths rule: every group is approved at least 80% as often as men. */
    @DisparateImpactAtLeast(attribute = "sex", privileged = "M")
    void fourFifthsRule() {}

    /** Applicants who would repay are approved alike, and so are those who would not. */
    @EqualizedOdds(attribute = "sex", maxDifference = 0.1)
    void errsAlikeForWomenAndMen() {}

    /** Among applicants who repay, women and men are approved at rates within 5 points. */
    @EqualOpportunity(attribute = "sex", maxDifference = 0.05)
    void goodRisksAreApprovedAlike() {}

    /** Every sex × age-band cell large enough to judge gets accuracy of at least 0.6. */
    @GroupMetricAtLeast(
            attribute = {"sex", "age_band"},
            metric = GroupMetric.ACCURACY,
            value = 0.6)
    void everyCellIsScoredUsefully() {}

    /** No sex's accuracy is more than 3 points from the overall accuracy. */
    @GroupMetricGapAtMost(attribute = "sex", metric = GroupMetric.ACCURACY, value = 0.03)
    void accuracyIsEvenAcrossSexes() {}

    /** A higher income never lowers the probability of repaying. */
    @Monotonic(feature = "income", direction = Direction.INCREASING)
    void moreIncomeNeverLowersTheScore() {}

    /** One more late payment never raises it. */
    @Monotonic(feature = "late_payments", direction = Direction.DECREASING, step = 1)
    void aLatePaymentNeverRaisesTheScore() {}

    private static Subject biased;

    @BeforeAll
    static void loadTheBiasedScorecard() {
        List<String> features = new ArrayList<>(CreditScoringModels.FINANCES);
        features.add("sex");
        biased = Subject.of(new SubjectSpec(
                "CreditFairnessTest (biased scorecard)",
                DATA,
                "repaid",
                new ModelSource.Provider(CreditScoringModels.Biased.class),
                features,
                TaskHint.AUTO));
    }

    @AfterAll
    static void close() {
        biased.close();
    }

    @Test
    void theBiasedScorecardFailsTheFourFifthsRuleNamingWomen() {
        CheckResult result = new DisparateImpactCheck(
                        "four-fifths rule on the biased scorecard",
                        FairnessOptions.of("sex"),
                        List.of("M"),
                        DisparateImpactCheck.FOUR_FIFTHS)
                .run(biased);
        report(result);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .contains("but it was 0.3212 below: F is selected at 0.3239, 0.4788 of M's 0.6766 (two-proportion"
                        + " z-test p = 1.60e-109)")
                .contains("  X      24    0.6667          0.8000  0.4444  n/a           n/a        too small (n < 30)");
    }

    @Test
    void theBiasedScorecardFailsDemographicParityEvenWithConfidence() {
        CheckResult result = new DemographicParityCheck(
                        "demographic parity on the biased scorecard",
                        FairnessOptions.of("sex").withConfidence(0.95),
                        0.1,
                        Double.NaN)
                .run(biased);
        report(result);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.interval().lower()).isGreaterThan(0.1);
        assertThat(result.message()).contains("F is selected at 0.3239, M at 0.6766");
    }

    @Test
    void theBiasedScorecardIsNotInvariantToSex() {
        CheckResult result =
                new InvarianceCheck("sex swapped on the biased scorecard", "sex", List.of("F", "M"), 0, 0).run(biased);
        report(result);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .startsWith("Expecting the flip rate of probabilistic classifier (2 classes) on credit.csv when only"
                        + " 'sex' changes, between F, M (n=")
                .contains("flipped rows (row: change, predicted class before → after):\n  row ");
    }

    /** Puts the caught failure into the Allure report, where the passing test would otherwise hide it. */
    private static void report(CheckResult result) {
        Allure.addAttachment(result.check() + " on the biased scorecard (" + result.verdict() + ")", result.message());
        for (Attachment attachment : result.attachments()) {
            Allure.addAttachment(
                    attachment.name(),
                    attachment.mediaType(),
                    new ByteArrayInputStream(attachment.content().get()),
                    attachment.extension());
        }
    }
}
