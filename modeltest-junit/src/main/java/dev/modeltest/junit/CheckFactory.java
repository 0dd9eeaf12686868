package dev.modeltest.junit;

import dev.modeltest.check.Check;
import java.lang.annotation.Annotation;
import org.apiguardian.api.API;

/**
 * Turns a check annotation into a {@link Check}, validating its attributes.
 *
 * @param <A> the check annotation
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface CheckFactory<A extends Annotation> {

    /**
     * Creates the check.
     *
     * @param annotation the annotation on the test method
     * @param where the annotation and the method it sits on, for messages, e.g. {@code @AccuracyAtLeast on
     *     IrisTest.accurate()}
     * @throws dev.modeltest.error.ConfigurationException naming the attribute when a value is out of range
     */
    Check create(A annotation, String where);
}
