package dev.modeltest.latency;

import dev.modeltest.error.ModelException;
import dev.modeltest.model.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@code @ThroughputAtLeast} measured: each thread warms up, all wait for each other, then all call the model
 * back to back until the common deadline; the throughput is all rows predicted divided by the window, from its start
 * to the end of the last call.
 *
 * @param threads the threads that called the model
 * @param timer the clock's cost and resolution
 * @param results each thread's figures, in thread order
 * @param latencies every call's latency, all threads pooled
 * @param calls the calls made in the window, all threads
 * @param rows the rows predicted in the window, all threads
 * @param windowStart when the window opened, by the clock
 * @param elapsedNanos from the window's start to the end of the last call, at least 1
 * @param rowsPerSecond the throughput
 * @param interference what the JVM and the machine did during the window; involuntary context switches are the
 *     threads'
 */
record ThroughputMeasurement(
        int threads,
        TimerCost timer,
        List<PerThread> results,
        LatencyHistogram latencies,
        long calls,
        long rows,
        long windowStart,
        long elapsedNanos,
        double rowsPerSecond,
        Interference interference) {

    /**
     * One thread's figures.
     *
     * @param number the thread's number, from 1
     * @param warm how its warm-up went
     * @param latencies its calls' latencies in the window
     * @param span its calls in the window
     * @param switches its involuntary context switches in the window, -1 when unknown
     * @param sink its outputs' fingerprints
     */
    record PerThread(
            int number,
            LatencyMeter.Warmup warm,
            LatencyHistogram latencies,
            LatencyMeter.Span span,
            long switches,
            long sink) {

        /** Returns the thread's own throughput: its rows over its own span from the window's start. */
        double rowsPerSecond(int batchSize, long windowStart) {
            return span.calls() * batchSize * 1e9 / Math.max(1, span.endNanos() - windowStart);
        }
    }

    /** How the threads are set up: the settings they share and the sources of time and counters. */
    record Setup(
            String where,
            int batchSize,
            int warmup,
            int maxWarmupMillis,
            int durationMillis,
            LongSupplier clock,
            Supplier<Interference.Snapshot> noise,
            LongSupplier switches) {}

    /**
     * Measures: {@code threads} threads, thread {@code t} of {@code n} starting at batch {@code t × batches / n} with
     * its own meter from {@code meters}.
     */
    static ThroughputMeasurement take(
            Setup setup, int threads, Batch[] batches, Function<Batch[], LatencyMeter> meters) {
        TimerCost timer = TimerCost.measure(setup.clock());
        long durationNanos = setup.durationMillis() * 1_000_000L;
        long[] window = new long[2];
        Interference.Snapshot[] jvm = new Interference.Snapshot[1];
        CyclicBarrier start = new CyclicBarrier(threads, () -> {
            // Runs once, in the last thread to arrive, just before all are released.
            jvm[0] = setup.noise().get();
            window[0] = now(setup.clock());
            window[1] = window[0] + durationNanos;
        });
        AtomicBoolean aborted = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = (int) ((long) t * batches.length / threads);
            LatencyMeter meter = meters.apply(rotate(batches, offset));
            workers.add(new Worker(setup, t + 1, meter, timer, start, window, aborted));
        }
        List<PerThread> results = runAll(setup.where(), workers);
        Interference seen = Interference.Snapshot.between(jvm[0], setup.noise().get());

        LatencyHistogram all = new LatencyHistogram();
        long calls = 0;
        long end = window[0];
        long preemptions = 0;
        for (PerThread r : results) {
            all.add(r.latencies());
            calls += r.span().calls();
            end = Math.max(end, r.span().endNanos());
            preemptions = r.switches() < 0 || preemptions < 0 ? -1 : preemptions + r.switches();
        }
        long elapsed = Math.max(1, end - window[0]);
        long rows = calls * setup.batchSize();
        return new ThroughputMeasurement(
                threads,
                timer,
                results,
                all,
                calls,
                rows,
                window[0],
                elapsed,
                rows * 1e9 / elapsed,
                seen.withInvoluntarySwitches(preemptions));
    }

    /** Returns the outputs' fingerprints of all threads, to keep the model's work observable. */
    long sink() {
        return results.stream().mapToLong(PerThread::sink).sum();
    }

    /**
     * Runs the workers on their own threads and returns their results in thread order. The first failure of a model
     * call is rethrown as is; the other threads then stop at the start barrier or finish their window.
     */
    private static List<PerThread> runAll(String where, List<Worker> workers) {
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), task -> {
            Thread thread = new Thread(task, "modeltest-throughput-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PerThread>> futures = pool.invokeAll(workers);
            List<PerThread> results = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<PerThread> future : futures) {
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

    private static long now(LongSupplier clock) {
        return clock == null ? System.nanoTime() : clock.getAsLong();
    }

    private static Batch[] rotate(Batch[] batches, int offset) {
        Batch[] rotated = new Batch[batches.length];
        for (int i = 0; i < batches.length; i++) {
            rotated[i] = batches[(i + offset) % batches.length];
        }
        return rotated;
    }

    /** One thread's share: warm up, wait for the others, call the model until the deadline. */
    private static final class Worker implements Callable<PerThread> {
        private final Setup setup;
        private final int number;
        private final LatencyMeter meter;
        private final TimerCost timer;
        private final CyclicBarrier start;
        private final long[] window;
        private final AtomicBoolean aborted;

        Worker(
                Setup setup,
                int number,
                LatencyMeter meter,
                TimerCost timer,
                CyclicBarrier start,
                long[] window,
                AtomicBoolean aborted) {
            this.setup = setup;
            this.number = number;
            this.meter = meter;
            this.timer = timer;
            this.start = start;
            this.window = window;
            this.aborted = aborted;
        }

        /** Returns this thread's figures, or {@code null} when another thread's warm-up failed. */
        @Override
        public PerThread call() throws Exception {
            LatencyMeter.Warmup warm;
            try {
                warm = meter.warmUp(
                        setup.warmup(),
                        setup.maxWarmupMillis() * 1_000_000L,
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
            long switchesBefore = setup.switches().getAsLong();
            LatencyHistogram latencies = new LatencyHistogram();
            LatencyMeter.Span span = meter.measureUntil(window[1], latencies, "throughput");
            long switchesAfter = setup.switches().getAsLong();
            long preempted = switchesBefore < 0 || switchesAfter < 0 ? -1 : switchesAfter - switchesBefore;
            return new PerThread(number, warm, latencies, span, preempted, meter.sink());
        }
    }
}
