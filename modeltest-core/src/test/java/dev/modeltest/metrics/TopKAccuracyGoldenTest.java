package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Metric#TOP_K_ACCURACY} against scikit-learn 1.2.1's {@code top_k_accuracy_score} for every k below the class
 * count, on all rows, each slice and the first rows of the binary and multiclass golden data sets ({@code top-k.csv}
 * from {@code scripts/golden/make_metrics_golden.py}). The multiclass probabilities have two decimals, so ties between
 * classes are frequent and decide many rows.
 */
class TopKAccuracyGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("top-k.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} k {2} = {3}")
    @MethodSource("expected")
    void matchesScikitLearn(String dataset, String subset, String k, String value) {
        Golden.Dataset data = Golden.dataset(dataset);
        MetricOptions options = MetricOptions.defaults().withK(Integer.parseInt(k));
        double expected = Golden.number(value);

        double actual = Metrics.compute(data.predictions(), Metric.TOP_K_ACCURACY, options, data.rows(subset));

        assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
    }

    @Test
    void coversEveryKBelowTheClassCountOnBothDataSets() {
        List<String[]> rows = Golden.csv("top-k.csv");

        assertThat(rows.stream()
                        .filter(r -> r[0].equals("binary"))
                        .map(r -> r[2])
                        .distinct())
                .containsExactly("1");
        assertThat(rows.stream()
                        .filter(r -> r[0].equals("multiclass"))
                        .map(r -> r[2])
                        .distinct())
                .containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void isAProportionOfRowsWithAWilsonInterval() {
        Predictions p = Golden.dataset("multiclass").predictions();
        MetricSample sample = Metrics.sample(p, Metric.TOP_K_ACCURACY, MetricOptions.defaults());

        // 0.95 of 500 rows (top-k.csv, multiclass, all, k = 2).
        assertThat(sample.proportion()).contains(new Proportion(475, 500));
        assertThat(sample.exactMethod()).contains("Wilson");
    }

    @Test
    void kOfAtLeastTheClassCountIsRefusedNamingK() {
        Predictions multiclass = Golden.dataset("multiclass").predictions();
        Predictions binary = Golden.dataset("binary").predictions();

        assertThat(Metrics.notApplicable(
                        multiclass,
                        Metric.TOP_K_ACCURACY,
                        MetricOptions.defaults().withK(4)))
                .contains("'k' must be below the number of classes, 4 [bird, cat, dog, fish]: with k = 4 every row's"
                        + " true class is among the top 4 and top-k accuracy is 1 whatever the model, was 4");
        assertThat(Metrics.notApplicable(binary, Metric.TOP_K_ACCURACY, MetricOptions.defaults()))
                .contains("'k' must be below the number of classes, 2 [ham, spam]: with k = 2 every row's true class"
                        + " is among the top 2 and top-k accuracy is 1 whatever the model, was 2");
    }

    @Test
    void kIsAnOptionOfTopKAccuracyOnlyAndAtLeastOne() {
        Predictions p = Golden.dataset("multiclass").predictions();

        assertThat(Metrics.notApplicable(
                        p, Metric.ACCURACY, MetricOptions.defaults().withK(3)))
                .contains("'k' applies to top-k accuracy, NDCG and MAP only, not to accuracy, was 3");
        assertThat(Metrics.computeAll(
                        p,
                        List.of(Metric.ACCURACY, Metric.TOP_K_ACCURACY),
                        MetricOptions.defaults().withK(3)))
                .containsEntry(Metric.TOP_K_ACCURACY, 0.992);
        assertThatThrownBy(() -> MetricOptions.defaults().withK(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be at least 1, was 0");
    }

    @Test
    void aNonFiniteScoreFailsNamingTheRow() {
        Predictions p = Predictions.classification(
                "nan.csv", "m", List.of("a", "b", "c"), new int[] {0, 1}, new int[] {0, 1}, new double[][] {
                    {0.5, Double.NaN}, {0.3, 0.6}, {0.2, 0.2}
                });

        assertThatThrownBy(() -> Metrics.compute(p, Metric.TOP_K_ACCURACY, MetricOptions.defaults()))
                .hasMessageContaining("top-k accuracy needs finite scores (model m)");
    }
}
