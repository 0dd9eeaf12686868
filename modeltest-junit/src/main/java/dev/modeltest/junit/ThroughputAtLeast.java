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
 * Passes when {@link #threads()} threads calling the model at once, on real rows of the test data, predict at least
 * {@link #rowsPerSecond()} rows per second in all, measured for {@link #durationMillis()} after each thread's
 * {@link #warmup()}. The message gives rows/s in all and per thread, the latency percentiles of every call, and the GC
 * pauses, safepoints and context switches seen; the report gets a latency histogram and the raw percentile data.
 *
 * <pre>{@code
 * @ThroughputAtLeast(rowsPerSecond = 50_000, batchSize = 32, threads = 4)
 * void keepsUpWithTheNightlyBatch() {}
 * }</pre>
 *
 * <p>It needs a model to call (not {@code @ModelTest(predictions = ...)}), and more than one thread only for a model
 * whose {@code isThreadSafe()} is true. See {@code docs/latency.md}.
 *
 * <p>Under JUnit's parallel execution the check holds JUnit's global lock ({@link Resources#GLOBAL}, read-write), as
 * {@link LatencyUnder} does: its model test class runs alone while it is timed.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(LatencyChecks.Throughput.class)
@ResourceLock(Resources.GLOBAL)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface ThroughputAtLeast {

    /** The fewest rows predicted per second, over all threads; positive. */
    double rowsPerSecond();

    /** Rows per call; default 1. */
    int batchSize() default 1;

    /** Threads calling the model at once, in [0, 1024]; default 0: one per available processor. */
    int threads() default 0;

    /** Untimed calls each thread makes first, at least; default 1000. */
    int warmup() default 1000;

    /**
     * The longest warm-up per thread, in milliseconds, in [0, 600000]; default 5000. Each thread warms up as
     * {@link LatencyUnder} does, until its windows agree and the JIT is quiet; 0 means exactly {@link #warmup()} calls.
     */
    int maxWarmupMillis() default 5000;

    /** How long the threads call the model, in milliseconds, in [1, 600000]; default 1000. */
    int durationMillis() default 1000;
}
