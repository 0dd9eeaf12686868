package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link CheckResult} of {@code @ThroughputAtLeast}: title, verdict, the message from {@link ThroughputMessage},
 * the details reports read, and the latency histogram and percentile attachments.
 */
final class ThroughputResult {

    private ThroughputResult() {}

    /** Returns the result of a measurement of {@code model} on {@code data}. */
    static CheckResult of(
            ThroughputMeasurement.Setup setup,
            double rowsPerSecond,
            ThroughputMeasurement m,
            Verdict verdict,
            String model,
            String data) {
        String threads = ThroughputMessage.threads(m);
        String perCall = ThroughputMessage.rowsPerCall(setup.batchSize());
        String title = "throughput ≥ " + Format.number(rowsPerSecond) + " rows/s (" + threads + ", " + perCall + ")";
        String chartTitle = "latency of " + model + " on " + data + ", " + threads;
        LatencyHistogram all = m.latencies();
        Interference seen = m.interference();
        return CheckResult.builder(ThroughputCheck.ID, Family.LATENCY)
                .title(title)
                .verdict(verdict)
                .measured(m.rowsPerSecond())
                .threshold(Threshold.atLeast(rowsPerSecond).withUnit("rows/s"))
                .n(m.calls())
                .message(ThroughputMessage.of(setup, rowsPerSecond, m, verdict, model, data))
                .detail("rowsPerSecond", m.rowsPerSecond())
                .detail("threads", m.threads())
                .detail("batchSize", setup.batchSize())
                .detail("warmup", setup.warmup())
                .detail("maxWarmupMillis", setup.maxWarmupMillis())
                .detail("durationMillis", setup.durationMillis())
                .detail("elapsedMillis", m.elapsedNanos() / NANOS_PER_MILLI)
                .detail("calls", m.calls())
                .detail("rows", m.rows())
                .detail("perThread", perThread(setup.batchSize(), m))
                .detail("p50Millis", all.percentile(50) / NANOS_PER_MILLI)
                .detail("p90Millis", all.percentile(90) / NANOS_PER_MILLI)
                .detail("p99Millis", all.percentile(99) / NANOS_PER_MILLI)
                .detail("p999Millis", all.percentile(99.9) / NANOS_PER_MILLI)
                .detail("maxMillis", all.maxNanos() / NANOS_PER_MILLI)
                .detail("meanMillis", all.meanNanos() / NANOS_PER_MILLI)
                .detail("gcCount", seen.gcCount())
                .detail("gcMillis", seen.gcMillis())
                .detail("safepoints", seen.safepoints())
                .detail("safepointMillis", seen.safepointNanos() / NANOS_PER_MILLI)
                .detail("involuntaryContextSwitches", seen.involuntarySwitches())
                .detail("loadAverage", seen.loadAverage())
                .detail("timerNanos", m.timer().costNanos())
                .detail("histogram", all.encoded())
                .attach(Attachment.png("latency histogram", () -> LatencyChart.png(chartTitle, all, Double.NaN)))
                .attach(Attachment.csv("latency percentiles (µs)", all::percentileCsv))
                .attach(Attachment.html("latency percentiles", all::percentileHtml))
                .build();
    }

    private static List<Map<String, Object>> perThread(int batchSize, ThroughputMeasurement m) {
        List<Map<String, Object>> perThread = new ArrayList<>();
        for (ThroughputMeasurement.PerThread r : m.results()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("thread", r.number());
            map.put("calls", r.span().calls());
            map.put("rowsPerSecond", r.rowsPerSecond(batchSize, m.windowStart()));
            map.put("p50Millis", r.latencies().percentile(50) / NANOS_PER_MILLI);
            map.put("p99Millis", r.latencies().percentile(99) / NANOS_PER_MILLI);
            map.put("maxMillis", r.latencies().maxNanos() / NANOS_PER_MILLI);
            map.put("involuntaryContextSwitches", r.switches());
            map.put("warmupCalls", r.warm().calls());
            map.put("warmupSettled", r.warm().settled());
            perThread.add(map);
        }
        return perThread;
    }
}
