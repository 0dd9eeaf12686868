package dev.modeltest.latency;

import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.Outputs;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Calls a model on prebuilt batches of real rows and times the calls, on the calling thread.
 *
 * <p>One sample is the wall-clock time of {@code callsPerSample} consecutive {@link Model#predict} calls, read with
 * {@link System#nanoTime()} just before the first and just after the last, divided by {@code callsPerSample}. Normally
 * {@code callsPerSample} is 1; it is larger only for calls too short for the timer to resolve (see
 * {@link #callsPerSample}). Call {@code i} of a phase uses batch {@code i mod batches.length}; every phase (warm-up,
 * each round) starts at the first batch. Warm-up and timing run through the same loop, so that the code the warm-up
 * compiles is the code that is timed. What the model writes goes into one reusable, validating {@link Outputs.Discarding}
 * (cleared inside the timed region: a counter increment); the output of the last call of a sample is checked for
 * completeness and folded into a sink after the clock is read, so that the JIT cannot drop the model's work.
 *
 * <p>Not thread-safe: give each thread its own meter.
 *
 * @since 0.1.0
 */
final class LatencyMeter {

    /** Successive warm-up windows agree when their medians differ by at most this fraction of the larger one. */
    public static final double WINDOW_TOLERANCE = 0.05;

    /** A warm-up window lasts at least this long, so that background JIT compilations can land and show. */
    public static final long WINDOW_NANOS = 50_000_000L;

    /** The fewest calls of a warm-up window. */
    public static final int MIN_WINDOW = 10;

    /** The most calls timed between two looks at the clock during a warm-up window. */
    public static final int MAX_WINDOW = 1000;

    /** Warm-up windows have at least a fifth of the minimum warm-up's calls, within [10, 1000]. */
    public static final int WINDOWS_PER_MINIMUM = 5;

    /**
     * An adaptive warm-up makes at least this many times HotSpot's C2 invocation threshold of calls (15000 by default),
     * unless the model is so slow that they would take over {@link #JIT_MINIMUM_NANOS} of calls: a model's top-level
     * methods run once per call, and until C2 has compiled them (and recompiled them on a maturer profile) windows can
     * agree on a plateau that is not the steady state. Measured on the examples' iris forest: 1000 calls left it 60%
     * slower than JMH's steady state, 20000 within 10%. The condition is on the calls' own time (the window median),
     * not on the clock, because on a busy machine the clock runs on while the calls do not: a one-second escape let
     * a loaded run stop at 9200 calls, 40% slow.
     */
    public static final int JIT_INVOCATION_FACTOR = 3;

    /** An adaptive warm-up does not wait for {@link #jitMinimumCalls()} when that many calls would take longer. */
    public static final long JIT_MINIMUM_NANOS = 1_000_000_000L;

    /** A call shorter than this many timer floors is timed in groups of calls. */
    public static final int TIMER_RESOLUTION_FACTOR = 10;

    /** A group of calls aims to last this many timer floors. */
    public static final int GROUP_TIMER_FLOORS = 100;

    /** The largest group of calls per sample. */
    public static final int MAX_CALLS_PER_SAMPLE = 1 << 20;

    private static final int CHUNK = 4096;

    private final Model model;
    private final Batch[] batches;
    private final Outputs.Discarding out;
    /** The clock, or {@code null} for {@link System#nanoTime()}, read directly so that no indirection is timed. */
    private final LongSupplier clock;

    private final String where;
    private final String data;
    private final String quantity;
    private long sink;

    /**
     * Creates a meter.
     *
     * @param model the model to call
     * @param batches the batches to cycle through, all of one size (see {@link Batches#cycle})
     * @param clock a clock in nanoseconds, or {@code null} for {@link System#nanoTime()}
     * @param where the check, for error messages, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param data the data set's name, for error messages
     * @param quantity what is measured, for error messages: {@code latency} or {@code throughput}
     */
    public LatencyMeter(Model model, Batch[] batches, LongSupplier clock, String where, String data, String quantity) {
        this.model = Objects.requireNonNull(model, "model");
        if (batches.length == 0) {
            throw new IllegalArgumentException("no batches to replay");
        }
        this.batches = batches.clone();
        this.out = Outputs.discarding(model, batches[0].size());
        this.clock = clock;
        this.where = where;
        this.data = data;
        this.quantity = quantity;
    }

    /** Returns the calls an adaptive warm-up makes at least (unless they would take over 1 s): 3 × the C2 threshold. */
    public static long jitMinimumCalls() {
        return JIT_INVOCATION_FACTOR * Jit.c2Invocations();
    }

    /** Returns the fewest calls of a warm-up window for a minimum warm-up: a fifth of it, within [10, 1000]. */
    public static int window(int minimumWarmup) {
        return Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, minimumWarmup / WINDOWS_PER_MINIMUM));
    }

    /**
     * Warms the model up, one call per sample.
     *
     * <p>With {@code maxNanos ≤ 0} exactly {@code minimum} calls are made. Otherwise the calls run in windows of at
     * least {@link #window(int)} calls and {@value #WINDOW_NANOS} ns, and the warm-up stops after the first window that
     * ends with at least {@code minimum} calls made, at least {@code jitCalls} calls made (unless that many calls at the
     * window's median would take over {@value #JIT_MINIMUM_NANOS} ns), a median that
     * agrees with the previous window's (they differ by at most {@value #WINDOW_TOLERANCE} of the larger, or by no
     * more than twice the timer's floor) and no JIT compilation during it (when the JVM counts them); or, failing
     * that, after the first window that ends {@code maxNanos} or more after the start. With {@code minimum = 0} there
     * is no warm-up.
     *
     * @param minimum the fewest calls, at least 0
     * @param maxNanos the longest warm-up (it may end up to one window later), or 0 or less for exactly {@code minimum}
     *     calls
     * @param timer the clock's cost, which bounds how close two medians can be told apart
     * @param compilations reads the JVM's count of JIT compilations so far, -1 when unknown
     * @param jitCalls the calls to make before settling unless they would take over 1 s, e.g. {@link
     *     #jitMinimumCalls()}
     */
    public Warmup warmUp(int minimum, long maxNanos, TimerCost timer, LongSupplier compilations, long jitCalls) {
        if (minimum <= 0) {
            return new Warmup(0, false, false, 0, -1, -1, -1);
        }
        long begin = now();
        if (maxNanos <= 0) {
            int chunk = Math.min(minimum, MAX_WINDOW);
            long[] buffer = new long[chunk];
            long calls = 0;
            LatencyHistogram last = null;
            while (calls < minimum) {
                int size = (int) Math.min(chunk, minimum - calls);
                last = new LatencyHistogram();
                calls = record(last, calls, size, 1, buffer, "warm-up", Integer.toString(minimum));
            }
            return new Warmup(calls, false, false, now() - begin, -1, last.percentile(50), -1);
        }
        int chunk = window(minimum);
        long[] buffer = new long[chunk];
        long calls = 0;
        long previous = -1;
        while (true) {
            long windowStart = now();
            long compiledBefore = compilations.getAsLong();
            LatencyHistogram window = new LatencyHistogram();
            do {
                calls = record(window, calls, chunk, 1, buffer, "warm-up", "");
            } while (now() - windowStart < WINDOW_NANOS);
            long compiledAfter = compilations.getAsLong();
            long compiled = compiledBefore < 0 || compiledAfter < 0 ? -1 : compiledAfter - compiledBefore;
            long median = window.percentile(50);
            boolean jitHadItsChance = calls >= jitCalls || (double) median * jitCalls > JIT_MINIMUM_NANOS;
            boolean settled = jitHadItsChance && previous >= 0 && agree(previous, median, timer) && compiled <= 0;
            if (calls >= minimum && (settled || now() - begin >= maxNanos)) {
                return new Warmup(calls, true, settled, now() - begin, previous, median, compiled);
            }
            previous = median;
        }
    }

    /** Returns whether two window medians agree within the tolerance or the timer's floor. */
    static boolean agree(long a, long b, TimerCost timer) {
        long difference = Math.abs(a - b);
        return difference <= WINDOW_TOLERANCE * Math.max(a, b) || difference <= 2 * timer.floorNanos();
    }

    /**
     * Returns how many calls one sample should time: 1, unless a call (the median of the last warm-up window) is
     * shorter than {@value #TIMER_RESOLUTION_FACTOR}× the timer's floor; then enough calls for a group to last about
     * {@value #GROUP_TIMER_FLOORS} floors.
     */
    public static int callsPerSample(long medianCallNanos, TimerCost timer) {
        long floor = timer.floorNanos();
        if (medianCallNanos < 0 || medianCallNanos >= (long) TIMER_RESOLUTION_FACTOR * floor) {
            return 1;
        }
        long needed = (GROUP_TIMER_FLOORS * floor + Math.max(1, medianCallNanos) - 1) / Math.max(1, medianCallNanos);
        return (int) Math.max(2, Math.min(MAX_CALLS_PER_SAMPLE, needed));
    }

    /**
     * Times {@code samples} samples of {@code callsPerSample} calls each into a new histogram (nanoseconds per call).
     *
     * @param phase the phase's name for error messages, e.g. {@code round 2}
     */
    public LatencyHistogram measure(int samples, int callsPerSample, String phase) {
        LatencyHistogram histogram = new LatencyHistogram();
        record(
                histogram,
                0,
                samples,
                callsPerSample,
                new long[Math.min(samples, CHUNK)],
                phase,
                Long.toString((long) samples * callsPerSample));
        return histogram;
    }

    /**
     * Times {@code samples} samples from call {@code firstCall} of a phase into {@code into}, a chunk at a time, and
     * returns the index of the next call. Warm-up windows and measured rounds both run through it, so that a round
     * starts on code the warm-up has compiled.
     */
    private long record(
            LatencyHistogram into,
            long firstCall,
            int samples,
            int callsPerSample,
            long[] buffer,
            String phase,
            String ofCalls) {
        long call = firstCall;
        for (int done = 0; done < samples; ) {
            int size = Math.min(buffer.length, samples - done);
            call = time(call, size, callsPerSample, buffer, phase, ofCalls);
            for (int i = 0; i < size; i++) {
                into.record(buffer[i]);
            }
            done += size;
        }
        return call;
    }

    /**
     * Calls the model one call per sample until a call ends at or after {@code deadlineNanos} (by this meter's clock),
     * recording every call's time, for throughput: the calls then cover the whole window, the last one possibly
     * running past its end.
     *
     * @param deadlineNanos when to stop, by the clock
     * @param into receives every call's time
     * @param phase the phase's name for error messages
     * @return the calls made and when the first started and the last ended
     */
    public Span measureUntil(long deadlineNanos, LatencyHistogram into, String phase) {
        LongSupplier clock = this.clock;
        Model model = this.model;
        Batch[] batches = this.batches;
        Outputs.Discarding out = this.out;
        long call = 0;
        long first = -1;
        long end;
        long sink = 0;
        try {
            do {
                out.clear();
                long start = clock == null ? System.nanoTime() : clock.getAsLong();
                model.predict(batches[(int) (call % batches.length)], out);
                end = clock == null ? System.nanoTime() : clock.getAsLong();
                call++;
                if (first < 0) {
                    first = start;
                }
                into.record(end - start);
                out.requireComplete();
                sink += out.fingerprint();
            } while (end < deadlineNanos);
        } catch (ModelTestException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(e, call, phase, "");
        }
        this.sink += sink;
        return new Span(call, first, end);
    }

    private ModelException failure(Throwable e, long call, String phase, String ofCalls) {
        Batch batch = batches[(int) (call % batches.length)];
        int firstRow = batch.row(0).index() + 1;
        String rows = batch.size() == 1 ? "row " + firstRow : batch.size() + " rows from row " + firstRow;
        String of = ofCalls.isEmpty() ? "" : " of " + ofCalls;
        return new ModelException(
                model.describe() + " failed on " + phase + " call " + (call + 1) + of + " (" + rows + " of " + data
                        + ") while " + where + " measured its " + quantity + ": " + e,
                e);
    }

    /**
     * Times samples into {@code into[0, count)} starting at call {@code firstCall} of the phase, and returns the index
     * of the next call. The only loop that calls the model for latency.
     */
    private long time(long firstCall, int count, int callsPerSample, long[] into, String phase, String ofCalls) {
        LongSupplier clock = this.clock;
        Model model = this.model;
        Batch[] batches = this.batches;
        Outputs.Discarding out = this.out;
        long call = firstCall;
        long sink = 0;
        try {
            for (int s = 0; s < count; s++) {
                long start = clock == null ? System.nanoTime() : clock.getAsLong();
                for (int j = 0; j < callsPerSample; j++) {
                    out.clear();
                    model.predict(batches[(int) (call % batches.length)], out);
                    call++;
                }
                long end = clock == null ? System.nanoTime() : clock.getAsLong();
                long elapsed = end - start;
                into[s] = callsPerSample == 1 ? elapsed : Math.round((double) elapsed / callsPerSample);
                out.requireComplete();
                sink += out.fingerprint();
            }
        } catch (ModelTestException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(e, call, phase, ofCalls);
        }
        this.sink += sink;
        return call;
    }

    private long now() {
        return clock == null ? System.nanoTime() : clock.getAsLong();
    }

    /** Returns a number that depends on every sample's output, to be published where the JIT cannot ignore it. */
    public long sink() {
        return sink;
    }

    /**
     * The calls of a {@link #measureUntil} run.
     *
     * @param calls the calls made
     * @param startNanos when the first call started, by the clock
     * @param endNanos when the last call ended, by the clock
     */
    public record Span(long calls, long startNanos, long endNanos) {}

    /**
     * How the warm-up went.
     *
     * @param calls the calls made
     * @param adaptive whether it ran in windows until they agreed (rather than a fixed count)
     * @param settled whether the last two windows agreed with no JIT compilation in the last (always false for a fixed
     *     warm-up)
     * @param nanos how long it took, by the clock
     * @param previousMedianNanos the median call of the second-to-last window, or -1
     * @param lastMedianNanos the median call of the last window (or of the last 1000 calls of a fixed warm-up), or -1
     *     without warm-up
     * @param lastWindowCompilations the JIT compilations during the last window, or -1 when unknown or fixed
     */
    public record Warmup(
            long calls,
            boolean adaptive,
            boolean settled,
            long nanos,
            long previousMedianNanos,
            long lastMedianNanos,
            long lastWindowCompilations) {}
}
