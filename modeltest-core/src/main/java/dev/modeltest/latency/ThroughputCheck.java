package dev.modeltest.latency;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Format;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.subject.Subject;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Passes when several threads calling the model at once predict at least a number of rows per second, measured
 * in-process on real rows of the test data after a warm-up.
 *
 * <p>Each of {@code threads} threads gets its own output and starts at its own place in the cycle of batches (thread
 * {@code t} of {@code n} at batch {@code t × batches / n}), warms up as {@code @LatencyUnder} does (at least
 * {@code warmup} untimed calls, then windows until they agree and the JIT is quiet, for at most
 * {@code maxWarmupMillis}; exactly {@code warmup} calls with {@code maxWarmupMillis = 0}), and waits for the
 * others; then all call the model back to back for {@code durationMillis}, each recording every call's latency. A
 * thread stops after the first call that ends at or after the common deadline, so every thread covers the whole
 * window. Throughput is all rows predicted divided by the window, from its start to the end of the last call.
 * Per-thread figures divide each thread's rows by its own span. The verdict compares the throughput with the
 * limit (a point value: the window is one long sample, see the documentation); GC, safepoints and the threads'
 * involuntary context switches during the window are reported.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ThroughputCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "throughput-at-least";

    /** The rows per call when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /** The threads when none is given: 0, one per available processor. */
    public static final int DEFAULT_THREADS = 0;

    /** The untimed calls per thread when none is given. */
    public static final int DEFAULT_WARMUP = 1000;

    /** The longest warm-up per thread when none is given, in milliseconds. */
    public static final int DEFAULT_MAX_WARMUP_MILLIS = 5000;

    /** The measured window when none is given, in milliseconds. */
    public static final int DEFAULT_DURATION_MILLIS = 1000;

    /** The most threads. */
    public static final int MAX_THREADS = 1024;

    /** The longest window, in milliseconds: ten minutes. */
    public static final int MAX_DURATION_MILLIS = 600_000;

    @SuppressWarnings("unused")
    private static volatile long blackhole;

    private final String where;
    private final double rowsPerSecond;
    private final int threads;
    /** The settings every thread shares, with the clock and counter sources (tests script them). */
    private final ThroughputMeasurement.Setup setup;

    private ThroughputCheck(Builder b) {
        String where = b.where;
        if (!(b.rowsPerSecond > 0) || Double.isInfinite(b.rowsPerSecond)) {
            throw ConfigurationException.badAttribute(
                    where, "rowsPerSecond", "must be positive and finite", Format.number(b.rowsPerSecond));
        }
        LatencyAttributes.requireAtLeast(where, "batchSize", b.batchSize, 1);
        if (b.threads < 0 || b.threads > MAX_THREADS) {
            throw ConfigurationException.badAttribute(
                    where, "threads", "must be in [0, " + MAX_THREADS + "] (0: one per processor)", b.threads);
        }
        // The warm-up is @LatencyUnder's, with its rules.
        LatencyAttributes.requireWarmup(where, b.warmup, b.maxWarmupMillis);
        LatencyAttributes.requireInRange(where, "durationMillis", b.durationMillis, 1, MAX_DURATION_MILLIS);
        this.where = where;
        this.rowsPerSecond = b.rowsPerSecond;
        this.threads = b.threads;
        this.setup = new ThroughputMeasurement.Setup(
                where, b.batchSize, b.warmup, b.maxWarmupMillis, b.durationMillis, b.clock, b.noise, b.switches);
    }

    /**
     * Starts a check with every other setting at its default.
     *
     * @param where where it was configured, for messages, e.g. {@code @ThroughputAtLeast on IrisTest.busy()}
     * @param rowsPerSecond the fewest acceptable rows predicted per second, over all threads; finite and positive
     */
    public static Builder builder(String where, double rowsPerSecond) {
        return new Builder(where, rowsPerSecond);
    }

    /** Measures the throughput of the model on the subject's rows, decides on it and describes both. */
    @Override
    public CheckResult run(Subject subject) {
        Model model = subject.requireModel(where);
        int threadCount = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount > 1 && !model.isThreadSafe()) {
            throw new ConfigurationException(where + ": 'threads' is " + threadCount + ", but " + model.describe()
                    + " is not safe for concurrent calls (isThreadSafe() is false); use threads = 1");
        }
        Features features = subject.features();
        String data = subject.data().name();
        ThroughputMeasurement measured = measure(model, features, data, threadCount);
        blackhole = measured.sink();
        Verdict verdict = decide(measured);
        return ThroughputResult.of(setup, rowsPerSecond, measured, verdict, model.describe(), data);
    }

    /** Runs the threads: each warms up, then all call the model for {@code durationMillis}. */
    private ThroughputMeasurement measure(Model model, Features features, String data, int threadCount) {
        Batch[] batches = Batches.cycle(features, setup.batchSize(), Long.MAX_VALUE);
        return ThroughputMeasurement.take(
                setup,
                threadCount,
                batches,
                rotated -> new LatencyMeter(model, rotated, setup.clock(), where, data, "throughput"));
    }

    /**
     * Decides with the shared rule on the point value: the window is one long sample, so there is no interval (see
     * the documentation).
     */
    private Verdict decide(ThroughputMeasurement measured) {
        return Decision.of(
                        Threshold.Comparison.AT_LEAST,
                        rowsPerSecond,
                        0,
                        measured.rowsPerSecond(),
                        null,
                        measured.calls())
                .verdict();
    }

    /**
     * Configures a {@link ThroughputCheck}; every setting starts at its default.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String where;
        private final double rowsPerSecond;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int threads = DEFAULT_THREADS;
        private int warmup = DEFAULT_WARMUP;
        private int maxWarmupMillis = DEFAULT_MAX_WARMUP_MILLIS;
        private int durationMillis = DEFAULT_DURATION_MILLIS;
        private LongSupplier clock;
        private Supplier<Interference.Snapshot> noise = Interference::snapshot;
        private LongSupplier switches = Interference::threadInvoluntarySwitches;

        private Builder(String where, double rowsPerSecond) {
            this.where = Objects.requireNonNull(where, "where");
            this.rowsPerSecond = rowsPerSecond;
        }

        /** Sets the rows per call, at least 1. Default 1. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the threads calling the model at once, in [0, 1024]; 0 means one per available processor. Default 0. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Sets the untimed calls each thread makes first, at least 0. Default 1000. */
        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        /**
         * Sets the longest warm-up per thread, in milliseconds, in [0, 600000], as {@code @LatencyUnder}'s; 0 means
         * exactly {@code warmup} calls. Default 5000.
         */
        public Builder maxWarmupMillis(int maxWarmupMillis) {
            this.maxWarmupMillis = maxWarmupMillis;
            return this;
        }

        /** Sets how long the threads call the model, in milliseconds, in [1, 600000]. Default 1000. */
        public Builder durationMillis(int durationMillis) {
            this.durationMillis = durationMillis;
            return this;
        }

        /** Sets a scripted clock in nanoseconds, for tests (use it with one thread); {@code null}: the real one. */
        Builder clock(LongSupplier clock) {
            this.clock = clock;
            return this;
        }

        /** Sets scripted sources of interference counters, JVM-wide and per thread, for tests. */
        Builder noise(Supplier<Interference.Snapshot> noise, LongSupplier switches) {
            this.noise = Objects.requireNonNull(noise, "noise");
            this.switches = Objects.requireNonNull(switches, "switches");
            return this;
        }

        /**
         * Builds the check.
         *
         * @throws ConfigurationException naming the attribute and its value when one is out of range
         */
        public ThroughputCheck build() {
            return new ThroughputCheck(this);
        }
    }
}
