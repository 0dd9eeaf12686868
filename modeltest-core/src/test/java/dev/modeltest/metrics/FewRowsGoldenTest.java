package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric on one row and on two rows of each golden data set, and on the degenerate slices of {@code edge.csv}
 * (a class missing between present ones, one true class only), against scikit-learn 1.2.1 ({@code few-rows.csv} from
 * {@code scripts/golden/make_metrics_golden.py}): a metric scikit-learn calls undefined on so few rows (R²'s "not
 * well-defined with less than two samples", ROC AUC with one class, Cohen's kappa 0/0) is NaN here too, never a
 * number a check could pass or fail on.
 */
class FewRowsGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("few-rows.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} = {7}")
    @MethodSource("expected")
    void matchesScikitLearnOnOneAndTwoRows(
            String dataset,
            String subset,
            String metric,
            String average,
            String positive,
            String bins,
            String binning,
            String value,
            String sklearn) {
        Golden.Dataset data = Golden.dataset(dataset);
        double expected = Golden.number(value);

        double actual = Metrics.compute(
                data.predictions(),
                Metric.valueOf(metric),
                Golden.options(average, positive, bins, binning),
                data.rows(subset));

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    @Test
    void coversEveryMetricOnOneRowAndOnTwo() {
        List<String[]> rows = Golden.csv("few-rows.csv");
        for (String subset : List.of("first=1", "first=2")) {
            Set<Metric> metrics = EnumSet.noneOf(Metric.class);
            rows.stream().filter(r -> r[1].equals(subset)).forEach(r -> metrics.add(Metric.valueOf(r[2])));
            // F-beta has its own file (FBetaGoldenTest) and computes as F1 does, which is here; top-k accuracy's
            // first rows are in its own file (TopKAccuracyGoldenTest).
            metrics.add(Metric.F_BETA);
            if (Golden.csv("top-k.csv").stream().anyMatch(r -> r[1].equals(subset))) {
                metrics.add(Metric.TOP_K_ACCURACY);
            }
            // The regression metrics of 0.2.0 have their first rows in their own file (RegressionExtraGoldenTest).
            Golden.csv("regression-extra.csv").stream()
                    .filter(r -> r[1].equals(subset))
                    .forEach(r -> metrics.add(Metric.valueOf(r[2])));
            // NDCG and MAP rank within queries: their first rows are in their own file (RankingGoldenTest).
            Golden.csv("ranking-expected.csv").stream()
                    .filter(r -> r[1].equals(subset))
                    .forEach(r -> metrics.add(Metric.valueOf(r[2])));

            assertThat(metrics).as(subset).containsExactlyInAnyOrder(Metric.values());
        }
    }

    @Test
    void differsFromScikitLearnOnlyWhereItsValueMeansNothing() {
        List<String[]> differing = Golden.csv("few-rows.csv").stream()
                .filter(r -> !r[7].equals(r[8]))
                .toList();

        assertThat(differing).isNotEmpty().allSatisfy(r -> {
            assertThat(r[7]).isEqualTo("nan");
            if (r[2].equals("EXPLAINED_VARIANCE")) {
                // explained_variance_score gives 1.0 on one row by its rule for equal true values; one row has no
                // variance to explain.
                assertThat(r[1]).isEqualTo("first=1");
            } else {
                // balanced_accuracy_score(adjusted=True) divides by 1 − 1/1 = 0 when one class is true: −inf.
                assertThat(r[2]).isEqualTo("ADJUSTED_BALANCED_ACCURACY");
                assertThat(r[8]).isEqualTo("-inf");
            }
        });
        assertThat(differing).extracting(r -> r[2]).contains("EXPLAINED_VARIANCE", "ADJUSTED_BALANCED_ACCURACY");
    }
}
