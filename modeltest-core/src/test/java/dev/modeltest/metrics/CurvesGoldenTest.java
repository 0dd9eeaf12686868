package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Confusion matrices, ROC and precision-recall curve points and reliability bins against scikit-learn 1.2.1's
 * {@code confusion_matrix}, {@code roc_curve}, {@code precision_recall_curve} and {@code calibration_curve}.
 */
class CurvesGoldenTest {

    /** Groups the rows of a golden file by their first {@code keyColumns} columns, keeping file order. */
    private static Stream<Arguments> grouped(String file, int keyColumns) {
        Map<List<String>, List<String[]>> groups = new LinkedHashMap<>();
        for (String[] row : Golden.csv(file)) {
            groups.computeIfAbsent(List.of(row).subList(0, keyColumns), k -> new ArrayList<>())
                    .add(row);
        }
        return groups.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> confusion() {
        return grouped("confusion.csv", 2);
    }

    static Stream<Arguments> roc() {
        return grouped("roc.csv", 3);
    }

    static Stream<Arguments> pr() {
        return grouped("pr.csv", 3);
    }

    static Stream<Arguments> reliability() {
        return grouped("reliability.csv", 5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confusion")
    void confusionMatrixMatchesScikitLearn(List<String> key, List<String[]> rows) {
        Golden.Dataset data = Golden.dataset(key.get(0));

        ConfusionMatrix matrix = Metrics.confusionMatrix(data.predictions(), data.rows(key.get(1)));

        assertThat(matrix.classes()).isEqualTo(data.predictions().classes());
        long total = 0;
        for (String[] r : rows) {
            assertThat(matrix.count(r[2], r[3])).as(r[2] + " as " + r[3]).isEqualTo(Long.parseLong(r[4]));
            total += Long.parseLong(r[4]);
        }
        assertThat(matrix.total()).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roc")
    void rocCurveMatchesScikitLearn(List<String> key, List<String[]> rows) {
        Golden.Dataset data = Golden.dataset(key.get(0));
        MetricOptions options = MetricOptions.defaults().withPositiveLabel(key.get(2));

        RocCurve curve = Metrics.rocCurve(data.predictions(), options, data.rows(key.get(1)));

        assertThat(curve.size()).isEqualTo(rows.size());
        assertThat(curve.positiveLabel()).isEqualTo(key.get(2));
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            close(curve.falsePositiveRates()[i], r[4], "fpr " + i);
            close(curve.truePositiveRates()[i], r[5], "tpr " + i);
            close(curve.thresholds()[i], r[6], "threshold " + i);
        }
        double auc = Metrics.compute(
                data.predictions(), Metric.ROC_AUC, options.withAverage(Averaging.BINARY), data.rows(key.get(1)));
        assertThat(Double.doubleToLongBits(curve.auc())).isEqualTo(Double.doubleToLongBits(auc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pr")
    void precisionRecallCurveMatchesScikitLearn(List<String> key, List<String[]> rows) {
        Golden.Dataset data = Golden.dataset(key.get(0));
        MetricOptions options = MetricOptions.defaults().withPositiveLabel(key.get(2));

        PrecisionRecallCurve curve = Metrics.precisionRecallCurve(data.predictions(), options, data.rows(key.get(1)));

        assertThat(curve.size()).isEqualTo(rows.size());
        assertThat(curve.thresholds()).hasSize(rows.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            close(curve.precisions()[i], r[4], "precision " + i);
            close(curve.recalls()[i], r[5], "recall " + i);
            if (i < rows.size() - 1) {
                close(curve.thresholds()[i], r[6], "threshold " + i);
            }
        }
        double ap = Metrics.compute(
                data.predictions(),
                Metric.AVERAGE_PRECISION,
                options.withAverage(Averaging.BINARY),
                data.rows(key.get(1)));
        assertThat(Double.doubleToLongBits(curve.averagePrecision())).isEqualTo(Double.doubleToLongBits(ap));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reliability")
    void reliabilityCurveMatchesCalibrationCurve(List<String> key, List<String[]> rows) {
        Golden.Dataset data = Golden.dataset(key.get(0));
        Predictions p = data.predictions();
        String positive = key.get(4);
        MetricOptions options =
                Golden.options(positive.isEmpty() ? "AUTO" : "BINARY", positive, key.get(2), key.get(3));

        ReliabilityCurve curve = Metrics.reliabilityCurve(p, options, data.rows(key.get(1)));

        assertThat(curve.positiveLabel())
                .isEqualTo(positive.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(positive));
        assertThat(curve.binning()).isEqualTo(Binning.valueOf(key.get(3)));
        assertThat(curve.bins()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            ReliabilityCurve.Bin bin = curve.bins().get(i);
            close(bin.lower(), r[6], "lower " + i);
            close(bin.upper(), r[7], "upper " + i);
            assertThat(bin.count()).as("count " + i).isEqualTo(Long.parseLong(r[8]));
            close(bin.meanConfidence(), r[9], "mean confidence " + i);
            close(bin.accuracy(), r[10], "accuracy " + i);
        }
        double ece = Metrics.compute(p, Metric.EXPECTED_CALIBRATION_ERROR, options, data.rows(key.get(1)));
        assertThat(curve.expectedCalibrationError()).isEqualTo(ece);
    }

    private static void close(double actual, String expected, String what) {
        double e = Golden.number(expected);
        if (Double.isNaN(e)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(e, within(Golden.tolerance(e)));
        }
    }
}
