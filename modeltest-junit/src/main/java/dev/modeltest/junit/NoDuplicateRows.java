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
 * Passes when no two rows of the test data hold the same values in the named columns (default: all columns). Numbers
 * compare as values, text exactly, and a missing cell equals a missing cell, as pandas' {@code df.duplicated()}. The
 * failure counts the duplicate rows and lists the first groups of equal rows with their row numbers.
 *
 * <pre>{@code
 * @NoDuplicateRows(columns = {"customer_id", "day"})
 * void oneRowPerCustomerAndDay() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(DataQualityChecks.DuplicateRows.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface NoDuplicateRows {

    /** The columns that make two rows equal; empty means every column. */
    String[] columns() default {};
}
