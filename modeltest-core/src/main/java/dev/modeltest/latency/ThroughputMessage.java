package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;
import static dev.modeltest.latency.LatencyText.count;
import static dev.modeltest.latency.LatencyText.fine;
import static dev.modeltest.latency.LatencyText.msNanos;

import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;
import java.util.Locale;

/**
 * The failure message (and report text) of {@code @ThroughputAtLeast}: what was expected and measured, then each
 * thread's figures, the pooled latency table, the interference and the timer. It only writes;
 * {@link ThroughputMeasurement} measured.
 */
final class ThroughputMessage {

    private ThroughputMessage() {}

    /**
     * Returns the message.
     *
     * @param setup the settings the threads shared
     * @param rowsPerSecond the limit
     * @param m what was measured
     * @param verdict what was decided
     * @param model the model, described
     * @param data the data's name
     */
    static String of(
            ThroughputMeasurement.Setup setup,
            double rowsPerSecond,
            ThroughputMeasurement m,
            Verdict verdict,
            String model,
            String data) {
        int batchSize = setup.batchSize();
        int decimals = decimals(m);
        int warmup = setup.warmup();
        StringBuilder message = new StringBuilder()
                .append("Expecting throughput of ")
                .append(model)
                .append(" on ")
                .append(data)
                .append(" (")
                .append(threads(m))
                .append(", ")
                .append(rowsPerCall(batchSize))
                .append(", measured for ")
                .append(setup.durationMillis())
                .append(" ms after ")
                .append(
                        warmup == 0
                                ? "no warm-up"
                                : (setup.maxWarmupMillis() > 0 ? "at least " : "") + count(warmup, "warm-up call")
                                        + " per thread")
                .append("):\n  ")
                .append(rate(m.rowsPerSecond()))
                .append(" rows/s (")
                .append(m.rows())
                .append(" rows in ")
                .append(LatencyText.ms(m.elapsedNanos() / NANOS_PER_MILLI, 1))
                .append(")\nto be at least:\n  ")
                .append(Format.number(rowsPerSecond))
                .append(" rows/s");
        if (verdict == Verdict.FAIL) {
            message.append("\nbut it was ")
                    .append(rate(rowsPerSecond - m.rowsPerSecond()))
                    .append(" rows/s short.");
        }
        message.append("\nper thread:");
        for (ThroughputMeasurement.PerThread r : m.results()) {
            message.append("\n  thread ")
                    .append(r.number())
                    .append(": ")
                    .append(rate(r.rowsPerSecond(batchSize, m.windowStart())))
                    .append(" rows/s, ")
                    .append(count(r.span().calls(), "call"))
                    .append(", p50 ")
                    .append(msNanos(r.latencies().percentile(50), decimals))
                    .append(", p99 ")
                    .append(msNanos(r.latencies().percentile(99), decimals))
                    .append(", max ")
                    .append(msNanos(r.latencies().maxNanos(), decimals));
            if (r.switches() >= 0) {
                message.append(", ")
                        .append(r.switches())
                        .append(r.switches() == 1 ? " involuntary context switch" : " involuntary context switches");
            }
            message.append("; warm-up ").append(count(r.warm().calls(), "call"));
            if (r.warm().adaptive()) {
                message.append(
                        r.warm().settled() ? ", settled" : ", not settled in " + setup.maxWarmupMillis() + " ms");
            }
        }
        message.append("\nlatency per call (all threads):");
        LatencyText.table(message, m.latencies(), 99, LatencyCheck.REPORTED_CONFIDENCE, decimals);
        message.append("\nnoise: ").append(m.interference().describe());
        message.append("\ntimer: ").append(fine(m.timer().costNanos())).append(" a read");
        if (m.timer().tickNanos() > m.timer().costNanos()) {
            message.append(", resolution ").append(fine(m.timer().tickNanos()));
        }
        return message.toString();
    }

    /** Returns the decimals the message prints milliseconds with, from the median call. */
    static int decimals(ThroughputMeasurement m) {
        return LatencyText.decimalsToShow(m.latencies().percentile(50) / NANOS_PER_MILLI);
    }

    /** Returns the threads, e.g. {@code 4 threads}. */
    static String threads(ThroughputMeasurement m) {
        return count(m.threads(), "thread");
    }

    /** Returns the rows of one call, e.g. {@code 1 row per call}. */
    static String rowsPerCall(int batchSize) {
        return LatencyText.rows(batchSize) + " per call";
    }

    /** Formats rows per second: whole numbers from 100 up, else three significant digits. */
    static String rate(double rowsPerSecond) {
        if (rowsPerSecond >= 100) {
            return String.format(Locale.ROOT, "%.0f", rowsPerSecond);
        }
        return Format.number(Double.parseDouble(String.format(Locale.ROOT, "%.3g", rowsPerSecond)));
    }
}
