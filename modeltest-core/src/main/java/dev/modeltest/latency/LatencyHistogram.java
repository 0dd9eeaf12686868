package dev.modeltest.latency;

import dev.modeltest.check.Format;
import dev.modeltest.report.HtmlTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Every recorded latency, in nanoseconds: an HdrHistogram with three significant digits, plus the exact count, sum,
 * minimum and maximum.
 *
 * <p>Ranks are answered from the histogram, whose buckets are at most 0.1% wide. A value reported as an upper bound is
 * the top of its bucket and one reported as a lower bound the bottom, so a bound is never tighter than the exact
 * sample would give; every value is kept within the exact minimum and maximum.
 *
 * <p>Not thread-safe: each thread records into its own and the results are {@linkplain #add added} afterwards.
 *
 * @since 0.1.0
 */
final class LatencyHistogram {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double NANOS_PER_MICRO = 1e3;
    private static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 5;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Records one latency; negative values (a clock that stepped back) are recorded as 0. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        histogram.recordValue(value);
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds every latency of another histogram to this one. */
    public void add(LatencyHistogram other) {
        histogram.add(other.histogram);
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Returns a copy, so that pooling rounds leaves each round's own figures intact. */
    public LatencyHistogram copy() {
        LatencyHistogram copy = new LatencyHistogram();
        copy.add(this);
        return copy;
    }

    /** Returns the number of recorded latencies. */
    public long count() {
        return count;
    }

    /** Returns the mean, exact, in nanoseconds (0 when empty). */
    public double meanNanos() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /** Returns the largest latency, exact, in nanoseconds. */
    public long maxNanos() {
        return max;
    }

    /** Returns the smallest latency, exact, in nanoseconds. */
    public long minNanos() {
        return count == 0 ? 0 : min;
    }

    /**
     * Returns the latency at a percentile by nearest rank: the smallest recorded value such that at least
     * {@code percentile}% of the values are at most it (the top of its histogram bucket, at most the maximum);
     * {@code 100} is the maximum.
     */
    public long percentile(double percentile) {
        if (percentile >= 100) {
            return max;
        }
        return atRank(nearestRank(percentile, count), true);
    }

    /**
     * Returns the rank of the nearest-rank percentile among {@code n} values: {@code ceil(percentile / 100 × n)}, at
     * least 1, computed so that e.g. p99 of 1000 values is rank 990, not 991 through rounding.
     */
    public static long nearestRank(double percentile, long n) {
        double exact = percentile * n / 100;
        long rounded = Math.round(exact);
        long rank = Math.abs(exact - rounded) <= 1e-9 * Math.max(1, exact) ? rounded : (long) Math.ceil(exact);
        return Math.max(1, Math.min(n, rank));
    }

    /**
     * Returns the value of the given 1-based rank in sorted order: the top of its bucket when {@code upperEdge}, the
     * bottom otherwise, kept within the exact minimum and maximum.
     */
    public long atRank(long rank, boolean upperEdge) {
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        if (rank < 1 || rank > count) {
            throw new IllegalArgumentException("rank must be in [1, " + count + "], was " + rank);
        }
        if (rank == count && upperEdge) {
            return max;
        }
        if (rank == 1 && !upperEdge) {
            return min;
        }
        for (HistogramIterationValue v : histogram.recordedValues()) {
            if (v.getTotalCountToThisValue() >= rank) {
                long value = v.getValueIteratedTo();
                long edge =
                        upperEdge ? histogram.highestEquivalentValue(value) : histogram.lowestEquivalentValue(value);
                return Math.max(min, Math.min(max, edge));
            }
        }
        return max;
    }

    /**
     * Returns the percentile with its order-statistic confidence interval (see {@link QuantileInterval}); for
     * {@code percentile = 100} the maximum without an interval.
     */
    public Estimate estimate(double percentile, double confidence) {
        long value = percentile(percentile);
        if (percentile >= 100 || count == 0) {
            return new Estimate(percentile, value, null, -1, -1);
        }
        QuantileInterval ranks = QuantileInterval.of(count, percentile / 100, confidence);
        long lower = ranks.hasLower() ? atRank(ranks.lowerRank(), false) : -1;
        long upper = ranks.hasUpper() ? atRank(ranks.upperRank(), true) : -1;
        return new Estimate(percentile, value, ranks, lower, upper);
    }

    /**
     * Returns HdrHistogram's percentile distribution as CSV, in microseconds: the columns {@code Value},
     * {@code Percentile}, {@code TotalCount} and {@code 1/(1-Percentile)}, five steps per halving of the distance to
     * 100% (the format of HdrHistogram's {@code outputPercentileDistribution}). Microseconds, because HdrHistogram
     * writes as many decimals as significant digits (3), which would round away a call of a few microseconds in
     * milliseconds.
     */
    public String percentileCsv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, PERCENTILE_TICKS_PER_HALF_DISTANCE, NANOS_PER_MICRO, true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Returns the percentiles people read (p50, p90, p99, p99.9, the maximum and the mean, in milliseconds, of how many
     * calls) as an HTML table; {@link #percentileCsv} has the whole distribution.
     */
    public String percentileHtml() {
        HtmlTable table = HtmlTable.of("of " + count() + " calls", "latency (ms)")
                .row("p50", millis(percentile(50)))
                .row("p90", millis(percentile(90)))
                .row("p99", millis(percentile(99)))
                .row("p99.9", millis(percentile(99.9)))
                .row("max", millis(maxNanos()))
                .row("mean", millis(meanNanos()));
        return table.document("latency percentiles");
    }

    /** Nanoseconds as milliseconds with four decimals, so that a column of latencies lines up. */
    private static String millis(double nanos) {
        return Format.value(nanos / 1e6);
    }

    /**
     * Returns the histogram in HdrHistogram's compressed, base64-encoded form (the one its log files use), so that the
     * full distribution can be re-read with {@code Histogram.fromString}-style tools later.
     */
    public String encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /** Returns a copy of the underlying HdrHistogram, e.g. for charts. */
    public Histogram histogram() {
        return histogram.copy();
    }

    /**
     * A percentile with its interval.
     *
     * @param percentile the percentile, in (0, 100]
     * @param nanos the value at the percentile (nearest rank)
     * @param ranks the interval's ranks, or {@code null} for the maximum
     * @param lowerNanos the lower bound, or -1 when there is none
     * @param upperNanos the upper bound, or -1 when there is none
     */
    public record Estimate(double percentile, long nanos, QuantileInterval ranks, long lowerNanos, long upperNanos) {

        /** Returns whether the interval has a lower bound. */
        public boolean hasLower() {
            return lowerNanos >= 0;
        }

        /** Returns whether the interval has an upper bound. */
        public boolean hasUpper() {
            return upperNanos >= 0;
        }
    }
}
