package dev.modeltest.latency;

import dev.modeltest.check.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** How latency and throughput messages write durations, counts and the percentile table. */
final class LatencyText {

    static final double NANOS_PER_MILLI = 1e6;

    /** The percentiles every table shows, besides the one a check asks for. */
    static final double[] SHOWN = {50, 90, 99, 99.9};

    private LatencyText() {}

    /** Returns the decimals (3 to 6) that show a limit such as {@code 0.0005} without rounding it. */
    static int decimalsFor(double ms) {
        int decimals = 3;
        while (decimals < 6) {
            double scaled = ms * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) <= 1e-9 * Math.max(1, scaled)) {
                break;
            }
            decimals++;
        }
        return decimals;
    }

    /** Returns the decimals (3 to 6) that show a typical measured value with at least two significant digits. */
    static int decimalsToShow(double ms) {
        if (!(ms > 0)) {
            return 3;
        }
        int needed = 1 - (int) Math.floor(Math.log10(ms));
        return Math.max(3, Math.min(6, needed));
    }

    static String ms(double ms, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f ms", ms);
    }

    static String msNanos(long nanos, int decimals) {
        return ms(nanos / NANOS_PER_MILLI, decimals);
    }

    /** Formats a duration in nanoseconds as milliseconds to the nanosecond, e.g. {@code 0.000025 ms}. */
    static String fine(long nanos) {
        return ms(nanos / NANOS_PER_MILLI, 6);
    }

    static String percentileLabel(double percentile) {
        return percentile >= 100 ? "max" : "p" + Format.number(percentile);
    }

    static String rows(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Formats an interval, e.g. {@code 95% CI 0.041–0.078 ms}, {@code 95% CI ≥ 0.153 ms} when it has no upper bound,
     * or {@code 95% CI ≤ 0.020 ms} when it has no lower bound.
     */
    static String interval(LatencyHistogram.Estimate estimate, double confidence, int decimals) {
        String level = Format.percent(confidence) + " CI ";
        if (estimate.hasLower() && estimate.hasUpper()) {
            return level
                    + String.format(Locale.ROOT, "%." + decimals + "f", estimate.lowerNanos() / NANOS_PER_MILLI)
                    + "–" + msNanos(estimate.upperNanos(), decimals);
        }
        if (estimate.hasLower()) {
            return level + "≥ " + msNanos(estimate.lowerNanos(), decimals);
        }
        if (estimate.hasUpper()) {
            return level + "≤ " + msNanos(estimate.upperNanos(), decimals);
        }
        return level + "unbounded";
    }

    /**
     * Writes the percentile table: p50, p90, p99, p99.9 (and {@code extra} when it is another percentile below 100)
     * with their intervals at {@code confidence}, then max and mean, one per line, each line indented by two spaces.
     * Percentiles whose interval has no upper bound are followed by a line saying how many samples would bound them.
     */
    static void table(StringBuilder out, LatencyHistogram histogram, double extra, double confidence, int decimals) {
        TreeSet<Double> percentiles = new TreeSet<>();
        for (double p : SHOWN) {
            percentiles.add(p);
        }
        if (extra < 100) {
            percentiles.add(extra);
        }
        List<String[]> lines = new ArrayList<>();
        List<String> unbounded = new ArrayList<>();
        for (double p : percentiles) {
            LatencyHistogram.Estimate estimate = histogram.estimate(p, confidence);
            lines.add(new String[] {
                percentileLabel(p), msNanos(estimate.nanos(), decimals), interval(estimate, confidence, decimals)
            });
            if (!estimate.hasUpper()) {
                unbounded.add(QuantileInterval.samplesForUpperBound(p / 100, confidence) + " samples for "
                        + percentileLabel(p));
            }
        }
        lines.add(new String[] {"max", msNanos(histogram.maxNanos(), decimals), ""});
        lines.add(new String[] {"mean", ms(histogram.meanNanos() / NANOS_PER_MILLI, decimals), ""});
        int labelWidth = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        int valueWidth = lines.stream().mapToInt(l -> l[1].length()).max().orElse(0);
        for (String[] line : lines) {
            out.append("\n  ")
                    .append(pad(line[0], labelWidth))
                    .append("  ")
                    .append(" ".repeat(valueWidth - line[1].length()))
                    .append(line[1]);
            if (!line[2].isEmpty()) {
                out.append("   ").append(line[2]);
            }
        }
        if (!unbounded.isEmpty()) {
            out.append("\n  (an upper bound at ")
                    .append(Format.percent(confidence))
                    .append(" needs ")
                    .append(String.join(", ", unbounded))
                    .append("; there are ")
                    .append(histogram.count())
                    .append(")");
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
