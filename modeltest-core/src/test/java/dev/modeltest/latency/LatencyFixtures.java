package dev.modeltest.latency;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.model.Model;
import dev.modeltest.model.Task;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/** The data, scripted clock, scripted interference counters and models the latency and throughput tests share. */
final class LatencyFixtures {

    /** The name of the data file {@link #run} writes. */
    static final String DATA = "iris-test.csv";

    /** The rows of the data file {@link #run} writes. */
    static final int ROWS = 10;

    private LatencyFixtures() {}

    /**
     * Writes {@value #ROWS} rows ({@code x1 = r}, {@code x2 = r / 2}, label alternating a and b) to {@value #DATA} in
     * {@code dir} and runs the check on them with the model.
     */
    static CheckResult run(Path dir, Check check, Model model) throws IOException {
        Path csv = dir.resolve(DATA);
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int r = 0; r < ROWS; r++) {
            text.append(r)
                    .append(',')
                    .append(r * 0.5)
                    .append(',')
                    .append(r % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        Files.writeString(csv, text);
        SubjectSpec spec = new SubjectSpec(
                "@ModelTest on T", csv.toString(), "label", new ModelSource.Instance(model), List.of(), null);
        try (Subject subject = Subject.of(spec)) {
            return check.run(subject);
        }
    }

    /**
     * Returns a one-row-per-call regressor that takes {@code warmupNanos} by the scripted clock on each of its first
     * {@code warmup} calls, then the given times in turn, over and over (each including the clock read that ends
     * the sample).
     */
    static Model scripted(FakeClock clock, int warmup, long warmupNanos, long[] durations) {
        int[] call = {0};
        return Model.regressor(row -> {
            int timed = call[0]++ - warmup;
            clock.advance((timed < 0 ? warmupNanos : durations[timed % durations.length]) - FakeClock.TICK);
            return 0;
        });
    }

    /** Spins for {@code nanos} of real time, so that a call's latency is known by construction. */
    static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * A clock that moves {@value #TICK} ns per read, and further when told to. Synchronized because a throughput
     * check reads it from its worker thread and from the thread that opens the window; one thread at a time.
     */
    static final class FakeClock implements LongSupplier {
        static final long TICK = 25;
        private long now = 1_000_000_000L;

        @Override
        public synchronized long getAsLong() {
            now += TICK;
            return now;
        }

        synchronized void advance(long nanos) {
            now += Math.max(0, nanos);
        }
    }

    /**
     * Interference counters that grow by 1 GC (2 ms), 3 safepoints (0.15 ms) and 4 involuntary context switches
     * between one reading and the next, at a load average of 1.5 on 2 CPUs, with the JIT compilations given (none by
     * default). Synchronized for the same reason as {@link FakeClock}.
     */
    static final class FakeNoise implements Supplier<Interference.Snapshot> {
        /** The JIT compilations so far at a reading (from 0). */
        private final LongUnaryOperator compilations;

        private long readings;

        FakeNoise() {
            this(reading -> 0);
        }

        FakeNoise(LongUnaryOperator compilations) {
            this.compilations = compilations;
        }

        @Override
        public synchronized Interference.Snapshot get() {
            long k = readings++;
            return new Interference.Snapshot(k, 2 * k, 3 * k, 150_000 * k, compilations.applyAsLong(k), 4 * k, 1.5, 2);
        }
    }

    /**
     * A regressor written out, for what {@link Model#regressor}'s per-row function cannot do: see whole batches, write
     * wrong outputs, or refuse concurrent calls.
     */
    abstract static class HandWrittenRegressor implements Model {
        private final String description;

        HandWrittenRegressor(String description) {
            this.description = description;
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public boolean hasProbabilities() {
            return false;
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
