package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;
import static dev.modeltest.latency.LatencyText.count;
import static dev.modeltest.latency.LatencyText.fine;
import static dev.modeltest.latency.LatencyText.ms;
import static dev.modeltest.latency.LatencyText.msNanos;
import static dev.modeltest.latency.LatencyText.percentileLabel;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Passes when the model's prediction latency at a percentile is at most a limit, measured in-process on real rows of
 * the test data after a warm-up, and decided on the percentile's confidence interval.
 *
 * <p><b>Samples.</b> One sample is the wall-clock time of one {@link Model#predict} call on {@code batchSize} rows, on
 * the calling thread, read with {@link System#nanoTime()} just before and just after the call (see
 * {@link LatencyMeter}). It includes whatever the JVM and the machine do meanwhile (JIT compilation, GC pauses, other
 * processes) and about one timer read; it excludes building the batches (done before) and checking the output (done
 * after). Calls cycle through the rows: call {@code i} hands rows {@code i × batchSize} onwards, modulo the row count.
 * Every sample goes into an HdrHistogram ({@link LatencyHistogram}).
 *
 * <p><b>Warm-up.</b> Untimed calls in windows of at least 50 ms, until at least {@code warmup} calls and 3× the JIT's
 * C2 threshold (unless those would take over 1 s) are made, the medians of the last two windows agree within 5% and
 * the JIT compiled nothing during the last one; at most for
 * {@code maxWarmupMillis} (see {@link LatencyMeter#warmUp}). With {@code maxWarmupMillis = 0}: exactly {@code warmup}
 * calls.
 *
 * <p><b>Timer.</b> The cost of reading the clock is measured first and reported. When a call (the median of the last
 * warm-up window) is shorter than ten times the timer's cost or resolution, each sample times a group of consecutive
 * calls instead, long enough to be timed, and records the mean per call; the message says so.
 *
 * <p><b>Decision.</b> The latency at percentile {@code p} is the smallest sample such that at least {@code p}% of the
 * samples are at most it (nearest rank); {@code p = 100} is the maximum. With {@code confidence > 0} (and
 * {@code p < 100}) it comes with a distribution-free confidence interval from order statistics
 * ({@link QuantileInterval}): the gate passes when the interval's upper bound is at most the limit and fails when its
 * lower bound is over it. When the interval straddles the limit (or has no upper bound yet), the check measures another
 * round of {@code samples} and decides on all rounds pooled, up to {@code maxRounds}; it also passes as soon as a
 * round's own interval is under the limit, because interference only ever adds time: a round that meets the limit
 * shows the model does, and slower rounds were disturbed. If the pooled interval still
 * straddles the limit then, it decides on the pooled point value (too close to call either way; the message says so),
 * or, with {@code inconclusive = true}, returns {@link Verdict#INCONCLUSIVE}. With {@code confidence = 0}, or for the
 * maximum, it decides on the point value, in one round. GC, safepoints and involuntary context switches of each round are counted
 * and reported ({@link Interference}).
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class LatencyCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "latency-under";

    /** The percentile used when none is given: 99. */
    public static final double DEFAULT_PERCENTILE = 99;

    /** The least number of untimed calls made before timing when none is given. */
    public static final int DEFAULT_WARMUP = 1000;

    /** The longest warm-up when none is given, in milliseconds. */
    public static final int DEFAULT_MAX_WARMUP_MILLIS = 5000;

    /** The largest {@code maxWarmupMillis}: ten minutes. */
    public static final int MAX_WARMUP_MILLIS = 600_000;

    /** The number of timed calls per round when none is given. */
    public static final int DEFAULT_SAMPLES = 1000;

    /** The number of rows per call when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /** The confidence of the interval the gate decides on when none is given. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The most rounds of measurement when none is given. */
    public static final int DEFAULT_MAX_ROUNDS = 3;

    /** The largest {@code samples}, so that all rounds pooled stay countable. */
    public static final int MAX_SAMPLES = 100_000_000;

    /** The largest {@code maxRounds}. */
    public static final int MAX_ROUNDS = 10;

    /** The confidence shown in the table when the gate decides on the point value. */
    static final double REPORTED_CONFIDENCE = 0.95;

    /** Receives the outputs' fingerprints so that the model's work is observable and cannot be dropped. */
    @SuppressWarnings("unused")
    private static volatile long blackhole;

    private final String where;
    private final double millis;
    private final double percentile;
    private final int warmup;
    private final int maxWarmupMillis;
    private final int samples;
    private final int batchSize;
    private final double confidence;
    private final int maxRounds;
    private final boolean inconclusive;
    /** The test clock, or {@code null} for {@link System#nanoTime()}. */
    private final LongSupplier clock;
    /** Reads GC, safepoint, JIT and context-switch counters; tests script it. */
    private final Supplier<Interference.Snapshot> noise;
    /** Reads the JIT compilation count during the warm-up; tests script it. */
    private final LongSupplier compilations;
    /** The calls an adaptive warm-up makes at least, unless they would take over 1 s; tests set it. */
    private final long jitCalls;

    /**
     * Creates the check with the default {@code maxWarmupMillis}, {@code confidence} and {@code maxRounds}; see
     * {@link #builder(String, double)} for all settings.
     *
     * @param where where it was configured, for messages, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param millis the highest acceptable latency per call, in milliseconds; finite and positive
     * @param percentile the percentile of the call latencies compared with {@code millis}, in (0, 100]
     * @param warmup the least number of untimed calls made first, at least 0
     * @param samples the number of timed calls per round, in [1, {@value #MAX_SAMPLES}]
     * @param batchSize the number of rows per call, at least 1
     * @throws ConfigurationException naming the attribute and its value when one is out of range
     */
    public LatencyCheck(String where, double millis, double percentile, int warmup, int samples, int batchSize) {
        this(builder(where, millis)
                .percentile(percentile)
                .warmup(warmup)
                .samples(samples)
                .batchSize(batchSize));
    }

    private LatencyCheck(Builder b) {
        String where = b.where;
        if (!(b.millis > 0)) {
            throw ConfigurationException.badAttribute(where, "millis", "must be positive", Format.number(b.millis));
        }
        if (Double.isInfinite(b.millis)) {
            throw ConfigurationException.badAttribute(where, "millis", "must be finite", Format.number(b.millis));
        }
        if (!(b.percentile > 0 && b.percentile <= 100)) {
            throw ConfigurationException.badAttribute(
                    where, "percentile", "must be in (0, 100]", Format.number(b.percentile));
        }
        LatencyAttributes.requireWarmup(where, b.warmup, b.maxWarmupMillis);
        LatencyAttributes.requireInRange(where, "samples", b.samples, 1, MAX_SAMPLES);
        LatencyAttributes.requireAtLeast(where, "batchSize", b.batchSize, 1);
        if (!(b.confidence == 0 || (b.confidence >= 0.5 && b.confidence < 1))) {
            throw ConfigurationException.badAttribute(
                    where,
                    "confidence",
                    "must be 0 (decide on the point value) or in [0.5, 1)",
                    Format.number(b.confidence));
        }
        LatencyAttributes.requireInRange(where, "maxRounds", b.maxRounds, 1, MAX_ROUNDS);
        this.where = where;
        this.millis = b.millis;
        this.percentile = b.percentile;
        this.warmup = b.warmup;
        this.maxWarmupMillis = b.maxWarmupMillis;
        this.samples = b.samples;
        this.batchSize = b.batchSize;
        this.confidence = b.confidence;
        this.maxRounds = b.maxRounds;
        this.inconclusive = b.inconclusive;
        this.clock = b.clock;
        this.noise = b.noise;
        this.compilations = b.compilations;
        this.jitCalls = b.jitCalls;
    }

    /**
     * Starts a check with every other setting at its default.
     *
     * @param where where it was configured, for messages, e.g. {@code @LatencyUnder on IrisTest.fast()}
     * @param millis the highest acceptable latency per call, in milliseconds; finite and positive
     */
    public static Builder builder(String where, double millis) {
        return new Builder(where, millis);
    }

    /** Returns whether the gate decides on the interval (rather than on the point value). */
    private boolean decidesOnInterval() {
        return confidence > 0 && percentile < 100;
    }

    @Override
    public CheckResult run(Subject subject) {
        Model model = subject.requireModel(where);
        Features features = subject.features();
        String data = subject.data().name();
        Batch[] batches = Batches.cycle(features, batchSize, Batches.MAX_PREBUILT_BATCHES);
        LatencyMeter meter = new LatencyMeter(model, batches, clock, where, data, "latency");

        TimerCost timer = TimerCost.measure(clock);
        LatencyMeter.Warmup warm = meter.warmUp(warmup, maxWarmupMillis * 1_000_000L, timer, compilations, jitCalls);
        int callsPerSample = warm.calls() > 0 ? LatencyMeter.callsPerSample(warm.lastMedianNanos(), timer) : 1;

        double level = decidesOnInterval() ? confidence : REPORTED_CONFIDENCE;
        double limitNanos = millis * NANOS_PER_MILLI;
        int allowedRounds = decidesOnInterval() ? maxRounds : 1;
        List<Round> rounds = new ArrayList<>();
        LatencyHistogram pooled = new LatencyHistogram();
        Interference interference = null;
        Verdict verdict = null;
        int passingRound = 0;
        long warmupNanos = warm.nanos();
        long discardedCompilations = 0;
        int discarded = 0;
        while (rounds.size() < allowedRounds && verdict == null) {
            int number = rounds.size() + 1;
            Interference.Snapshot before = noise.get();
            long start = now();
            LatencyHistogram histogram =
                    meter.measure(samples, callsPerSample, number == 1 ? "timed" : "round " + number + " timed");
            long roundNanos = now() - start;
            Interference seen = Interference.Snapshot.between(before, noise.get());
            if (warm.adaptive()
                    && seen.jitCompilations() > 0
                    && warmupNanos + roundNanos < maxWarmupMillis * 1_000_000L) {
                // The JIT was still at work: this round belongs to the warm-up. Measure it again, while the warm-up's
                // time allows.
                warmupNanos += roundNanos;
                discardedCompilations += seen.jitCompilations();
                discarded++;
                continue;
            }
            pooled.add(histogram);
            interference = interference == null ? seen : interference.plus(seen);
            LatencyHistogram.Estimate own = histogram.estimate(percentile, level);
            rounds.add(new Round(number, own, seen));
            LatencyHistogram.Estimate all = pooled.estimate(percentile, level);
            if (decidesOnInterval() && rounds.size() > 1 && !under(all, limitNanos) && under(own, limitNanos)) {
                // Interference only ever adds time: a round whose own interval is under the limit shows the model
                // meets it, and the slower rounds before it were disturbed.
                passingRound = number;
                verdict = Verdict.PASS;
            } else {
                verdict = decide(all, limitNanos, rounds.size() == allowedRounds);
            }
        }
        blackhole = meter.sink();

        LatencyHistogram.Estimate pooledEstimate = pooled.estimate(percentile, level);
        LatencyHistogram.Estimate estimate = passingRound > 0 ? rounds.get(passingRound - 1).estimate : pooledEstimate;
        double measured = estimate.nanos() / NANOS_PER_MILLI;
        long p50 = pooled.percentile(50);
        int limitDecimals = LatencyText.decimalsFor(millis);
        int decimals = Math.max(limitDecimals, LatencyText.decimalsToShow(p50 / NANOS_PER_MILLI));
        String label = percentileLabel(percentile);
        String rows = LatencyText.rows(batchSize) + " per call";

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
                .append(count(pooled.count(), "sample"));
        if (callsPerSample > 1) {
            message.append(" of ").append(callsPerSample).append(" calls each");
        }
        if (rounds.size() > 1) {
            message.append(" in ").append(rounds.size()).append(" rounds");
        }
        message.append(warm.calls() == 0 ? " without warm-up" : " after " + count(warm.calls(), "warm-up call"))
                .append("):\n  ")
                .append(ms(measured, decimals));
        if (percentile < 100) {
            message.append(" (")
                    .append(LatencyText.interval(estimate, level, decimals))
                    .append(passingRound > 0 ? ", round " + passingRound : "")
                    .append(')');
        }
        message.append("\nto be at most:\n  ").append(ms(millis, decimals));
        boolean intervalDecided = passingRound > 0
                || (decidesOnInterval()
                        && (under(estimate, limitNanos)
                                || (estimate.hasLower() && estimate.lowerNanos() > limitNanos)));
        if (passingRound > 0) {
            message.append("\nand it is in round ")
                    .append(passingRound)
                    .append(", whose ")
                    .append(Format.percent(level))
                    .append(" CI is under the limit: the model meets it, and the slower rounds are put down to")
                    .append(" interference (all rounds pooled: ")
                    .append(msNanos(pooledEstimate.nanos(), decimals))
                    .append(", ")
                    .append(LatencyText.interval(pooledEstimate, level, decimals))
                    .append(").");
        }
        if (verdict == Verdict.FAIL) {
            message.append("\nbut it was ")
                    .append(ms(measured - millis, decimals))
                    .append(" over");
            if (!decidesOnInterval()) {
                message.append('.');
            } else if (intervalDecided) {
                message.append(", and the whole ").append(Format.percent(level)).append(" CI too.");
            } else {
                message.append(" (its ")
                        .append(Format.percent(level))
                        .append(" CI still straddles the limit after ")
                        .append(count(rounds.size(), "round"))
                        .append(", the most allowed: decided on the pooled point value).");
            }
        } else if (verdict == Verdict.INCONCLUSIVE) {
            message.append("\nbut the interval ")
                    .append(estimate.hasUpper() ? "straddles" : "has no upper bound under")
                    .append(" the limit after ")
                    .append(count(rounds.size(), "round"))
                    .append(", the most allowed (maxRounds = ")
                    .append(maxRounds)
                    .append("): too noisy, or too close to the limit, to decide.");
        }
        message.append("\nlatency per call:");
        LatencyText.table(message, pooled, percentile, level, decimals);
        appendRounds(message, rounds, verdict, intervalDecided, passingRound, level, decimals);
        appendWarmup(message, warm, decimals);
        if (discarded > 0) {
            message.append("; then ")
                    .append(count(discarded, "round"))
                    .append(" of ")
                    .append(count(samples, "sample"))
                    .append(discarded == 1 ? " was" : " were")
                    .append(" measured and discarded, the JIT compiling ")
                    .append(count(discardedCompilations, "method"))
                    .append(" during ")
                    .append(discarded == 1 ? "it" : "them")
                    .append(" (")
                    .append(ms(warmupNanos / NANOS_PER_MILLI, 1))
                    .append(" of warm-up in all)");
        }
        message.append("\ntimer: ").append(fine(timer.costNanos())).append(" a read");
        if (timer.tickNanos() > timer.costNanos()) {
            message.append(", resolution ").append(fine(timer.tickNanos()));
        }
        appendTimerNote(message, warm, callsPerSample, p50, timer);

        String title = label + " latency ≤ " + ms(millis, limitDecimals) + " (" + rows + ")";
        CheckResult.Builder result = CheckResult.builder(ID, Family.LATENCY)
                .qualifier(label)
                .title(title)
                .verdict(verdict)
                .measured(measured)
                .threshold(Threshold.atMost(millis).withUnit("ms"), limitDecimals)
                .n(pooled.count())
                .message(message.toString());
        if (percentile < 100 && estimate.hasLower() && estimate.hasUpper()) {
            result.interval(new Interval(
                    estimate.lowerNanos() / NANOS_PER_MILLI,
                    estimate.upperNanos() / NANOS_PER_MILLI,
                    level,
                    "order statistics (Conover 1999, §3.2)"));
        }
        result.detail("percentile", percentile)
                .detail("p50Millis", p50 / NANOS_PER_MILLI)
                .detail("p90Millis", pooled.percentile(90) / NANOS_PER_MILLI)
                .detail("p99Millis", pooled.percentile(99) / NANOS_PER_MILLI)
                .detail("p999Millis", pooled.percentile(99.9) / NANOS_PER_MILLI)
                .detail("maxMillis", pooled.maxNanos() / NANOS_PER_MILLI)
                .detail("meanMillis", pooled.meanNanos() / NANOS_PER_MILLI)
                .detail("samples", samples)
                .detail("pooledSamples", pooled.count())
                .detail("warmup", warmup)
                .detail("maxWarmupMillis", maxWarmupMillis)
                .detail("warmupCalls", warm.calls())
                .detail("warmupMillis", warm.nanos() / NANOS_PER_MILLI)
                .detail("warmupSettled", warm.settled())
                .detail("discardedRounds", discarded)
                .detail("batchSize", batchSize)
                .detail("callsPerSample", callsPerSample)
                .detail("confidence", confidence)
                .detail("maxRounds", maxRounds)
                .detail("inconclusive", inconclusive)
                .detail(
                        "decidedBy",
                        !decidesOnInterval()
                                ? "point"
                                : passingRound > 0
                                        ? "round " + passingRound
                                        : intervalDecided
                                                ? "pooled interval"
                                                : verdict == Verdict.INCONCLUSIVE ? "undecided" : "pooled point")
                .detail("rounds", rounds.size())
                .detail("timerNanos", timer.costNanos())
                .detail("timerResolutionNanos", timer.tickNanos());
        if (estimate.hasLower()) {
            result.detail("lowerMillis", estimate.lowerNanos() / NANOS_PER_MILLI);
        }
        if (estimate.hasUpper()) {
            result.detail("upperMillis", estimate.upperNanos() / NANOS_PER_MILLI);
        }
        result.detail("gcCount", interference.gcCount())
                .detail("gcMillis", interference.gcMillis())
                .detail("safepoints", interference.safepoints())
                .detail("safepointMillis", interference.safepointNanos() / NANOS_PER_MILLI)
                .detail("jitCompilations", interference.jitCompilations())
                .detail("involuntaryContextSwitches", interference.involuntarySwitches())
                .detail("loadAverage", interference.loadAverage())
                .detail("roundDetails", roundDetails(rounds))
                .detail("histogram", pooled.encoded());
        String chartTitle = label + " latency of " + model.describe() + " on " + data;
        return result.attach(Attachment.png("latency histogram", () -> LatencyChart.png(chartTitle, pooled, millis)))
                .attach(Attachment.csv("latency percentiles (µs)", pooled::percentileCsv))
                .build();
    }

    private long now() {
        return clock == null ? System.nanoTime() : clock.getAsLong();
    }

    /** Returns whether the estimate's interval lies wholly at or under the limit. */
    private static boolean under(LatencyHistogram.Estimate estimate, double limitNanos) {
        return estimate.hasUpper() && estimate.upperNanos() <= limitNanos;
    }

    /**
     * Decides on the pooled estimate: on the point value in point mode; on the interval otherwise, returning
     * {@code null} (measure again) while it straddles the limit and rounds remain, and after the last round deciding
     * on the point value, or INCONCLUSIVE when so configured.
     */
    private Verdict decide(LatencyHistogram.Estimate estimate, double limitNanos, boolean lastRound) {
        if (!decidesOnInterval()) {
            return estimate.nanos() <= limitNanos ? Verdict.PASS : Verdict.FAIL;
        }
        if (estimate.hasUpper() && estimate.upperNanos() <= limitNanos) {
            return Verdict.PASS;
        }
        if (estimate.hasLower() && estimate.lowerNanos() > limitNanos) {
            return Verdict.FAIL;
        }
        if (!lastRound) {
            return null;
        }
        if (inconclusive) {
            return Verdict.INCONCLUSIVE;
        }
        return estimate.nanos() <= limitNanos ? Verdict.PASS : Verdict.FAIL;
    }

    private void appendRounds(
            StringBuilder message,
            List<Round> rounds,
            Verdict verdict,
            boolean intervalDecided,
            int passingRound,
            double level,
            int decimals) {
        String ci = Format.percent(level) + " CI";
        message.append("\nrounds: ").append(rounds.size());
        if (!decidesOnInterval()) {
            message.append(
                    percentile >= 100
                            ? "; decided on the slowest call"
                            : "; decided on the point value (confidence = 0)");
        } else {
            message.append(" of at most ").append(maxRounds).append("; ");
            if (rounds.size() > 1) {
                int undecided = rounds.size() - 1;
                message.append("the ")
                        .append(ci)
                        .append(" did not decide after round")
                        .append(undecided == 1 ? " 1" : undecided == 2 ? "s 1 and 2" : "s 1 to " + undecided)
                        .append(", so the rounds were pooled; ");
            }
            if (passingRound > 0) {
                message.append("the ")
                        .append(ci)
                        .append(" of round ")
                        .append(passingRound)
                        .append(" is under the limit");
            } else if (verdict == Verdict.INCONCLUSIVE) {
                message.append("undecided");
            } else if (!intervalDecided) {
                message.append("the ")
                        .append(ci)
                        .append(" still straddles the limit: decided on the pooled point value");
            } else {
                message.append("the ")
                        .append(ci)
                        .append(verdict == Verdict.PASS ? " is under the limit" : " is over the limit");
            }
        }
        for (Round round : rounds) {
            message.append("\n  round ")
                    .append(round.number)
                    .append(": ")
                    .append(percentileLabel(percentile))
                    .append(' ')
                    .append(msNanos(round.estimate.nanos(), decimals));
            if (percentile < 100) {
                message.append(" (")
                        .append(LatencyText.interval(round.estimate, level, decimals))
                        .append(')');
            }
            message.append("; ").append(round.interference.describe());
        }
    }

    private void appendWarmup(StringBuilder message, LatencyMeter.Warmup warm, int decimals) {
        message.append("\nwarm-up: ");
        if (warm.calls() == 0) {
            message.append("none");
            return;
        }
        message.append(count(warm.calls(), "call")).append(" in ").append(ms(warm.nanos() / NANOS_PER_MILLI, 1));
        if (!warm.adaptive()) {
            message.append(" (fixed: maxWarmupMillis = 0)");
            return;
        }
        String medians = "median " + msNanos(warm.previousMedianNanos(), decimals) + ", then "
                + msNanos(warm.lastMedianNanos(), decimals);
        long compiled = warm.lastWindowCompilations();
        if (warm.settled()) {
            if (jitCalls > 0) {
                message.append(
                        warm.calls() >= jitCalls
                                ? "; past " + jitCalls + " calls (3× the JIT's C2 threshold),"
                                : "; without waiting for " + jitCalls
                                        + " calls (3× the JIT's C2 threshold: over 1 s of calls at this speed),");
            } else {
                message.append(';');
            }
            message.append(" the last two windows of at least 50 ms agreed within 5% (")
                    .append(medians)
                    .append(
                            compiled < 0
                                    ? "; JIT activity not counted)"
                                    : ") and the JIT compiled nothing in the last");
            return;
        }
        message.append(", the most allowed (maxWarmupMillis = ")
                .append(maxWarmupMillis)
                .append(')');
        if (warm.previousMedianNanos() < 0) {
            message.append("; only one window, nothing to compare it with");
        } else {
            message.append("; the last two windows: ").append(medians);
            if (compiled >= 0) {
                message.append("; JIT compilations in the last: ").append(compiled);
            }
        }
    }

    private void appendTimerNote(
            StringBuilder message, LatencyMeter.Warmup warm, int callsPerSample, long p50, TimerCost timer) {
        long floor = timer.floorNanos();
        if (callsPerSample > 1) {
            message.append("\nnote: a call took about ")
                    .append(fine(warm.lastMedianNanos()))
                    .append(" in the warm-up, under ")
                    .append(LatencyMeter.TIMER_RESOLUTION_FACTOR)
                    .append("× the timer's cost and resolution (")
                    .append(fine(floor))
                    .append("), so each sample timed ")
                    .append(callsPerSample)
                    .append(" consecutive calls and recorded their mean: the figures are per-call means of ")
                    .append(callsPerSample)
                    .append(" calls, whose tail is narrower than single calls'");
        } else if (p50 < (double) LatencyMeter.TIMER_RESOLUTION_FACTOR * floor) {
            message.append("\nnote: the median call (")
                    .append(fine(p50))
                    .append(") is under ")
                    .append(LatencyMeter.TIMER_RESOLUTION_FACTOR)
                    .append("× the timer's cost and resolution (")
                    .append(fine(floor))
                    .append("), so per-call figures are at the timer's resolution;")
                    .append(" time more rows per call instead, e.g. batchSize = ")
                    .append(suggestedBatchSize(p50, floor));
        }
    }

    /** Returns a batch size that should make a call last about 100 timer costs. */
    private long suggestedBatchSize(long p50, long timerNanos) {
        double perRow = Math.max(1, p50) / (double) batchSize;
        double needed = LatencyMeter.GROUP_TIMER_FLOORS * timerNanos / perRow;
        long suggestion = 10;
        while (suggestion < needed && suggestion < 1_000_000_000L) {
            suggestion *= 10;
        }
        return suggestion;
    }

    private List<Map<String, Object>> roundDetails(List<Round> rounds) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (Round round : rounds) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("round", round.number);
            map.put("millis", round.estimate.nanos() / NANOS_PER_MILLI);
            if (round.estimate.hasLower()) {
                map.put("lowerMillis", round.estimate.lowerNanos() / NANOS_PER_MILLI);
            }
            if (round.estimate.hasUpper()) {
                map.put("upperMillis", round.estimate.upperNanos() / NANOS_PER_MILLI);
            }
            map.put("gcCount", round.interference.gcCount());
            map.put("gcMillis", round.interference.gcMillis());
            map.put("safepoints", round.interference.safepoints());
            map.put("jitCompilations", round.interference.jitCompilations());
            map.put("involuntaryContextSwitches", round.interference.involuntarySwitches());
            map.put("loadAverage", round.interference.loadAverage());
            details.add(map);
        }
        return details;
    }

    private record Round(int number, LatencyHistogram.Estimate estimate, Interference interference) {}

    /**
     * Configures a {@link LatencyCheck}; every setting starts at its default.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String where;
        private final double millis;
        private double percentile = DEFAULT_PERCENTILE;
        private int warmup = DEFAULT_WARMUP;
        private int maxWarmupMillis = DEFAULT_MAX_WARMUP_MILLIS;
        private int samples = DEFAULT_SAMPLES;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private double confidence = DEFAULT_CONFIDENCE;
        private int maxRounds = DEFAULT_MAX_ROUNDS;
        private boolean inconclusive;
        private LongSupplier clock;
        private Supplier<Interference.Snapshot> noise = Interference::snapshot;
        /** Takes a whole snapshot, not just the JIT count, so that the code rounds use to read them is warm too. */
        private LongSupplier compilations = () -> Interference.snapshot().jitCompilations();

        private long jitCalls = LatencyMeter.jitMinimumCalls();

        private Builder(String where, double millis) {
            this.where = Objects.requireNonNull(where, "where");
            this.millis = millis;
        }

        /** Sets the percentile compared with the limit, in (0, 100]; 100 means the slowest call. Default 99. */
        public Builder percentile(double percentile) {
            this.percentile = percentile;
            return this;
        }

        /** Sets the fewest untimed calls made first, at least 0 (0: no warm-up at all). Default 1000. */
        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        /**
         * Sets the longest warm-up, in milliseconds, in [0, 600000]: the warm-up runs in windows of at least 50 ms
         * until, past {@code warmup} calls, two successive windows agree and the JIT is quiet, or until this long has
         * passed. 0 means exactly {@code warmup} calls. Default 5000.
         */
        public Builder maxWarmupMillis(int maxWarmupMillis) {
            this.maxWarmupMillis = maxWarmupMillis;
            return this;
        }

        /** Sets the number of timed calls per round, in [1, 10⁸]. Default 1000. */
        public Builder samples(int samples) {
            this.samples = samples;
            return this;
        }

        /** Sets the rows per call, at least 1. Default 1. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the confidence of the interval decided on, in [0.5, 1), or 0 to decide on the point value. Default 0.95. */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /** Sets the most rounds of {@code samples} measured while the interval straddles the limit, in [1, 10]. Default 3. */
        public Builder maxRounds(int maxRounds) {
            this.maxRounds = maxRounds;
            return this;
        }

        /**
         * Sets what the gate does when the interval still straddles the limit after {@code maxRounds}: decide on the
         * pooled point value ({@code false}, the default) or return INCONCLUSIVE ({@code true}).
         */
        public Builder inconclusive(boolean inconclusive) {
            this.inconclusive = inconclusive;
            return this;
        }

        /** Sets a scripted clock in nanoseconds, for tests; {@code null} means {@link System#nanoTime()}. */
        Builder clock(LongSupplier clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets scripted sources of interference counters and of the JIT compilation count, and the warm-up's JIT
         * minimum in calls, for tests.
         */
        Builder noise(Supplier<Interference.Snapshot> noise, LongSupplier compilations, long jitCalls) {
            this.noise = Objects.requireNonNull(noise, "noise");
            this.compilations = Objects.requireNonNull(compilations, "compilations");
            this.jitCalls = jitCalls;
            return this;
        }

        /**
         * Builds the check.
         *
         * @throws ConfigurationException naming the attribute and its value when one is out of range
         */
        public LatencyCheck build() {
            return new LatencyCheck(this);
        }
    }
}
