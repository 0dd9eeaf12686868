package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MultiClass;
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
 * Passes when a metric of the model on the test data is at least {@link #value()}: any {@link Metric}, with
 * its averaging and positive class.
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
@CheckedBy(MetricChecks.MetricAtLeastFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface MetricAtLeast {

    /** The metric. */
    Metric metric();

    /** The lowest acceptable value, within the metric's range (e.g. [0, 1] for F1). */
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
     * nothing predicted or nothing true, and macro and weighted averages leave such classes out. Applies to precision, recall, F1, F-beta and Jaccard only.
     *
     * @since 0.2.0
     */
    ZeroDivision zeroDivision() default ZeroDivision.ZERO;

    /** The number of confidence bins of expected calibration error, in [1, 10000]; default 10. */
    int bins() default 10;

    /** How the calibration bins are laid out: equal width on [0, 1] (the default) or equal mass. */
    Binning binning() default Binning.EQUAL_WIDTH;

    /**
     * The quantile level of {@code MEAN_PINBALL_LOSS} and {@code D2_PINBALL}, in [0, 1]; default 0.5, scikit-learn's
     * {@code alpha}. Any other metric refuses another value.
     *
     * @since 0.2.0
     */
    double alpha() default MetricOptions.DEFAULT_ALPHA;

    /**
     * The Tweedie power of {@code MEAN_TWEEDIE_DEVIANCE} and {@code D2_TWEEDIE}: at most 0 or at least 1 (1 Poisson, 2
     * Gamma, 3 inverse Gaussian); default 0, scikit-learn's {@code power}. Any other metric refuses another value.
     *
     * @since 0.2.0
     */
    double power() default MetricOptions.DEFAULT_POWER;

    /**
     * scikit-learn's {@code force_finite} of {@code R2} and {@code EXPLAINED_VARIANCE}: true (the default) scores
     * equal true values 1.0 or 0.0; false leaves them NaN (INCONCLUSIVE) or −∞. Any other metric refuses false.
     *
     * @since 0.2.0
     */
    boolean forceFinite() default true;

    /**
     * How {@code ROC_AUC} scores more than two classes: {@code OVR} (the default) each class against the rest, averaged per
     * {@code average}; {@code OVO} each pair of classes (Hand and Till), averaged {@code MACRO} or {@code WEIGHTED},
     * as scikit-learn's {@code multi_class}; any other metric refuses {@code OVO}. On two classes both are the binary AUC. {@code OVO} has no exact interval
     * on more than two classes: the bootstrap makes it.
     *
     * @since 0.2.0
     */
    MultiClass multiClass() default MultiClass.OVR;

    /**
     * The false positive rate in (0, 1] up to which the McClish-standardized partial AUC of {@code ROC_AUC} is taken, scikit-learn's
     * {@code max_fpr}: 0.5 for a chance ranking, 1 for a perfect one; 1 (the default) is the whole curve. Only for one
     * positive class (two classes, or {@code average = BINARY} with a {@code positiveLabel}); any other metric refuses
     * another value.
     *
     * @since 0.2.0
     */
    double maxFpr() default MetricOptions.DEFAULT_MAX_FPR;

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
