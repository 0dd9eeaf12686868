package dev.modeltest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Passes when the model's prediction latency at {@link #percentile()} is at most {@link #millis()}: measured
 * in-process on real rows of the test data, after warm-up, one call per sample, and decided on the percentile's
 * distribution-free confidence interval. The message gives the percentile table (p50, p90, p99, p99.9, max, mean with
 * their intervals), the rounds measured and the GC pauses, safepoints and context switches seen; the report gets a
 * latency histogram and the raw percentile data.
 *
 * <p>The check passes when the interval's upper bound is at most {@code millis} and fails when its lower bound is over
 * it. When the interval straddles the limit, the check measures another round of {@link #samples()} calls and decides
 * on all rounds pooled, up to {@link #maxRounds()}, and passes as soon as one round's own interval is under the limit
 * (interference only adds time); if the pooled interval still straddles the limit, it decides on the pooled point
 * value, or returns INCONCLUSIVE with {@link #inconclusive()}. With {@code confidence = 0} it decides on the
 * point value in one round. See {@code docs/latency.md}.
 *
 * <p>This measures the user's model; it needs a model to call, so it is a configuration error with
 * {@code @ModelTest(predictions = ...)}.
 *
 * <p>Under JUnit's parallel execution the check holds JUnit's global lock ({@link Resources#GLOBAL}, read-write): the
 * model test class that declares it runs alone, its tests one after another, so no other test shares the processor
 * while it is timed.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BuiltInChecks.Latency.class)
@ResourceLock(Resources.GLOBAL)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface LatencyUnder {

    /** The latency limit per call, in milliseconds; positive. */
    double millis();

    /** The percentile the limit applies to, in (0, 100]; default 99. 100 compares the slowest call, on its value. */
    double percentile() default 99;

    /**
     * Calls made before measuring, so the JIT has compiled the model; default 1000; 0 means no warm-up at all. The
     * warm-up goes on beyond this until it has settled, for at most {@link #maxWarmupMillis()}.
     */
    int warmup() default 1000;

    /** Calls measured per round; default 1000, at most 10⁸. */
    int samples() default 1000;

    /** Rows per call; default 1 (online scoring). */
    int batchSize() default 1;

    /**
     * The longest warm-up, in milliseconds, in [0, 600000]; default 5000. The warm-up runs in windows of at least 50
     * ms and stops after the first window that ends with at least {@link #warmup()} calls made, at least 3× the JIT's
     * C2 threshold of calls made (15000 by default; not waited for when they would take over 1 s), a median within 5%
     * of the previous window's and no JIT compilation during it; or after the first window that ends this long after the start. 0 means exactly
     * {@link #warmup()} calls.
     */
    int maxWarmupMillis() default 5000;

    /**
     * The confidence of the interval the check decides on, in [0.5, 1); 0 decides on the point value in one round.
     * Default 0.95.
     */
    double confidence() default 0.95;

    /** The most rounds of {@link #samples()} calls measured while the interval straddles the limit, in [1, 10]; default 3. */
    int maxRounds() default 3;

    /**
     * What the check does when the interval still straddles the limit after {@link #maxRounds()}: decide on the pooled
     * point value ({@code false}, the default), or return INCONCLUSIVE ({@code true}), which fails the test unless the
     * configuration parameter {@code modeltest.inconclusive=abort} aborts it instead.
     */
    boolean inconclusive() default false;
}
