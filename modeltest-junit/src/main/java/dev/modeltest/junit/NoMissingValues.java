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
 * Passes when the named columns (default: all) have no missing values: empty cells, missing-value markers ({@code NA},
 * {@code N/A}, {@code null}, {@code NaN}, {@code *}) or NaN. The failure gives the count per column and the first rows.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BuiltInChecks.MissingValues.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface NoMissingValues {

    /** The columns to check; empty means every column. */
    String[] columns() default {};
}
