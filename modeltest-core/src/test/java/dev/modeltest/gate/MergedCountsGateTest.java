package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.metrics.ZeroDivision;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gate decided on confusion counts merged elsewhere ({@link MetricGate#evaluate(ConfusionMatrix, String, String)})
 * gives the result the rows behind the counts give, and refuses, naming why, what the counts cannot decide.
 */
class MergedCountsGateTest {

    private static final String FROM_MERGED = "the gates decided on merged data are the label metrics (accuracy,"
            + " precision, recall, F1, F-beta, Jaccard, balanced accuracy, Matthews, Cohen's kappa, zero-one and"
            + " Hamming loss: Wilson intervals from the confusion counts, or from 10000 rows on the Poisson bootstrap"
            + " per confusion cell), MAE, MSE, RMSE, MAPE, mean squared log error and its root, mean pinball loss,"
            + " mean Poisson, Gamma and Tweedie deviance (Student-t intervals from the losses' sums and"
            + " moments), R² and explained variance (the delta method, from a second pass's centred moments) and"
            + " binary ROC AUC and average precision (DeLong, and from 10000 rows on the infinitesimal jackknife,"
            + " from a ranking sorted where the data are)";

    private static final Predictions ROWS = MetricFixtures.labelsOnly("scored.csv", 200, 12);

    private static CheckResult onCounts(MetricGate gate, Predictions rows) {
        return gate.evaluate(Metrics.confusionMatrix(rows), rows.dataName(), rows.modelName());
    }

    @Test
    void countsGiveTheResultOfTheRows() {
        List<MetricGate> gates = List.of(
                MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.9)
                        .build(),
                MetricGate.builder("accuracy floor", Metric.ACCURACY, Bound.AT_LEAST, 0.95)
                        .reportedAsAccuracyCheck()
                        .build(),
                MetricGate.builder("recall", Metric.RECALL, Bound.AT_LEAST, 0.85)
                        .options(MetricOptions.defaults().withPositiveLabel("a"))
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("precision", Metric.PRECISION, Bound.AT_LEAST, 0.5)
                        .average(Averaging.MICRO)
                        .build(),
                MetricGate.builder("loss", Metric.ZERO_ONE_LOSS, Bound.AT_MOST, 0.1)
                        .confidence(0.9)
                        .build());
        for (MetricGate gate : gates) {
            CheckResult expected = gate.evaluate(ROWS);
            CheckResult actual = onCounts(gate, ROWS);
            assertThat(actual)
                    .as(gate.metric().name())
                    .usingRecursiveComparison()
                    .ignoringFields("attachments")
                    .isEqualTo(expected);
        }
        assertThat(gates.stream().map(g -> onCounts(g, ROWS).verdict()))
                .contains(Verdict.PASS, Verdict.FAIL, Verdict.INCONCLUSIVE);
    }

    @Test
    void countsAttachTheirConfusionMatrix() {
        MetricGate gate = MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.9)
                .build();
        CheckResult expected = gate.evaluate(ROWS);
        CheckResult actual = onCounts(gate, ROWS);
        assertThat(actual.attachments()).hasSize(1);
        assertThat(actual.attachments().get(0).name()).isEqualTo(MetricAttachments.CONFUSION_CSV);
        assertThat(actual.attachments().get(0).content().get())
                .isEqualTo(expected.attachments().stream()
                        .filter(a -> a.name().equals(MetricAttachments.CONFUSION_CSV))
                        .findFirst()
                        .orElseThrow()
                        .content()
                        .get());
    }

    @Test
    void aMetricThatIsNotALabelMetricIsRefused() {
        MetricGate ap = MetricGate.builder("@LogLossAtMost on T.loss()", Metric.LOG_LOSS, Bound.AT_MOST, 0.8)
                .build();
        assertThat(ap.notFromMergedState())
                .hasValue("@LogLossAtMost on T.loss(): log loss is not computed from merged counts or sums, so it"
                        + " cannot be decided on data merged from elsewhere yet; " + FROM_MERGED);
        assertThatThrownBy(() -> onCounts(ap, ROWS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(ap.notFromMergedState().orElseThrow());
        MetricGate auc =
                MetricGate.builder("auc", Metric.ROC_AUC, Bound.AT_LEAST, 0.8).build();
        assertThatThrownBy(() -> onCounts(auc, ROWS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("auc: ROC AUC ranks the rows by score, which confusion counts do not; decide it on a"
                        + " RocSummary");
    }

    @Test
    void aSlicedGateIsRefused() {
        MetricGate sliced = MetricGate.builder("sliced", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                .slicedBy("region")
                .build();
        assertThat(sliced.notFromMergedState())
                .hasValue("sliced: slicedBy 'region' needs the rows of every slice, so a sliced gate cannot be decided"
                        + " on data merged from elsewhere yet");
    }

    @Test
    void everyClassOnItsOwnIsJudgedOnCountsWhereTheCountsGiveTheIntervals() {
        MetricGate recall = MetricGate.builder("perClass", Metric.RECALL, Bound.AT_LEAST, 0.9)
                .average(Averaging.NONE)
                .build();
        assertThat(recall.notFromMergedState()).isEmpty();
        // Recall of each class is a proportion (Wilson): on 200 rows as on any number.
        CheckResult expected = recall.evaluate(ROWS);
        assertThat(onCounts(recall, ROWS))
                .usingRecursiveComparison()
                .ignoringFields("attachments")
                .isEqualTo(expected);
        assertThat(expected.message()).contains("in every class");
        // F1 of a class has only the bootstrap: from 10 000 rows on (per cell), not on 200 (BCa over the rows).
        MetricGate f1 = MetricGate.builder("perClass f1", Metric.F1, Bound.AT_LEAST, 0.8)
                .average(Averaging.NONE)
                .build();
        assertThatThrownBy(() -> onCounts(f1, ROWS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("perClass f1: F1 (per class)'s interval is a bootstrap here, and below 10000"
                        + " rows (these counts hold 200)");
        Predictions many = manyRows();
        assertThat(onCounts(f1, many))
                .usingRecursiveComparison()
                .ignoringFields("attachments")
                .withComparatorForType(Double::compare, Double.class)
                .isEqualTo(f1.evaluate(many));
        assertThat(onCounts(f1, many).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aGateTheCountsCanDecideIsNotRefused() {
        assertThat(MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .build()
                        .notFromMergedState())
                .isEmpty();
    }

    @Test
    void aBootstrapIntervalBelowTenThousandRowsIsRefusedOnceTheRowsAreCounted() {
        ConfusionMatrix threeClasses =
                ConfusionMatrix.of(List.of("bird", "cat", "dog"), new long[][] {{5, 1, 0}, {0, 7, 2}, {1, 0, 9}});
        MetricGate recall =
                MetricGate.builder("recall", Metric.RECALL, Bound.AT_LEAST, 0.5).build();
        assertThat(recall.notFromMergedState()).isEmpty();
        assertThatThrownBy(() -> recall.evaluate(threeClasses, "pets", "predictions column 'p'"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("recall: recall (macro)'s interval is a bootstrap here, and below 10000 rows (these counts"
                        + " hold 25) it is BCa over the rows, which draws rows by their position, so confusion counts"
                        + " merged from elsewhere cannot give it; from 10000 rows on it is the Poisson bootstrap per"
                        + " confusion cell, which they give. So few rows fit in memory: evaluate them as Predictions");
        MetricGate forced = MetricGate.builder("boot", Metric.ACCURACY, Bound.AT_LEAST, 0.5)
                .interval(IntervalMethod.BOOTSTRAP)
                .build();
        assertThat(forced.notFromMergedState()).isEmpty();
        assertThatThrownBy(() -> forced.evaluate(threeClasses, "pets", "predictions column 'p'"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("boot: accuracy's interval is a bootstrap here, and below 10000 rows");
    }

    /**
     * 12 000 rows of four classes, 'd' never predicted: each class right on most of its rows, wrong in a pattern that
     * gives every metric a different value.
     */
    private static Predictions manyRows() {
        int n = 12_000;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            actual[i] = i % 7 == 0 ? 3 : i % 3;
            int miss = (i / 7) % (5 + actual[i]);
            predicted[i] = actual[i] == 3 ? (miss < 3 ? 0 : 2) : miss == 0 ? (actual[i] + 1) % 3 : actual[i];
        }
        return Predictions.classification(
                "many.csv", "labels model", List.of("a", "b", "c", "d"), actual, predicted, null);
    }

    @Test
    void fromTenThousandRowsEveryLabelMetricOnCountsGivesTheResultOfTheRows() {
        Predictions rows = manyRows();
        MetricOptions ofB = MetricOptions.defaults().withPositiveLabel("b");
        MetricOptions ofD = MetricOptions.defaults().withPositiveLabel("d");
        List<MetricGate> gates = List.of(
                MetricGate.builder("macro precision", Metric.PRECISION, Bound.AT_LEAST, 0.5)
                        .average(Averaging.MACRO)
                        .build(),
                MetricGate.builder("weighted recall", Metric.RECALL, Bound.AT_LEAST, 0.7)
                        .average(Averaging.WEIGHTED)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("f1", Metric.F1, Bound.AT_LEAST, 0.6).build(),
                MetricGate.builder("f1 of b", Metric.F1, Bound.AT_LEAST, 0.9)
                        .options(ofB)
                        .confidence(0.9)
                        .build(),
                MetricGate.builder("f2 weighted", Metric.F_BETA, Bound.AT_LEAST, 0.5)
                        .options(MetricOptions.defaults().withBeta(2).withAverage(Averaging.WEIGHTED))
                        .build(),
                MetricGate.builder("jaccard micro", Metric.JACCARD, Bound.AT_MOST, 0.7)
                        .average(Averaging.MICRO)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("balanced accuracy", Metric.BALANCED_ACCURACY, Bound.AT_LEAST, 0.6)
                        .build(),
                MetricGate.builder("adjusted", Metric.ADJUSTED_BALANCED_ACCURACY, Bound.AT_LEAST, 0.5)
                        .confidence(0.99)
                        .build(),
                MetricGate.builder("matthews", Metric.MATTHEWS, Bound.AT_LEAST, 0.65)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("kappa", Metric.COHEN_KAPPA, Bound.AT_LEAST, 0.6)
                        .build(),
                MetricGate.builder("kappa linear", Metric.COHEN_KAPPA_LINEAR, Bound.AT_LEAST, 0.6)
                        .seed(7)
                        .resamples(500)
                        .build(),
                MetricGate.builder("kappa quadratic", Metric.COHEN_KAPPA_QUADRATIC, Bound.AT_LEAST, 0.6)
                        .build(),
                MetricGate.builder("precision of d, NaN", Metric.PRECISION, Bound.AT_LEAST, 0.5)
                        .options(ofD)
                        .zeroDivision(ZeroDivision.NAN)
                        .build(),
                MetricGate.builder("f1 of d, NaN", Metric.F1, Bound.AT_LEAST, 0.5)
                        .options(ofD)
                        .zeroDivision(ZeroDivision.NAN)
                        .build(),
                MetricGate.builder("macro f1, 0/0 is 1", Metric.F1, Bound.AT_LEAST, 0.5)
                        .average(Averaging.MACRO)
                        .zeroDivision(ZeroDivision.ONE)
                        .build(),
                MetricGate.builder("accuracy, bootstrap", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .interval(IntervalMethod.BOOTSTRAP)
                        .confidence(0.95)
                        .build());
        for (MetricGate gate : gates) {
            CheckResult expected = gate.evaluate(rows);
            CheckResult actual = onCounts(gate, rows);
            assertThat(actual)
                    .as(gate.metric().name())
                    .usingRecursiveComparison()
                    .ignoringFields("attachments")
                    // Bit for bit, NaN equal to NaN.
                    .withComparatorForType(Double::compare, Double.class)
                    .isEqualTo(expected);
        }
        List<CheckResult> results = gates.stream().map(g -> onCounts(g, rows)).toList();
        assertThat(results).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL, Verdict.INCONCLUSIVE);
        assertThat(results.get(2).details().get("intervalMethod"))
                .asString()
                .startsWith("Poisson bootstrap, 2000 resamples, seed ");
        assertThat(results.get(12).message()).contains("no row is predicted as class 'd'");
    }

    @Test
    void aMergedSampleCannotBeReweighted() {
        var sample = Metrics.sample(Metrics.confusionMatrix(ROWS), Metric.F1, MetricOptions.defaults());
        assertThat(sample.value()).isEqualTo(Metrics.compute(ROWS, Metric.F1, MetricOptions.defaults()));
        assertThatThrownBy(() -> sample.value(new int[200]))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("merged confusion counts have no rows to re-weight: a bootstrap needs the rows");
        assertThatThrownBy(
                        () -> Metrics.sample(Metrics.confusionMatrix(ROWS), Metric.LOG_LOSS, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "log loss is not computed from confusion counts alone; the label metrics are:" + " ACCURACY, ");
    }

    @Test
    void countsMustBeASquareOfTheClassesWithoutNegatives() {
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 rows of counts for the 2 classes [a, b]");
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 of the counts has 1 columns for the 2 classes [a, b]");
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 2}, {3, -4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count [1][1] is negative: -4");
        assertThat(ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 2}, {3, 4}})
                        .count("b", "a"))
                .isEqualTo(3);
    }
}
