package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.ZeroDivision;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when the model's F-beta score is at least {@link #value()}; same as scikit-learn's {@code fbeta_score}.
 * {@code beta} weighs recall against precision: {@code beta = 2} (F2) when missing a positive costs more than a false
 * alarm, {@code beta = 0.5} (F0.5) when a false alarm costs more.
 *
 * <p>Failure message (the interval is a seeded bootstrap unless {@code interval} says otherwise; see
 * docs/intervals.md):
 *
 * <pre>
 * Expecting model F0.5 (positive class 'b') on fbeta-binary.csv (n=40):
 *   0.7258 (95% CI 0.5419–0.8661, BCa bootstrap, 2000 resamples, seed 42)
 * to be at least:
 *   0.8000
 * but it was 0.0742 below.
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
@CheckedBy(MetricChecks.FBetaFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public @interface FBetaAtLeast {

    /** The lowest acceptable F-beta, in [0, 1]. */
    double value();

    /**
     * How many times as much recall counts as precision: a finite number above 0; 1 is F1. scikit-learn's {@code
     * beta}.
     */
    double beta();

    /**
     * How per-class values become one number: {@code AUTO} (the default) is {@code BINARY} on two classes (or with a
     * {@link #positiveLabel()}) and {@code MACRO} otherwise; also {@code MICRO} and {@code WEIGHTED}, as scikit-learn's
     * {@code average}, and {@code NONE}: every class must pass, each judged on its own (a table of
     * every class in the message).
     */
    Averaging average() default Averaging.AUTO;

    /**
     * The positive class for {@code BINARY}; empty (the default) means the second class in sorted order, scikit-learn's
     * {@code pos_label} convention on two classes.
     */
    String positiveLabel() default "";

    /**
     * What a 0/0 ratio is, as scikit-learn's {@code zero_division}: {@code ZERO} (the default, scikit-learn's {@code
     * "warn"} and 0), {@code ONE}, or {@code NAN}: undefined, so a check on it is INCONCLUSIVE and names the class with
     * nothing predicted or nothing true, and macro and weighted averages leave such classes out.
     *
     * @since 0.2.0
     */
    ZeroDivision zeroDivision() default ZeroDivision.ZERO;

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

    /** How the interval is made: {@code AUTO} (the default) or {@code BOOTSTRAP}; F-beta has no exact interval. */
    IntervalMethod interval() default IntervalMethod.AUTO;
}
