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
 * Passes when no two rows of the test data have the same feature values but different labels. The features are the
 * model's input columns as {@link ModelTest} selects them, the label is {@link ModelTest#label()}; rows without a
 * label are left out. The failure lists the first groups with each row's label.
 *
 * <pre>{@code
 * @NoConflictingLabels
 * void labelsAreConsistent() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(DataQualityChecks.ConflictingLabels.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface NoConflictingLabels {}
