package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.RocSummary;
import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A ROC AUC gate decided on a ranking summary merged elsewhere ({@link MetricGate#evaluate(RocSummary, List, String,
 * String)}) gives the result of the rows behind it: the same AUC to the last bit, DeLong's interval up to summation
 * order, the same verdict and message, however the tie groups were split.
 */
class MergedRankingGateTest {

    /** Scores rounded to two decimals, so that many rows tie, positives scoring higher on the whole. */
    private static Predictions scored(int n, List<String> classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = classes.size();
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[k][n];
        for (int i = 0; i < n; i++) {
            actual[i] = random.nextInt(k);
            double score = Math.round(Math.min(
                                    1,
                                    Math.max(0, 0.4 + 0.15 * actual[i] / (k - 1.0) + 0.6 * (random.nextDouble() - 0.5)))
                            * 100)
                    / 100.0;
            p[k - 1][i] = score;
            for (int c = 0; c < k - 1; c++) {
                p[c][i] = (1 - score) / (k - 1);
            }
            predicted[i] = score >= 0.5 ? k - 1 : 0;
        }
        return Predictions.classification("ranked.csv", "predictions column 'p'", classes, actual, predicted, p);
    }

    /** What a distributed engine does: the rows sorted by score, tie groups dealt to {@code parts} pieces, merged. */
    static RocSummary summarized(Predictions rows, int positive, int parts) {
        double[] score = rows.probabilities(positive);
        int[] actual = rows.actualClasses();
        Integer[] order = IntStream.range(0, rows.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        long positives = Arrays.stream(actual).filter(a -> a == positive).count();
        String name = rows.classes().get(positive);
        List<RocSummary> pieces = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            pieces.add(RocSummary.forTotals(name, positives, rows.size() - positives));
        }
        long negativesBelow = 0;
        long positivesBelow = 0;
        int group = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            long pos = 0;
            long neg = 0;
            while (end < order.length && score[order[end]] == score[order[start]]) {
                if (actual[order[end]] == positive) {
                    pos++;
                } else {
                    neg++;
                }
                end++;
            }
            pieces.get((group++ * 7) % parts).group(pos, neg, negativesBelow, positivesBelow);
            negativesBelow += neg;
            positivesBelow += pos;
            start = end;
        }
        RocSummary merged = RocSummary.forTotals(name, positives, rows.size() - positives);
        for (int p = parts - 1; p >= 0; p--) {
            merged.merge(pieces.get(p));
        }
        return merged;
    }

    /** {@link #summarized}, with average precision's influence pass: the groups walked again, in ascending order. */
    static RocSummary withInfluence(Predictions rows, int positive, int parts) {
        RocSummary ranking = summarized(rows, positive, parts);
        double[] score = rows.probabilities(positive);
        int[] actual = rows.actualClasses();
        Integer[] order = IntStream.range(0, rows.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        RocSummary pass = ranking.influencePass();
        RocSummary walked = RocSummary.forTotals(ranking.positiveClass(), ranking.positives(), ranking.negatives());
        long negativesBelow = 0;
        long positivesBelow = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            long pos = 0;
            long neg = 0;
            while (end < order.length && score[order[end]] == score[order[start]]) {
                if (actual[order[end++]] == positive) {
                    pos++;
                } else {
                    neg++;
                }
            }
            pass.influence(pos, neg, negativesBelow, positivesBelow, walked.influenceSums());
            walked.group(pos, neg, negativesBelow, positivesBelow);
            negativesBelow += neg;
            positivesBelow += pos;
            start = end;
        }
        return ranking.withInfluence(pass);
    }

    @Test
    void averagePrecisionFromTenThousandRowsGivesTheResultOfTheRows() {
        Predictions rows = scored(12_000, List.of("no", "yes"), 4);
        List<MetricGate> gates = List.of(
                MetricGate.builder("ap", Metric.AVERAGE_PRECISION, Bound.AT_LEAST, 0.5)
                        .build(),
                MetricGate.builder("ap at 95%", Metric.AVERAGE_PRECISION, Bound.AT_LEAST, 0.7)
                        .confidence(0.95)
                        .build());
        for (int parts : new int[] {1, 5}) {
            RocSummary merged = withInfluence(rows, 1, parts);
            for (MetricGate gate : gates) {
                CheckResult expected = gate.evaluate(rows);
                assertThat(gate.evaluate(merged, rows.classes(), rows.dataName(), rows.modelName()))
                        .usingRecursiveComparison()
                        .ignoringFields("attachments")
                        .withEqualsForType(MergedRankingGateTest::close, Double.class)
                        .isEqualTo(expected);
                assertThat(expected.details().get("intervalMethod").toString())
                        .startsWith("infinitesimal jackknife (logit), 12000 rows");
            }
        }
    }

    @Test
    void averagePrecisionBelowTenThousandRowsIsRefused() {
        Predictions rows = scored(400, List.of("no", "yes"), 1);
        MetricGate ap = MetricGate.builder("ap", Metric.AVERAGE_PRECISION, Bound.AT_LEAST, 0.5)
                .build();
        assertThatThrownBy(() -> ap.evaluate(summarized(rows, 1, 2), rows.classes(), "d", "m"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ap: average precision (positive class 'yes')'s interval is a bootstrap here, and below"
                        + " 10000 rows (this ranking"
                        + " holds 400) or with interval BOOTSTRAP it resamples the rows by their position, which a"
                        + " ranking merged from elsewhere cannot give; from 10000 rows on it is the infinitesimal"
                        + " jackknife, which it gives. So few rows fit in memory: evaluate them as Predictions");
    }

    private static final List<MetricGate> GATES = List.of(
            MetricGate.builder("auc", Metric.ROC_AUC, Bound.AT_LEAST, 0.7).build(),
            MetricGate.builder("auc at 95%", Metric.ROC_AUC, Bound.AT_LEAST, 0.75)
                    .confidence(0.95)
                    .build(),
            MetricGate.builder("auc too high", Metric.ROC_AUC, Bound.AT_LEAST, 0.95)
                    .confidence(0.9)
                    .build());

    @Test
    void aSummaryGivesTheResultOfTheRowsHoweverTheGroupsWereSplit() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Predictions rows : List.of(scored(400, List.of("no", "yes"), 1), scored(60, List.of("no", "yes"), 2))) {
            for (int parts : new int[] {1, 3, 8}) {
                RocSummary merged = summarized(rows, 1, parts);
                for (MetricGate gate : GATES) {
                    CheckResult expected = gate.evaluate(rows);
                    CheckResult actual = gate.evaluate(merged, rows.classes(), rows.dataName(), rows.modelName());
                    assertThat(actual)
                            .as("%s on %d rows in %d parts", gate.qualifier(), rows.size(), parts)
                            .usingRecursiveComparison()
                            .ignoringFields("attachments")
                            .withEqualsForType(MergedRankingGateTest::close, Double.class)
                            .isEqualTo(expected);
                    assertThat(actual.measured()).isEqualTo(expected.measured());
                    verdicts.add(actual.verdict());
                }
            }
        }
        assertThat(verdicts).contains(Verdict.PASS, Verdict.FAIL, Verdict.INCONCLUSIVE);
    }

    @Test
    void aNamedPositiveClassOfThreeIsTheBinaryAucOfThatClass() {
        Predictions rows = scored(300, List.of("a", "b", "c"), 3);
        MetricGate ofC = MetricGate.builder("auc of c", Metric.ROC_AUC, Bound.AT_LEAST, 0.7)
                .options(MetricOptions.defaults().withPositiveLabel("c"))
                .build();
        assertThat(ofC.evaluate(summarized(rows, 2, 4), rows.classes(), rows.dataName(), rows.modelName()))
                .usingRecursiveComparison()
                .ignoringFields("attachments")
                .withEqualsForType(MergedRankingGateTest::close, Double.class)
                .isEqualTo(ofC.evaluate(rows));
    }

    @Test
    void anAverageOverClassesOrAnotherClassIsRefused() {
        Predictions rows = scored(300, List.of("a", "b", "c"), 3);
        RocSummary ofC = summarized(rows, 2, 2);
        MetricGate macro = MetricGate.builder("macro auc", Metric.ROC_AUC, Bound.AT_LEAST, 0.7)
                .build();
        assertThatThrownBy(() -> macro.evaluate(ofC, rows.classes(), "d", "m"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("macro auc: ROC AUC (one-vs-rest, macro) averages the AUCs of 3 classes, which the"
                        + " ranking of one class's scores does not give; name a positiveLabel to gate the AUC of that"
                        + " class");
        MetricGate ofA = MetricGate.builder("auc of a", Metric.ROC_AUC, Bound.AT_LEAST, 0.7)
                .options(MetricOptions.defaults().withPositiveLabel("a"))
                .build();
        assertThatThrownBy(() -> ofA.evaluate(ofC, rows.classes(), "d", "m"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("auc of a: a ROC summary of class 'c' gives the binary ROC AUC of that class on the whole"
                        + " curve, not the AUC of class 'a'");
        MetricGate micro = MetricGate.builder("micro auc", Metric.ROC_AUC, Bound.AT_LEAST, 0.7)
                .average(Averaging.MICRO)
                .build();
        assertThat(micro.notFromMergedState())
                .hasValueSatisfying(why -> assertThat(why).startsWith("micro auc: ROC AUC's interval is always a"));
    }

    @Test
    void summariesOfDifferentRankingsDoNotMerge() {
        assertThatThrownBy(() -> RocSummary.forTotals("a", 3, 4).merge(RocSummary.forTotals("a", 3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("summaries of different rankings do not merge");
    }

    private static boolean close(Double a, Double b) {
        return a.equals(b) || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }
}
