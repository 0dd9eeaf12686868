package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Predictions;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric on weighted rows against scikit-learn 1.2.1's {@code sample_weight} ({@code weights-expected.csv} and
 * the weights under {@code weights/}, from {@code scripts/golden/make_weights_golden.py}): fractional weights with
 * zeros, on all rows, each slice and the first two rows of the classification and regression data sets, every
 * averaging, both scikit-learn 1.2 zero divisions, per class, and the metrics' parameters.
 */
class WeightsGoldenTest {

    private static final Map<String, Predictions> WEIGHTED = new HashMap<>();

    static synchronized Predictions weighted(String dataset) {
        return WEIGHTED.computeIfAbsent(dataset, name -> {
            List<String[]> rows = Golden.csv("weights/" + name + ".csv");
            double[] w = new double[rows.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = Double.parseDouble(rows.get(i)[0]);
            }
            return Golden.dataset(name).predictions().withWeights("w", w);
        });
    }

    static Stream<Arguments> expected() {
        return Golden.csv("weights-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} = {6}")
    @MethodSource("expected")
    void matchesScikitLearnWithSampleWeights(
            String dataset,
            String subset,
            String metric,
            String average,
            String positive,
            String option,
            String value) {
        Predictions predictions = weighted(dataset);
        int[] rows = Golden.dataset(dataset).rows(subset);
        MetricOptions options = options(option).withAverage(Averaging.valueOf(average));
        Metric m = Metric.valueOf(metric);
        double expected = Golden.number(value);

        double actual;
        if (average.equals("NONE")) {
            actual = Metrics.perClass(predictions, m, options, rows).get(positive);
        } else {
            if (!positive.isEmpty()) {
                options = options.withPositiveLabel(positive);
            }
            actual = Metrics.compute(predictions, m, options, rows);
        }

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    private static MetricOptions options(String option) {
        MetricOptions options = MetricOptions.defaults();
        for (String part : option.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.substring(0, part.indexOf('='));
            String v = part.substring(part.indexOf('=') + 1);
            options = switch (name) {
                case "beta" -> options.withBeta(Double.parseDouble(v));
                case "k" -> options.withK(Integer.parseInt(v));
                case "alpha" -> options.withAlpha(Double.parseDouble(v));
                case "power" -> options.withPower(Double.parseDouble(v));
                case "maxFpr" -> options.withMaxFpr(Double.parseDouble(v));
                case "forceFinite" -> options.withForceFinite(Boolean.parseBoolean(v));
                case "zeroDivision" -> options.withZeroDivision(ZeroDivision.valueOf(v));
                default -> throw new IllegalArgumentException("unknown option " + part);
            };
        }
        return options;
    }

    /** One curve of {@code weights-roc.csv} or {@code weights-pr.csv}: its key and its points in order. */
    static Stream<Arguments> curves(String file) {
        Map<String, List<String[]>> byCurve = new java.util.LinkedHashMap<>();
        for (String[] r : Golden.csv(file)) {
            byCurve.computeIfAbsent(r[0] + "," + r[1] + "," + r[2], k -> new java.util.ArrayList<>())
                    .add(r);
        }
        return byCurve.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> rocCurves() {
        return curves("weights-roc.csv");
    }

    static Stream<Arguments> prCurves() {
        return curves("weights-pr.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rocCurves")
    void drawsTheWeightedRocCurveAsScikitLearn(String key, List<String[]> points) {
        String[] k = key.split(",");
        RocCurve curve = Metrics.rocCurve(
                weighted(k[0]),
                MetricOptions.defaults().withPositiveLabel(k[2]),
                Golden.dataset(k[0]).rows(k[1]));

        assertThat(curve.size()).isEqualTo(points.size());
        for (int i = 0; i < points.size(); i++) {
            close(curve.thresholds()[i], points.get(i)[4]);
            close(curve.falsePositiveRates()[i], points.get(i)[5]);
            close(curve.truePositiveRates()[i], points.get(i)[6]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prCurves")
    void drawsTheWeightedPrecisionRecallCurveAsScikitLearn(String key, List<String[]> points) {
        String[] k = key.split(",");
        PrecisionRecallCurve curve = Metrics.precisionRecallCurve(
                weighted(k[0]),
                MetricOptions.defaults().withPositiveLabel(k[2]),
                Golden.dataset(k[0]).rows(k[1]));

        assertThat(curve.precisions()).hasSize(points.size());
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i)[4].isEmpty()) {
                close(curve.thresholds()[i], points.get(i)[4]);
            }
            close(curve.precisions()[i], points.get(i)[5]);
            close(curve.recalls()[i], points.get(i)[6]);
        }
        assertThat(curve.averagePrecision())
                .isCloseTo(
                        Metrics.compute(
                                weighted(k[0]),
                                Metric.AVERAGE_PRECISION,
                                MetricOptions.defaults().withPositiveLabel(k[2]),
                                Golden.dataset(k[0]).rows(k[1])),
                        within(1e-15));
    }

    private static void close(double actual, String expected) {
        double e = Golden.number(expected);
        assertThat(actual).isCloseTo(e, within(Golden.tolerance(e)));
    }

    /** The metrics without scikit-learn's sample_weight, each refused with its reason. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "regression",
                        Metric.MAX_ERROR,
                        MetricOptions.defaults(),
                        "max error does not take sample weights (scikit-learn's max_error has no sample_weight);"
                                + " remove 'weights' (column 'w') or check another metric"),
                Arguments.of(
                        "binary",
                        Metric.EXPECTED_CALIBRATION_ERROR,
                        MetricOptions.defaults(),
                        "expected calibration error does not take sample weights (scikit-learn's calibration_curve"
                                + " has no sample_weight); remove 'weights' (column 'w') or check another metric"),
                Arguments.of(
                        "multiclass",
                        Metric.ROC_AUC,
                        MetricOptions.defaults().withMultiClass(MultiClass.OVO),
                        "ROC AUC does not take sample weights (scikit-learn's roc_auc_score(multi_class='ovo')"
                                + " refuses sample_weight; use 'multiClass' OVR); remove 'weights' (column 'w') or"
                                + " check another metric"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesTheMetricsScikitLearnDoesNotWeigh(
            String dataset, Metric metric, MetricOptions options, String message) {
        Predictions predictions = weighted(dataset);

        assertThatThrownBy(() -> Metrics.compute(predictions, metric, options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void refusesMapNamingTheWeightColumn() {
        Predictions ranked = Predictions.regression(
                        "q.csv", "m", new double[] {1, 0, 2, 1}, new double[] {0.9, 0.1, 0.8, 0.3})
                .withQueries("query", new String[] {"a", "a", "b", "b"})
                .withWeights("w", new double[] {1, 1, 2, 2});

        assertThatThrownBy(() -> Metrics.compute(ranked, Metric.MAP, MetricOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("MAP does not take sample weights (mean average precision over queries has no"
                        + " scikit-learn reference with sample_weight); remove 'weights' (column 'w') or check"
                        + " another metric");
    }

    @Test
    void everyMetricIsGoldenOrRefused() {
        Set<Metric> covered = EnumSet.noneOf(Metric.class);
        Golden.csv("weights-expected.csv").forEach(r -> covered.add(Metric.valueOf(r[2])));
        // NDCG weighs whole queries: its golden values are NdcgWeightsGoldenTest's.
        covered.add(Metric.NDCG);
        Set<Metric> refused = EnumSet.of(Metric.MAX_ERROR, Metric.EXPECTED_CALIBRATION_ERROR, Metric.MAP);

        // Only one-vs-one ROC AUC's refusal depends on the options; these are one-vs-rest.
        Resolved any =
                Resolved.of(Golden.dataset("multiclass").predictions(), Metric.ROC_AUC, MetricOptions.defaults());
        for (Metric metric : Metric.values()) {
            assertThat(covered.contains(metric) || refused.contains(metric))
                    .as("%s has weighted golden values or is refused", metric)
                    .isTrue();
            assertThat(WeightedKernel.refusal(metric, false, "w") != null)
                    .as("%s is refused exactly when it has no golden row", metric)
                    .isEqualTo(refused.contains(metric));
        }
    }

    @Test
    void aRowOfWeightTwoCountsAsTwoCopiesOfIt() {
        Predictions data = Golden.dataset("multiclass").predictions();
        int n = data.size();
        double[] w = new double[n];
        int[] rows = new int[n + (n + 2) / 3];
        int t = 0;
        for (int i = 0; i < n; i++) {
            w[i] = i % 3 == 0 ? 2 : 1;
            rows[t++] = i;
            if (i % 3 == 0) {
                rows[t++] = i;
            }
        }
        Predictions weighted = data.withWeights("w", w);
        for (Metric metric : List.of(Metric.F1, Metric.ROC_AUC, Metric.LOG_LOSS, Metric.COHEN_KAPPA_QUADRATIC)) {
            double copied = Metrics.compute(data, metric, MetricOptions.defaults(), java.util.Arrays.copyOf(rows, t));

            assertThat(Metrics.compute(weighted, metric, MetricOptions.defaults()))
                    .as("%s", metric)
                    .isCloseTo(copied, within(1e-12));
        }
    }
}
