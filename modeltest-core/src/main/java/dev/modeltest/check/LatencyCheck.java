package dev.modeltest.check;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Outputs;
import dev.modeltest.subject.Subject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * Passes when the model's prediction latency at a percentile is at most a limit, measured in-process on real rows of
 * the test data after a warm-up.
 *
 * <p>One sample is the wall-clock time of one {@link Model#predict} call on {@code batchSize} rows, on the calling
 * thread, read with {@link System#nanoTime()} just before and just after the call. It includes whatever the JVM does
 * meanwhile (JIT compilation, GC pauses) and about one timer read; it excludes building the batches (done before
 * timing) and checking the output (done after). Calls cycle through the rows: call {@code i} hands rows
 * {@code i * batchSize} to {@code i * batchSize + batchSize - 1}, modulo the row count. Warm-up calls are made the same
 * way and not recorded.
 *
 * <p>The latency at percentile {@code p} is the smallest recorded value such that at least {@code p}% of the samples
 * are at most it (nearest rank); {@code p = 100} is the maximum. Samples are kept in an HdrHistogram with three
 * significant digits, so a reported percentile may be up to 0.1% above the true sample, never below; the maximum and
 * the mean are exact.
 *
 * <p>The cost of the timer itself (the median of back-to-back {@code nanoTime()} pairs) is measured once per run and
 * reported. When the median call is shorter than ten times that cost (or than the
 * timer's tick), per-call figures are mostly timer noise; the message then says so and suggests a larger batch.
 *
 * <p>The check measures the user's model, on whatever else the machine is doing at the time: run latency gates on a
 * quiet machine, and not in parallel with other heavy tests, for stable figures.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class LatencyCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "latency-under";

    /** The percentile used when none is given: 99. */
    public static final double DEFAULT_PERCENTILE = 99;

    /** The number of untimed calls made before timing when none is given. */
    public static final int DEFAULT_WARMUP = 1000;

    /** The number of timed calls when none is given. */
    public static final int DEFAULT_SAMPLES = 1000;

    /** The number of rows per call when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /** A median call shorter than this many timer costs is reported as being at the timer's resolution. */
    static final int TIMER_RESOLUTION_FACTOR = 10;

    /** The suggested batch size aims at calls this many timer costs long. */
    static final int SUGGESTED_CALL_TIMER_COSTS = 100;

    /** At most this many batches are built up front; calls cycle through them. */
    static final int MAX_PREBUILT_BATCHES = 10_000;

    /** At most this many row indexes (over all batches) are built up front. */
    static final int MAX_PREBUILT_ROWS = 1 << 20;

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final int TIMER_PAIRS = 1001;
    private static final int TIMER_ROUNDS = 3;
    private static final int TICK_PROBES = 20;
    private static final int MAX_TICK_SPINS = 1_000_000;
    private static final double NANOS_PER_MILLI = 1e6;

    /** Receives the outputs' fingerprints so that the model's work is observable and cannot be dropped. */
    @SuppressWarnings("unused")
    private static volatile long blackhole;

    private final String where;
    private final double millis;
    private final double percentile;
    private final int warmup;
    private final int samples;
    private final int batchSize;
    /** The test clock, or {@code null} for {@link System#nanoTime()}. */
    private final LongSupplier clock;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param millis the highest acceptable latency per call, in milliseconds; finite and positive
     * @param percentile the percentile of the call latencies compared with {@code millis}, in (0, 100]; 100 means the
     *     slowest call
     * @param warmup the number of untimed calls made first, at least 0 (see {@link #DEFAULT_WARMUP})
     * @param samples the number of timed calls, at least 1 (see {@link #DEFAULT_SAMPLES})
     * @param batchSize the number of rows per call, at least 1 (see {@link #DEFAULT_BATCH_SIZE})
     * @throws ConfigurationException naming the attribute and its value when one is out of range
     */
    public LatencyCheck(String where, double millis, double percentile, int warmup, int samples, int batchSize) {
        this(where, millis, percentile, warmup, samples, batchSize, null);
    }

    /**
     * Creates the check with another clock, in nanoseconds, so that tests can script durations; {@code null} means
     * {@link System#nanoTime()}, read directly so that no indirection is timed.
     */
    LatencyCheck(
            String where,
            double millis,
            double percentile,
            int warmup,
            int samples,
            int batchSize,
            LongSupplier clock) {
        Objects.requireNonNull(where, "where");
        if (!(millis > 0)) {
            throw ConfigurationException.badAttribute(where, "millis", "must be positive", Format.number(millis));
        }
        if (Double.isInfinite(millis)) {
            throw ConfigurationException.badAttribute(where, "millis", "must be finite", Format.number(millis));
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw ConfigurationException.badAttribute(
                    where, "percentile", "must be in (0, 100]", Format.number(percentile));
        }
        if (warmup < 0) {
            throw ConfigurationException.badAttribute(where, "warmup", "must be at least 0", warmup);
        }
        if (samples < 1) {
            throw ConfigurationException.badAttribute(where, "samples", "must be at least 1", samples);
        }
        if (batchSize < 1) {
            throw ConfigurationException.badAttribute(where, "batchSize", "must be at least 1", batchSize);
        }
        this.where = where;
        this.millis = millis;
        this.percentile = percentile;
        this.warmup = warmup;
        this.samples = samples;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public CheckResult run(Subject subject) {
        Model model = subject.requireModel(where);
        Features features = subject.features();
        String data = subject.data().name();
        Batch[] batches = batches(features, batchSize, Math.max(warmup, samples));
        Outputs.Discarding out = Outputs.discarding(model, batchSize);

        Timer timer = Timer.measure(clock);
        Timing warm = drive(model, batches, out, warmup, "warm-up", data);
        Timing timed = drive(model, batches, out, samples, "timed", data);
        blackhole = warm.sink ^ timed.sink;

        long atPercentile = timed.valueAt(percentile);
        long p50 = timed.valueAt(50);
        double measured = atPercentile / NANOS_PER_MILLI;
        boolean holds = measured <= millis;

        int limitDecimals = decimalsFor(millis);
        int decimals = Math.max(limitDecimals, decimalsToShow(p50 / NANOS_PER_MILLI));
        String label = percentileLabel(percentile);
        String rows = rows(batchSize) + " per call";

        StringBuilder message = new StringBuilder()
                .append("Expecting ")
                .append(label)
                .append(" latency of ")
                .append(model.describe())
                .append(" on ")
                .append(data)
                .append(" (")
                .append(rows)
                .append(", ")
                .append(count(samples, "sample"))
                .append(warmup == 0 ? " without warm-up" : " after " + count(warmup, "warm-up call"))
                .append("):\n  ")
                .append(ms(measured, decimals))
                .append("\nto be at most:\n  ")
                .append(ms(millis, decimals));
        if (!holds) {
            message.append("\nbut it was ")
                    .append(ms(measured - millis, decimals))
                    .append(" over.");
        }
        message.append("\ndistribution: ");
        TreeSet<Double> shown = new TreeSet<>(Arrays.asList(50.0, 90.0, 99.0));
        if (percentile < 100) {
            shown.add(percentile);
        }
        for (double p : shown) {
            message.append(percentileLabel(p))
                    .append(' ')
                    .append(ms(timed.valueAt(p) / NANOS_PER_MILLI, decimals))
                    .append(", ");
        }
        message.append("max ")
                .append(ms(timed.max / NANOS_PER_MILLI, decimals))
                .append(", mean ")
                .append(ms(timed.meanNanos() / NANOS_PER_MILLI, decimals))
                .append(" (timer cost ")
                .append(fine(timer.costNanos));
        if (timer.tickNanos > timer.costNanos) {
            message.append(", resolution ").append(fine(timer.tickNanos));
        }
        message.append(')');
        if (p50 < (double) TIMER_RESOLUTION_FACTOR * timer.floorNanos()) {
            message.append("\nnote: the median call (")
                    .append(fine(p50))
                    .append(") is under ")
                    .append(TIMER_RESOLUTION_FACTOR)
                    .append("× the timer's cost and resolution (")
                    .append(fine(timer.floorNanos()))
                    .append("), so per-call figures are at the timer's resolution;")
                    .append(" time more rows per call instead, e.g. batchSize = ")
                    .append(suggestedBatchSize(p50, timer.floorNanos()));
        }

        return CheckResult.builder(ID, Family.LATENCY)
                .title(label + " latency ≤ " + ms(millis, limitDecimals) + " (" + rows + ")")
                .passedIf(holds)
                .measured(measured)
                .threshold("≤ " + ms(millis, limitDecimals))
                .n(samples)
                .message(message.toString())
                .detail("percentile", percentile)
                .detail("p50Millis", p50 / NANOS_PER_MILLI)
                .detail("p90Millis", timed.valueAt(90) / NANOS_PER_MILLI)
                .detail("p99Millis", timed.valueAt(99) / NANOS_PER_MILLI)
                .detail("p999Millis", timed.valueAt(99.9) / NANOS_PER_MILLI)
                .detail("maxMillis", timed.max / NANOS_PER_MILLI)
                .detail("meanMillis", timed.meanNanos() / NANOS_PER_MILLI)
                .detail("samples", samples)
                .detail("warmup", warmup)
                .detail("batchSize", batchSize)
                .detail("timerNanos", timer.costNanos)
                .detail("timerResolutionNanos", timer.tickNanos)
                .build();
    }

    /**
     * Calls the model {@code calls} times, cycling through the batches, and records the time of each call. Warm-up
     * and timing run through this same code, so that the code the warm-up compiles is the code that is timed.
     */
    private Timing drive(Model model, Batch[] batches, Outputs.Discarding out, int calls, String phase, String data) {
        LongSupplier clock = this.clock;
        Timing timing = new Timing();
        int call = 0;
        try {
            for (; call < calls; call++) {
                Batch batch = batches[call % batches.length];
                out.clear();
                long start = clock == null ? System.nanoTime() : clock.getAsLong();
                model.predict(batch, out);
                long end = clock == null ? System.nanoTime() : clock.getAsLong();
                long elapsed = end - start;
                timing.record(Math.max(0, elapsed));
                out.requireComplete();
                timing.sink += out.fingerprint();
            }
        } catch (ModelTestException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            Batch batch = batches[call % batches.length];
            int firstRow = batch.row(0).index() + 1;
            String rows = batch.size() == 1 ? "row " + firstRow : batch.size() + " rows from row " + firstRow;
            throw new ModelException(
                    model.describe() + " failed on " + phase + " call " + (call + 1) + " of " + calls + " (" + rows
                            + " of " + data + ") while " + where + " measured its latency: " + e,
                    e);
        }
        return timing;
    }

    /**
     * Builds the batches up front: batch {@code k} holds rows {@code k * batchSize} onwards, wrapping around the end
     * of the data. Beyond one full cycle through the data the batches would repeat, so at most that many are built
     * (and no more than the calls need or the caps allow).
     */
    static Batch[] batches(Features features, int batchSize, int calls) {
        int rows = features.rowCount();
        int cycle = rows / gcd(rows, batchSize);
        int count = Math.min(Math.min(calls, cycle), MAX_PREBUILT_BATCHES);
        count = Math.max(1, Math.min(count, MAX_PREBUILT_ROWS / batchSize));
        Batch[] batches = new Batch[count];
        int[] indexes = new int[batchSize];
        for (int k = 0; k < count; k++) {
            long start = (long) k * batchSize;
            for (int j = 0; j < batchSize; j++) {
                indexes[j] = (int) ((start + j) % rows);
            }
            batches[k] = features.batch(indexes);
        }
        return batches;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Returns a batch size that should make a call last about {@value #SUGGESTED_CALL_TIMER_COSTS} timer costs. */
    private long suggestedBatchSize(long p50, long timerNanos) {
        double perRow = Math.max(1, p50) / (double) batchSize;
        double needed = SUGGESTED_CALL_TIMER_COSTS * timerNanos / perRow;
        long suggestion = 10;
        while (suggestion < needed && suggestion < 1_000_000_000L) {
            suggestion *= 10;
        }
        return suggestion;
    }

    private static String percentileLabel(double percentile) {
        return percentile >= 100 ? "max" : "p" + Format.number(percentile);
    }

    private static String rows(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Returns the decimals (3 to 6) that show a limit such as {@code 0.0005} without rounding it. */
    static int decimalsFor(double ms) {
        int decimals = 3;
        while (decimals < 6) {
            double scaled = ms * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) <= 1e-9 * Math.max(1, scaled)) {
                break;
            }
            decimals++;
        }
        return decimals;
    }

    /** Returns the decimals (3 to 6) that show a typical measured value with at least two significant digits. */
    static int decimalsToShow(double ms) {
        if (!(ms > 0)) {
            return 3;
        }
        int needed = 1 - (int) Math.floor(Math.log10(ms));
        return Math.max(3, Math.min(6, needed));
    }

    private static String ms(double ms, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f ms", ms);
    }

    /** Formats a duration in nanoseconds as milliseconds to the nanosecond, e.g. {@code 0.000025 ms}. */
    private static String fine(long nanos) {
        return ms(nanos / NANOS_PER_MILLI, 6);
    }

    /** The recorded call times of one phase, in nanoseconds. */
    private static final class Timing {
        private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        private long count;
        private long sum;
        private long max;
        private long sink;

        void record(long nanos) {
            histogram.recordValue(nanos);
            count++;
            sum += nanos;
            max = Math.max(max, nanos);
        }

        long valueAt(double percentile) {
            if (percentile >= 100) {
                return max;
            }
            return Math.min(histogram.getValueAtPercentile(percentile), max);
        }

        double meanNanos() {
            return count == 0 ? 0 : (double) sum / count;
        }
    }

    /**
     * What reading the clock costs: the median of back-to-back reads (the smallest of {@value #TIMER_ROUNDS} medians,
     * the first rounds warming the loop up), and the smallest step the clock was seen to take (0 if it never moved).
     */
    private record Timer(long costNanos, long tickNanos) {

        static Timer measure(LongSupplier clock) {
            long[] differences = new long[TIMER_PAIRS];
            long cost = Long.MAX_VALUE;
            for (int round = 0; round < TIMER_ROUNDS; round++) {
                for (int i = 0; i < differences.length; i++) {
                    long first = clock == null ? System.nanoTime() : clock.getAsLong();
                    long second = clock == null ? System.nanoTime() : clock.getAsLong();
                    differences[i] = second - first;
                }
                Arrays.sort(differences);
                cost = Math.min(cost, Math.max(0, differences[differences.length / 2]));
            }
            long tick = Long.MAX_VALUE;
            for (int probe = 0; probe < TICK_PROBES; probe++) {
                long first = clock == null ? System.nanoTime() : clock.getAsLong();
                long next = first;
                for (int spin = 0; next == first && spin < MAX_TICK_SPINS; spin++) {
                    next = clock == null ? System.nanoTime() : clock.getAsLong();
                }
                if (next > first) {
                    tick = Math.min(tick, next - first);
                }
            }
            return new Timer(cost, tick == Long.MAX_VALUE ? 0 : tick);
        }

        /** Returns the shortest duration the clock can tell apart from nothing. */
        long floorNanos() {
            return Math.max(costNanos, tickNanos);
        }
    }
}
