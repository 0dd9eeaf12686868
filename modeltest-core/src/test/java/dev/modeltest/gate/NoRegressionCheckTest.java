package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The champion/challenger check with baselines constructed to be truly worse, equal and better: the model has 3
 * errors per class on 40 rows (accuracy 0.85), the baselines 8 (0.60), 3 (0.85) and 0 (1.00), all on the first rows
 * of each class, so every row the worse model gets right the better one does too.
 */
class NoRegressionCheckTest {

    private static final String WHERE = "@NoRegressionVs on T.m()";
    private static final ModelSource BASELINE = new ModelSource.Columns("baseline", List.of("p_baseline"));

    private final Predictions model = MetricFixtures.binary("fixture.csv", 40, 3);

    private static NoRegressionCheck check(Metric metric) {
        return NoRegressionCheck.builder(WHERE, metric, BASELINE).build();
    }

    @Test
    void passesAgainstAWorseBaseline() {
        CheckResult result =
                check(Metric.ACCURACY).compare(model, MetricFixtures.binary("fixture.csv", 40, 8), "old model");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .isEqualTo(
                        "Expecting model accuracy on fixture.csv (n=40) not to be worse than the baseline (old model)"
                                + " by more than:\n"
                                + "  0.0000\n"
                                + "  model:      0.8500\n"
                                + "  baseline:   0.6000\n"
                                + "  difference: 0.2500 (95% CI 0.1250–0.3750, paired bootstrap, 2000 resamples, seed 42)\n"
                                + "  p-value:    1.00 (one-sided, exact McNemar test on 10 discordant rows: 10 only the model"
                                + " gets right, 0 only the baseline)\n"
                                + "and it is not worse by more than the tolerance.");
    }

    @Test
    void passesAgainstAnEqualBaseline() {
        CheckResult result = check(Metric.ACCURACY).compare(model, model, "same model");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(0.0);
        assertThat(result.details()).containsEntry("pValue", 1.0);
    }

    @Test
    void failsAgainstABetterBaselineWithExactMcNemar() {
        CheckResult result =
                check(Metric.ACCURACY).compare(model, MetricFixtures.binary("fixture.csv", 40, 0), "old model");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        // 6 discordant rows, all the baseline's: P(X ≥ 6 | 6, ½) = 1/64.
        assertThat(result.details()).containsEntry("pValue", 0.015625);
        assertThat(result.message())
                .isEqualTo(
                        "Expecting model accuracy on fixture.csv (n=40) not to be worse than the baseline (old model)"
                                + " by more than:\n"
                                + "  0.0000\n"
                                + "  model:      0.8500\n"
                                + "  baseline:   1.0000\n"
                                + "  difference: -0.1500 (95% CI -0.2500–-0.0500, paired bootstrap, 2000 resamples, seed 42)\n"
                                + "  p-value:    0.0156 (one-sided, exact McNemar test on 6 discordant rows: 0 only the"
                                + " model gets right, 6 only the baseline)\n"
                                + "but it is worse by 0.1500, more than the tolerance, and significantly so (p = 0.0156 <"
                                + " alpha 0.05).");
    }

    @Test
    void passesAgainstABetterBaselineWhenTheDropIsWithinTheTolerance() {
        CheckResult result = NoRegressionCheck.builder(WHERE, Metric.ACCURACY, BASELINE)
                .tolerance(0.2)
                .build()
                .compare(model, MetricFixtures.binary("fixture.csv", 40, 0), "old model");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message()).endsWith("and it is not worse by more than the tolerance.");
    }

    @Test
    void itsThresholdIsTheLowestDifferenceAllowedAndItsKeyNamesTheMetric() {
        CheckResult result = NoRegressionCheck.builder(WHERE, Metric.ACCURACY, BASELINE)
                .tolerance(0.2)
                .build()
                .compare(model, MetricFixtures.binary("fixture.csv", 40, 0), "old model");

        // The measured value is model − baseline: a higher-is-better metric may be at most 0.2 below.
        assertThat(result.limit()).isEqualTo(Threshold.atLeast(-0.2));
        assertThat(result.threshold()).isEqualTo("drop ≤ 0.2000 (alpha 0.05)");
        assertThat(result.key()).isEqualTo("no-regression:accuracy");
    }

    @Test
    void passesWhenTheDropExceedsTheToleranceButIsNotSignificant() {
        CheckResult result =
                check(Metric.ACCURACY).compare(MetricFixtures.binary("fixture.csv", 40, 4), model, "old model");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .endsWith("and though it is worse by 0.0500, more than the tolerance, that is not significant (p ="
                        + " 0.250 ≥ alpha 0.05).");
    }

    @Test
    void failsAgainstABetterBaselineOnAucWithDeLong() {
        CheckResult result =
                check(Metric.ROC_AUC).compare(MetricFixtures.binary("fixture.csv", 40, 8), model, "old model");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.interval().method()).isEqualTo("DeLong");
        assertThat(result.message()).contains("  p-value:    ").contains("(one-sided, DeLong test, z = ");
    }

    @Test
    void passesAgainstAnEqualBaselineOnAuc() {
        CheckResult result = check(Metric.ROC_AUC).compare(model, model, "same");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message()).contains("DeLong test, z = undefined (no variance)");
    }

    @Test
    void usesThePairedBootstrapForF1AndFailsAgainstABetterBaseline() {
        CheckResult worse = check(Metric.F1).compare(MetricFixtures.binary("fixture.csv", 40, 8), model, "old");
        CheckResult better = check(Metric.F1).compare(model, MetricFixtures.binary("fixture.csv", 40, 8), "old");

        assertThat(worse.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(worse.details().get("test")).isEqualTo("paired bootstrap, 2000 resamples, seed 42");
        assertThat(better.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void comparesLowerIsBetterMetricsTheRightWayRound() {
        Predictions good = MetricFixtures.regression("reg.csv", 60, 0.2);
        Predictions bad = MetricFixtures.regression("reg.csv", 60, 1.0);

        assertThat(check(Metric.MAE).compare(good, bad, "old").verdict()).isEqualTo(Verdict.PASS);
        assertThat(check(Metric.MAE).compare(bad, good, "old").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check(Metric.MAE).compare(good, bad, "old").limit()).isEqualTo(Threshold.atMost(0));
    }

    @Test
    void refusesBaselinesOfOtherRows() {
        assertThatThrownBy(
                        () -> check(Metric.ACCURACY).compare(model, MetricFixtures.binary("fixture.csv", 30, 3), "old"))
                .isInstanceOf(DataException.class)
                .hasMessage(WHERE + ": the model has 40 predictions and the baseline 30; a paired comparison needs"
                        + " the same rows");
    }

    @Test
    void refusesAMetricThatDoesNotApply() {
        Predictions labels = MetricFixtures.labelsOnly("fixture.csv", 40, 3);

        assertThatThrownBy(() -> check(Metric.ROC_AUC).compare(model, labels, "old"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": for the baseline, ROC AUC needs class probabilities, but labels model gives"
                        + " none");
    }

    @Test
    void rejectsANegativeToleranceAndAnAlphaOutsideTheUnitInterval() {
        assertThatThrownBy(() -> NoRegressionCheck.builder(WHERE, Metric.F1, BASELINE)
                        .tolerance(-0.1)
                        .build())
                .hasMessage(WHERE + ": 'tolerance' must be a finite number of at least 0, was -0.1");
        assertThatThrownBy(() -> NoRegressionCheck.builder(WHERE, Metric.F1, BASELINE)
                        .alpha(0)
                        .build())
                .hasMessage(WHERE + ": 'alpha' must be in (0, 1), was 0");
    }
}
