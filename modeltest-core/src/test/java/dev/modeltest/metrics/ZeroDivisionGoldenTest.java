package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Precision, recall, F1, F-beta and Jaccard with every {@link ZeroDivision} and averaging against scikit-learn 1.2.1's
 * {@code zero_division} 0 and 1, and NAN as scikit-learn 1.3 and later define {@code np.nan} (derived in the
 * generator from the 0/0 definition, as 1.2.1 has no {@code np.nan}), on all rows, each slice and the first rows of
 * the binary, multiclass, edge and zero data sets ({@code scripts/golden/make_zero_division_golden.py}, {@code
 * zero-division.csv}).
 */
class ZeroDivisionGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("zero-division.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    static MetricOptions options(String beta, String average, String positive, String zeroDivision) {
        MetricOptions options =
                Golden.options(average, positive, "", "").withZeroDivision(ZeroDivision.valueOf(zeroDivision));
        return beta.isEmpty() ? options : options.withBeta(Double.parseDouble(beta));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} = {7}")
    @MethodSource("expected")
    void matchesScikitLearn(
            String dataset,
            String subset,
            String metric,
            String beta,
            String average,
            String positive,
            String zeroDivision,
            String value) {
        Golden.Dataset data = Golden.dataset(dataset);
        double expected = Golden.number(value);

        double actual = Metrics.compute(
                data.predictions(),
                Metric.valueOf(metric),
                options(beta, average, positive, zeroDivision),
                data.rows(subset));

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    @Test
    void coversEveryChoiceAndTheDegenerateCases() {
        List<String[]> rows = Golden.csv("zero-division.csv");

        assertThat(rows.stream().map(r -> r[6]).distinct()).containsExactlyInAnyOrder("ZERO", "ONE", "NAN");
        assertThat(rows.stream().map(r -> r[2]).distinct())
                .containsExactlyInAnyOrder("PRECISION", "RECALL", "F1", "F_BETA", "JACCARD");
        // A 0/0 that each choice reads differently: the same cell is 0, 1 and NaN.
        assertThat(rows)
                .anySatisfy(r -> assertThat(r[1] + r[2] + r[4] + r[5] + r[6] + r[7])
                        .isEqualTo("group=unpredictedPRECISIONBINARYcONE1.0"))
                .anySatisfy(r -> assertThat(r[1] + r[2] + r[4] + r[5] + r[6] + r[7])
                        .isEqualTo("group=unpredictedPRECISIONBINARYcNANnan"))
                .anySatisfy(r ->
                        assertThat(r[1] + r[2] + r[4] + r[5] + r[6] + r[7]).isEqualTo("group=absentF1BINARYcONE1.0"));
    }

    @Test
    void nanLeavesAnUndefinedClassOutOfTheMacroAverage() {
        Golden.Dataset zero = Golden.dataset("zero");
        int[] rows = zero.rows("group=unpredicted");
        MetricOptions macro = MetricOptions.defaults().withAverage(Averaging.MACRO);

        // a: 2 of 4 predicted right; b: 2 of 4; c: never predicted.
        assertThat(Metrics.compute(zero.predictions(), Metric.PRECISION, macro, rows))
                .isEqualTo((0.5 + 0.5 + 0) / 3);
        assertThat(Metrics.compute(
                        zero.predictions(), Metric.PRECISION, macro.withZeroDivision(ZeroDivision.NAN), rows))
                .isEqualTo((0.5 + 0.5) / 2);
        assertThat(Metrics.compute(
                        zero.predictions(), Metric.PRECISION, macro.withZeroDivision(ZeroDivision.ONE), rows))
                .isEqualTo((0.5 + 0.5 + 1) / 3);
    }
}
