package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.metrics.IntervalMethod;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when the fraction of rows the model predicts right is at least {@link #value()}, compared on the point
 * estimate. The message and the report also give n and the Wilson 95% interval.
 *
 * <p>Failure message:
 *
 * <pre>
 * Expecting model accuracy on iris-test.csv (n=30):
 *   0.8667 (95% CI 0.7032–0.9469, 26 of 30 right)
 * to be at least:
 *   0.9000
 * but it was 0.0333 below.
 * </pre>
 *
 * <p>Same as scikit-learn's {@code accuracy_score}. Applies to classifiers; a regressor is a configuration error.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(MetricChecks.AccuracyFactory.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface AccuracyAtLeast {

    /** The lowest acceptable accuracy, in [0, 1]. */
    double value();

    /**
     * 0 (the default) decides on the point value, as above. A level in (0, 1), e.g. 0.95, decides on the Wilson
     * interval at that level: PASS if the whole interval is at least {@link #value()}, FAIL if all of it is below,
     * INCONCLUSIVE otherwise (see {@link MetricAtLeast#confidence()}); the message then takes the form of
     * {@link MetricAtLeast}'s.
     */
    double confidence() default IntervalPolicy.CONFIDENCE;

    /** A column to judge accuracy in every slice of, as {@link MetricAtLeast#slicedBy()}; empty (default): none. */
    String slicedBy() default "";

    /** The smallest slice judged, as {@link MetricAtLeast#minSliceSize()}; default 30. */
    int minSliceSize() default IntervalPolicy.MIN_SUBSET_SIZE;

    /**
     * The bootstrap seed, used with {@code interval = BOOTSTRAP}; the same seed gives the same interval, bit for bit.
     * Default 42.
     *
     * @since 0.2.0
     */
    long seed() default IntervalPolicy.SEED;

    /**
     * The number of bootstrap resamples with {@code interval = BOOTSTRAP}, in [100, 1000000]; default 2000.
     *
     * @since 0.2.0
     */
    int resamples() default IntervalPolicy.RESAMPLES;

    /**
     * How the interval is made: {@code AUTO} (the default) the exact or analytic interval where theory gives one
     * (Wilson, DeLong, Student-t, delta method) and the seeded bootstrap otherwise; {@code EXACT} only an exact one (a
     * configuration error for a metric without one, such as F1); {@code BOOTSTRAP} the bootstrap whatever the metric.
     * See docs/intervals.md.
     *
     * @since 0.2.0
     */
    IntervalMethod interval() default IntervalMethod.AUTO;
}
