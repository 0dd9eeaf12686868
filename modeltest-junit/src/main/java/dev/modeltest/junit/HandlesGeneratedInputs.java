package dev.modeltest.junit;

import dev.modeltest.behaviour.GeneratedInputsCheck;
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
 * Passes when the model returns exactly one valid prediction for every generated row, and throws on none: the random
 * input test ("predictions on random rows have the right shape and range"), made reproducible. The rows are drawn from
 * {@link #schema()} where it sets rules (types, ranges, allowed values, null fractions), else from the test data's
 * observed ranges and categories: first edge rows (each column at its lowest and highest value, each category, missing
 * where allowed, a category never seen), then {@link #rows()} random rows from {@link #seed()}. Outputs follow {@link
 * OutputRange}'s rules: probabilities finite, in [0, 1] and summing to 1; a regressor's values finite (and within
 * {@link #min()} and {@link #max()} when given). The failure lists the first offending rows with every input value.
 *
 * <pre>{@code
 * @HandlesGeneratedInputs(rows = 1000, schema = "src/test/resources/iris.schema.yaml")
 * void handlesAnyRowOfItsDomain() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BehaviourChecks.HandlesGeneratedInputsFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface HandlesGeneratedInputs {

    /** The number of random rows, besides the edge rows, in [1, 10 000 000]; default 1000. */
    int rows() default GeneratedInputsCheck.ROWS;

    /**
     * The schema file to draw from (a path relative to the working directory, or {@code classpath:...}); empty
     * (default): the test data's observed ranges and categories.
     */
    String schema() default "";

    /** The generator's seed: the same seed draws the same rows. */
    long seed() default IntervalPolicy.SEED;

    /** The lowest valid output; unset (default): 0 for probabilities, none for a regressor's value. */
    double min() default Double.NaN;

    /** The highest valid output; unset (default): 1 for probabilities, none for a regressor's value. */
    double max() default Double.NaN;
}
