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
 * Passes when the model's recall is at least {@link #value()}; same as scikit-learn's {@code recall_score}.
 *
 * <p>Failure message (the interval is made as {@code interval} says: by default Wilson for proportions, DeLong for binary
 * ROC AUC, Student-t for mean losses, the delta method for RMSE and R², a seeded bootstrap otherwise; see
 * docs/intervals.md):
 *
 * <pre>
 * Expecting model &lt;metric&gt; on &lt;data&gt; (n=&lt;rows&gt;):
 *   &lt;value&gt; (95% CI &lt;lower&gt;–&lt;upper&gt;, &lt;interval method&gt;)
 * to be at least|at most:
 *   &lt;threshold&gt;
 * but it was &lt;gap&gt; below|above.
 * </pre>
 *
 * <p>See docs/checks.md for every attribute and message.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(MetricChecks.RecallFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface RecallAtLeast {

    /** The lowest acceptable recall, in [0, 1]. */
    double value();

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

    /**
     * 0 (the default) decides on the point value (a 95% interval is still reported). A level in (0, 1), e.g. 0.95,
     * decides on the interval at that level: PASS if the whole interval clears the threshold, FAIL if the whole
     * interval misses it, INCONCLUSIVE otherwise, with an estimate of the rows that would decide (the configuration
     * parameter {@code modeltest.inconclusive} = {@code fail} (default) or {@code abort} says what that does).
     */
    double confidence() default IntervalPolicy.CONFIDENCE;

    /**
     * A column of the test data; when set, the check is judged in every slice of rows sharing a value of it, and every
     * slice must pass. Default: empty, no slicing.
     */
    String slicedBy() default "";

    /**
     * Slices with fewer rows are reported as too small and not judged (never silently passed); with no slice this
     * large the verdict is INCONCLUSIVE. At least 1; default 30.
     */
    int minSliceSize() default IntervalPolicy.MIN_SUBSET_SIZE;

    /** The bootstrap seed; the same seed gives the same interval, bit for bit. Default 42. */
    long seed() default IntervalPolicy.SEED;

    /** The number of bootstrap resamples, in [100, 1000000]; default 2000. */
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
