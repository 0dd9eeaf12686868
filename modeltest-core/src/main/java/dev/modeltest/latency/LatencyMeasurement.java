package dev.modeltest.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@code @LatencyUnder} measured: the timer's cost, the warm-up, then rounds of {@code samples} timed calls,
 * pooled, until the {@link LatencyDecision} stops asking for more. A round during which the JIT still compiled belongs
 * to an adaptive warm-up: it is measured again while the warm-up's time allows, and counted as discarded.
 *
 * @param timer the clock's cost and resolution
 * @param warm how the warm-up went
 * @param callsPerSample the consecutive calls each sample timed (more than 1 for calls shorter than the timer resolves)
 * @param rounds the kept rounds, in order
 * @param pooled all kept rounds' samples
 * @param interference what the JVM and the machine did during the kept rounds, summed
 * @param discarded the rounds measured and discarded because the JIT was still compiling
 * @param discardedCompilations the JIT compilations during the discarded rounds
 * @param warmupNanos the warm-up's time, discarded rounds included
 * @param outcome what was decided
 * @param sink the outputs' fingerprints, to keep the model's work observable
 */
record LatencyMeasurement(
        TimerCost timer,
        LatencyMeter.Warmup warm,
        int callsPerSample,
        List<Round> rounds,
        LatencyHistogram pooled,
        Interference interference,
        int discarded,
        long discardedCompilations,
        long warmupNanos,
        LatencyDecision.Outcome outcome,
        long sink) {

    /**
     * One kept round of samples.
     *
     * @param number its number, from 1
     * @param estimate the percentile on this round's samples alone, with its interval
     * @param interference what the JVM and the machine did during it
     */
    record Round(int number, LatencyHistogram.Estimate estimate, Interference interference) {}

    /**
     * Measures: times the clock, warms up, then measures rounds until {@code decision} decides.
     *
     * @param clock the test clock, or {@code null} for {@link System#nanoTime()}
     * @param noise reads GC, safepoint, JIT and context-switch counters
     * @param compilations reads the JIT compilation count during the warm-up
     */
    static LatencyMeasurement take(
            LatencySettings s,
            LatencyMeter meter,
            LongSupplier clock,
            Supplier<Interference.Snapshot> noise,
            LongSupplier compilations,
            LatencyDecision decision) {
        TimerCost timer = TimerCost.measure(clock);
        LatencyMeter.Warmup warm = meter.warmUp(s.warmup(), s.maxWarmupNanos(), timer, compilations, s.jitCalls());
        int callsPerSample = warm.calls() > 0 ? LatencyMeter.callsPerSample(warm.lastMedianNanos(), timer) : 1;

        List<Round> rounds = new ArrayList<>();
        LatencyHistogram pooled = new LatencyHistogram();
        Interference interference = null;
        LatencyDecision.Outcome outcome = null;
        long warmupNanos = warm.nanos();
        long discardedCompilations = 0;
        int discarded = 0;
        while (outcome == null) {
            int number = rounds.size() + 1;
            Interference.Snapshot before = noise.get();
            long start = now(clock);
            LatencyHistogram histogram =
                    meter.measure(s.samples(), callsPerSample, number == 1 ? "timed" : "round " + number + " timed");
            long roundNanos = now(clock) - start;
            Interference seen = Interference.Snapshot.between(before, noise.get());
            if (warm.adaptive() && seen.jitCompilations() > 0 && warmupNanos + roundNanos < s.maxWarmupNanos()) {
                // The JIT was still at work: this round belongs to the warm-up. Measure it again, while the warm-up's
                // time allows.
                warmupNanos += roundNanos;
                discardedCompilations += seen.jitCompilations();
                discarded++;
                continue;
            }
            pooled.add(histogram);
            interference = interference == null ? seen : interference.plus(seen);
            LatencyHistogram.Estimate own = histogram.estimate(s.percentile(), s.level());
            rounds.add(new Round(number, own, seen));
            LatencyHistogram.Estimate all = pooled.estimate(s.percentile(), s.level());
            outcome = decision.afterRound(number, own, all, number == s.allowedRounds());
        }
        return new LatencyMeasurement(
                timer,
                warm,
                callsPerSample,
                List.copyOf(rounds),
                pooled,
                interference,
                discarded,
                discardedCompilations,
                warmupNanos,
                outcome,
                meter.sink());
    }

    /** Returns the pooled estimate of the percentile, with its interval. */
    LatencyHistogram.Estimate pooledEstimate(LatencySettings s) {
        return pooled.estimate(s.percentile(), s.level());
    }

    /** Returns the estimate the verdict stands on: the passing round's, or the pooled one. */
    LatencyHistogram.Estimate decisive(LatencySettings s) {
        int passing = outcome.passingRound();
        return passing > 0 ? rounds.get(passing - 1).estimate() : pooledEstimate(s);
    }

    private static long now(LongSupplier clock) {
        return clock == null ? System.nanoTime() : clock.getAsLong();
    }
}
