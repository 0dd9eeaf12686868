package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Verdict;
import dev.modeltest.model.Predictions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The fairness checks on rows with sample weights, on data whose weighted rates are known by construction. */
class WeightedFairnessTest {

    private static final String WHERE = "@DemographicParity on LoanTest.parity()";
    private static final FairnessOptions SEX = FairnessOptions.of("sex");

    /**
     * F: 40 rows, 10 selected; M: 45 rows, 25 selected, 5 of them weighing 0. Unweighted the selection rates are 0.25
     * and 0.5556; weighted (F's selected rows weigh 2, the others 1) they are 20/50 = 0.4 and 20/40 = 0.5.
     */
    static Fixture selection() {
        return Fixture.with("sex").selected("F", 40, 10).selected("M", 45, 25);
    }

    static double[] selectionWeights() {
        double[] w = new double[85];
        Arrays.fill(w, 1);
        Arrays.fill(w, 0, 10, 2);
        Arrays.fill(w, 40, 45, 0);
        return w;
    }

    static CheckResult run(Fixture fixture, double[] weights, GroupCheck check) {
        Predictions predictions = fixture.predictions().withWeights("w", weights);
        return check.evaluate(fixture.data(), predictions);
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Test
    void passesOnTheWeightedDifferenceWhereTheUnweightedOneFails() {
        CheckResult weighted =
                run(selection(), selectionWeights(), new DemographicParityCheck(WHERE, SEX, 0.15, Double.NaN));
        CheckResult unweighted = selection().run(new DemographicParityCheck(WHERE, SEX, 0.15, Double.NaN));

        assertThat(unweighted.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(unweighted.measured()).isCloseTo(25.0 / 45 - 0.25, within(1e-15));
        assertThat(weighted.verdict()).isEqualTo(Verdict.PASS);
        assertThat(weighted.measured()).isCloseTo(0.1, within(1e-15));
        assertThat(weighted.n()).isEqualTo(80);
        assertThat(weighted.message()).isEqualTo("""
                        Expecting demographic parity across sex on fair.csv (n=80, weighted by 'w', 5 rows of weight 0 left out, positive label "yes"):
                          selection-rate difference (max − min) 0.1000 (95% CI 0.0065–0.3279, bootstrap of 2000 resamples of rows weighted by 'w', seed 42)
                        to be at most:
                          0.1500
                        groups of sex (2 judged; minGroupSize 30), rates weighted by 'w', n counting the rows of weight > 0:
                          group  n   weight  selection rate  TPR     FPR  verdict
                          F      40  50      0.4000          0.4000  n/a  lowest
                          M      40  40      0.5000          0.5000  n/a  highest""");
    }

    @Test
    void failsNamingTheWeightedRatesAndThatNoTwoProportionTestIsRun() {
        CheckResult result =
                run(selection(), selectionWeights(), new DemographicParityCheck(WHERE, SEX, 0.05, Double.NaN));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).contains("""
                          0.0500
                        but it was 0.0500 over: F is selected at 0.4000, M at 0.5000 (no two-proportion test: the rates are weighted by 'w').
                        groups of sex""");
        assertThat(result.details())
                .containsEntry("weightColumn", "w")
                .containsEntry("totalWeight", 90.0)
                .containsEntry("zeroWeightRows", 5L)
                .containsEntry("lowestGroup", "F")
                .doesNotContainKeys("test", "pValue");
    }

    @Test
    void disparateImpactWithWeightsHasNoPValueColumnAndNoSignificanceInItsVerdicts() {
        CheckResult result = run(
                selection(),
                selectionWeights(),
                new DisparateImpactCheck("@DisparateImpactAtLeast on LoanTest.fourFifths()", SEX, List.of("M"), 0.9));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("""
                        Expecting disparate impact relative to M across sex on fair.csv (n=80, weighted by 'w', 5 rows of weight 0 left out, positive label "yes"):
                          lowest impact ratio (selection rate / M's) 0.8000 (95% CI 0.4233–1.3445, bootstrap of 2000 resamples of rows weighted by 'w', seed 42)
                        to be at least:
                          0.9000
                        but it was 0.1000 below: F is selected at 0.4000, 0.8000 of M's 0.5000 (no two-proportion test: the rates are weighted by 'w').
                        groups of sex (2 judged; minGroupSize 30), rates weighted by 'w', n counting the rows of weight > 0:
                          group  n   weight  selection rate  TPR     FPR  impact ratio  verdict
                          F      40  50      0.4000          0.4000  n/a  0.8000        below 0.9000
                          M      40  40      0.5000          0.5000  n/a  n/a           privileged""");
        assertThat(result.details()).containsEntry("privileged", "M").doesNotContainKey("tests");
    }

    /**
     * F: TP 20, FP 5, FN 20, TN 35; M: TP 30, FP 5, FN 10, TN 35. F's true positives weigh 1.5, the rest 1: weighted
     * TPRs 30/50 = 0.6 and 0.75, FPRs 0.125 both.
     */
    @Test
    void equalizedOddsComparesTheWeightedTruePositiveRates() {
        Fixture fixture = Fixture.with("sex").group("F", 20, 5, 20, 35).group("M", 30, 5, 10, 35);
        double[] w = ones(160);
        Arrays.fill(w, 0, 20, 1.5);

        CheckResult result = run(fixture, w, new EqualizedOddsCheck("@EqualizedOdds on LoanTest.odds()", SEX, 0.1));
        CheckResult unweighted = fixture.run(new EqualizedOddsCheck("@EqualizedOdds on LoanTest.odds()", SEX, 0.1));

        assertThat(unweighted.measured()).isCloseTo(0.25, within(1e-15));
        assertThat(result.measured()).isCloseTo(0.15, within(1e-15));
        assertThat(result.message()).contains("""
                        but it was 0.0500 over: the true-positive rates differ most, F 0.6000 and M 0.7500 (no two-proportion test: the rates are weighted by 'w').
                        groups of sex (2 judged; minGroupSize 30), rates weighted by 'w', n counting the rows of weight > 0:
                          group  n   weight  selection rate  TPR     FPR     verdict
                          F      80  90      0.3889          0.6000  0.1250  lowest TPR, lowest FPR
                          M      80  80      0.4375          0.7500  0.1250  highest TPR""");
    }

    @Test
    void groupMetricsAreTheWeightedOnes() {
        // Weighted recall: F 0.6, M 0.75 (as above); weighted precision of F: 30 / (30 + 5).
        Fixture fixture = Fixture.with("sex").group("F", 20, 5, 20, 35).group("M", 30, 5, 10, 35);
        double[] w = ones(160);
        Arrays.fill(w, 0, 20, 1.5);

        CheckResult recall =
                run(fixture, w, new GroupMetricAtLeastCheck("@GroupMetricAtLeast", SEX, GroupMetric.RECALL, 0.7));
        CheckResult precision =
                run(fixture, w, new GroupMetricAtLeastCheck("@GroupMetricAtLeast", SEX, GroupMetric.PRECISION, 0.5));

        assertThat(recall.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(recall.measured()).isCloseTo(0.6, within(1e-15));
        assertThat(recall.message()).contains("but it was 0.1000 below: F's recall is 0.6000.");
        assertThat(precision.measured()).isCloseTo(30.0 / 35, within(1e-15));
    }

    @Test
    void weightsThatAreAllOneGiveTheUnweightedResultBitForBit() {
        Fixture fixture = Fixture.with("sex").group("F", 20, 5, 20, 35).group("M", 30, 5, 10, 35);
        for (GroupCheck check : List.of(
                new EqualizedOddsCheck("w", SEX.withConfidence(0.9), 0.1),
                new DemographicParityCheck("w", SEX, Double.NaN, 0.8),
                new GroupMetricGapAtMostCheck("w", SEX, GroupMetric.F1, 0.05))) {
            CheckResult plain = fixture.run(check);
            CheckResult weighted = run(fixture, ones(160), check);

            assertThat(weighted.verdict()).isEqualTo(plain.verdict());
            assertThat(Double.doubleToRawLongBits(weighted.measured()))
                    .isEqualTo(Double.doubleToRawLongBits(plain.measured()));
            assertThat(Double.doubleToRawLongBits(weighted.interval().lower()))
                    .isEqualTo(Double.doubleToRawLongBits(plain.interval().lower()));
            assertThat(Double.doubleToRawLongBits(weighted.interval().upper()))
                    .isEqualTo(Double.doubleToRawLongBits(plain.interval().upper()));
            assertThat(weighted.interval().method())
                    .isEqualTo("bootstrap percentile, rows weighted by 'w', 2000 resamples, seed 42");
        }
    }

    @Test
    void aGroupWhoseRowsAllWeighZeroIsListedAsTooSmall() {
        Fixture fixture = selection().selected("X", 35, 20);
        double[] w = Arrays.copyOf(selectionWeights(), 120);

        CheckResult result = run(fixture, w, new DemographicParityCheck(WHERE, SEX, 0.15, Double.NaN));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .contains("(n=80, weighted by 'w', 40 rows of weight 0 left out, positive label \"yes\")")
                .contains("  X      0   0       n/a             n/a     n/a  too small (n < 30)");
    }

    @Test
    void theCsvAndTheChartShowTheWeightedRates() {
        CheckResult result =
                run(selection(), selectionWeights(), new DemographicParityCheck(WHERE, SEX, 0.15, Double.NaN));
        String csv = new String(result.attachments().get(0).content().get(), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("""
                        group,sex,n,tp,fp,fn,tn,weight,weighted_tp,weighted_fp,weighted_fn,weighted_tn,selection_rate,tpr,fpr,verdict
                        F,F,40,10,0,30,0,50.0,20.0,0.0,30.0,0.0,0.4,0.4,,lowest
                        M,M,40,20,0,20,0,40.0,20.0,0.0,20.0,0.0,0.5,0.5,,highest
                        """);
        @SuppressWarnings("unchecked")
        Map<String, Object> f = ((List<Map<String, Object>>) result.details().get("groups")).get(0);
        assertThat(f).containsEntry("weight", 50.0).containsEntry("weightedTp", 20.0);

        Fixture fixture = selection();
        GroupCheck check = new DemographicParityCheck(WHERE, SEX, 0.15, Double.NaN);
        Predictions predictions = fixture.predictions().withWeights("w", selectionWeights());
        Outcomes outcomes = Outcomes.of(WHERE, predictions, SEX);
        GroupTable table = GroupTable.of(WHERE, fixture.data(), outcomes, SEX.attributes());
        GroupChart chart = new GroupChart("t");
        check.chart(new GroupCheck.Run(check, Fixture.DATA, outcomes, table), chart);
        // A Wilson interval counts rows, so weighted rates are drawn without error bars.
        assertThat(chart.seriesNames()).containsExactly("selection rate, weighted by 'w'");
        assertThat(chart.halfWidths(0)).isNull();
        assertThat(chart.lines()).containsEntry("lowest + 0.1500 (highest allowed)", 0.4 + 0.15);
    }

    @Test
    void theWeightedBootstrapIsSeededAndBitForBitRepeatable() {
        Counts[] groups = {new Counts(3, 1, 2, 4, 4.5, 1, 2.25, 6), new Counts(2, 2, 2, 2, 2, 3, 2, 1.5)};
        double[][][] cells = {
            {{1, 2, 1.5}, {1}, {1, 1.25}, {1, 2, 1, 2}},
            {{1, 1}, {1, 2}, {0.5, 1.5}, {1, 0.5}}
        };
        GroupBootstrap.Statistic difference =
                (counts, overall) -> counts[1].selectionRate() - counts[0].selectionRate();

        Interval first = GroupBootstrap.runWeighted(groups, cells, "w", difference, 500, 7, 0.95)
                .interval();
        Interval second = GroupBootstrap.runWeighted(groups, cells, "w", difference, 500, 7, 0.95)
                .interval();
        Interval other = GroupBootstrap.runWeighted(groups, cells, "w", difference, 500, 8, 0.95)
                .interval();

        assertThat(Double.doubleToRawLongBits(second.lower())).isEqualTo(Double.doubleToRawLongBits(first.lower()));
        assertThat(Double.doubleToRawLongBits(second.upper())).isEqualTo(Double.doubleToRawLongBits(first.upper()));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aLargeWeightedSampleMatchesTheLinearisedStandardErrorOfARatioEstimator() {
        // One group of 4000 rows, weights log-normal, selection more likely for heavy rows; against a second group
        // that everybody in is selected (rate 1 in every resample). The weighted rate r = Σwŷ/Σw has the linearised
        // standard error sqrt(Σ w²(ŷ − r)²) / Σw, so the 95% bounds of 1 − r lie near (1 − r) ± 1.96·se.
        SplittableRandom random = new SplittableRandom(11);
        int n = 4000;
        double[] sel = new double[n];
        double[] unsel = new double[n];
        int s = 0;
        int u = 0;
        double sw = 0;
        double swy = 0;
        double[] w = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(0.8 * nextGaussian(random));
            y[i] = random.nextDouble() < (w[i] > 1 ? 0.6 : 0.3);
            sw += w[i];
            if (y[i]) {
                swy += w[i];
                sel[s++] = w[i];
            } else {
                unsel[u++] = w[i];
            }
        }
        double r = swy / sw;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = (y[i] ? 1 : 0) - r;
            ss += w[i] * w[i] * d * d;
        }
        double se = Math.sqrt(ss) / sw;
        Counts[] groups = {new Counts(s, 0, u, 0, swy, 0, sw - swy, 0), new Counts(100, 0, 0, 0, 100, 0, 0, 0)};
        double[][][] cells = {
            {Arrays.copyOf(sel, s), new double[0], Arrays.copyOf(unsel, u), new double[0]},
            {ones(100), new double[0], new double[0], new double[0]}
        };
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

        Interval interval = GroupBootstrap.runWeighted(
                        groups,
                        cells,
                        "w",
                        (counts, overall) -> counts[1].selectionRate() - counts[0].selectionRate(),
                        4000,
                        3,
                        0.95)
                .interval();

        assertThat(interval.lower()).isCloseTo(1 - r - z * se, within(0.15 * z * se));
        assertThat(interval.upper()).isCloseTo(1 - r + z * se, within(0.15 * z * se));
    }

    private static double nextGaussian(SplittableRandom random) {
        // Box–Muller, so the test does not depend on the JDK's choice of Gaussian algorithm.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
