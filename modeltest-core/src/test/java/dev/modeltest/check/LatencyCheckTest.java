package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.model.Task;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyCheckTest {

    private static final String WHERE = "@LatencyUnder on T.m()";
    private static final String DATA = "iris-test.csv";
    private static final int ROWS = 10;

    @TempDir
    Path dir;

    // Real clock. Timing assertions only compare against limits with a wide margin, and never on our own speed.

    @Test
    void passesForAFastModelUnderAGenerousLimit() throws IOException {
        Model fast = Model.classifier(List.of("a", "b"), row -> row.getDouble(0) > 5 ? 1 : 0);

        CheckResult result = run(new LatencyCheck(WHERE, 50, 99, 100, 200, 1), fast);

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("latency-under");
        assertThat(result.family()).isEqualTo(Family.LATENCY);
        assertThat(result.title()).isEqualTo("p99 latency ≤ 50.000 ms (1 row per call)");
        assertThat(result.threshold()).isEqualTo("≤ 50.000 ms");
        assertThat(result.n()).isEqualTo(200);
        assertThat(result.measured()).isBetween(0.0, 50.0);
        // Sub-millisecond figures get more decimals, so the exact text depends on the machine's speed.
        assertThat(result.message())
                .startsWith("Expecting p99 latency of classifier (2 classes) on " + DATA
                        + " (1 row per call, 200 samples after 100 warm-up calls):\n")
                .containsPattern("\nto be at most:\n  50\\.000\\d* ms\ndistribution: p50 ")
                .doesNotContain("over.");
        assertThat(result.details())
                .containsKeys(
                        "p50Millis",
                        "p90Millis",
                        "p99Millis",
                        "p999Millis",
                        "maxMillis",
                        "meanMillis",
                        "timerNanos",
                        "timerResolutionNanos")
                .containsEntry("samples", 200)
                .containsEntry("warmup", 100)
                .containsEntry("batchSize", 1);
    }

    @Test
    void failsWithTheDistributionForAModelSlowerThanTheLimit() throws IOException {
        Model slow = Model.regressor(row -> {
            busyWait(2_000_000);
            return row.getDouble(0);
        });

        CheckResult result = run(new LatencyCheck(WHERE, 0.5, 99, 2, 20, 1), slow);

        assertThat(result.passed()).isFalse();
        // Every call busy-waits 2 ms inside the timed window, 4× the limit, however fast the machine.
        assertThat(result.measured()).isGreaterThanOrEqualTo(2.0);
        String ms = "\\d+\\.\\d{3} ms";
        assertThat(result.message().split("\n"))
                .satisfiesExactly(
                        line -> assertThat(line)
                                .isEqualTo("Expecting p99 latency of regressor on " + DATA
                                        + " (1 row per call, 20 samples after 2 warm-up calls):"),
                        line -> assertThat(line).matches("  " + ms),
                        line -> assertThat(line).isEqualTo("to be at most:"),
                        line -> assertThat(line).isEqualTo("  0.500 ms"),
                        line -> assertThat(line).matches("but it was " + ms + " over\\."),
                        line -> assertThat(line)
                                .matches("distribution: p50 " + ms + ", p90 " + ms + ", p99 " + ms + ", max " + ms
                                        + ", mean " + ms + " \\(timer cost \\d+\\.\\d{6} ms.*\\)"));
    }

    // Scripted clock: exact figures.

    @Test
    void reportsTheLatencyAtThePercentileWithTheDistribution() throws IOException {
        FakeClock clock = new FakeClock();
        Model model = scripted(clock, 1000, exampleDurations());

        CheckResult result = run(new LatencyCheck(WHERE, 5, 99, 1000, 1000, 1, clock), model);

        assertThat(result.passed()).isTrue();
        assertThat(result.measured()).isCloseTo(0.153, within(0.153 * 0.001));
        assertThat(result.message())
                .isEqualTo("Expecting p99 latency of regressor on iris-test.csv"
                        + " (1 row per call, 1000 samples after 1000 warm-up calls):\n"
                        + "  0.153 ms\n"
                        + "to be at most:\n"
                        + "  5.000 ms\n"
                        + "distribution: p50 0.041 ms, p90 0.078 ms, p99 0.153 ms, max 0.410 ms, mean 0.050 ms"
                        + " (timer cost 0.000025 ms)");
        assertThat(result.details())
                .containsEntry("maxMillis", 0.41)
                .containsEntry("meanMillis", 0.050103)
                .containsEntry("timerNanos", 25L)
                .containsEntry("timerResolutionNanos", 25L);
    }

    @Test
    void failsSayingByHowMuchTheLimitWasExceeded() throws IOException {
        FakeClock clock = new FakeClock();
        Model model = scripted(clock, 1000, exampleDurations());

        CheckResult result = run(new LatencyCheck(WHERE, 0.1, 99, 1000, 1000, 1, clock), model);

        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .isEqualTo("Expecting p99 latency of regressor on iris-test.csv"
                        + " (1 row per call, 1000 samples after 1000 warm-up calls):\n"
                        + "  0.153 ms\n"
                        + "to be at most:\n"
                        + "  0.100 ms\n"
                        + "but it was 0.053 ms over.\n"
                        + "distribution: p50 0.041 ms, p90 0.078 ms, p99 0.153 ms, max 0.410 ms, mean 0.050 ms"
                        + " (timer cost 0.000025 ms)");
    }

    @Test
    void timesOnlyTheModelCall() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> 40_000).limit(50).toArray();

        CheckResult result = run(new LatencyCheck(WHERE, 5, 50, 10, 50, 1, clock), scripted(clock, 10, durations));

        // Each sample is the model's 40 µs plus the one clock read that ends it: nothing of the setup.
        assertThat(result.measured()).isEqualTo(0.04);
        assertThat(result.details()).containsEntry("maxMillis", 0.04).containsEntry("meanMillis", 0.04);
    }

    @Test
    void comparesTheSlowestCallWhenThePercentileIs100() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> 100_000).limit(10).toArray();
        durations[7] = 500_000;

        CheckResult result = run(new LatencyCheck(WHERE, 0.2, 100, 0, 10, 1, clock), scripted(clock, 0, durations));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.title()).isEqualTo("max latency ≤ 0.200 ms (1 row per call)");
        assertThat(result.message())
                .startsWith("Expecting max latency of regressor on " + DATA
                        + " (1 row per call, 10 samples without warm-up):\n  0.500 ms\n")
                .contains("but it was 0.300 ms over.")
                .contains("max 0.500 ms, mean 0.140 ms");
    }

    @Test
    void showsARequestedPercentileInTheDistribution() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.rangeClosed(1, 100).map(i -> i * 1_000).toArray();

        CheckResult result = run(new LatencyCheck(WHERE, 1, 95, 0, 100, 1, clock), scripted(clock, 0, durations));

        assertThat(result.message())
                .contains("distribution: p50 0.050 ms, p90 0.090 ms, p95 0.095 ms, p99 0.099 ms, max 0.100 ms");
        assertThat(result.title()).isEqualTo("p95 latency ≤ 1.000 ms (1 row per call)");
    }

    @Test
    void showsALimitBelowAMicrosecondWithoutRoundingItAway() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> 20_000).limit(5).toArray();

        CheckResult result = run(new LatencyCheck(WHERE, 0.0005, 50, 0, 5, 1, clock), scripted(clock, 0, durations));

        assertThat(result.threshold()).isEqualTo("≤ 0.0005 ms");
        assertThat(result.message()).contains("to be at most:\n  0.0005 ms\nbut it was 0.0195 ms over.");
    }

    @Test
    void notesWhenCallsAreTooShortForTheTimer() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> FakeClock.TICK).limit(20).toArray();

        CheckResult result = run(new LatencyCheck(WHERE, 1, 99, 0, 20, 1, clock), scripted(clock, 0, durations));

        assertThat(result.passed()).isTrue();
        assertThat(result.message())
                .endsWith("\nnote: the median call (0.000025 ms) is under 10× the timer's cost and resolution"
                        + " (0.000025 ms),"
                        + " so per-call figures are at the timer's resolution;"
                        + " time more rows per call instead, e.g. batchSize = 100");
    }

    @Test
    void doesNotNoteTheTimerForCallsWellAboveItsCost() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations =
                LongStream.generate(() -> 10 * FakeClock.TICK).limit(20).toArray();

        CheckResult result = run(new LatencyCheck(WHERE, 1, 99, 0, 20, 1, clock), scripted(clock, 0, durations));

        assertThat(result.message()).doesNotContain("note:");
    }

    // Inputs.

    @Test
    void cyclesThroughTheRowsOneRowPerCall() throws IOException {
        RecordingModel model = new RecordingModel();

        run(new LatencyCheck(WHERE, 50, 99, 0, 25, 1), model);

        List<List<Integer>> expected =
                IntStream.range(0, 25).mapToObj(i -> List.of(i % ROWS)).collect(Collectors.toList());
        assertThat(model.calls).isEqualTo(expected);
    }

    @Test
    void handsBatchesOfBatchSizeConsecutiveRowsWrappingAround() throws IOException {
        RecordingModel model = new RecordingModel();

        CheckResult result = run(new LatencyCheck(WHERE, 50, 99, 2, 5, 4), model);

        assertThat(model.calls)
                .containsExactly(
                        // warm-up
                        List.of(0, 1, 2, 3),
                        List.of(4, 5, 6, 7),
                        // timed, from the first row again
                        List.of(0, 1, 2, 3),
                        List.of(4, 5, 6, 7),
                        List.of(8, 9, 0, 1),
                        List.of(2, 3, 4, 5),
                        List.of(6, 7, 8, 9));
        assertThat(result.title()).isEqualTo("p99 latency ≤ 50.000 ms (4 rows per call)");
        assertThat(result.message()).contains("(4 rows per call, 5 samples after 2 warm-up calls)");
        assertThat(result.details()).containsEntry("batchSize", 4);
    }

    @Test
    void handsBatchesLargerThanTheDataByRepeatingRows() throws IOException {
        RecordingModel model = new RecordingModel();

        run(new LatencyCheck(WHERE, 50, 99, 0, 1, 12), model);

        assertThat(model.calls).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1));
    }

    // Configuration.

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -1       | 99  |  0 | 1 | 1 | 'millis' must be positive, was -1
             0       | 99  |  0 | 1 | 1 | 'millis' must be positive, was 0
            NaN      | 99  |  0 | 1 | 1 | 'millis' must be positive, was NaN
            Infinity | 99  |  0 | 1 | 1 | 'millis' must be finite, was Infinity
             5       |  0  |  0 | 1 | 1 | 'percentile' must be in (0, 100], was 0
             5       | 101 |  0 | 1 | 1 | 'percentile' must be in (0, 100], was 101
             5       | 99  | -1 | 1 | 1 | 'warmup' must be at least 0, was -1
             5       | 99  |  0 | 0 | 1 | 'samples' must be at least 1, was 0
             5       | 99  |  0 | 1 | 0 | 'batchSize' must be at least 1, was 0
            """)
    void rejectsAnAttributeOutOfRange(
            double millis, double percentile, int warmup, int samples, int batchSize, String problem) {
        assertThatThrownBy(() -> new LatencyCheck(WHERE, millis, percentile, warmup, samples, batchSize))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": " + problem);
    }

    @Test
    void needsAModelToCall() throws IOException {
        Path csv = dir.resolve(DATA);
        Files.writeString(csv, "x1,x2,label,pred\n1,2,a,a\n3,4,b,a\n");
        SubjectSpec spec = new SubjectSpec(
                "@ModelTest on T",
                csv.toString(),
                "label",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null);
        LatencyCheck check = new LatencyCheck(WHERE, 5, 99, 0, 1, 1);

        try (Subject subject = Subject.of(spec)) {
            assertThatThrownBy(() -> check.run(subject))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith(WHERE + " needs a model to call")
                    .hasMessageContaining("predictions column pred");
        }
    }

    // Model failures.

    @Test
    void reportsAFailingModelAsAModelError() throws IOException {
        IllegalStateException boom = new IllegalStateException("boom");
        int[] calls = {0};
        Model failing = Model.regressor(row -> {
            if (++calls[0] == 3) {
                throw boom;
            }
            return 0;
        });

        ModelException e =
                catchThrowableOfType(ModelException.class, () -> run(new LatencyCheck(WHERE, 5, 99, 0, 5, 1), failing));

        assertThat(e)
                .hasMessage("regressor failed on timed call 3 of 5 (row 3 of " + DATA + ") while " + WHERE
                        + " measured its latency: java.lang.IllegalStateException: boom")
                .hasCause(boom);
    }

    @Test
    void letsTheModelsOwnModelTestExceptionsThrough() throws IOException {
        ModelException own = new ModelException("the session is closed");
        Model failing = Model.regressor(row -> {
            throw own;
        });

        assertThatThrownBy(() -> run(new LatencyCheck(WHERE, 5, 99, 3, 5, 1), failing))
                .isSameAs(own);
    }

    @Test
    void rejectsAClassIndexOutOfRange() throws IOException {
        Model wrong = Model.classifier(List.of("a", "b"), row -> 5);

        assertThatThrownBy(() -> run(new LatencyCheck(WHERE, 5, 99, 0, 5, 1), wrong))
                .isInstanceOf(ModelException.class)
                .hasMessage("classifier (2 classes) predicted class index 5 for row index 0, but it has 2 classes"
                        + " [a, b]");
    }

    @Test
    void rejectsAModelThatLeavesARowWithoutAPrediction() throws IOException {
        RecordingModel lazy = new RecordingModel() {
            @Override
            public void predict(Batch batch, Output out) {
                out.setValue(0, 1);
            }
        };

        assertThatThrownBy(() -> run(new LatencyCheck(WHERE, 5, 99, 0, 5, 2), lazy))
                .isInstanceOf(ModelException.class)
                .hasMessage("recording model returned no prediction for row index 1 of a batch of 2 row(s)");
    }

    @Test
    void rejectsAWholeBatchWriteOfTheWrongLength() throws IOException {
        RecordingModel shortchanging = new RecordingModel() {
            @Override
            public void predict(Batch batch, Output out) {
                out.setValues(new double[batch.size() - 1]);
            }
        };

        assertThatThrownBy(() -> run(new LatencyCheck(WHERE, 5, 99, 0, 5, 4), shortchanging))
                .isInstanceOf(ModelException.class)
                .hasMessage("recording model returned 3 predictions for a batch of 4 row(s)");
    }

    // Helpers.

    private CheckResult run(LatencyCheck check, Model model) throws IOException {
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
     * Returns 1000 call times whose p50, p90, p99, max and mean are 41, 78, 153, 410 and 50.103 µs: 499 calls of 20
     * µs, one of 41, 489 of 78, ten of 153 and one of 410.
     */
    private static long[] exampleDurations() {
        long[] durations = new long[1000];
        Arrays.fill(durations, 0, 499, 20_000);
        durations[499] = 41_000;
        Arrays.fill(durations, 500, 989, 78_000);
        Arrays.fill(durations, 989, 999, 153_000);
        durations[999] = 410_000;
        return durations;
    }

    /**
     * Returns a one-row-per-call regressor that, after {@code warmup} instant calls, takes the given times by the
     * scripted clock (including the clock read that ends the sample).
     */
    private static Model scripted(FakeClock clock, int warmup, long[] durations) {
        int[] call = {0};
        return Model.regressor(row -> {
            int timed = call[0]++ - warmup;
            clock.advance(timed < 0 ? 0 : durations[timed] - FakeClock.TICK);
            return 0;
        });
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** A clock that moves {@value #TICK} ns per read, and further when told to. */
    private static final class FakeClock implements LongSupplier {
        static final long TICK = 25;
        private long now = 1_000_000_000L;

        @Override
        public long getAsLong() {
            now += TICK;
            return now;
        }

        void advance(long nanos) {
            now += nanos;
        }
    }

    /** A regressor that records the data rows of every batch it is handed. */
    private static class RecordingModel implements Model {
        final List<List<Integer>> calls = new ArrayList<>();

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
        public void predict(Batch batch, Output out) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                rows.add(batch.row(i).index());
                out.setValue(i, 0);
            }
            calls.add(rows);
        }

        @Override
        public String describe() {
            return "recording model";
        }
    }
}
