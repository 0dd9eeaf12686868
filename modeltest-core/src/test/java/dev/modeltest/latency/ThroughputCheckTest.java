package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyFixtures.DATA;
import static dev.modeltest.latency.LatencyFixtures.busyWait;
import static dev.modeltest.latency.LatencyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Threshold;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.latency.LatencyFixtures.FakeClock;
import dev.modeltest.latency.LatencyFixtures.FakeNoise;
import dev.modeltest.latency.LatencyFixtures.HandWrittenRegressor;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThroughputCheckTest {

    private static final String WHERE = "@ThroughputAtLeast on T.m()";

    @TempDir
    Path dir;

    // Scripted clock, one thread: exact figures.

    @Test
    void reportsRowsPerSecondPerThreadAndTheLatencyTable() throws IOException {
        FakeClock clock = new FakeClock();

        // Each call takes 100 µs between its two clock reads, and each loop 25 ns more for the next start: after
        // the 100th call the 10 ms window has passed (100 × 100.025 µs), so 100 rows in 10.0025 ms.
        CheckResult result = run(dir, scripted(5000, clock).build(), model(clock, 100_000));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("throughput-at-least");
        assertThat(result.title()).isEqualTo("throughput ≥ 5000 rows/s (1 thread, 1 row per call)");
        assertThat(result.threshold()).isEqualTo("≥ 5000 rows/s");
        assertThat(result.limit()).isEqualTo(Threshold.atLeast(5000).withUnit("rows/s"));
        assertThat(result.key()).isEqualTo("throughput-at-least");
        assertThat(result.measured()).isCloseTo(100 / 0.0100025, within(1e-6));
        assertThat(result.n()).isEqualTo(100);
        assertThat(result.message())
                .isEqualTo("Expecting throughput of regressor on iris-test.csv"
                        + " (1 thread, 1 row per call, measured for 10 ms after 10 warm-up calls per thread):\n"
                        + "  9998 rows/s (100 rows in 10.0 ms)\n"
                        + "to be at least:\n"
                        + "  5000 rows/s\n"
                        + "per thread:\n"
                        + "  thread 1: 9998 rows/s, 100 calls, p50 0.100 ms, p99 0.100 ms, max 0.100 ms,"
                        + " 7 involuntary context switches; warm-up 10 calls\n"
                        + "latency per call (all threads):\n"
                        + "  p50    0.100 ms   95% CI 0.100–0.100 ms\n"
                        + "  p90    0.100 ms   95% CI 0.100–0.100 ms\n"
                        + "  p99    0.100 ms   95% CI ≥ 0.100 ms\n"
                        + "  p99.9  0.100 ms   95% CI ≥ 0.100 ms\n"
                        + "  max    0.100 ms\n"
                        + "  mean   0.100 ms\n"
                        + "  (an upper bound at 95% needs 368 samples for p99, 3688 samples for p99.9; there are 100)\n"
                        + "noise: 1 GC (2 ms), 3 safepoints (0.15 ms), 0 JIT compilations, 7 involuntary context"
                        + " switches;"
                        + " load average 1.50 on 2 CPUs\n"
                        + "timer: 0.000025 ms a read");
        assertThat(result.details())
                .containsEntry("threads", 1)
                .containsEntry("calls", 100L)
                .containsEntry("rows", 100L)
                .containsEntry("elapsedMillis", 10.0025)
                .containsEntry("involuntaryContextSwitches", 7L);
        assertThat(result.attachments())
                .extracting(Attachment::name)
                .containsExactly("latency histogram", "latency percentiles (µs)", "latency percentiles");
    }

    @Test
    void failsSayingHowManyRowsPerSecondAreMissing() throws IOException {
        FakeClock clock = new FakeClock();

        CheckResult result = run(dir, scripted(20_000, clock).build(), model(clock, 100_000));

        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .contains("\n  9998 rows/s (100 rows in 10.0 ms)\nto be at least:\n  20000 rows/s\n"
                        + "but it was 10002 rows/s short.\nper thread:\n");
    }

    @Test
    void countsEveryRowOfABatch() throws IOException {
        FakeClock clock = new FakeClock();

        // The model takes 100 µs a row: a call of 4 rows takes 399.925 µs between its clock reads, a loop 399.95 µs,
        // so the 26th call ends the 10 ms window, at 10.3987 ms: 104 rows, 10001 rows/s.
        CheckResult result = run(dir, scripted(5000, clock).batchSize(4).build(), model(clock, 100_000));

        assertThat(result.details()).containsEntry("calls", 26L).containsEntry("rows", 104L);
        assertThat(result.message())
                .contains("(1 thread, 4 rows per call,")
                .contains("\n  10001 rows/s (104 rows in 10.4 ms)\n");
    }

    // Real clock, several threads.

    @Test
    void callsTheModelFromSeveralThreadsAtOnce() throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Model model = Model.regressor(row -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            busyWait(200_000);
            inFlight.decrementAndGet();
            return 0;
        });

        CheckResult result = run(
                dir,
                ThroughputCheck.builder(WHERE, 10)
                        .threads(2)
                        .warmup(20)
                        .durationMillis(200)
                        .build(),
                model);

        assertThat(result.passed()).isTrue();
        assertThat(mostAtOnce.get()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perThread =
                (List<Map<String, Object>>) result.details().get("perThread");
        assertThat(perThread).hasSize(2);
        long calls = perThread.stream().mapToLong(t -> (long) t.get("calls")).sum();
        assertThat(perThread).allSatisfy(t -> assertThat((long) t.get("calls")).isPositive());
        assertThat(result.details()).containsEntry("calls", calls).containsEntry("rows", calls);
        double elapsedSeconds = (double) result.details().get("elapsedMillis") / 1000;
        assertThat(result.measured()).isCloseTo(calls / elapsedSeconds, within(1e-6 * result.measured()));
        // The window is the 200 ms asked for, plus at most the last call of the slowest thread.
        assertThat(elapsedSeconds).isGreaterThanOrEqualTo(0.2);
        assertThat(result.message())
                .startsWith("Expecting throughput of regressor on " + DATA
                        + " (2 threads, 1 row per call, measured for 200 ms after at least 20 warm-up calls per"
                        + " thread):\n")
                .containsPattern("\nper thread:\n  thread 1: \\d+ rows/s, \\d+ calls, p50 [0-9.]+ ms, p99 [0-9.]+ ms,"
                        + " max [0-9.]+ ms, \\d+ involuntary context switch(es)?; warm-up \\d+ calls, (not )?settled.*\n"
                        + "  thread 2: ");
    }

    @Test
    void usesOneThreadPerProcessorByDefault() throws IOException {
        Model fast = Model.regressor(row -> row.getDouble(0));

        CheckResult result = run(
                dir,
                ThroughputCheck.builder(WHERE, 1).warmup(10).durationMillis(20).build(),
                fast);

        assertThat(result.details())
                .containsEntry("threads", Runtime.getRuntime().availableProcessors());
    }

    @Test
    void refusesSeveralThreadsForAModelThatIsNotThreadSafe() throws IOException {
        Model single = new SingleThreaded();

        assertThatThrownBy(() ->
                        run(dir, ThroughputCheck.builder(WHERE, 1).threads(2).build(), single))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'threads' is 2, but single-threaded model is not safe for concurrent calls"
                        + " (isThreadSafe() is false); use threads = 1");
    }

    @Test
    void reportsAModelFailingInTheWindow() throws IOException {
        FakeClock clock = new FakeClock();
        int[] calls = {0};
        Model failing = Model.regressor(row -> {
            clock.advance(100_000);
            if (++calls[0] == 13) {
                throw new IllegalStateException("boom");
            }
            return 0;
        });

        assertThatThrownBy(() -> run(dir, scripted(1, clock).build(), failing))
                .isInstanceOf(ModelException.class)
                .hasMessage("regressor failed on throughput call 3 (row 3 of " + DATA + ") while " + WHERE
                        + " measured its throughput: java.lang.IllegalStateException: boom");
    }

    @Test
    void stopsEveryThreadWhenOneFailsInItsWarmup() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Model failing = Model.regressor(row -> {
            if (calls.incrementAndGet() == 5) {
                throw new IllegalStateException("boom");
            }
            return 0;
        });

        assertThatThrownBy(() -> run(
                        dir,
                        ThroughputCheck.builder(WHERE, 1)
                                .threads(3)
                                .warmup(100)
                                .maxWarmupMillis(0)
                                .durationMillis(60_000)
                                .build(),
                        failing))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(" failed on warm-up call ")
                .hasMessageEndingWith(" measured its throughput: java.lang.IllegalStateException: boom");
        // Had the other threads measured, they would have called the model for a minute.
        assertThat(calls.get()).isLessThan(1000);
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            0        | 1 |    0 |  0 |      0 |      1 | 'rowsPerSecond' must be positive and finite, was 0
            NaN      | 1 |    0 |  0 |      0 |      1 | 'rowsPerSecond' must be positive and finite, was NaN
            Infinity | 1 |    0 |  0 |      0 |      1 | 'rowsPerSecond' must be positive and finite, was Infinity
            10       | 0 |    0 |  0 |      0 |      1 | 'batchSize' must be at least 1, was 0
            10       | 1 |   -1 |  0 |      0 |      1 | 'threads' must be in [0, 1024] (0: one per processor), was -1
            10       | 1 | 1025 |  0 |      0 |      1 | 'threads' must be in [0, 1024] (0: one per processor), was 1025
            10       | 1 |    1 | -1 |      0 |      1 | 'warmup' must be at least 0, was -1
            10       | 1 |    1 |  0 |     -1 |      1 | 'maxWarmupMillis' must be in [0, 600000], was -1
            10       | 1 |    1 |  0 | 600001 |      1 | 'maxWarmupMillis' must be in [0, 600000], was 600001
            10       | 1 |    1 |  0 |      0 |      0 | 'durationMillis' must be in [1, 600000], was 0
            10       | 1 |    1 |  0 |      0 | 600001 | 'durationMillis' must be in [1, 600000], was 600001
            """)
    void rejectsAnAttributeOutOfRange(
            double rowsPerSecond,
            int batchSize,
            int threads,
            int warmup,
            int maxWarmupMillis,
            int durationMillis,
            String problem) {
        assertThatThrownBy(() -> ThroughputCheck.builder(WHERE, rowsPerSecond)
                        .batchSize(batchSize)
                        .threads(threads)
                        .warmup(warmup)
                        .maxWarmupMillis(maxWarmupMillis)
                        .durationMillis(durationMillis)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": " + problem);
    }

    @Test
    void formatsRatesWholeFromAHundredUp() {
        assertThat(ThroughputMessage.rate(9997.5006)).isEqualTo("9998");
        assertThat(ThroughputMessage.rate(12.345)).isEqualTo("12.3");
        assertThat(ThroughputMessage.rate(0.0123456)).isEqualTo("0.0123");
    }

    // Helpers.

    /** One thread on the scripted clock and counters, 10 warm-up calls, a 10 ms window. */
    private static ThroughputCheck.Builder scripted(double rowsPerSecond, FakeClock clock) {
        long[] switches = {0};
        return ThroughputCheck.builder(WHERE, rowsPerSecond)
                .threads(1)
                .warmup(10)
                .maxWarmupMillis(0)
                .durationMillis(10)
                .clock(clock)
                // The thread is preempted 7 times in its window.
                .noise(new FakeNoise(), () -> (switches[0]++) * 7);
    }

    /** A regressor whose every call takes {@code nanos} by the scripted clock, the clock read that ends it included. */
    private static Model model(FakeClock clock, long nanos) {
        return Model.regressor(row -> {
            clock.advance(nanos - FakeClock.TICK);
            return 0;
        });
    }

    private static final class SingleThreaded extends HandWrittenRegressor {
        SingleThreaded() {
            super("single-threaded model");
        }

        @Override
        public void predict(Batch batch, Output out) {
            out.setValue(0, 0);
        }

        @Override
        public boolean isThreadSafe() {
            return false;
        }
    }
}
