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
 * Passes when the test data matches a YAML schema: every column present with the declared type, no unknown columns,
 * and each column's rules ({@code nullable}, {@code min}, {@code max}, {@code allowed}, {@code regex}) hold on every
 * row. The failure lists each violated rule with its count and first rows. The format is documented in {@code
 * docs/schema.md}.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BuiltInChecks.Schema.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface SchemaMatches {

    /** The schema file: a path relative to the working directory, or {@code classpath:...}. */
    String value();
}
