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
 * Passes when no row of the test data has the same feature values as a row of the training data: scoring a model on
 * rows it was trained on overstates its quality. The features are the model's input columns as {@link ModelTest}
 * selects them; each must be in the training data. The failure counts the leaked rows and lists the first ones with
 * the training row each matches.
 *
 * <pre>{@code
 * @NoLeakage(train = "src/test/resources/iris-train.csv")
 * void testRowsAreUnseen() {}
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(DataQualityChecks.Leakage.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface NoLeakage {

    /** The training data file: a path relative to the working directory, or {@code classpath:...}. */
    String train();
}
