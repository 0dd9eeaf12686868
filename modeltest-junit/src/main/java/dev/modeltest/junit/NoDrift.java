package dev.modeltest.junit;

import dev.modeltest.drift.Correction;
import dev.modeltest.drift.DriftMethod;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when no column of the test data drifted from a reference data set, usually the training data.
 *
 * <p>Each column is compared with the same column of the reference ({@link DriftMethod#AUTO}: Kolmogorov–Smirnov for
 * continuous numbers, chi-square for categories) and reports its effect size, p-value and both sample sizes. By
 * default a column drifts when its effect size exceeds the method's threshold (D, V, JS or W/σ above 0.1, PSI above
 * 0.25) <em>and</em> its Holm-adjusted p-value is at most 0.05, so neither a negligible shift in a large sample nor
 * sampling noise in a small one fails the test. With {@code pValue} set and no {@code threshold}, the adjusted
 * p-value alone decides. The failure lists every column, worst first; {@code docs/drift.md} has the formulas.
 *
 * <pre>{@code
 * @NoDrift(reference = "src/test/resources/iris-train.csv")
 * void testDataLooksLikeTrainingData() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(DriftChecks.NoDriftFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface NoDrift {

    /** The reference data: a path relative to the working directory, or {@code classpath:...}. */
    String reference();

    /** The columns to compare; empty means the model's features (every column but label, predictions and scores). */
    String[] columns() default {};

    /** How columns are compared; {@link DriftMethod#AUTO} chooses per column. */
    DriftMethod method() default DriftMethod.AUTO;

    /**
     * The effect size above which a column drifts: in (0, 1) for D, V and JS (and AUTO), positive for PSI and W/σ.
     * Unset ({@code NaN}): the method's default, or none when {@link #pValue()} is set.
     */
    double threshold() default Double.NaN;

    /**
     * The level, in (0, 1), that a column's adjusted p-value must not exceed for it to drift. Unset ({@code NaN}):
     * 0.05, combined with the effect-size threshold.
     */
    double pValue() default Double.NaN;

    /** How p-values are adjusted for testing several columns. */
    Correction correction() default Correction.HOLM;

    /** The number of reference-quantile bins of continuous columns for CHI_SQUARE, PSI and JENSEN_SHANNON, in [2, 100]. */
    int bins() default 10;
}
