package dev.modeltest.gate;

import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.metrics.MetricSample;
import dev.modeltest.metrics.Proportion;
import dev.modeltest.stats.Bootstrap;
import dev.modeltest.stats.Wilson;
import java.util.Optional;

/**
 * A metric's value on some rows with its confidence interval and how the interval was made.
 *
 * @param value the metric, NaN where it is undefined on these rows
 * @param interval the interval, {@code null} when the value is undefined
 * @param how the interval's method for messages, e.g. {@code Wilson, 28 of 30} or {@code BCa bootstrap, 2000
 *     resamples, seed 42}
 * @param n the number of rows
 */
record Measurement(double value, Interval interval, String how, int n) {

    /**
     * Measures a prepared metric. A proportion (accuracy, binary or micro precision and recall: {@link
     * MetricSample#proportion()}) gets the Wilson interval, because its numerator is a count of independent
     * successes among a count of rows (binomial), where Wilson is sound even for few rows and values near 0 or 1;
     * every other metric (F1, AUC, losses, errors: not a count of successes) gets the seeded bootstrap, whose
     * same seed gives the same interval bit for bit.
     */
    static Measurement of(MetricSample sample, double level, long seed, int resamples) {
        double value = sample.value();
        int n = sample.size();
        if (Double.isNaN(value)) {
            return new Measurement(value, null, "", n);
        }
        Optional<Proportion> proportion = sample.proportion();
        if (proportion.isPresent() && proportion.get().trials() > 0) {
            Proportion p = proportion.get();
            return new Measurement(
                    value,
                    Wilson.interval(p.successes(), p.trials(), level),
                    "Wilson, " + p.successes() + " of " + p.trials(),
                    n);
        }
        Bootstrap.Result result;
        try {
            result = Bootstrap.seeded(seed).withReplicates(resamples).interval(n, sample::value, level);
        } catch (IllegalStateException undefinedEverywhere) {
            // NaN on every resample (e.g. ROC AUC on a slice with one row of a class): no interval to give.
            return new Measurement(value, null, "", n);
        }
        return new Measurement(
                value,
                result.interval(),
                result.method().description() + ", " + resamples + " resamples, seed " + seed,
                n);
    }

    /** Formats {@code 0.9333 (95% CI 0.8400–0.9800, BCa bootstrap, 2000 resamples, seed 42)}. */
    String describe() {
        return describe(Format.DECIMALS);
    }

    /** As {@link #describe()}, the value with {@code decimals} decimals ({@link Format#decimals}). */
    String describe(int decimals) {
        if (interval == null) {
            return Format.value(value, decimals);
        }
        return Format.value(value, decimals) + " (" + interval + ", " + how + ")";
    }
}
