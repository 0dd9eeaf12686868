package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;
import static dev.modeltest.latency.LatencyText.count;
import static dev.modeltest.latency.LatencyText.fine;
import static dev.modeltest.latency.LatencyText.ms;
import static dev.modeltest.latency.LatencyText.msNanos;
import static dev.modeltest.latency.LatencyText.percentileLabel;

import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;

/**
 * The failure message (and report text) of {@code @LatencyUnder}: what was expected, what was measured and how it was
 * decided, then the percentile table, the rounds, the warm-up and the timer. It only writes; {@link LatencyMeasurement}
 * measured and {@link LatencyDecision} decided.
 */
final class LatencyMessage {

    private final LatencySettings s;
    private final LatencyMeasurement m;
    private final LatencyDecision.Outcome outcome;
    private final int decimals;
    private final double level;
    private final StringBuilder out = new StringBuilder();

    private LatencyMessage(LatencySettings s, LatencyMeasurement m) {
        this.s = s;
        this.m = m;
        this.outcome = m.outcome();
        this.decimals = decimals(s, m);
        this.level = s.level();
    }

    /** Returns the message for the model and data measured. */
    static String of(LatencySettings s, LatencyMeasurement m, String model, String data) {
        return new LatencyMessage(s, m).write(model, data);
    }

    /** Returns the decimals the message prints milliseconds with: the limit's, or more for a fast median call. */
    static int decimals(LatencySettings s, LatencyMeasurement m) {
        return Math.max(
                LatencyText.decimalsFor(s.millis()),
                LatencyText.decimalsToShow(m.pooled().percentile(50) / NANOS_PER_MILLI));
    }

    /** Returns the rows of one call, e.g. {@code 1 row per call}. */
    static String rowsPerCall(LatencySettings s) {
        return LatencyText.rows(s.batchSize()) + " per call";
    }

    private String write(String model, String data) {
        LatencyHistogram.Estimate estimate = m.decisive(s);
        double measured = estimate.nanos() / NANOS_PER_MILLI;
        out.append("Expecting ")
                .append(percentileLabel(s.percentile()))
                .append(" latency of ")
                .append(model)
                .append(" on ")
                .append(data)
                .append(" (")
                .append(rowsPerCall(s))
                .append(", ")
                .append(count(m.pooled().count(), "sample"));
        if (m.callsPerSample() > 1) {
            out.append(" of ").append(m.callsPerSample()).append(" calls each");
        }
        if (m.rounds().size() > 1) {
            out.append(" in ").append(m.rounds().size()).append(" rounds");
        }
        out.append(
                        m.warm().calls() == 0
                                ? " without warm-up"
                                : " after " + count(m.warm().calls(), "warm-up call"))
                .append("):\n  ")
                .append(ms(measured, decimals));
        if (s.percentile() < 100) {
            out.append(" (")
                    .append(LatencyText.interval(estimate, level, decimals))
                    .append(outcome.passingRound() > 0 ? ", round " + outcome.passingRound() : "")
                    .append(')');
        }
        out.append("\nto be at most:\n  ").append(ms(s.millis(), decimals));
        appendOutcome(measured, estimate);
        out.append("\nlatency per call:");
        LatencyText.table(out, m.pooled(), s.percentile(), level, decimals);
        appendRounds();
        appendWarmup();
        appendDiscarded();
        out.append("\ntimer: ").append(fine(m.timer().costNanos())).append(" a read");
        if (m.timer().tickNanos() > m.timer().costNanos()) {
            out.append(", resolution ").append(fine(m.timer().tickNanos()));
        }
        appendTimerNote();
        return out.toString();
    }

    /** Says why a passing round decided, or why the check failed or could not decide. */
    private void appendOutcome(double measured, LatencyHistogram.Estimate estimate) {
        if (outcome.passingRound() > 0) {
            LatencyHistogram.Estimate pooled = m.pooledEstimate(s);
            out.append("\nand it is in round ")
                    .append(outcome.passingRound())
                    .append(", whose ")
                    .append(Format.percent(level))
                    .append(" CI is under the limit: the model meets it, and the slower rounds are put down to")
                    .append(" interference (all rounds pooled: ")
                    .append(msNanos(pooled.nanos(), decimals))
                    .append(", ")
                    .append(LatencyText.interval(pooled, level, decimals))
                    .append(").");
        }
        if (outcome.verdict() == Verdict.FAIL) {
            out.append("\nbut it was ")
                    .append(ms(measured - s.millis(), decimals))
                    .append(" over");
            if (!s.decidesOnInterval()) {
                out.append('.');
            } else if (outcome.intervalDecided()) {
                out.append(", and the whole ").append(Format.percent(level)).append(" CI too.");
            } else {
                out.append(" (its ")
                        .append(Format.percent(level))
                        .append(" CI still straddles the limit after ")
                        .append(count(m.rounds().size(), "round"))
                        .append(", the most allowed: decided on the pooled point value).");
            }
        } else if (outcome.verdict() == Verdict.INCONCLUSIVE) {
            out.append("\nbut the interval ")
                    .append(estimate.hasUpper() ? "straddles" : "has no upper bound under")
                    .append(" the limit after ")
                    .append(count(m.rounds().size(), "round"))
                    .append(", the most allowed (maxRounds = ")
                    .append(s.maxRounds())
                    .append("): too noisy, or too close to the limit, to decide.");
        }
    }

    private void appendRounds() {
        String ci = Format.percent(level) + " CI";
        int rounds = m.rounds().size();
        out.append("\nrounds: ").append(rounds);
        if (!s.decidesOnInterval()) {
            out.append(
                    s.percentile() >= 100
                            ? "; decided on the slowest call"
                            : "; decided on the point value (confidence = 0)");
        } else {
            out.append(" of at most ").append(s.maxRounds()).append("; ");
            if (rounds > 1) {
                int undecided = rounds - 1;
                out.append("the ")
                        .append(ci)
                        .append(" did not decide after round")
                        .append(undecided == 1 ? " 1" : undecided == 2 ? "s 1 and 2" : "s 1 to " + undecided)
                        .append(", so the rounds were pooled; ");
            }
            if (outcome.passingRound() > 0) {
                out.append("the ")
                        .append(ci)
                        .append(" of round ")
                        .append(outcome.passingRound())
                        .append(" is under the limit");
            } else if (outcome.verdict() == Verdict.INCONCLUSIVE) {
                out.append("undecided");
            } else if (!outcome.intervalDecided()) {
                out.append("the ").append(ci).append(" still straddles the limit: decided on the pooled point value");
            } else {
                out.append("the ")
                        .append(ci)
                        .append(outcome.verdict() == Verdict.PASS ? " is under the limit" : " is over the limit");
            }
        }
        for (LatencyMeasurement.Round round : m.rounds()) {
            out.append("\n  round ")
                    .append(round.number())
                    .append(": ")
                    .append(percentileLabel(s.percentile()))
                    .append(' ')
                    .append(msNanos(round.estimate().nanos(), decimals));
            if (s.percentile() < 100) {
                out.append(" (")
                        .append(LatencyText.interval(round.estimate(), level, decimals))
                        .append(')');
            }
            out.append("; ").append(round.interference().describe());
        }
    }

    private void appendWarmup() {
        LatencyMeter.Warmup warm = m.warm();
        out.append("\nwarm-up: ");
        if (warm.calls() == 0) {
            out.append("none");
            return;
        }
        out.append(count(warm.calls(), "call")).append(" in ").append(ms(warm.nanos() / NANOS_PER_MILLI, 1));
        if (!warm.adaptive()) {
            out.append(" (fixed: maxWarmupMillis = 0)");
            return;
        }
        String medians = "median " + msNanos(warm.previousMedianNanos(), decimals) + ", then "
                + msNanos(warm.lastMedianNanos(), decimals);
        long compiled = warm.lastWindowCompilations();
        if (warm.settled()) {
            long jitCalls = s.jitCalls();
            if (jitCalls > 0) {
                out.append(
                        warm.calls() >= jitCalls
                                ? "; past " + jitCalls + " calls (3× the JIT's C2 threshold),"
                                : "; without waiting for " + jitCalls
                                        + " calls (3× the JIT's C2 threshold: over 1 s of calls at this speed),");
            } else {
                out.append(';');
            }
            out.append(" the last two windows of at least 50 ms agreed within 5% (")
                    .append(medians)
                    .append(
                            compiled < 0
                                    ? "; JIT activity not counted)"
                                    : ") and the JIT compiled nothing in the last");
            return;
        }
        out.append(", the most allowed (maxWarmupMillis = ")
                .append(s.maxWarmupMillis())
                .append(')');
        if (warm.previousMedianNanos() < 0) {
            out.append("; only one window, nothing to compare it with");
        } else {
            out.append("; the last two windows: ").append(medians);
            if (compiled >= 0) {
                out.append("; JIT compilations in the last: ").append(compiled);
            }
        }
    }

    private void appendDiscarded() {
        int discarded = m.discarded();
        if (discarded == 0) {
            return;
        }
        out.append("; then ")
                .append(count(discarded, "round"))
                .append(" of ")
                .append(count(s.samples(), "sample"))
                .append(discarded == 1 ? " was" : " were")
                .append(" measured and discarded, the JIT compiling ")
                .append(count(m.discardedCompilations(), "method"))
                .append(" during ")
                .append(discarded == 1 ? "it" : "them")
                .append(" (")
                .append(ms(m.warmupNanos() / NANOS_PER_MILLI, 1))
                .append(" of warm-up in all)");
    }

    private void appendTimerNote() {
        long floor = m.timer().floorNanos();
        long p50 = m.pooled().percentile(50);
        if (m.callsPerSample() > 1) {
            out.append("\nnote: a call took about ")
                    .append(fine(m.warm().lastMedianNanos()))
                    .append(" in the warm-up, under ")
                    .append(LatencyMeter.TIMER_RESOLUTION_FACTOR)
                    .append("× the timer's cost and resolution (")
                    .append(fine(floor))
                    .append("), so each sample timed ")
                    .append(m.callsPerSample())
                    .append(" consecutive calls and recorded their mean: the figures are per-call means of ")
                    .append(m.callsPerSample())
                    .append(" calls, whose tail is narrower than single calls'");
        } else if (p50 < (double) LatencyMeter.TIMER_RESOLUTION_FACTOR * floor) {
            out.append("\nnote: the median call (")
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
        double perRow = Math.max(1, p50) / (double) s.batchSize();
        double needed = LatencyMeter.GROUP_TIMER_FLOORS * timerNanos / perRow;
        long suggestion = 10;
        while (suggestion < needed && suggestion < 1_000_000_000L) {
            suggestion *= 10;
        }
        return suggestion;
    }
}
