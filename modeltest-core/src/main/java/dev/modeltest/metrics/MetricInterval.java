package dev.modeltest.metrics;

import dev.modeltest.check.Interval;
import org.apiguardian.api.API;

/**
 * A metric's confidence interval with the method that made it, or the reason there is none.
 *
 * @param interval the interval, {@code null} when there is none (see {@code none})
 * @param method the method used, as {@link Interval#method()} names it: {@code Wilson}, {@code DeLong (logit)}, {@code
 *     Student-t}, {@code delta method (log ratio)}, {@code BCa bootstrap}, {@code percentile bootstrap}, {@code Poisson
 *     bootstrap}
 * @param how the method with what a reader needs to reproduce it, for messages, e.g. {@code Student-t, 79 df} or
 *     {@code BCa bootstrap, 2000 resamples, seed 42}
 * @param none why there is no interval (e.g. {@code every row's absolute error is 0.0000, so there is no spread to
 *     estimate}), empty when there is one or when the metric itself is undefined
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public record MetricInterval(Interval interval, String method, String how, String none) {

    static MetricInterval of(Interval interval, String how) {
        return new MetricInterval(interval, interval.method(), how, "");
    }

    static MetricInterval none(String method, String why) {
        return new MetricInterval(null, method, method, why);
    }

    /** No interval because the metric is undefined (NaN) on the rows. */
    static final MetricInterval UNDEFINED = new MetricInterval(null, "", "", "");
}
