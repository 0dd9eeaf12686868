package dev.modeltest.check;

import dev.modeltest.subject.Subject;
import org.apiguardian.api.API;

/**
 * The latency check under its first name: it moved to {@link dev.modeltest.latency.LatencyCheck}, beside the
 * measuring code it runs, when {@code dev.modeltest.check} became the shared vocabulary only. This class runs the same
 * check and will be removed in 0.2.0.
 *
 * @since 0.1.0
 * @deprecated use {@link dev.modeltest.latency.LatencyCheck}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@API(status = API.Status.DEPRECATED, since = "0.1.0")
public final class LatencyCheck implements Check {

    /** See {@link dev.modeltest.latency.LatencyCheck#ID}. */
    public static final String ID = dev.modeltest.latency.LatencyCheck.ID;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_PERCENTILE}. */
    public static final double DEFAULT_PERCENTILE = dev.modeltest.latency.LatencyCheck.DEFAULT_PERCENTILE;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_WARMUP}. */
    public static final int DEFAULT_WARMUP = dev.modeltest.latency.LatencyCheck.DEFAULT_WARMUP;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_MAX_WARMUP_MILLIS}. */
    public static final int DEFAULT_MAX_WARMUP_MILLIS = dev.modeltest.latency.LatencyCheck.DEFAULT_MAX_WARMUP_MILLIS;

    /** See {@link dev.modeltest.latency.LatencyCheck#MAX_WARMUP_MILLIS}. */
    public static final int MAX_WARMUP_MILLIS = dev.modeltest.latency.LatencyCheck.MAX_WARMUP_MILLIS;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_SAMPLES}. */
    public static final int DEFAULT_SAMPLES = dev.modeltest.latency.LatencyCheck.DEFAULT_SAMPLES;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_BATCH_SIZE}. */
    public static final int DEFAULT_BATCH_SIZE = dev.modeltest.latency.LatencyCheck.DEFAULT_BATCH_SIZE;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_CONFIDENCE}. */
    public static final double DEFAULT_CONFIDENCE = dev.modeltest.latency.LatencyCheck.DEFAULT_CONFIDENCE;

    /** See {@link dev.modeltest.latency.LatencyCheck#DEFAULT_MAX_ROUNDS}. */
    public static final int DEFAULT_MAX_ROUNDS = dev.modeltest.latency.LatencyCheck.DEFAULT_MAX_ROUNDS;

    /** See {@link dev.modeltest.latency.LatencyCheck#MAX_SAMPLES}. */
    public static final int MAX_SAMPLES = dev.modeltest.latency.LatencyCheck.MAX_SAMPLES;

    /** See {@link dev.modeltest.latency.LatencyCheck#MAX_ROUNDS}. */
    public static final int MAX_ROUNDS = dev.modeltest.latency.LatencyCheck.MAX_ROUNDS;

    private final dev.modeltest.latency.LatencyCheck check;

    /**
     * Creates the check; see {@link dev.modeltest.latency.LatencyCheck#LatencyCheck(String, double, double, int, int,
     * int)}.
     */
    public LatencyCheck(String where, double millis, double percentile, int warmup, int samples, int batchSize) {
        this.check = new dev.modeltest.latency.LatencyCheck(where, millis, percentile, warmup, samples, batchSize);
    }

    /**
     * Starts a builder of the moved class; see {@link dev.modeltest.latency.LatencyCheck#builder(String, double)}.
     *
     * @return a builder whose {@code build()} returns a {@link dev.modeltest.latency.LatencyCheck}
     */
    public static dev.modeltest.latency.LatencyCheck.Builder builder(String where, double millis) {
        return dev.modeltest.latency.LatencyCheck.builder(where, millis);
    }

    @Override
    public CheckResult run(Subject subject) {
        return check.run(subject);
    }
}
