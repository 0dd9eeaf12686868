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
 * Passes when, in each of the named columns (default: all), the fraction of missing cells is at most {@link #value()}.
 * A cell is missing as for {@link NoMissingValues}: empty, a missing-value marker ({@code NA}, {@code N/A}, {@code
 * null}, {@code NaN}, {@code *}) or NaN. The failure lists each column over the limit with its fraction, count and
 * first rows.
 *
 * <pre>{@code
 * @MissingRateAtMost(value = 0.05, columns = {"age", "income"})
 * void fewGaps() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(DataQualityChecks.MissingRate.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface MissingRateAtMost {

    /** The highest acceptable fraction of missing cells per column, in [0, 1]. */
    double value();

    /** The columns to check; empty means every column. */
    String[] columns() default {};
}
