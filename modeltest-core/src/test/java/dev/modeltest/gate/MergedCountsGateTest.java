package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gate decided on confusion counts merged elsewhere ({@link MetricGate#evaluate(ConfusionMatrix, String, String)})
 * gives the result the rows behind the counts give, and refuses, naming why, what the counts cannot decide.
 */
class MergedCountsGateTest {

    private static final String FROM_MERGED = "the gates decided on merged data are accuracy, binary or micro"
            + " precision and recall, zero-one loss and Hamming loss (Wilson intervals from the confusion counts) and"
            + " MAE, MSE, RMSE and MAPE (Student-t intervals from the losses' sums and moments)";

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
        MetricGate auc = MetricGate.builder("@RocAucAtLeast on T.auc()", Metric.ROC_AUC, Bound.AT_LEAST, 0.8)
                .build();
        assertThat(auc.notFromMergedState())
                .hasValue("@RocAucAtLeast on T.auc(): ROC AUC is not computed from merged counts or sums, so it"
                        + " cannot be decided on data merged from elsewhere yet; " + FROM_MERGED);
        assertThatThrownBy(() -> onCounts(auc, ROWS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(auc.notFromMergedState().orElseThrow());
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
    void everyClassOnItsOwnIsRefused() {
        MetricGate perClass = MetricGate.builder("perClass", Metric.RECALL, Bound.AT_LEAST, 0.8)
                .average(Averaging.NONE)
                .build();
        assertThat(perClass.notFromMergedState())
                .hasValue("perClass: average NONE judges every class on its rows, which data merged from elsewhere"
                        + " cannot give yet; " + FROM_MERGED);
    }

    @Test
    void aGateTheCountsCanDecideIsNotRefused() {
        assertThat(MetricGate.builder("accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.8)
                        .build()
                        .notFromMergedState())
                .isEmpty();
    }

    @Test
    void aMacroAverageIsRefusedOnceTheClassesAreKnown() {
        ConfusionMatrix threeClasses =
                ConfusionMatrix.of(List.of("bird", "cat", "dog"), new long[][] {{5, 1, 0}, {0, 7, 2}, {1, 0, 9}});
        MetricGate recall =
                MetricGate.builder("recall", Metric.RECALL, Bound.AT_LEAST, 0.5).build();
        assertThat(recall.notFromMergedState()).isEmpty();
        assertThatThrownBy(() -> recall.evaluate(threeClasses, "pets", "predictions column 'p'"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("recall: recall (macro)'s interval is a bootstrap over the rows here (no exact interval"
                        + " applies to it with these options), which confusion counts merged from elsewhere cannot"
                        + " give yet; " + FROM_MERGED);
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
