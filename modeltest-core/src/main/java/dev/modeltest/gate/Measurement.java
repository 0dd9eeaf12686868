package dev.modeltest.gate;

import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.MetricInterval;
import dev.modeltest.metrics.MetricSample;

/**
 * A metric's value on some rows with its confidence interval and how the interval was made.
 *
 * @param value the metric, NaN where it is undefined on these rows
 * @param interval the interval, {@code null} when the value is undefined or the data degenerate
 * @param how the interval's method for messages, e.g. {@code Wilson, 28 of 30} or {@code BCa bootstrap, 2000
 *     resamples, seed 42}; without an interval, why there is none (empty when the value is undefined)
 * @param n the number of rows
 * @param undefinedWhen when the value is NaN, why in words ({@link MetricSample#undefinedWhen()}); else empty
 */
record Measurement(double value, Interval interval, String how, int n, String undefinedWhen) {

    /**
     * Measures a prepared metric with its interval made as {@code method} asks ({@link MetricSample#interval}): under
     * AUTO, Wilson for a proportion of rows, DeLong for binary ROC AUC, Student-t for a mean of per-row losses, the delta
     * method for RMSE, R² and explained variance, the seeded bootstrap for the rest. Where there is no interval the
     * measurement says why in {@code how}.
     */
    static Measurement of(MetricSample sample, IntervalMethod method, double level, long seed, int resamples) {
        double value = sample.value();
        int n = sample.size();
        MetricInterval interval = sample.interval(method, level, seed, resamples);
        String undefinedWhen = Double.isNaN(value) ? sample.undefinedWhen() : "";
        if (interval.interval() == null) {
            return new Measurement(value, null, interval.none(), n, undefinedWhen);
        }
        return new Measurement(value, interval.interval(), interval.how(), n, undefinedWhen);
    }

    /** Formats {@code 0.9333 (95% CI 0.8400–0.9800, BCa bootstrap, 2000 resamples, seed 42)}. */
    String describe() {
        return describe(Format.DECIMALS);
    }

    /** As {@link #describe()}, the value with {@code decimals} decimals ({@link Format#decimals}). */
    String describe(int decimals) {
        if (interval == null) {
            return how.isEmpty()
                    ? Format.value(value, decimals)
                    : Format.value(value, decimals) + " (no interval: " + how + ")";
        }
        return Format.value(value, decimals) + " (" + interval + ", " + how + ")";
    }
}
