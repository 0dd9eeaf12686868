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
 * Passes when the model's top-k accuracy is at least {@link #value()}: the fraction of rows whose true class is among
 * the {@code k} classes of highest probability. Same as scikit-learn's {@code top_k_accuracy_score}; needs class
 * probabilities.
 *
 * <p>Failure message (the interval is the Wilson interval of the hits among the rows; see docs/intervals.md):
 *
 * <pre>
 * Expecting model top-2 accuracy on topk-three.csv (n=40):
 *   0.9500 (95% CI 0.8350–0.9862, Wilson, 38 of 40)
 * to be at least:
 *   0.9800
 * but it was 0.0300 below.
 * </pre>
 *
 * <p>See docs/checks.md for every attribute and message.
 *
 * @since 0.2.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(MetricChecks.TopKAccuracyFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public @interface TopKAccuracyAtLeast {

    /** The lowest acceptable top-k accuracy, in [0, 1]. */
    double value();

    /**
     * How many of the highest-probability classes may hold the true class: at least 1 and below the number of classes
     * (with as many as there are classes every row is a hit). scikit-learn's {@code k}.
     */
    int k();

    /** 0 (the default) decides on the point value; a level in (0, 1) decides on the interval, as {@link F1AtLeast}. */
    double confidence() default IntervalPolicy.CONFIDENCE;

    /** A column to judge the check in every slice of, as {@link F1AtLeast#slicedBy()}; empty (default): none. */
    String slicedBy() default "";

    /** The smallest slice judged, at least 1; default 30. */
    int minSliceSize() default IntervalPolicy.MIN_SUBSET_SIZE;

    /** The bootstrap seed; the same seed gives the same interval, bit for bit. Default 42. */
    long seed() default IntervalPolicy.SEED;

    /** The number of bootstrap resamples, in [100, 1000000]; default 2000. */
    int resamples() default IntervalPolicy.RESAMPLES;

    /**
     * How the interval is made: {@code AUTO} (the default) and {@code EXACT} give the Wilson interval of the hits,
     * {@code BOOTSTRAP} the seeded bootstrap.
     */
    IntervalMethod interval() default IntervalMethod.AUTO;
}
