package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric, averaging, positive label and calibration binning against scikit-learn 1.2.1, on all rows and on each
 * slice of the four golden data sets ({@code scripts/golden/make_metrics_golden.py}).
 */
class MetricsGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} = {7}")
    @MethodSource("expected")
    void matchesScikitLearn(
            String dataset,
            String subset,
            String metric,
            String average,
            String positive,
            String bins,
            String binning,
            String value) {
        Golden.Dataset data = Golden.dataset(dataset);
        MetricOptions options = Golden.options(average, positive, bins, binning);
        double expected = Golden.number(value);

        double actual = subset.equals("all")
                ? Metrics.compute(data.predictions(), Metric.valueOf(metric), options)
                : Metrics.compute(data.predictions(), Metric.valueOf(metric), options, data.rows(subset));

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    @Test
    void coversEveryMetricAndEveryAveraging() {
        List<String[]> rows = Golden.csv("expected.csv");
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        Set<Averaging> averages = EnumSet.noneOf(Averaging.class);
        Set<Binning> binnings = EnumSet.noneOf(Binning.class);
        for (String[] r : rows) {
            metrics.add(Metric.valueOf(r[2]));
            averages.add(Averaging.valueOf(r[3]));
            if (!r[6].isEmpty()) {
                binnings.add(Binning.valueOf(r[6]));
            }
        }
        // F-beta has its own file, as it takes a beta (FBetaGoldenTest).
        if (!Golden.csv("fbeta.csv").isEmpty()) {
            metrics.add(Metric.F_BETA);
        }
        // Top-k accuracy too, as it takes a k (TopKAccuracyGoldenTest), and the regression metrics of 0.2.0, which
        // need data within their domains (RegressionExtraGoldenTest).
        if (!Golden.csv("top-k.csv").isEmpty()) {
            metrics.add(Metric.TOP_K_ACCURACY);
        }
        Golden.csv("regression-extra.csv").forEach(r -> metrics.add(Metric.valueOf(r[2])));
        // NDCG and MAP rank within queries, on their own data sets (RankingGoldenTest).
        Golden.csv("ranking-expected.csv").forEach(r -> metrics.add(Metric.valueOf(r[2])));
        // No average (per-class values) has its own file (PerClassGoldenTest).
        if (!Golden.csv("per-class.csv").isEmpty()) {
            averages.add(Averaging.NONE);
        }
        assertThat(metrics).containsExactlyInAnyOrder(Metric.values());
        assertThat(averages).containsExactlyInAnyOrder(Averaging.values());
        assertThat(binnings).containsExactlyInAnyOrder(Binning.values());
        assertThat(rows).anySatisfy(r -> assertThat(r[7]).isEqualTo("nan"));
    }

    @Test
    void computeAllGivesTheSameValuesAsOneAtATime() {
        for (String name : List.of("binary", "multiclass", "regression", "counts", "positive")) {
            Predictions p = Golden.dataset(name).predictions();
            MetricOptions options = MetricOptions.defaults();
            Set<Metric> metrics = Metrics.applicable(p, options);
            // Applicable, but not to these values: the squared log error and the deviances of a set with negative
            // values, which refuse them naming the row (RegressionDomainTest).
            metrics.removeIf(m -> {
                try {
                    Metrics.compute(p, m, options);
                    return false;
                } catch (dev.modeltest.error.ModelException outOfDomain) {
                    return true;
                }
            });

            Map<Metric, Double> all = Metrics.computeAll(p, metrics, options);

            assertThat(all.keySet()).isEqualTo(metrics);
            for (Metric m : metrics) {
                assertThat(all.get(m)).as(name + " " + m).isEqualTo(Metrics.compute(p, m, options));
            }
        }
    }

    @Test
    void computeAllLeavesOutOptionsAMetricHasNoUseFor() {
        Predictions p = Golden.dataset("multiclass").predictions();
        MetricOptions weighted = MetricOptions.defaults().withAverage(Averaging.WEIGHTED);

        Map<Metric, Double> all = Metrics.computeAll(
                p,
                EnumSet.of(Metric.ACCURACY, Metric.F1, Metric.LOG_LOSS, Metric.EXPECTED_CALIBRATION_ERROR),
                weighted);

        assertThat(all.get(Metric.ACCURACY)).isEqualTo(Metrics.compute(p, Metric.ACCURACY, MetricOptions.defaults()));
        assertThat(all.get(Metric.F1)).isEqualTo(Metrics.compute(p, Metric.F1, weighted));
        assertThat(all.get(Metric.EXPECTED_CALIBRATION_ERROR))
                .isEqualTo(Metrics.compute(p, Metric.EXPECTED_CALIBRATION_ERROR, MetricOptions.defaults()));
    }

    @Test
    void aMaskSelectsTheSameRowsAsTheirIndexes() {
        Golden.Dataset data = Golden.dataset("multiclass");
        Predictions p = data.predictions();
        boolean[] mask = new boolean[p.size()];
        for (int i : data.rows("group=south")) {
            mask[i] = true;
        }
        MetricOptions options = MetricOptions.defaults().withAverage(Averaging.WEIGHTED);

        assertThat(Metrics.compute(p, Metric.F1, options, mask))
                .isEqualTo(Metrics.compute(p, Metric.F1, options, data.rows("group=south")));
        assertThat(Metrics.rowsWhere(p, mask)).containsExactly(data.rows("group=south"));
    }
}
