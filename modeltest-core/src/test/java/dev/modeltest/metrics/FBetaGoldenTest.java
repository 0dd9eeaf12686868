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
 * {@link Metric#F_BETA} against scikit-learn 1.2.1's {@code fbeta_score} at beta 0.5 and 2, with every averaging F1
 * has, on all rows and each slice of the binary and multiclass golden data sets ({@code
 * scripts/golden/make_metrics_golden.py}, {@code fbeta.csv}).
 */
class FBetaGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("fbeta.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} beta {2} {3} {4} = {5}")
    @MethodSource("expected")
    void matchesScikitLearn(String dataset, String subset, String beta, String average, String positive, String value) {
        Golden.Dataset data = Golden.dataset(dataset);
        MetricOptions options = Golden.options(average, positive, "", "").withBeta(Double.parseDouble(beta));
        double expected = Golden.number(value);

        double actual = subset.equals("all")
                ? Metrics.compute(data.predictions(), Metric.F_BETA, options)
                : Metrics.compute(data.predictions(), Metric.F_BETA, options, data.rows(subset));

        assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
    }

    @Test
    void coversBothBetasEveryAveragingAndBothDataSets() {
        List<String[]> rows = Golden.csv("fbeta.csv");

        assertThat(rows.stream().map(r -> r[0]).distinct()).containsExactlyInAnyOrder("binary", "multiclass");
        assertThat(rows.stream().map(r -> r[2]).distinct()).containsExactlyInAnyOrder("0.5", "2.0");
        assertThat(rows.stream().map(r -> r[3]).distinct())
                .containsExactlyInAnyOrder("AUTO", "BINARY", "MACRO", "MICRO", "WEIGHTED");
        // The slice where nothing is predicted or true positive: 0/0 precision and recall give 0, as scikit-learn.
        assertThat(rows).anySatisfy(r -> assertThat(r[5]).isEqualTo("0.0"));
    }

    @Test
    void betaOneIsF1BitForBit() {
        for (String name : List.of("binary", "multiclass")) {
            Predictions p = Golden.dataset(name).predictions();
            for (Averaging average : List.of(Averaging.AUTO, Averaging.MACRO, Averaging.MICRO, Averaging.WEIGHTED)) {
                MetricOptions options = MetricOptions.defaults().withAverage(average);

                assertThat(Metrics.compute(p, Metric.F_BETA, options))
                        .as(name + " " + average)
                        .isEqualTo(Metrics.compute(p, Metric.F1, options));
            }
        }
    }

    @Test
    void betaIsAnOptionOfFBetaOnly() {
        Predictions p = Golden.dataset("binary").predictions();

        assertThat(Metrics.notApplicable(p, Metric.F1, MetricOptions.defaults().withBeta(2)))
                .contains("'beta' applies to F-beta only, not to F1, was 2");
        assertThat(Metrics.computeAll(
                        p,
                        List.of(Metric.F1, Metric.F_BETA),
                        MetricOptions.defaults().withBeta(2)))
                .containsEntry(Metric.F1, Metrics.compute(p, Metric.F1, MetricOptions.defaults()))
                .containsEntry(
                        Metric.F_BETA,
                        Metrics.compute(
                                p, Metric.F_BETA, MetricOptions.defaults().withBeta(2)));
    }

    @Test
    void betaMustBeAFiniteNumberAboveZero() {
        for (double beta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> MetricOptions.defaults().withBeta(beta))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("beta must be a finite number above 0, was " + beta);
        }
    }
}
