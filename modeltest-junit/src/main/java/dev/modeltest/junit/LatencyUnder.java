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
 * Passes when the model's prediction latency at {@link #percentile()} is at most {@link #millis()}: measured
 * in-process on real rows of the test data, after warm-up, one call per sample. The message gives the distribution
 * (p50, p90, p99, max).
 *
 * <p>This measures the user's model; it needs a model to call, so it is a configuration error with
 * {@code @ModelTest(predictions = ...)}.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BuiltInChecks.Latency.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface LatencyUnder {

    /** The latency limit per call, in milliseconds; positive. */
    double millis();

    /** The percentile the limit applies to, in (0, 100]; default 99. */
    double percentile() default 99;

    /** Calls made before measuring, so the JIT has compiled the model; default 1000. */
    int warmup() default 1000;

    /** Calls measured; default 1000. */
    int samples() default 1000;

    /** Rows per call; default 1 (online scoring). */
    int batchSize() default 1;
}
