package dev.modeltest.junit;

import dev.modeltest.behaviour.NoiseStabilityCheck;
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
 * Passes when seeded noise on the inputs barely changes the predictions. Every test row is copied with noise on
 * {@link #columns()}: a number gets Gaussian noise of standard deviation {@link #sigma()} times its column's standard
 * deviation on the test data; a category changes, with probability {@code sigma}, to another value of its column. The
 * copies are predicted in batches. A classifier's flip rate is reported with its Wilson interval and must be at most
 * {@link #maxFlipRate()}; a regressor's mean absolute change, with its Student-t interval, must be at most {@link
 * #maxMeanChange()}.
 *
 * <pre>{@code
 * @StableUnderNoise(sigma = 0.05, maxFlipRate = 0.02)
 * void robustToMeasurementNoise() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BehaviourChecks.StableUnderNoiseFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface StableUnderNoise {

    /** The input columns to blur; empty (default): every input column. */
    String[] columns() default {};

    /**
     * The noise's standard deviation as a share of each number column's standard deviation, and the chance that a
     * category changes; in (0, 1], default 0.05.
     */
    double sigma() default NoiseStabilityCheck.SIGMA;

    /** For a classifier: the highest share of rows whose predicted class may change, in [0, 1]; default 0.02. */
    double maxFlipRate() default NoiseStabilityCheck.MAX_FLIP_RATE;

    /**
     * For a regressor (required there): the highest mean absolute change of the predicted value, in the label's units.
     */
    double maxMeanChange() default Double.NaN;

    /** The noise's seed: the same seed gives the same noise. */
    long seed() default IntervalPolicy.SEED;

    /** 0 (default) to decide on the measured value itself; a level in (0, 1) to decide on its interval. */
    double confidence() default IntervalPolicy.CONFIDENCE;
}
