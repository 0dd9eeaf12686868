package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyFixtures.DATA;
import static dev.modeltest.latency.LatencyFixtures.ROWS;
import static dev.modeltest.latency.LatencyFixtures.busyWait;
import static dev.modeltest.latency.LatencyFixtures.run;
import static dev.modeltest.latency.LatencyFixtures.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.latency.LatencyFixtures.FakeClock;
import dev.modeltest.latency.LatencyFixtures.FakeNoise;
import dev.modeltest.latency.LatencyFixtures.HandWrittenRegressor;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyCheckTest {

    private static final String WHERE = "@LatencyUnder on T.m()";

    /** The round line every scripted round shows: {@link FakeNoise} adds these counts per round. */
    private static final String NOISE = "1 GC (2 ms), 3 safepoints (0.15 ms), 0 JIT compilations, 4 involuntary"
            + " context switches; load average 1.50 on 2 CPUs";

    /**
     * The percentile table of {@link #exampleDurations()}, however many times over, up to the line on the
     * percentiles it cannot bound (which names the sample count).
     */
    private static final String EXAMPLE_TABLE = "latency per call:\n"
            + "  p50    0.041 ms   95% CI 0.020–0.078 ms\n"
            + "  p90    0.078 ms   95% CI 0.078–0.078 ms\n"
            + "  p99    0.153 ms   95% CI 0.078–0.153 ms\n"
            + "  p99.9  0.153 ms   95% CI ≥ 0.153 ms\n"
            + "  max    0.410 ms\n"
            + "  mean   0.050 ms\n";

    /** The last lines of a message of {@link #runOnExample}: its fixed warm-up and the scripted timer. */
    private static final String EXAMPLE_WARMUP_AND_TIMER =
            "warm-up: 1000 calls in 41.0 ms (fixed: maxWarmupMillis = 0)\ntimer: 0.000025 ms a read";

    @TempDir
    Path dir;

    // Real clock. Timing assertions compare against limits with a wide margin, never against our own speed, except
    // the one test of measurement accuracy, on a model whose latency is known by construction.

    @Test
    void passesForAFastModelUnderAGenerousLimit() throws IOException {
        Model fast = Model.classifier(List.of("a", "b"), row -> row.getDouble(0) > 5 ? 1 : 0);

        CheckResult result = run(dir, new LatencyCheck(WHERE, 50, 99, 100, 400, 1), fast);

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("latency-under");
        assertThat(result.family()).isEqualTo(Family.LATENCY);
        assertThat(result.title()).isEqualTo("p99 latency ≤ 50.000 ms (1 row per call)");
        assertThat(result.threshold()).isEqualTo("≤ 50.000 ms");
        assertThat(result.limit()).isEqualTo(Threshold.atMost(50).withUnit("ms"));
        assertThat(result.key()).isEqualTo("latency-under:p99");
        assertThat(result.n()).isEqualTo(400);
        assertThat(result.measured()).isBetween(0.0, 50.0);
        assertThat(result.interval()).isNotNull();
        assertThat(result.interval().upper()).isLessThanOrEqualTo(50.0);
        assertThat(result.interval().contains(result.measured())).isTrue();
        // Sub-millisecond figures get more decimals, so the exact text depends on the machine's speed.
        assertThat(result.message())
                .startsWith(
                        "Expecting p99 latency of classifier (2 classes) on " + DATA + " (1 row per call, 400 samples")
                .containsPattern("\nto be at most:\n  50\\.000\\d* ms\nlatency per call:\n  p50 ")
                .contains("\nrounds: 1 of at most 3; the 95% CI is under the limit\n  round 1: p99 ")
                .contains("\ntimer: ")
                .doesNotContain("over");
        assertThat(result.details())
                .containsKeys(
                        "p50Millis",
                        "p90Millis",
                        "p99Millis",
                        "p999Millis",
                        "maxMillis",
                        "meanMillis",
                        "lowerMillis",
                        "upperMillis",
                        "timerNanos",
                        "timerResolutionNanos",
                        "gcCount",
                        "safepoints",
                        "involuntaryContextSwitches",
                        "histogram")
                .containsEntry("samples", 400)
                .containsEntry("warmup", 100)
                .containsEntry("batchSize", 1)
                .containsEntry("rounds", 1);
    }

    @Test
    void failsWithTheTableForAModelSlowerThanTheLimit() throws IOException {
        Model slow = Model.regressor(row -> {
            busyWait(2_000_000);
            return row.getDouble(0);
        });

        CheckResult result = run(dir, new LatencyCheck(WHERE, 0.5, 99, 2, 20, 1), slow);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        // Every call busy-waits 2 ms inside the timed window, 4× the limit, however fast the machine: even the
        // interval's lower bound (the 19th of 20 samples) is over the limit, so one round decides.
        assertThat(result.measured()).isGreaterThanOrEqualTo(2.0);
        String ms = "\\d+\\.\\d{3} ms";
        assertThat(result.message().split("\n"))
                .contains("to be at most:", "  0.500 ms")
                .contains(
                        "latency per call:",
                        "  (an upper bound at 95% needs 36 samples for p90, 368 samples for p99, 3688"
                                + " samples for p99.9; there are 20)");
        // The warm-up goes on while its 10-call windows disagree, as they may on a busy machine.
        assertThat(result.message().split("\n")[0])
                .matches("Expecting p99 latency of regressor on " + DATA
                        + " \\(1 row per call, 20 samples after \\d+ warm-up calls\\):");
        assertThat(result.message().split("\n")[1]).matches("  " + ms + " \\(95% CI ≥ " + ms + "\\)");
        assertThat(result.message().split("\n")[2]).isEqualTo("to be at most:");
        assertThat(result.message().split("\n")[4]).matches("but it was " + ms + " over, and the whole 95% CI too\\.");
    }

    @Test
    void measuresABusyWaitOf200MicrosecondsWithin5PercentAtTheMedian() throws IOException {
        Model busy = Model.regressor(row -> {
            busyWait(200_000);
            return 0;
        });

        CheckResult result = run(
                dir, LatencyCheck.builder(WHERE, 10).warmup(100).samples(500).build(), busy);

        // The model's latency is 200 µs by construction. The median is robust to the odd preemption on a busy
        // machine, so 5% (10 µs, 250 timer reads) is generous for the timer and still catches a systematic error
        // such as timing the setup, the output check or a second call.
        assertThat((double) result.details().get("p50Millis")).isCloseTo(0.2, withinPercentage(5));
        assertThat(result.details()).containsEntry("callsPerSample", 1);
    }

    // Scripted clock: exact figures.

    @Test
    void reportsTheLatencyAtThePercentileWithItsIntervalAndTheTable() throws IOException {
        CheckResult result = runOnExample(5);

        assertThat(result.passed()).isTrue();
        assertThat(result.measured()).isCloseTo(0.153, withinPercentage(0.1));
        assertThat(result.message())
                .isEqualTo("Expecting p99 latency of regressor on iris-test.csv"
                        + " (1 row per call, 1000 samples after 1000 warm-up calls):\n"
                        + "  0.153 ms (95% CI 0.078–0.153 ms)\n"
                        + "to be at most:\n"
                        + "  5.000 ms\n"
                        + EXAMPLE_TABLE
                        + "  (an upper bound at 95% needs 3688 samples for p99.9; there are 1000)\n"
                        + "rounds: 1 of at most 3; the 95% CI is under the limit\n"
                        + "  round 1: p99 0.153 ms (95% CI 0.078–0.153 ms); " + NOISE + "\n"
                        + EXAMPLE_WARMUP_AND_TIMER);
        assertThat(result.interval())
                .isEqualTo(new Interval(0.077952, 0.153087, 0.95, "order statistics (Conover 1999, §3.2)"));
        assertThat(result.details())
                .containsEntry("maxMillis", 0.41)
                .containsEntry("meanMillis", 0.050103)
                .containsEntry("lowerMillis", 0.077952)
                .containsEntry("upperMillis", 0.153087)
                .containsEntry("timerNanos", 25L)
                .containsEntry("timerResolutionNanos", 25L)
                .containsEntry("gcCount", 1L)
                .containsEntry("gcMillis", 2L)
                .containsEntry("safepoints", 3L)
                .containsEntry("safepointMillis", 0.15)
                .containsEntry("involuntaryContextSwitches", 4L)
                .containsEntry("warmupCalls", 1000L)
                .containsEntry("warmupMillis", 41.025025)
                .containsEntry("warmupSettled", false);
    }

    @Test
    void failsWithTheTableWhenTheLimitIsBelowTheMeasuredTail() throws IOException {
        CheckResult result = runOnExample(0.05);

        // p99 is 0.153 ms and its interval 0.078–0.153 ms: all over 0.05 ms, so the first round decides.
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting p99 latency of regressor on iris-test.csv"
                        + " (1 row per call, 1000 samples after 1000 warm-up calls):\n"
                        + "  0.153 ms (95% CI 0.078–0.153 ms)\n"
                        + "to be at most:\n"
                        + "  0.050 ms\n"
                        + "but it was 0.103 ms over, and the whole 95% CI too.\n"
                        + EXAMPLE_TABLE
                        + "  (an upper bound at 95% needs 3688 samples for p99.9; there are 1000)\n"
                        + "rounds: 1 of at most 3; the 95% CI is over the limit\n"
                        + "  round 1: p99 0.153 ms (95% CI 0.078–0.153 ms); " + NOISE + "\n"
                        + EXAMPLE_WARMUP_AND_TIMER);
    }

    @Test
    void measuresMoreRoundsWhileTheIntervalStraddlesTheLimitThenIsInconclusive() throws IOException {
        // 0.1 ms lies inside the p99 interval of every round and of all rounds pooled (0.078–0.153 ms).
        CheckResult result = runOnExample(0.1, check -> check.inconclusive(true));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.n()).isEqualTo(3000);
        assertThat(result.message())
                .isEqualTo("Expecting p99 latency of regressor on iris-test.csv"
                        + " (1 row per call, 3000 samples in 3 rounds after 1000 warm-up calls):\n"
                        + "  0.153 ms (95% CI 0.078–0.153 ms)\n"
                        + "to be at most:\n"
                        + "  0.100 ms\n"
                        + "but the interval straddles the limit after 3 rounds, the most allowed (maxRounds = 3):"
                        + " too noisy, or too close to the limit, to decide.\n"
                        + EXAMPLE_TABLE
                        + "  (an upper bound at 95% needs 3688 samples for p99.9; there are 3000)\n"
                        + "rounds: 3 of at most 3; the 95% CI did not decide after rounds 1 and 2, so the rounds were"
                        + " pooled; undecided\n"
                        + "  round 1: p99 0.153 ms (95% CI 0.078–0.153 ms); " + NOISE + "\n"
                        + "  round 2: p99 0.153 ms (95% CI 0.078–0.153 ms); " + NOISE + "\n"
                        + "  round 3: p99 0.153 ms (95% CI 0.078–0.153 ms); " + NOISE + "\n"
                        + EXAMPLE_WARMUP_AND_TIMER);
        assertThat(result.details())
                .containsEntry("rounds", 3)
                .containsEntry("pooledSamples", 3000L)
                .containsEntry("gcCount", 3L)
                .containsEntry("involuntaryContextSwitches", 12L);
        assertThat(result.interval())
                .isEqualTo(new Interval(0.077952, 0.153087, 0.95, "order statistics (Conover 1999, §3.2)"));
    }

    @Test
    void decidesOnThePooledPointValueWhenTheIntervalStillStraddlesAfterTheLastRound() throws IOException {
        // As above, but without inconclusive = true: the pooled p99, 0.153 ms, is over 0.1 ms.
        CheckResult result = runOnExample(0.1);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .contains("\nto be at most:\n  0.100 ms\nbut it was 0.053 ms over (its 95% CI still straddles the"
                        + " limit after 3 rounds, the most allowed: decided on the pooled point value).\n")
                .contains("\nrounds: 3 of at most 3; the 95% CI did not decide after rounds 1 and 2, so the rounds were"
                        + " pooled; the 95% CI still straddles the limit: decided on the pooled point value\n");
        assertThat(result.details()).containsEntry("decidedBy", "pooled point").containsEntry("rounds", 3);
    }

    @Test
    void passesOnThePooledPointValueWhenItIsUnderTheLimitTheIntervalStraddles() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.rangeClosed(1, 100).map(i -> i * 1_000).toArray();

        // p95 of 1..100 µs, three times over: 95 µs, its interval (ranks 278 and 293 of 300) 93–98 µs around 97 µs.
        CheckResult result = run(
                dir,
                scriptedCheck(0.097, clock)
                        .percentile(95)
                        .warmup(0)
                        .samples(100)
                        .build(),
                scripted(clock, 0, 0, durations));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .startsWith(
                        "Expecting p95 latency of regressor on iris-test.csv (1 row per call, 300 samples in 3 rounds"
                                + " without warm-up):\n  0.095 ms (95% CI 0.093–0.098 ms)\nto be at most:\n  0.097 ms\n"
                                + "latency per call:\n")
                .contains("; the 95% CI still straddles the limit: decided on the pooled point value\n");
    }

    @Test
    void passesOnARoundWhoseOwnIntervalIsUnderTheLimit() throws IOException {
        FakeClock clock = new FakeClock();
        // Round 1: 988 calls of 30 µs and 12 disturbed ones of 500 µs, so its p99 interval (ranks 983–997) straddles
        // 0.1 ms; round 2: 1000 quiet calls. Pooled, the interval still reaches a disturbed call (rank 1989 of 2000).
        long[] durations = new long[2000];
        Arrays.fill(durations, 30_000);
        for (int i = 0; i < 12; i++) {
            durations[80 * i + 7] = 500_000;
        }

        CheckResult result = run(
                dir,
                scriptedCheck(0.1, clock).warmup(100).maxWarmupMillis(0).build(),
                scripted(clock, 100, 30_000, durations));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(0.03);
        assertThat(result.details()).containsEntry("decidedBy", "round 2").containsEntry("rounds", 2);
        assertThat(result.message())
                .startsWith(
                        "Expecting p99 latency of regressor on iris-test.csv (1 row per call, 2000 samples in 2 rounds"
                                + " after 100 warm-up calls):\n"
                                + "  0.030 ms (95% CI 0.030–0.030 ms, round 2)\n"
                                + "to be at most:\n"
                                + "  0.100 ms\n"
                                + "and it is in round 2, whose 95% CI is under the limit: the model meets it, and the slower rounds"
                                + " are put down to interference (all rounds pooled: 0.030 ms, 95% CI 0.030–0.500 ms).\n")
                .contains(
                        "\nrounds: 2 of at most 3; the 95% CI did not decide after round 1, so the rounds were pooled;"
                                + " the 95% CI of round 2 is under the limit\n"
                                + "  round 1: p99 0.500 ms (95% CI 0.030–0.500 ms); " + NOISE + "\n"
                                + "  round 2: p99 0.030 ms (95% CI 0.030–0.030 ms); " + NOISE + "\n");
    }

    @Test
    void poolsASecondRoundWhenTheFirstHasTooFewSamplesToBoundThePercentile() throws IOException {
        FakeClock clock = new FakeClock();
        // 200 samples cannot bound p99 from above at 95% (368 can); 400 pooled can: their maximum.
        long[] durations = LongStream.generate(() -> 30_000).limit(200).toArray();
        durations[50] = 90_000;

        CheckResult result = run(
                dir,
                scriptedCheck(0.1, clock)
                        .samples(200)
                        .warmup(100)
                        .maxWarmupMillis(0)
                        .build(),
                scripted(clock, 100, 30_000, durations));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.n()).isEqualTo(400);
        assertThat(result.message())
                .contains(" (1 row per call, 400 samples in 2 rounds after 100 warm-up calls):\n"
                        + "  0.030 ms (95% CI 0.030–0.090 ms)\n")
                .contains("\nrounds: 2 of at most 3; the 95% CI did not decide after round 1, so the rounds were"
                        + " pooled; the 95% CI is under the limit\n"
                        + "  round 1: p99 0.030 ms (95% CI ≥ 0.030 ms); " + NOISE + "\n"
                        + "  round 2: p99 0.030 ms (95% CI ≥ 0.030 ms); " + NOISE + "\n");
    }

    @Test
    void decidesOnThePointValueWhenConfidenceIsZero() throws IOException {
        CheckResult result = runOnExample(0.1, check -> check.confidence(0));

        // The point value 0.153 ms is over 0.1 ms: one round, no interval needed to decide.
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .contains(
                        "\n  0.153 ms (95% CI 0.078–0.153 ms)\nto be at most:\n  0.100 ms\nbut it was 0.053 ms over.\n")
                .contains("\nrounds: 1; decided on the point value (confidence = 0)\n  round 1: p99 0.153 ms");
        assertThat(result.details()).containsEntry("confidence", 0.0).containsEntry("rounds", 1);
    }

    @Test
    void timesOnlyTheModelCall() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> 40_000).limit(50).toArray();

        CheckResult result = run(
                dir,
                scriptedCheck(5, clock).percentile(50).warmup(10).samples(50).build(),
                scripted(clock, 10, 40_000, durations));

        // Each sample is the model's 40 µs plus the one clock read that ends it: nothing of the setup.
        assertThat(result.measured()).isEqualTo(0.04);
        assertThat(result.details()).containsEntry("maxMillis", 0.04).containsEntry("meanMillis", 0.04);
    }

    @Test
    void comparesTheSlowestCallWhenThePercentileIs100() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> 100_000).limit(10).toArray();
        durations[7] = 500_000;

        CheckResult result = run(
                dir,
                scriptedCheck(0.2, clock).percentile(100).warmup(0).samples(10).build(),
                scripted(clock, 0, 0, durations));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.title()).isEqualTo("max latency ≤ 0.200 ms (1 row per call)");
        assertThat(result.message())
                .startsWith("Expecting max latency of regressor on " + DATA
                        + " (1 row per call, 10 samples without warm-up):\n  0.500 ms\nto be at most:\n")
                .contains("but it was 0.300 ms over.\n")
                .contains("\n  max    0.500 ms\n  mean   0.140 ms\n")
                .contains("\nrounds: 1; decided on the slowest call\n  round 1: max 0.500 ms; " + NOISE)
                .contains("\nwarm-up: none\n");
        assertThat(result.interval()).isNull();
    }

    @Test
    void showsARequestedPercentileInTheTable() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.rangeClosed(1, 100).map(i -> i * 1_000).toArray();

        CheckResult result = run(
                dir,
                scriptedCheck(1, clock).percentile(95).warmup(0).samples(100).build(),
                scripted(clock, 0, 0, durations));

        assertThat(result.message())
                // The interval ranks for n = 100 at 95%: p50 40–61, p90 84–96, p95 90–100, p99 and p99.9 from 97 and
                // 99.
                .contains("\n  p50    0.050 ms   95% CI 0.040–0.061 ms\n"
                        + "  p90    0.090 ms   95% CI 0.084–0.096 ms\n"
                        + "  p95    0.095 ms   95% CI 0.090–0.100 ms\n"
                        + "  p99    0.099 ms   95% CI ≥ 0.097 ms\n"
                        + "  p99.9  0.100 ms   95% CI ≥ 0.099 ms\n"
                        + "  max    0.100 ms\n");
        assertThat(result.title()).isEqualTo("p95 latency ≤ 1.000 ms (1 row per call)");
    }

    @Test
    void showsALimitBelowAMicrosecondWithoutRoundingItAway() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> 20_000).limit(5).toArray();

        CheckResult result = run(
                dir,
                scriptedCheck(0.0005, clock).percentile(50).warmup(0).samples(5).build(),
                scripted(clock, 0, 0, durations));

        assertThat(result.threshold()).isEqualTo("≤ 0.0005 ms");
        assertThat(result.message()).contains("to be at most:\n  0.0005 ms\nbut it was 0.0195 ms over");
    }

    @Test
    void timesCallsTooShortForTheTimerInGroupsAndSaysSo() throws IOException {
        FakeClock clock = new FakeClock();
        // Every call takes 100 ns: a warm-up sample (one call and the 25 ns clock read) is 125 ns, under 10 × the
        // 25 ns timer, so a sample times 20 calls (2500 ns, 100 timer reads): 20 × 100 + 25 ns, 101 ns a call.
        Model model = Model.regressor(row -> {
            clock.advance(100);
            return 0;
        });

        CheckResult result = run(
                dir,
                scriptedCheck(1, clock)
                        .warmup(100)
                        .samples(400)
                        .maxWarmupMillis(0)
                        .build(),
                model);

        assertThat(result.passed()).isTrue();
        assertThat(result.details()).containsEntry("callsPerSample", 20).containsEntry("p50Millis", 0.000101);
        assertThat(result.message())
                .startsWith("Expecting p99 latency of regressor on " + DATA
                        + " (1 row per call, 400 samples of 20 calls each after 100 warm-up calls):\n")
                .endsWith("\nnote: a call took about 0.000125 ms in the warm-up, under 10× the timer's cost and"
                        + " resolution (0.000025 ms), so each sample timed 20 consecutive calls and recorded their"
                        + " mean: the figures are per-call means of 20 calls, whose tail is narrower than single"
                        + " calls'");
    }

    @Test
    void notesWhenCallsAreTooShortForTheTimerWithoutWarmup() throws IOException {
        FakeClock clock = new FakeClock();
        long[] durations = LongStream.generate(() -> FakeClock.TICK).limit(20).toArray();

        CheckResult result =
                run(dir, scriptedCheck(1, clock).warmup(0).samples(20).build(), scripted(clock, 0, 0, durations));

        assertThat(result.details()).containsEntry("callsPerSample", 1);
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

        CheckResult result = run(
                dir,
                scriptedCheck(1, clock).warmup(20).samples(20).build(),
                scripted(clock, 20, 10 * FakeClock.TICK, durations));

        assertThat(result.message()).doesNotContain("note:");
        assertThat(result.details()).containsEntry("callsPerSample", 1);
    }

    // Warm-up.

    @Test
    void warmsUpInWindowsOfAtLeast50MillisecondsUntilTwoAgree() throws IOException {
        FakeClock clock = new FakeClock();
        // Calls get twice as fast after call 900, as if compiled. Windows are 200-call chunks until 50 ms have
        // passed: calls 0–599 (100 µs each, median 0.100 ms), 600–1399 (300 slow, 500 fast: median 0.050 ms, no
        // agreement), 1400–2399 (all fast: median 0.050 ms, agreement).
        int[] call = {0};
        Model model = Model.regressor(row -> {
            clock.advance((call[0]++ < 900 ? 100_000 : 50_000) - FakeClock.TICK);
            return 0;
        });

        CheckResult result = run(dir, scriptedCheck(5, clock).build(), model);

        assertThat(result.message())
                .contains("(1 row per call, 1000 samples after 2400 warm-up calls)")
                .contains(
                        "\nwarm-up: 2400 calls in 165.1 ms; the last two windows of at least 50 ms agreed within 5% (median 0.050 ms, then 0.050 ms) and the JIT"
                                + " compiled nothing in the last\n");
        assertThat(result.details()).containsEntry("warmupCalls", 2400L).containsEntry("warmupSettled", true);
    }

    @Test
    void waitsForTheJitToBeQuietAndStopsAtTheLongestWarmup() throws IOException {
        FakeClock clock = new FakeClock();
        long[] compiled = {0};
        // Every window sees two more JIT compilations, so the warm-up never settles: it ends with the first window
        // that closes 200 ms or more after the start (windows of 1400 calls of 41 µs: 57.4 ms).
        CheckResult result = run(
                dir,
                LatencyCheck.builder(WHERE, 5)
                        .clock(clock)
                        .noise(new FakeNoise(), () -> compiled[0]++, 0)
                        .maxWarmupMillis(200)
                        .build(),
                scripted(clock, 6000, 41_000, exampleDurations()));

        assertThat(result.message())
                .contains("after 5600 warm-up calls)")
                .contains("\nwarm-up: 5600 calls in 229.7 ms, the most allowed (maxWarmupMillis = 200); the last two"
                        + " windows: median 0.041 ms, then 0.041 ms; JIT compilations in the last: 1\n");
        assertThat(result.details()).containsEntry("warmupCalls", 5600L).containsEntry("warmupSettled", false);
    }

    @Test
    void makesAtLeastTheJitMinimumOfCallsBeforeSettling() throws IOException {
        FakeClock clock = new FakeClock();

        CheckResult result = run(
                dir,
                LatencyCheck.builder(WHERE, 5)
                        .clock(clock)
                        .noise(new FakeNoise(), () -> 0, 5000)
                        .build(),
                scripted(clock, 10_000, 41_000, exampleDurations()));

        // Windows of 1400 calls agree from the second one on, but only the fourth ends past 5000 calls.
        assertThat(result.details()).containsEntry("warmupCalls", 5600L);
        assertThat(result.message())
                .contains("\nwarm-up: 5600 calls in 229.7 ms; past 5000 calls (3× the JIT's C2"
                        + " threshold), the last two windows");
    }

    @Test
    void discardsARoundDuringWhichTheJitCompiledAndMeasuresAgain() throws IOException {
        FakeClock clock = new FakeClock();
        // The JIT compiles 5 methods between the first two readings of the counters, i.e. during the first round.
        FakeNoise noise = new FakeNoise(reading -> reading == 0 ? 0 : 5);

        CheckResult result =
                run(dir, scriptedCheck(5, clock, noise).build(), scripted(clock, 0, 0, new long[] {30_000}));

        assertThat(result.passed()).isTrue();
        assertThat(result.details()).containsEntry("discardedRounds", 1).containsEntry("rounds", 1);
        assertThat(result.message())
                .contains("\nrounds: 1 of at most 3; the 95% CI is under the limit\n  round 1: p99 0.030 ms")
                .containsPattern("\nwarm-up: 3600 calls in 108\\.1 ms; the last two windows of at least 50 ms agreed"
                        + " within 5% \\(median 0\\.030 ms, then 0\\.030 ms\\) and the JIT compiled nothing in the"
                        + " last; then 1 round of 1000 samples was measured and discarded, the JIT compiling 5 methods"
                        + " during it \\(138\\.1 ms of warm-up in all\\)\n");
    }

    @Test
    void keepsARoundWithJitCompilationsOnceTheWarmupTimeIsUsedUp() throws IOException {
        FakeClock clock = new FakeClock();
        FakeNoise noise = new FakeNoise(reading -> 5 * reading);

        CheckResult result =
                run(dir, scriptedCheck(5, clock, noise).maxWarmupMillis(110).build(), scripted(clock, 0, 0, new long[] {
                    30_000
                }));

        // Two 1800-call windows of 30 µs calls (54 ms each) took 108 ms of the 110: one 30 ms round more would overrun
        // the warm-up, so round 1 is kept.
        assertThat(result.details()).containsEntry("discardedRounds", 0).containsEntry("jitCompilations", 5L);
        assertThat(result.message())
                .contains("round 1: p99 0.030 ms (95% CI 0.030–0.030 ms); 1 GC (2 ms),"
                        + " 3 safepoints (0.15 ms), 5 JIT compilations, ");
    }

    @Test
    void makesExactlyTheWarmupCallsWhenMaxWarmupIsNotAboveIt() throws IOException {
        FakeClock clock = new FakeClock();
        RecordingModel model = new RecordingModel(clock);

        CheckResult result = run(
                dir,
                scriptedCheck(50, clock)
                        .warmup(7)
                        .maxWarmupMillis(0)
                        .samples(3)
                        .confidence(0)
                        .build(),
                model);

        assertThat(model.calls).hasSize(10);
        assertThat(result.message()).contains("\nwarm-up: 7 calls in 0.1 ms (fixed: maxWarmupMillis = 0)\n");
    }

    // Reports.

    @Test
    void attachesAHistogramPictureAndThePercentileData() throws IOException {
        CheckResult result = runOnExample(5);

        assertThat(result.attachments())
                .extracting(Attachment::name, Attachment::mediaType, Attachment::extension)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("latency histogram", "image/png", "png"),
                        org.assertj.core.groups.Tuple.tuple("latency percentiles (µs)", "text/csv", "csv"),
                        org.assertj.core.groups.Tuple.tuple("latency percentiles", "text/html", "html"));
        BufferedImage image = ImageIO.read(
                new ByteArrayInputStream(result.attachments().get(0).content().get()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        String csv = new String(result.attachments().get(1).content().get(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().collect(Collectors.toList());
        assertThat(lines.get(0)).isEqualTo("\"Value\",\"Percentile\",\"TotalCount\",\"1/(1-Percentile)\"");
        assertThat(lines.get(1)).startsWith("20.015,0.000000000000,499,");
        assertThat(lines).contains("410.111,1.000000000000,1000,Infinity");
        assertThat(new String(result.attachments().get(2).content().get(), StandardCharsets.UTF_8))
                .contains("<thead><tr><th>of 1000 calls</th><th>latency (ms)</th></tr></thead>")
                .contains("<tr><td>p50</td><td class=\"num\">")
                .contains("<tr><td>max</td><td class=\"num\">0.4100</td></tr>");
    }

    // Inputs.

    @Test
    void cyclesThroughTheRowsOneRowPerCall() throws IOException {
        FakeClock clock = new FakeClock();
        RecordingModel model = new RecordingModel(clock);

        run(dir, scriptedCheck(50, clock).warmup(0).samples(25).confidence(0).build(), model);

        List<List<Integer>> expected =
                IntStream.range(0, 25).mapToObj(i -> List.of(i % ROWS)).collect(Collectors.toList());
        assertThat(model.calls).isEqualTo(expected);
    }

    @Test
    void handsBatchesOfBatchSizeConsecutiveRowsWrappingAround() throws IOException {
        RecordingModel model = new RecordingModel();

        CheckResult result = run(
                dir,
                LatencyCheck.builder(WHERE, 50)
                        .warmup(2)
                        .maxWarmupMillis(0)
                        .samples(5)
                        .batchSize(4)
                        .confidence(0)
                        .build(),
                model);

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

        run(
                dir,
                LatencyCheck.builder(WHERE, 50)
                        .warmup(0)
                        .samples(1)
                        .batchSize(12)
                        .confidence(0)
                        .build(),
                model);

        assertThat(model.calls).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1));
    }

    // Configuration.

    @ParameterizedTest(name = "{8}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -1       | 99  |  0 |    10 |         1 | 1 | 0.95 |  3 | 'millis' must be positive, was -1
             0       | 99  |  0 |    10 |         1 | 1 | 0.95 |  3 | 'millis' must be positive, was 0
            NaN      | 99  |  0 |    10 |         1 | 1 | 0.95 |  3 | 'millis' must be positive, was NaN
            Infinity | 99  |  0 |    10 |         1 | 1 | 0.95 |  3 | 'millis' must be finite, was Infinity
             5       |  0  |  0 |    10 |         1 | 1 | 0.95 |  3 | 'percentile' must be in (0, 100], was 0
             5       | 101 |  0 |    10 |         1 | 1 | 0.95 |  3 | 'percentile' must be in (0, 100], was 101
             5       | 99  | -1 |    10 |         1 | 1 | 0.95 |  3 | 'warmup' must be at least 0, was -1
             5       | 99  |  0 |    -1 |         1 | 1 | 0.95 |  3 | 'maxWarmupMillis' must be in [0, 600000], was -1
             5       | 99  |  0 | 600001 |        1 | 1 | 0.95 |  3 | 'maxWarmupMillis' must be in [0, 600000], was 600001
             5       | 99  |  0 |    10 |         0 | 1 | 0.95 |  3 | 'samples' must be in [1, 100000000], was 0
             5       | 99  |  0 |    10 | 100000001 | 1 | 0.95 |  3 | 'samples' must be in [1, 100000000], was 100000001
             5       | 99  |  0 |    10 |         1 | 0 | 0.95 |  3 | 'batchSize' must be at least 1, was 0
             5       | 99  |  0 |    10 |         1 | 1 | 0.4  |  3 | 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was 0.4
             5       | 99  |  0 |    10 |         1 | 1 | 1    |  3 | 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was 1
             5       | 99  |  0 |    10 |         1 | 1 | -0.1 |  3 | 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was -0.1
             5       | 99  |  0 |    10 |         1 | 1 | NaN  |  3 | 'confidence' must be 0 (decide on the point value) or in [0.5, 1), was NaN
             5       | 99  |  0 |    10 |         1 | 1 | 0.95 |  0 | 'maxRounds' must be in [1, 10], was 0
             5       | 99  |  0 |    10 |         1 | 1 | 0.95 | 11 | 'maxRounds' must be in [1, 10], was 11
            """)
    void rejectsAnAttributeOutOfRange(
            double millis,
            double percentile,
            int warmup,
            int maxWarmupMillis,
            int samples,
            int batchSize,
            double confidence,
            int maxRounds,
            String problem) {
        assertThatThrownBy(() -> LatencyCheck.builder(WHERE, millis)
                        .percentile(percentile)
                        .warmup(warmup)
                        .maxWarmupMillis(maxWarmupMillis)
                        .samples(samples)
                        .batchSize(batchSize)
                        .confidence(confidence)
                        .maxRounds(maxRounds)
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": " + problem);
    }

    @Test
    void theShortConstructorValidatesToo() {
        assertThatThrownBy(() -> new LatencyCheck(WHERE, 5, 99, 0, 0, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'samples' must be in [1, 100000000], was 0");
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
                    .hasMessageContaining("predictions column 'pred'");
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

        ModelException e = catchThrowableOfType(
                ModelException.class, () -> run(dir, new LatencyCheck(WHERE, 5, 99, 0, 5, 1), failing));

        assertThat(e)
                .hasMessage("regressor failed on timed call 3 of 5 (row 3 of " + DATA + ") while " + WHERE
                        + " measured its latency: java.lang.IllegalStateException: boom")
                .hasCause(boom);
    }

    @Test
    void namesTheWarmupCallAndItsBoundWhenTheModelFailsThere() throws IOException {
        int[] calls = {0};
        Model failing = Model.regressor(row -> {
            if (++calls[0] == 12) {
                throw new IllegalStateException("boom");
            }
            return 0;
        });

        assertThatThrownBy(() -> run(dir, new LatencyCheck(WHERE, 5, 99, 50, 5, 1), failing))
                .isInstanceOf(ModelException.class)
                .hasMessage("regressor failed on warm-up call 12 (row 2 of " + DATA + ") while " + WHERE
                        + " measured its latency: java.lang.IllegalStateException: boom");
    }

    @Test
    void letsTheModelsOwnModelTestExceptionsThrough() throws IOException {
        ModelException own = new ModelException("the session is closed");
        Model failing = Model.regressor(row -> {
            throw own;
        });

        assertThatThrownBy(() -> run(dir, new LatencyCheck(WHERE, 5, 99, 3, 5, 1), failing))
                .isSameAs(own);
    }

    @Test
    void rejectsAClassIndexOutOfRange() throws IOException {
        Model wrong = Model.classifier(List.of("a", "b"), row -> 5);

        assertThatThrownBy(() -> run(dir, new LatencyCheck(WHERE, 5, 99, 0, 5, 1), wrong))
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

        assertThatThrownBy(() -> run(dir, new LatencyCheck(WHERE, 5, 99, 0, 5, 2), lazy))
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

        assertThatThrownBy(() -> run(dir, new LatencyCheck(WHERE, 5, 99, 0, 5, 4), shortchanging))
                .isInstanceOf(ModelException.class)
                .hasMessage("recording model returned 3 predictions for a batch of 4 row(s)");
    }

    // Helpers.

    /**
     * A check on the scripted clock and scripted interference counters, with a JIT that never compiles and no JIT
     * minimum for the warm-up, and every other setting at its default.
     */
    private static LatencyCheck.Builder scriptedCheck(double millis, FakeClock clock) {
        return scriptedCheck(millis, clock, new FakeNoise());
    }

    /** As {@link #scriptedCheck(double, FakeClock)}, with JIT compilations in the rounds as {@code noise} counts them. */
    private static LatencyCheck.Builder scriptedCheck(double millis, FakeClock clock, FakeNoise noise) {
        return LatencyCheck.builder(WHERE, millis).clock(clock).noise(noise, () -> 0, 0);
    }

    /**
     * Runs a check with the limit given on the scripted clock and counters, after exactly 1000 warm-up calls of 41 µs,
     * on {@link #exampleDurations()} over and over.
     */
    private CheckResult runOnExample(double millis) throws IOException {
        return runOnExample(millis, check -> check);
    }

    /** As {@link #runOnExample(double)}, with other settings too. */
    private CheckResult runOnExample(double millis, UnaryOperator<LatencyCheck.Builder> settings) throws IOException {
        FakeClock clock = new FakeClock();
        Model model = scripted(clock, 1000, 41_000, exampleDurations());
        return run(
                dir,
                settings.apply(scriptedCheck(millis, clock).maxWarmupMillis(0)).build(),
                model);
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
     * A regressor that records the data rows of every batch it is handed, and takes 10 µs a call by the scripted clock
     * it was given (so that calls are never timed in groups).
     */
    private static class RecordingModel extends HandWrittenRegressor {
        final List<List<Integer>> calls = new ArrayList<>();
        private final FakeClock clock;

        RecordingModel() {
            this(new FakeClock());
        }

        RecordingModel(FakeClock clock) {
            super("recording model");
            this.clock = clock;
        }

        @Override
        public void predict(Batch batch, Output out) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                rows.add(batch.row(i).index());
                out.setValue(i, 0);
            }
            calls.add(rows);
            clock.advance(10_000);
        }
    }
}
