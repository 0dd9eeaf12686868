package dev.modeltest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks an annotation as a modeltest check and names the factory that turns it into a {@link
 * dev.modeltest.check.Check}. A new check is one annotation plus one factory; no central list to edit.
 *
 * <pre>{@code
 * @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
 * @Retention(RetentionPolicy.RUNTIME)
 * @Test
 * @ExtendWith(ModelTestExtension.class)
 * @CheckedBy(MyCheckFactory.class)
 * public @interface MyCheck { double value(); }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface CheckedBy {

    /** The factory; it needs a no-argument constructor. */
    Class<? extends CheckFactory<?>> value();
}
