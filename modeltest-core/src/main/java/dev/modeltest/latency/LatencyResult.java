package dev.modeltest.latency;

import static dev.modeltest.latency.LatencyText.NANOS_PER_MILLI;
import static dev.modeltest.latency.LatencyText.ms;
import static dev.modeltest.latency.LatencyText.percentileLabel;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link CheckResult} of {@code @LatencyUnder}: title, verdict, measured value and interval, the message from
 * {@link LatencyMessage}, the details reports read, and the histogram and percentile attachments.
 */
final class LatencyResult {

    private LatencyResult() {}

    /** Returns the result of a measurement of {@code model} on {@code data}. */
    static CheckResult of(LatencySettings s, LatencyMeasurement m, String model, String data) {
        LatencyHistogram.Estimate estimate = m.decisive(s);
        String limit = ms(s.millis(), LatencyText.decimalsFor(s.millis()));
        String label = percentileLabel(s.percentile());
        CheckResult.Builder result = CheckResult.builder(LatencyCheck.ID, Family.LATENCY)
                .qualifier(label)
                .title(label + " latency ≤ " + limit + " (" + LatencyMessage.rowsPerCall(s) + ")")
                .verdict(m.outcome().verdict())
                .measured(estimate.nanos() / NANOS_PER_MILLI)
                .threshold(Threshold.atMost(s.millis()).withUnit("ms"), LatencyText.decimalsFor(s.millis()))
                .n(m.pooled().count())
                .message(LatencyMessage.of(s, m, model, data));
        if (s.percentile() < 100 && estimate.hasLower() && estimate.hasUpper()) {
            result.interval(new Interval(
                    estimate.lowerNanos() / NANOS_PER_MILLI,
                    estimate.upperNanos() / NANOS_PER_MILLI,
                    s.level(),
                    LatencyDecision.ORDER_STATISTICS));
        }
        details(s, m, estimate, result);
        LatencyHistogram pooled = m.pooled();
        String chartTitle = label + " latency of " + model + " on " + data;
        return result.attach(
                        Attachment.png("latency histogram", () -> LatencyChart.png(chartTitle, pooled, s.millis())))
                .attach(Attachment.csv("latency percentiles (µs)", pooled::percentileCsv))
                .attach(Attachment.html("latency percentiles", pooled::percentileHtml))
                .build();
    }

    private static void details(
            LatencySettings s, LatencyMeasurement m, LatencyHistogram.Estimate estimate, CheckResult.Builder result) {
        LatencyHistogram pooled = m.pooled();
        LatencyMeter.Warmup warm = m.warm();
        result.detail("percentile", s.percentile())
                .detail("p50Millis", pooled.percentile(50) / NANOS_PER_MILLI)
                .detail("p90Millis", pooled.percentile(90) / NANOS_PER_MILLI)
                .detail("p99Millis", pooled.percentile(99) / NANOS_PER_MILLI)
                .detail("p999Millis", pooled.percentile(99.9) / NANOS_PER_MILLI)
                .detail("maxMillis", pooled.maxNanos() / NANOS_PER_MILLI)
                .detail("meanMillis", pooled.meanNanos() / NANOS_PER_MILLI)
                .detail("samples", s.samples())
                .detail("pooledSamples", pooled.count())
                .detail("warmup", s.warmup())
                .detail("maxWarmupMillis", s.maxWarmupMillis())
                .detail("warmupCalls", warm.calls())
                .detail("warmupMillis", warm.nanos() / NANOS_PER_MILLI)
                .detail("warmupSettled", warm.settled())
                .detail("discardedRounds", m.discarded())
                .detail("batchSize", s.batchSize())
                .detail("callsPerSample", m.callsPerSample())
                .detail("confidence", s.confidence())
                .detail("maxRounds", s.maxRounds())
                .detail("inconclusive", s.inconclusive())
                .detail("decidedBy", m.outcome().decidedBy(s.decidesOnInterval()))
                .detail("rounds", m.rounds().size())
                .detail("timerNanos", m.timer().costNanos())
                .detail("timerResolutionNanos", m.timer().tickNanos());
        if (estimate.hasLower()) {
            result.detail("lowerMillis", estimate.lowerNanos() / NANOS_PER_MILLI);
        }
        if (estimate.hasUpper()) {
            result.detail("upperMillis", estimate.upperNanos() / NANOS_PER_MILLI);
        }
        Interference interference = m.interference();
        result.detail("gcCount", interference.gcCount())
                .detail("gcMillis", interference.gcMillis())
                .detail("safepoints", interference.safepoints())
                .detail("safepointMillis", interference.safepointNanos() / NANOS_PER_MILLI)
                .detail("jitCompilations", interference.jitCompilations())
                .detail("involuntaryContextSwitches", interference.involuntarySwitches())
                .detail("loadAverage", interference.loadAverage())
                .detail("roundDetails", roundDetails(m.rounds()))
                .detail("histogram", pooled.encoded());
    }

    private static List<Map<String, Object>> roundDetails(List<LatencyMeasurement.Round> rounds) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (LatencyMeasurement.Round round : rounds) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("round", round.number());
            map.put("millis", round.estimate().nanos() / NANOS_PER_MILLI);
            if (round.estimate().hasLower()) {
                map.put("lowerMillis", round.estimate().lowerNanos() / NANOS_PER_MILLI);
            }
            if (round.estimate().hasUpper()) {
                map.put("upperMillis", round.estimate().upperNanos() / NANOS_PER_MILLI);
            }
            map.put("gcCount", round.interference().gcCount());
            map.put("gcMillis", round.interference().gcMillis());
            map.put("safepoints", round.interference().safepoints());
            map.put("jitCompilations", round.interference().jitCompilations());
            map.put("involuntaryContextSwitches", round.interference().involuntarySwitches());
            map.put("loadAverage", round.interference().loadAverage());
            details.add(map);
        }
        return details;
    }
}
