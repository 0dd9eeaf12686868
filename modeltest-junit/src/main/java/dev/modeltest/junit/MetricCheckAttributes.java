package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.metrics.IntervalMethod;
import java.lang.annotation.Target;

/**
 * The attributes every metric check annotation declares, with their types and defaults, written once. Java annotations
 * cannot inherit attributes, so each metric check annotation repeats them and {@link MetricChecks#check} reads them by
 * name; {@code MetricCheckAttributesTest} holds every annotation whose factory is a {@link MetricChecks.MetricCheckFactory}
 * to this declaration: same names, same types, same defaults. Applies to nothing itself.
 */
@Target({})
@interface MetricCheckAttributes {

    /** The threshold; no default. */
    double value();

    /** The level decided on; 0, the point value, by default. */
    double confidence() default IntervalPolicy.CONFIDENCE;

    /** The column to judge every slice of; none by default. */
    String slicedBy() default "";

    /** The smallest slice judged. */
    int minSliceSize() default IntervalPolicy.MIN_SUBSET_SIZE;

    /** The bootstrap seed. */
    long seed() default IntervalPolicy.SEED;

    /** The number of bootstrap resamples. */
    int resamples() default IntervalPolicy.RESAMPLES;

    /** How the interval is made. */
    IntervalMethod interval() default IntervalMethod.AUTO;
}
