package dev.modeltest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when every numeric output of the model is finite and within [{@link #min()}, {@link #max()}]: the class
 * probabilities of a classifier (which must also sum to 1 per row, within 1e-6), or the values of a regressor. The
 * failure lists the first offending rows.
 *
 * <p>A classifier that gives labels only has no numeric output to check: a configuration error.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BuiltInChecks.OutputRange.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface OutputRange {

    /** The lowest allowed output; default 0. */
    double min() default 0.0;

    /** The highest allowed output; default 1. */
    double max() default 1.0;
}
