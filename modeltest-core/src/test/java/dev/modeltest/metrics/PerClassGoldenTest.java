package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Metrics#perClass} against scikit-learn 1.2.1's {@code average=None}: precision, recall, F1, F-beta and
 * Jaccard with every {@link ZeroDivision} (NAN derived from the definition, see {@link ZeroDivisionGoldenTest}) over
 * the classes present in the rows, ROC AUC and average precision one-vs-rest over every class ({@code
 * per-class.csv}).
 */
class PerClassGoldenTest {

    /** One call of {@code average=None}: its data, options and the values of its classes in order. */
    record Case(
            String dataset,
            String subset,
            String metric,
            String beta,
            String zeroDivision,
            Map<String, String> values) {
        @Override
        public String toString() {
            return dataset + " " + subset + " " + metric + " " + beta + " " + zeroDivision;
        }
    }

    static Stream<Arguments> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (String[] r : Golden.csv("per-class.csv")) {
            String key = String.join(",", r[0], r[1], r[2], r[3], r[4]);
            cases.computeIfAbsent(key, k -> new Case(r[0], r[1], r[2], r[3], r[4], new LinkedHashMap<>()))
                    .values()
                    .put(r[5], r[6]);
        }
        return cases.values().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(Case c) {
        Golden.Dataset data = Golden.dataset(c.dataset());
        MetricOptions options = MetricOptions.defaults().withAverage(Averaging.NONE);
        if (!c.beta().isEmpty()) {
            options = options.withBeta(Double.parseDouble(c.beta()));
        }
        if (!c.zeroDivision().isEmpty()) {
            options = options.withZeroDivision(ZeroDivision.valueOf(c.zeroDivision()));
        }

        Map<String, Double> actual =
                Metrics.perClass(data.predictions(), Metric.valueOf(c.metric()), options, data.rows(c.subset()));

        assertThat(new ArrayList<>(actual.keySet()))
                .isEqualTo(new ArrayList<>(c.values().keySet()));
        c.values().forEach((label, value) -> {
            double expected = Golden.number(value);
            if (Double.isNaN(expected)) {
                assertThat(actual.get(label)).as(label).isNaN();
            } else {
                assertThat(actual.get(label)).as(label).isCloseTo(expected, within(Golden.tolerance(expected)));
            }
        });
    }

    @Test
    void coversEveryAveragedMetricAndTheDegenerateCases() {
        List<String[]> rows = Golden.csv("per-class.csv");

        assertThat(rows.stream().map(r -> Metric.valueOf(r[2])).distinct())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.of(Metric.values()).filter(Metric::isAveraged).toList());
        // The slice where class c is never true: its recall is 0, 1 or NaN, and c is listed (it is predicted).
        assertThat(rows.stream().filter(r -> r[1].equals("group=untrue") && r[2].equals("RECALL") && r[5].equals("c")))
                .extracting(r -> r[4] + "=" + r[6])
                .containsExactly("ZERO=0.0", "ONE=1.0", "NAN=nan");
        // The slice where c is neither true nor predicted: not listed, as scikit-learn's labels=None leaves it out.
        assertThat(rows).noneSatisfy(r -> assertThat(r[1] + r[2] + r[5]).isEqualTo("group=absentPRECISIONc"));
    }

    @Test
    void refusesMetricsWithoutAPerClassForm() {
        Predictions p = Golden.dataset("multiclass").predictions();

        assertThatThrownBy(() -> Metrics.perClass(p, Metric.ACCURACY, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'average' does not apply to accuracy (it has no per-class form), was NONE");
        assertThatThrownBy(() -> Metrics.perClass(p, Metric.LOG_LOSS, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'average' does not apply to log loss (it has no per-class form), was NONE");
        assertThatThrownBy(() ->
                        Metrics.perClass(p, Metric.F1, MetricOptions.defaults().withAverage(Averaging.MACRO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'average' must be NONE (or AUTO) for per-class values, was MACRO");
    }

    @Test
    void oneNumberIsRefusedForNone() {
        Predictions p = Golden.dataset("multiclass").predictions();

        assertThatThrownBy(() ->
                        Metrics.compute(p, Metric.F1, MetricOptions.defaults().withAverage(Averaging.NONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'average' NONE gives one value per class, not one number: use Metrics.perClass for the"
                        + " values, or a check, which judges every class");
    }

    @Test
    void zeroDivisionIsAnOptionOfTheSetWiseMetricsOnly() {
        Predictions p = Golden.dataset("multiclass").predictions();

        assertThat(Metrics.notApplicable(
                        p, Metric.ACCURACY, MetricOptions.defaults().withZeroDivision(ZeroDivision.NAN)))
                .contains("'zeroDivision' applies to precision, recall, F1, F-beta and Jaccard only, not to accuracy,"
                        + " was NAN");
        assertThat(Metrics.notApplicable(
                        p, Metric.ROC_AUC, MetricOptions.defaults().withZeroDivision(ZeroDivision.ONE)))
                .contains("'zeroDivision' applies to precision, recall, F1, F-beta and Jaccard only, not to ROC AUC,"
                        + " was ONE");
    }
}
