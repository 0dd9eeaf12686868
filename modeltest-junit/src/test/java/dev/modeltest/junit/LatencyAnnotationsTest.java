package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.message;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @LatencyUnder}'s interval decision and rounds, and {@code @ThroughputAtLeast}, through the JUnit engine. */
class LatencyAnnotationsTest {

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class LatencyTableTestCase {
        @LatencyUnder(millis = 200, warmup = 50, samples = 400)
        void fast() {}

        @LatencyUnder(millis = 200, warmup = 50, samples = 400, confidence = 0)
        void fastOnThePointValue() {}
    }

    @Test
    void latencyPassesWhenTheIntervalIsUnderTheLimit() {
        EngineExecutionResults results = run(LatencyTableTestCase.class);

        assertThat(succeeded(results)).containsExactly("fast()", "fastOnThePointValue()");
    }

    @ModelTest(provider = TestModels.Slow.class, data = TestModels.TINY, label = "label")
    static class SlowTestCase {
        @LatencyUnder(millis = 0.5, warmup = 5, samples = 20)
        void tooSlow() {}
    }

    @Test
    void latencyFailsWithThePercentileTableRoundsAndNoise() {
        String message = failureOf(run(SlowTestCase.class), "tooSlow");

        // Every call busy-waits 2 ms, 4× the limit: the 19th of 20 samples, the interval's lower bound, is over it.
        assertThat(message)
                .startsWith("Expecting p99 latency of classifier (2 classes) on tiny.csv (1 row per call, 20 samples"
                        + " after ")
                .contains("\nto be at most:\n  0.500 ms\nbut it was ")
                .contains(" over, and the whole 95% CI too.\nlatency per call:\n  p50  ")
                .contains("\n  p90  ")
                .contains("\n  p99  ")
                .contains("\n  p99.9")
                .contains("\n  max  ")
                .contains("\n  mean ")
                .contains("\nrounds: 1 of at most 3; the 95% CI is over the limit\n  round 1: p99 ")
                .containsPattern("\n  round 1: .*; \\d+ GCs? \\(\\d+ ms\\), \\d+ safepoints? \\([0-9.]+ ms\\), \\d+ JIT"
                        + " compilations?, \\d+ involuntary context switch(es)?; load average [0-9.]+ on \\d+ CPUs?\n")
                .containsPattern("\nwarm-up: \\d+ calls in [0-9.]+ ms[;,] ")
                .contains("\ntimer: ");
    }

    /**
     * Makes 13 calls of 20 µs and 12 of 1 ms in every 25: the median is a short call, but only just, so its interval
     * reaches into the long ones.
     */
    public static final class Alternating implements ModelProvider {
        @Override
        public Model load() {
            AtomicLong calls = new AtomicLong();
            return Model.regressor(row -> {
                busyWait(calls.getAndIncrement() % 25 < 13 ? 20_000 : 1_000_000);
                return 0;
            });
        }
    }

    @ModelTest(provider = Alternating.class, data = TestModels.TINY, label = "label")
    static class UndecidedTestCase {
        @LatencyUnder(
                millis = 0.5,
                percentile = 50,
                warmup = 200,
                maxWarmupMillis = 0,
                samples = 300,
                inconclusive = true)
        void straddles() {}
    }

    @ModelTest(provider = Alternating.class, data = TestModels.TINY, label = "label")
    static class PointValueTestCase {
        @LatencyUnder(millis = 0.5, percentile = 50, warmup = 200, maxWarmupMillis = 0, samples = 300)
        void decidedOnThePointValue() {}
    }

    @Test
    void latencyThatCannotBeDecidedOnTheIntervalDecidesOnThePooledPointValueByDefault() {
        // The median of all rounds pooled, rank 450 of 900, is one of the 468 short calls: under the 0.5 ms limit.
        assertThat(succeeded(run(PointValueTestCase.class))).containsExactly("decidedOnThePointValue()");
    }

    @Test
    void latencyThatCannotBeDecidedIsInconclusiveWhenAskedAndFailsByDefault() {
        // 52% of the calls take 20 µs and 48% 1 ms: the median's interval (ranks 133–167 of 300 in a round, 421–480 of
        // 900 pooled) runs from one cluster to the other in every round and in all three pooled, around the 0.5 ms
        // limit.
        String message = failureOf(run(UndecidedTestCase.class), "straddles");

        assertThat(message)
                .startsWith("Expecting p50 latency of regressor on tiny.csv (1 row per call, 900 samples in 3 rounds"
                        + " after ")
                .contains("\nbut the interval straddles the limit after 3 rounds, the most allowed (maxRounds = 3):"
                        + " too noisy, or too close to the limit, to decide.\n")
                .contains("\nrounds: 3 of at most 3; the 95% CI did not decide after rounds 1 and 2, so the rounds"
                        + " were pooled; undecided\n  round 1: p50 ")
                .contains("\n  round 2: p50 ")
                .contains("\n  round 3: p50 ");
    }

    @Test
    void latencyThatCannotBeDecidedAbortsWhenConfiguredTo() {
        EngineExecutionResults results =
                run(UndecidedTestCase.class, Map.of(ModelTestExtension.INCONCLUSIVE_PARAMETER, "abort"));

        assertThat(results.testEvents().aborted().count()).isEqualTo(1);
        assertThat(message(results.testEvents().aborted().list().get(0)))
                .startsWith("Expecting p50 latency of regressor on tiny.csv");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class LatencyAttributesTestCase {
        @LatencyUnder(millis = 5, confidence = 1.5)
        void confidenceTooHigh() {}

        @LatencyUnder(millis = 5, maxRounds = 0)
        void noRounds() {}

        @LatencyUnder(millis = 5, maxWarmupMillis = -1)
        void negativeMaxWarmup() {}

        @LatencyUnder(millis = 5, samples = 0)
        void noSamples() {}
    }

    @Test
    void latencyRejectsNewAttributesOutOfRange() {
        EngineExecutionResults results = run(LatencyAttributesTestCase.class);

        assertThat(failureOf(results, "confidenceTooHigh"))
                .isEqualTo("@LatencyUnder on LatencyAttributesTestCase.confidenceTooHigh(): 'confidence' must be 0"
                        + " (decide on the point value) or in [0.5, 1), was 1.5");
        assertThat(failureOf(results, "noRounds"))
                .isEqualTo("@LatencyUnder on LatencyAttributesTestCase.noRounds(): 'maxRounds' must be in [1, 10],"
                        + " was 0");
        assertThat(failureOf(results, "negativeMaxWarmup"))
                .isEqualTo("@LatencyUnder on LatencyAttributesTestCase.negativeMaxWarmup(): 'maxWarmupMillis' must be"
                        + " in [0, 600000], was -1");
        assertThat(failureOf(results, "noSamples"))
                .isEqualTo("@LatencyUnder on LatencyAttributesTestCase.noSamples(): 'samples' must be in [1,"
                        + " 100000000], was 0");
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ThroughputTestCase {
        @ThroughputAtLeast(rowsPerSecond = 10, threads = 2, warmup = 20, durationMillis = 100)
        void keepsUp() {}

        @ThroughputAtLeast(rowsPerSecond = 1e12, batchSize = 5, threads = 2, warmup = 20, durationMillis = 100)
        void fallsBehind() {}

        @ThroughputAtLeast(rowsPerSecond = 0)
        void zeroRate() {}

        @ThroughputAtLeast(rowsPerSecond = 10, threads = -1)
        void negativeThreads() {}

        @ThroughputAtLeast(rowsPerSecond = 10, durationMillis = 0)
        void noDuration() {}
    }

    @Test
    void throughputPassesWhenTheThreadsKeepUpAndFailsWithPerThreadFiguresWhenNot() {
        EngineExecutionResults results = run(ThroughputTestCase.class);

        assertThat(succeeded(results)).containsExactly("keepsUp()");
        assertThat(failureOf(results, "fallsBehind"))
                .startsWith("Expecting throughput of threshold model on tiny.csv (2 threads, 5 rows per call, measured"
                        + " for 100 ms after at least 20 warm-up calls per thread):\n  ")
                .contains("\nto be at least:\n  1000000000000 rows/s\nbut it was ")
                .contains(" rows/s short.\nper thread:\n  thread 1: ")
                .contains("\n  thread 2: ")
                .contains("\nlatency per call (all threads):\n  p50  ")
                .contains("\nnoise: ");
        assertThat(failureOf(results, "zeroRate"))
                .isEqualTo("@ThroughputAtLeast on ThroughputTestCase.zeroRate(): 'rowsPerSecond' must be positive and"
                        + " finite, was 0");
        assertThat(failureOf(results, "negativeThreads"))
                .isEqualTo("@ThroughputAtLeast on ThroughputTestCase.negativeThreads(): 'threads' must be in [0, 1024]"
                        + " (0: one per processor), was -1");
        assertThat(failureOf(results, "noDuration"))
                .isEqualTo("@ThroughputAtLeast on ThroughputTestCase.noDuration(): 'durationMillis' must be in [1,"
                        + " 600000], was 0");
    }

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class ThroughputWithoutModelTestCase {
        @ThroughputAtLeast(rowsPerSecond = 10)
        void throughput() {}
    }

    @Test
    void throughputWithPredictionsColumnsIsAConfigurationError() {
        assertThat(failureOf(run(ThroughputWithoutModelTestCase.class), "throughput"))
                .startsWith("@ThroughputAtLeast on ThroughputWithoutModelTestCase.throughput() needs a model to call,"
                        + " but @ModelTest on ThroughputWithoutModelTestCase evaluates predictions column")
                .endsWith("; give 'model' or 'provider' instead");
    }

    @Test
    void bothAnnotationsAreComposedTestsCheckedByTheirFactories() {
        assertThat(LatencyUnder.class.getAnnotation(CheckedBy.class).value()).isEqualTo(BuiltInChecks.Latency.class);
        assertThat(ThroughputAtLeast.class.getAnnotation(CheckedBy.class).value())
                .isEqualTo(LatencyChecks.Throughput.class);
        assertThat(List.of(ThroughputAtLeast.class.getAnnotations()))
                .extracting(a -> a.annotationType().getSimpleName())
                .contains("Test", "ExtendWith", "CheckedBy");
    }

    @Test
    void timedGatesHoldJunitsGlobalLockSoThatTheirClassRunsAloneInParallelMode() throws NoSuchMethodException {
        for (Method gate : List.of(
                ThroughputTestCase.class.getDeclaredMethod("keepsUp"),
                LatencyTableTestCase.class.getDeclaredMethod("fast"))) {
            assertThat(AnnotationSupport.findRepeatableAnnotations(gate, ResourceLock.class))
                    .as("resource locks of %s", gate)
                    .singleElement()
                    .satisfies(lock -> {
                        assertThat(lock.value()).isEqualTo(Resources.GLOBAL);
                        assertThat(lock.mode()).isEqualTo(ResourceAccessMode.READ_WRITE);
                    });
        }
        assertThat(AnnotationSupport.findRepeatableAnnotations(
                        UntimedTestCase.class.getDeclaredMethod("accuracy"), ResourceLock.class))
                .isEmpty();
    }

    static class UntimedTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
