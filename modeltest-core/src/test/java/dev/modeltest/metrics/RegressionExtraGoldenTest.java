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
 * The regression metrics added in 0.2.0 against scikit-learn 1.2.1 ({@code regression-extra.csv} from {@code
 * scripts/golden/make_metrics_golden.py}): mean squared log error and its root, mean pinball loss at α 0.1, 0.5 and
 * 0.9, the Poisson, Gamma and Tweedie deviances and D² Tweedie scores at every power the data's values allow (−0.5,
 * 0, 1, 1.5, 2, 3), the D² pinball and absolute error scores, and R² and explained variance with {@code
 * force_finite=False}, on all rows, each slice and the first rows of the four regression sets.
 */
class RegressionExtraGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("regression-extra.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2} alpha {3} power {4} forceFinite {5} = {6}")
    @MethodSource("expected")
    void matchesScikitLearn(
            String dataset,
            String subset,
            String metric,
            String alpha,
            String power,
            String forceFinite,
            String value) {
        Golden.Dataset data = Golden.dataset(dataset);
        MetricOptions options = MetricOptions.defaults();
        if (!alpha.isEmpty()) {
            options = options.withAlpha(Double.parseDouble(alpha));
        }
        if (!power.isEmpty() && !metric.equals("MEAN_POISSON_DEVIANCE") && !metric.equals("MEAN_GAMMA_DEVIANCE")) {
            options = options.withPower(Double.parseDouble(power));
        }
        if (forceFinite.equals("false")) {
            options = options.withForceFinite(false);
        }
        double expected = Golden.number(value);

        double actual = Metrics.compute(data.predictions(), Metric.valueOf(metric), options, data.rows(subset));

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    @Test
    void coversEveryNewMetricEveryPowerAndEveryAlpha() {
        List<String[]> rows = Golden.csv("regression-extra.csv");
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        rows.forEach(r -> metrics.add(Metric.valueOf(r[2])));

        assertThat(metrics)
                .contains(
                        Metric.MEAN_SQUARED_LOG_ERROR,
                        Metric.ROOT_MEAN_SQUARED_LOG_ERROR,
                        Metric.MEAN_PINBALL_LOSS,
                        Metric.MEAN_POISSON_DEVIANCE,
                        Metric.MEAN_GAMMA_DEVIANCE,
                        Metric.MEAN_TWEEDIE_DEVIANCE,
                        Metric.D2_TWEEDIE,
                        Metric.D2_PINBALL,
                        Metric.D2_ABSOLUTE_ERROR,
                        Metric.R2,
                        Metric.EXPLAINED_VARIANCE);
        assertThat(rows.stream()
                        .filter(r -> r[2].equals("MEAN_TWEEDIE_DEVIANCE"))
                        .map(r -> r[4])
                        .distinct())
                .containsExactlyInAnyOrder("-0.5", "0.0", "1.0", "1.5", "2.0", "3.0");
        assertThat(rows.stream()
                        .filter(r -> r[2].equals("MEAN_PINBALL_LOSS"))
                        .map(r -> r[3])
                        .distinct())
                .containsExactlyInAnyOrder("0.1", "0.5", "0.9");
        // force_finite=False on equal true values: NaN for perfect predictions, −inf otherwise.
        assertThat(rows).anySatisfy(r -> assertThat(r[6]).isEqualTo("-inf"));
    }
}
