package dev.modeltest.latency;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
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
 * Passes when the model's prediction latency at a percentile is at most a limit, measured in-process on real rows of
 * the test data after a warm-up, and decided on the percentile's confidence interval.
 *
 * <p><b>Samples.</b> One sample is the wall-clock time of one {@link Model#predict} call on {@code batchSize} rows, on
 * the calling thread, read with {@link System#nanoTime()} just before and just after the call (see
 * {@link LatencyMeter}). It includes whatever the JVM and the machine do meanwhile (JIT compilation, GC pauses, other
 * processes) and about one timer read; it excludes building the batches (done before) and checking the output (done
 * after). Calls cycle through the rows: call {@code i} hands rows {@code i × batchSize} onwards, modulo the row count.
 * Every sample goes into an HdrHistogram ({@link LatencyHistogram}).
 *
 * <p><b>Warm-up.</b> Untimed calls in windows of at least 50 ms, until at least {@code warmup} calls and 3× the JIT's
 * C2 threshold (unless those would take over 1 s) are made, the medians of the last two windows agree within 5% and
 * the JIT compiled nothing during the last one; at most for
 * {@code maxWarmupMillis} (see {@link LatencyMeter#warmUp}). With {@code maxWarmupMillis = 0}: exactly {@code warmup}
 * calls.
 *
 * <p><b>Timer.</b> The cost of reading the clock is measured first and reported. When a call (the median of the last
 * warm-up window) is shorter than ten times the timer's cost or resolution, each sample times a group of consecutive
 * calls instead, long enough to be timed, and records the mean per call; the message says so.
 *
 * <p><b>Decision.</b> The latency at percentile {@code p} is the smallest sample such that at least {@code p}% of the
 * samples are at most it (nearest rank); {@code p = 100} is the maximum. With {@code confidence > 0} (and
 * {@code p < 100}) it comes with a distribution-free confidence interval from order statistics
 * ({@link QuantileInterval}): the check passes when the interval's upper bound is at most the limit and fails when its
 * lower bound is over it. When the interval straddles the limit (or has no upper bound yet), the check measures another
 * round of {@code samples} and decides on all rounds pooled, up to {@code maxRounds}; it also passes as soon as a
 * round's own interval is under the limit, because interference only ever adds time: a round that meets the limit
 * shows the model does, and slower rounds were disturbed. If the pooled interval still
 * straddles the limit then, it decides on the pooled point value (too close to call either way; the message says so),
 * or, with {@code inconclusive = true}, returns {@link Verdict#INCONCLUSIVE}. With {@code confidence = 0}, or for the
 * maximum, it decides on the point value, in one round. GC, safepoints and involuntary context switches of each round are counted
 * and reported ({@link Interference}).
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class LatencyCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "latency-under";

    /** The percentile used when none is given: 99. */
    public static final double DEFAULT_PERCENTILE = 99;

    /** The least number of untimed calls made before timing when none is given. */
    public static final int DEFAULT_WARMUP = 1000;

    /** The longest warm-up when none is given, in milliseconds. */
    public static final int DEFAULT_MAX_WARMUP_MILLIS = 5000;

    /** The largest {@code maxWarmupMillis}: ten minutes. */
    public static final int MAX_WARMUP_MILLIS = 600_000;

    /** The number of timed calls per round when none is given. */
    public static final int DEFAULT_SAMPLES = 1000;

    /** The number of rows per call when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /** The confidence of the interval the check decides on when none is given. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The most rounds of measurement when none is given. */
    public static final int DEFAULT_MAX_ROUNDS = 3;

    /** The largest {@code samples}, so that all rounds pooled stay countable. */
    public static final int MAX_SAMPLES = 100_000_000;

    /** The largest {@code maxRounds}. */
    public static final int MAX_ROUNDS = 10;

    /** The confidence shown in the table when the check decides on the point value. */
    static final double REPORTED_CONFIDENCE = IntervalPolicy.REPORTED_LEVEL;

    /**
     * The lowest confidence the check decides on, as documented: an interval at a lower level is more likely than not to
     * miss the percentile.
     */
    static final double LOWEST_CONFIDENCE = 0.5;

    /** Receives the outputs' fingerprints so that the model's work is observable and cannot be dropped. */
    @SuppressWarnings("unused")
    private static volatile long blackhole;

    private final LatencySettings settings;
    /** The test clock, or {@code null} for {@link System#nanoTime()}. */
    private final LongSupplier clock;
    /** Reads GC, safepoint, JIT and context-switch counters; tests script it. */
    private final Supplier<Interference.Snapshot> noise;
    /** Reads the JIT compilation count during the warm-up; tests script it. */
    private final LongSupplier compilations;

    /**
     * Creates the check with the default {@code maxWarmupMillis}, {@code confidence} and {@code maxRounds}; see
     * {@link #builder(String, double)} for all settings.
     *
     * @param where where it was configured, for messages, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param millis the highest acceptable latency per call, in milliseconds; finite and positive
     * @param percentile the percentile of the call latencies compared with {@code millis}, in (0, 100]
     * @param warmup the least number of untimed calls made first, at least 0
     * @param samples the number of timed calls per round, in [1, {@value #MAX_SAMPLES}]
     * @param batchSize the number of rows per call, at least 1
     * @throws ConfigurationException naming the attribute and its value when one is out of range
     */
    public LatencyCheck(String where, double millis, double percentile, int warmup, int samples, int batchSize) {
        this(builder(where, millis)
                .percentile(percentile)
                .warmup(warmup)
                .samples(samples)
                .batchSize(batchSize));
    }

    private LatencyCheck(Builder b) {
        String where = b.where;
        if (!(b.millis > 0)) {
            throw ConfigurationException.badAttribute(where, "millis", "must be positive", Format.number(b.millis));
        }
        if (Double.isInfinite(b.millis)) {
            throw ConfigurationException.badAttribute(where, "millis", "must be finite", Format.number(b.millis));
        }
        if (!(b.percentile > 0 && b.percentile <= 100)) {
            throw ConfigurationException.badAttribute(
                    where, "percentile", "must be in (0, 100]", Format.number(b.percentile));
        }
        LatencyAttributes.requireWarmup(where, b.warmup, b.maxWarmupMillis);
        LatencyAttributes.requireInRange(where, "samples", b.samples, 1, MAX_SAMPLES);
        LatencyAttributes.requireAtLeast(where, "batchSize", b.batchSize, 1);
        IntervalPolicy.requireConfidence(where, "confidence", b.confidence, true, LOWEST_CONFIDENCE);
        LatencyAttributes.requireInRange(where, "maxRounds", b.maxRounds, 1, MAX_ROUNDS);
        this.settings = new LatencySettings(
                where,
                b.millis,
                b.percentile,
                b.warmup,
                b.maxWarmupMillis,
                b.samples,
                b.batchSize,
                b.confidence,
                b.maxRounds,
                b.inconclusive,
                b.jitCalls);
        this.clock = b.clock;
        this.noise = b.noise;
        this.compilations = b.compilations;
    }

    /**
     * Starts a check with every other setting at its default.
     *
     * @param where where it was configured, for messages, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param millis the highest acceptable latency per call, in milliseconds; finite and positive
     */
    public static Builder builder(String where, double millis) {
        return new Builder(where, millis);
    }

    /**
     * Measures the model's latency on the subject's rows, round by round until the decision is taken, and describes
     * what was measured and decided.
     */
    @Override
    public CheckResult run(Subject subject) {
        Model model = subject.requireModel(settings.where());
        Features features = subject.features();
        String data = subject.data().name();
        LatencyMeasurement measured = measure(model, features, data);
        blackhole = measured.sink();
        return LatencyResult.of(settings, measured, model.describe(), data);
    }

    /** Warms up and measures rounds, each one followed by the {@link LatencyDecision}, until it decides. */
    private LatencyMeasurement measure(Model model, Features features, String data) {
        Batch[] batches = Batches.cycle(features, settings.batchSize(), Batches.MAX_PREBUILT_BATCHES);
        LatencyMeter meter = new LatencyMeter(model, batches, clock, settings.where(), data, "latency");
        return LatencyMeasurement.take(settings, meter, clock, noise, compilations, new LatencyDecision(settings));
    }

    /**
     * Configures a {@link LatencyCheck}; every setting starts at its default.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String where;
        private final double millis;
        private double percentile = DEFAULT_PERCENTILE;
        private int warmup = DEFAULT_WARMUP;
        private int maxWarmupMillis = DEFAULT_MAX_WARMUP_MILLIS;
        private int samples = DEFAULT_SAMPLES;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private double confidence = DEFAULT_CONFIDENCE;
        private int maxRounds = DEFAULT_MAX_ROUNDS;
        private boolean inconclusive;
        private LongSupplier clock;
        private Supplier<Interference.Snapshot> noise = Interference::snapshot;
        /** Takes a whole snapshot, not just the JIT count, so that the code rounds use to read them is warm too. */
        private LongSupplier compilations = () -> Interference.snapshot().jitCompilations();

        private long jitCalls = LatencyMeter.jitMinimumCalls();

        private Builder(String where, double millis) {
            this.where = Objects.requireNonNull(where, "where");
            this.millis = millis;
        }

        /** Sets the percentile compared with the limit, in (0, 100]; 100 means the slowest call. Default 99. */
        public Builder percentile(double percentile) {
            this.percentile = percentile;
            return this;
        }

        /** Sets the fewest untimed calls made first, at least 0 (0: no warm-up at all). Default 1000. */
        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        /**
         * Sets the longest warm-up, in milliseconds, in [0, 600000]: the warm-up runs in windows of at least 50 ms
         * until, past {@code warmup} calls, two successive windows agree and the JIT is quiet, or until this long has
         * passed. 0 means exactly {@code warmup} calls. Default 5000.
         */
        public Builder maxWarmupMillis(int maxWarmupMillis) {
            this.maxWarmupMillis = maxWarmupMillis;
            return this;
        }

        /** Sets the number of timed calls per round, in [1, 10⁸]. Default 1000. */
        public Builder samples(int samples) {
            this.samples = samples;
            return this;
        }

        /** Sets the rows per call, at least 1. Default 1. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the confidence of the interval decided on, in [0.5, 1), or 0 to decide on the point value. Default 0.95. */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /** Sets the most rounds of {@code samples} measured while the interval straddles the limit, in [1, 10]. Default 3. */
        public Builder maxRounds(int maxRounds) {
            this.maxRounds = maxRounds;
            return this;
        }

        /**
         * Sets what the check does when the interval still straddles the limit after {@code maxRounds}: decide on the
         * pooled point value ({@code false}, the default) or return INCONCLUSIVE ({@code true}).
         */
        public Builder inconclusive(boolean inconclusive) {
            this.inconclusive = inconclusive;
            return this;
        }

        /** Sets a scripted clock in nanoseconds, for tests; {@code null} means {@link System#nanoTime()}. */
        Builder clock(LongSupplier clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets scripted sources of interference counters and of the JIT compilation count, and the warm-up's JIT
         * minimum in calls, for tests.
         */
        Builder noise(Supplier<Interference.Snapshot> noise, LongSupplier compilations, long jitCalls) {
            this.noise = Objects.requireNonNull(noise, "noise");
            this.compilations = Objects.requireNonNull(compilations, "compilations");
            this.jitCalls = jitCalls;
            return this;
        }

        /**
         * Builds the check.
         *
         * @throws ConfigurationException naming the attribute and its value when one is out of range
         */
        public LatencyCheck build() {
            return new LatencyCheck(this);
        }
    }
}
