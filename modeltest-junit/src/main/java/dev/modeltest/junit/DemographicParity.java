package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when the groups are selected (predicted positive) at similar rates: the selection rates P(ŷ = positive |
 * group) of the judged groups differ by at most {@link #maxDifference()}, or the lowest is at least {@link #minRatio()}
 * of the highest. Give exactly one of the two. Same as Fairlearn's {@code demographic_parity_difference} /
 * {@code demographic_parity_ratio} on the groups with at least {@link #minGroupSize()} rows.
 *
 * <p>Failure message (the group table follows):
 *
 * <pre>
 * Expecting demographic parity across sex on loans.csv (n=212, positive label "yes"):
 *   selection-rate difference (max − min) 0.3000 (95% CI 0.1700–0.4200, bootstrap of 2000 resamples, seed 42)
 * to be at most:
 *   0.1000
 * but it was 0.2000 over: F is selected at 0.2000, M at 0.5000 (two-proportion z-test p &lt; 0.0001).
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(FairnessChecks.DemographicParityFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface DemographicParity {

    /**
     * The sensitive attribute column(s). With several, e.g. {@code {"sex", "age_band"}}, the groups are the
     * combinations of their values that occur in the data (intersectional groups).
     */
    String[] attribute();

    /** The largest allowed difference of selection rates (highest minus lowest), in [0, 1]. Give this or minRatio. */
    double maxDifference() default Double.NaN;

    /** The smallest allowed ratio of the lowest to the highest selection rate, in [0, 1]. Give this or maxDifference. */
    double minRatio() default Double.NaN;

    /**
     * The positive ("favourable") class. Empty (the default) means the second class in sorted order, scikit-learn's
     * binary {@code pos_label} convention: {@code 1} of {@code 0/1}, {@code yes} of {@code no/yes}. Name it when the
     * favourable outcome sorts first (e.g. {@code approved} of {@code approved/rejected}).
     */
    String positiveLabel() default "";

    /**
     * Decide on the positive-class probability instead of the predicted label: ŷ is positive when P(positive) is at
     * least this value, in [0, 1]. Needs a model with probabilities (or a {@code scores} column). Default: unset
     * ({@code NaN}), the model's predicted label.
     */
    double threshold() default Double.NaN;

    /** Groups with fewer rows are listed as too small and never judged; at least 1, default 30. */
    int minGroupSize() default IntervalPolicy.MIN_SUBSET_SIZE;

    /**
     * 0 (the default) decides on the point estimate (a 95% bootstrap interval is still reported). A level in (0, 1),
     * e.g. 0.95, decides on the bootstrap interval at that level: PASS if the whole interval meets the limit, FAIL if
     * none of it does, INCONCLUSIVE otherwise (see the configuration parameter {@code modeltest.inconclusive}).
     */
    double confidence() default IntervalPolicy.CONFIDENCE;

    /** The bootstrap seed; the same seed gives the same interval, bit for bit. Default 42. */
    long seed() default IntervalPolicy.SEED;

    /** The number of bootstrap resamples, in [100, 1000000]; default 2000. */
    int resamples() default IntervalPolicy.RESAMPLES;
}
