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
 * Passes when the true-positive rates (recall) of the judged groups differ by at most {@link #maxDifference()}: every
 * group's qualified members are recognised alike. Same as Fairlearn's {@code equal_opportunity_difference} on the
 * groups with at least {@link #minGroupSize()} rows and a positive row.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(FairnessChecks.EqualOpportunityFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface EqualOpportunity {

    /**
     * The sensitive attribute column(s). With several, e.g. {@code {"sex", "age_band"}}, the groups are the
     * combinations of their values that occur in the data (intersectional groups).
     */
    String[] attribute();

    /** The largest allowed difference of true-positive rates across groups, in [0, 1]. */
    double maxDifference();

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
