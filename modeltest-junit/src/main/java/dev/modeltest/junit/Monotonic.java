package dev.modeltest.junit;

import dev.modeltest.behaviour.Direction;
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
 * Passes when raising a numeric feature moves the model's score only the given way. Each test row with a value of
 * {@link #feature()} is copied with it raised by {@link #step()}, and the copies are predicted in batches; the score is
 * a regressor's value or a classifier's probability of {@link #positiveClass()}. A row violates the rule when its
 * copy's score moved the wrong way by more than {@link #tolerance()}. The violation rate is reported with its Wilson
 * interval and must be at most {@link #maxViolationRate()}; the failure lists the worst violations.
 *
 * <pre>{@code
 * @Monotonic(feature = "income", direction = Direction.INCREASING, step = 1000)
 * void moreIncomeNeverLowersTheScore() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BehaviourChecks.MonotonicFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface Monotonic {

    /** The numeric input column to raise. */
    String feature();

    /** The way the score must follow the feature. */
    Direction direction();

    /** How far to raise the feature, in its own units; 0 (default): a tenth of its standard deviation on the test data. */
    double step() default 0;

    /** For a classifier, the class whose probability is the score; empty (default): the second of two classes. */
    String positiveClass() default "";

    /** How far the score may move the wrong way without a violation, at least 0; default 0. */
    double tolerance() default 0;

    /** The highest share of rows that may violate the rule, in [0, 1]; default 0. */
    double maxViolationRate() default 0;

    /**
     * 0 (default) to decide on the violation rate itself; a level in (0, 1) to decide on its Wilson interval. Needs a
     * {@code maxViolationRate} above 0.
     */
    double confidence() default IntervalPolicy.CONFIDENCE;
}
