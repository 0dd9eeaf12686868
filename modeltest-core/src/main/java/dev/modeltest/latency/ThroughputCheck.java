package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;
import static dev.modeltest.latency.LatencyText.count;
import static dev.modeltest.latency.LatencyText.fine;
import static dev.modeltest.latency.LatencyText.msNanos;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Threshold;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final int batchSize;
    private final int threads;
    private final int warmup;
    private final int maxWarmupMillis;
    private final int durationMillis;
    private final LongSupplier clock;
    private final Supplier<Interference.Snapshot> noise;
    /** Reads the calling thread's involuntary context switches; tests script it. */
    private final LongSupplier switches;

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
        this.batchSize = b.batchSize;
        this.threads = b.threads;
        this.warmup = b.warmup;
        this.maxWarmupMillis = b.maxWarmupMillis;
        this.durationMillis = b.durationMillis;
        this.clock = b.clock;
        this.noise = b.noise;
        this.switches = b.switches;
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
        Batch[] batches = Batches.cycle(features, batchSize, Long.MAX_VALUE);
        TimerCost timer = TimerCost.measure(clock);

        long durationNanos = durationMillis * 1_000_000L;
        long[] window = new long[2];
        Interference.Snapshot[] jvm = new Interference.Snapshot[1];
        CyclicBarrier start = new CyclicBarrier(threadCount, () -> {
            // Runs once, in the last thread to arrive, just before all are released.
            jvm[0] = noise.get();
            window[0] = now();
            window[1] = window[0] + durationNanos;
        });
        AtomicBoolean aborted = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int offset = (int) ((long) t * batches.length / threadCount);
            LatencyMeter meter = new LatencyMeter(model, rotate(batches, offset), clock, where, data, "throughput");
            workers.add(new Worker(t + 1, meter, timer, start, window, aborted));
        }
        List<Worker.Result> results = runAll(workers);
        Interference seen = Interference.Snapshot.between(jvm[0], noise.get());

        LatencyHistogram all = new LatencyHistogram();
        long calls = 0;
        long end = window[0];
        long preemptions = 0;
        for (Worker.Result r : results) {
            all.add(r.latencies);
            calls += r.span.calls();
            end = Math.max(end, r.span.endNanos());
            preemptions = r.switches < 0 || preemptions < 0 ? -1 : preemptions + r.switches;
        }
        seen = seen.withInvoluntarySwitches(preemptions);
        long elapsed = Math.max(1, end - window[0]);
        long rows = calls * batchSize;
        double measured = rows * 1e9 / elapsed;
        boolean holds = measured >= rowsPerSecond;

        long p50 = all.percentile(50);
        int decimals = LatencyText.decimalsToShow(p50 / NANOS_PER_MILLI);
        String perCall = LatencyText.rows(batchSize) + " per call";
        String threadsText = count(threadCount, "thread");
        StringBuilder message = new StringBuilder()
                .append("Expecting throughput of ")
                .append(model.describe())
                .append(" on ")
                .append(data)
                .append(" (")
                .append(threadsText)
                .append(", ")
                .append(perCall)
                .append(", measured for ")
                .append(durationMillis)
                .append(" ms after ")
                .append(
                        warmup == 0
                                ? "no warm-up"
                                : (maxWarmupMillis > 0 ? "at least " : "") + count(warmup, "warm-up call")
                                        + " per thread")
                .append("):\n  ")
                .append(rate(measured))
                .append(" rows/s (")
                .append(rows)
                .append(" rows in ")
                .append(LatencyText.ms(elapsed / NANOS_PER_MILLI, 1))
                .append(")\nto be at least:\n  ")
                .append(Format.number(rowsPerSecond))
                .append(" rows/s");
        if (!holds) {
            message.append("\nbut it was ")
                    .append(rate(rowsPerSecond - measured))
                    .append(" rows/s short.");
        }
        message.append("\nper thread:");
        List<Map<String, Object>> perThread = new ArrayList<>();
        for (Worker.Result r : results) {
            long threadRows = r.span.calls() * batchSize;
            double threadRate = threadRows * 1e9 / Math.max(1, r.span.endNanos() - window[0]);
            message.append("\n  thread ")
                    .append(r.number)
                    .append(": ")
                    .append(rate(threadRate))
                    .append(" rows/s, ")
                    .append(count(r.span.calls(), "call"))
                    .append(", p50 ")
                    .append(msNanos(r.latencies.percentile(50), decimals))
                    .append(", p99 ")
                    .append(msNanos(r.latencies.percentile(99), decimals))
                    .append(", max ")
                    .append(msNanos(r.latencies.maxNanos(), decimals));
            if (r.switches >= 0) {
                message.append(", ")
                        .append(r.switches)
                        .append(r.switches == 1 ? " involuntary context switch" : " involuntary context switches");
            }
            message.append("; warm-up ").append(count(r.warm.calls(), "call"));
            if (r.warm.adaptive()) {
                message.append(r.warm.settled() ? ", settled" : ", not settled in " + maxWarmupMillis + " ms");
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("thread", r.number);
            map.put("calls", r.span.calls());
            map.put("rowsPerSecond", threadRate);
            map.put("p50Millis", r.latencies.percentile(50) / NANOS_PER_MILLI);
            map.put("p99Millis", r.latencies.percentile(99) / NANOS_PER_MILLI);
            map.put("maxMillis", r.latencies.maxNanos() / NANOS_PER_MILLI);
            map.put("involuntaryContextSwitches", r.switches);
            map.put("warmupCalls", r.warm.calls());
            map.put("warmupSettled", r.warm.settled());
            perThread.add(map);
        }
        message.append("\nlatency per call (all threads):");
        LatencyText.table(message, all, 99, LatencyCheck.REPORTED_CONFIDENCE, decimals);
        message.append("\nnoise: ").append(seen.describe());
        message.append("\ntimer: ").append(fine(timer.costNanos())).append(" a read");
        if (timer.tickNanos() > timer.costNanos()) {
            message.append(", resolution ").append(fine(timer.tickNanos()));
        }
        blackhole = results.stream().mapToLong(r -> r.sink).sum();

        String title =
                "throughput ≥ " + Format.number(rowsPerSecond) + " rows/s (" + threadsText + ", " + perCall + ")";
        String chartTitle = "latency of " + model.describe() + " on " + data + ", " + threadsText;
        return CheckResult.builder(ID, Family.LATENCY)
                .title(title)
                .passedIf(holds)
                .measured(measured)
                .threshold(Threshold.atLeast(rowsPerSecond).withUnit("rows/s"))
                .n(calls)
                .message(message.toString())
                .detail("rowsPerSecond", measured)
                .detail("threads", threadCount)
                .detail("batchSize", batchSize)
                .detail("warmup", warmup)
                .detail("maxWarmupMillis", maxWarmupMillis)
                .detail("durationMillis", durationMillis)
                .detail("elapsedMillis", elapsed / NANOS_PER_MILLI)
                .detail("calls", calls)
                .detail("rows", rows)
                .detail("perThread", perThread)
                .detail("p50Millis", p50 / NANOS_PER_MILLI)
                .detail("p90Millis", all.percentile(90) / NANOS_PER_MILLI)
                .detail("p99Millis", all.percentile(99) / NANOS_PER_MILLI)
                .detail("p999Millis", all.percentile(99.9) / NANOS_PER_MILLI)
                .detail("maxMillis", all.maxNanos() / NANOS_PER_MILLI)
                .detail("meanMillis", all.meanNanos() / NANOS_PER_MILLI)
                .detail("gcCount", seen.gcCount())
                .detail("gcMillis", seen.gcMillis())
                .detail("safepoints", seen.safepoints())
                .detail("safepointMillis", seen.safepointNanos() / NANOS_PER_MILLI)
                .detail("involuntaryContextSwitches", seen.involuntarySwitches())
                .detail("loadAverage", seen.loadAverage())
                .detail("timerNanos", timer.costNanos())
                .detail("histogram", all.encoded())
                .attach(Attachment.png("latency histogram", () -> LatencyChart.png(chartTitle, all, Double.NaN)))
                .attach(Attachment.csv("latency percentiles (µs)", all::percentileCsv))
                .build();
    }

    /**
     * Runs the workers on their own threads and returns their results in thread order. The first failure of a model
     * call is rethrown as is; the other threads then stop at the start barrier or finish their window.
     */
    private List<Worker.Result> runAll(List<Worker> workers) {
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), task -> {
            Thread thread = new Thread(task, "modeltest-throughput-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Worker.Result>> futures = pool.invokeAll(workers);
            List<Worker.Result> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<Worker.Result> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (failure == null) {
                        failure = cause instanceof RuntimeException runtime
                                ? runtime
                                : new ModelException(where + ": a throughput thread failed: " + cause, cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            results.removeIf(Objects::isNull);
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(where + " was interrupted while it measured throughput", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private long now() {
        return clock == null ? System.nanoTime() : clock.getAsLong();
    }

    private static Batch[] rotate(Batch[] batches, int offset) {
        Batch[] rotated = new Batch[batches.length];
        for (int i = 0; i < batches.length; i++) {
            rotated[i] = batches[(i + offset) % batches.length];
        }
        return rotated;
    }

    /** Formats rows per second: whole numbers from 100 up, else three significant digits. */
    static String rate(double rowsPerSecond) {
        if (rowsPerSecond >= 100) {
            return String.format(Locale.ROOT, "%.0f", rowsPerSecond);
        }
        return Format.number(Double.parseDouble(String.format(Locale.ROOT, "%.3g", rowsPerSecond)));
    }

    /** One thread's share: warm up, wait for the others, call the model until the deadline. */
    private final class Worker implements Callable<Worker.Result> {
        private final int number;
        private final LatencyMeter meter;
        private final TimerCost timer;
        private final CyclicBarrier start;
        private final long[] window;
        private final AtomicBoolean aborted;

        Worker(
                int number,
                LatencyMeter meter,
                TimerCost timer,
                CyclicBarrier start,
                long[] window,
                AtomicBoolean aborted) {
            this.number = number;
            this.meter = meter;
            this.timer = timer;
            this.start = start;
            this.window = window;
            this.aborted = aborted;
        }

        /** Returns this thread's figures, or {@code null} when another thread's warm-up failed. */
        @Override
        public Result call() throws Exception {
            LatencyMeter.Warmup warm;
            try {
                warm = meter.warmUp(
                        warmup,
                        maxWarmupMillis * 1_000_000L,
                        timer,
                        Interference::compilationsSoFar,
                        LatencyMeter.jitMinimumCalls());
            } catch (RuntimeException | Error e) {
                // Still trip the barrier, so that no thread waits for this one forever; they see the flag and stop.
                aborted.set(true);
                start.await();
                throw e;
            }
            start.await();
            if (aborted.get()) {
                return null;
            }
            long switchesBefore = switches.getAsLong();
            LatencyHistogram latencies = new LatencyHistogram();
            LatencyMeter.Span span = meter.measureUntil(window[1], latencies, "throughput");
            long switchesAfter = switches.getAsLong();
            long preempted = switchesBefore < 0 || switchesAfter < 0 ? -1 : switchesAfter - switchesBefore;
            return new Result(number, warm, latencies, span, preempted, meter.sink());
        }

        private record Result(
                int number,
                LatencyMeter.Warmup warm,
                LatencyHistogram latencies,
                LatencyMeter.Span span,
                long switches,
                long sink) {}
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
