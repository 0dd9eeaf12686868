package dev.modeltest.assertions;

import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on {@link Predictions}: choose a metric, then state its bound.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PredictionsAssert extends AbstractAssert<PredictionsAssert, Predictions> {

    PredictionsAssert(Predictions actual) {
        super(actual, PredictionsAssert.class);
    }

    /** Asserts on accuracy (the Wilson interval is reported). */
    public MetricAssert accuracy() {
        return metric(Metric.ACCURACY);
    }

    /** Asserts on a metric with its default options ({@link Averaging#AUTO}). */
    public MetricAssert metric(Metric metric) {
        isNotNull();
        return described(
                new MetricAssert(actual, metric, Averaging.AUTO, "assertThat(predictions)." + call(metric, null)));
    }

    /**
     * Asserts on a metric with an averaging; {@link Averaging#NONE} asserts that every class holds, each on its own.
     */
    public MetricAssert metric(Metric metric, Averaging average) {
        isNotNull();
        return described(new MetricAssert(actual, metric, average, "assertThat(predictions)." + call(metric, average)));
    }

    /** Carries a description given with {@code as(...)} over to the metric's assertions. */
    private MetricAssert described(MetricAssert metricAssert) {
        return info.hasDescription() ? metricAssert.describedAs(info.description()) : metricAssert;
    }

    private static String call(Metric metric, Averaging average) {
        if (metric == Metric.ACCURACY && average == null) {
            return "accuracy()";
        }
        return "metric(" + metric.name() + (average == null ? "" : ", " + average.name()) + ")";
    }
}
