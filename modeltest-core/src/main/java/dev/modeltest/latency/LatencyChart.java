package dev.modeltest.latency;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a latency histogram as a PNG with XChart: calls per logarithmic latency bucket (four per doubling; both axes
 * logarithmic, so the tail shows beside the bulk), with vertical lines at p50, p99 and the limit.
 *
 * @since 0.1.0
 */
final class LatencyChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    /** Four buckets per doubling: fine enough to show a shape, coarse enough to keep counts readable. */
    private static final double BUCKET_GROWTH = Math.pow(2, 0.25);

    /** Empty buckets are drawn at this height, under the axis' first decade, because a log axis has no 0. */
    private static final double EMPTY = 0.5;

    private LatencyChart() {}

    /**
     * Returns the PNG.
     *
     * @param title the chart's title
     * @param latencies the latencies, at least one
     * @param limitMillis the limit to mark, or {@code NaN} for none
     */
    public static byte[] png(String title, LatencyHistogram latencies, double limitMillis) {
        if (latencies.count() == 0) {
            throw new IllegalArgumentException("no latencies to draw");
        }
        Histogram histogram = latencies.histogram();
        // The x axis is linear in log10(µs), labelled in µs: XChart's own log axis labels only whole decades, and a
        // model's calls often span less than one.
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        long first = Math.max(1, histogram.lowestEquivalentValue(latencies.minNanos()));
        double lower = first / BUCKET_GROWTH;
        double count = EMPTY;
        for (HistogramIterationValue bucket : histogram.logarithmicBucketValues(first, BUCKET_GROWTH)) {
            // A step series draws each value from its x to the next x: x is the bucket's lower edge.
            long added = bucket.getCountAddedInThisIterationStep();
            count = added == 0 ? EMPTY : (double) added;
            x.add(log(lower));
            y.add(count);
            lower = Math.max(lower, bucket.getValueIteratedTo());
        }
        x.add(log(lower));
        y.add(count);

        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("latency per call (µs, logarithmic)")
                .yAxisTitle("calls")
                .build();
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisMin(EMPTY);
        styler.setxAxisTickLabelsFormattingFunction(v -> String.format(Locale.ROOT, "%.3g", Math.pow(10, v)));
        double right = x.get(x.size() - 1);
        if (limitMillis > 0) {
            right = Math.max(right, log(limitMillis * 1e6));
        }
        double left = x.get(0);
        double margin = (right - left) * 0.05;
        styler.setXAxisMin(left - margin);
        styler.setXAxisMax(right + margin);
        XYSeries series = chart.addSeries("calls", x, y);
        // A step outline: with a logarithmic count axis an area would be filled from 1, hiding single calls.
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        series.setMarker(SeriesMarkers.NONE);

        double top = y.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        mark(chart, "p50", latencies.percentile(50), top);
        mark(chart, "p99", latencies.percentile(99), top / 4);
        if (limitMillis > 0) {
            mark(chart, "limit", limitMillis * 1e6, top / 16);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the latency histogram", e);
        }
    }

    /** Returns the x coordinate of a latency in nanoseconds: log10 of it in microseconds. */
    private static double log(double nanos) {
        return Math.log10(nanos / 1e3);
    }

    private static void mark(XYChart chart, String label, double nanos, double height) {
        chart.addAnnotation(new AnnotationLine(log(nanos), true, false));
        chart.addAnnotation(new AnnotationText(
                label + " " + String.format(Locale.ROOT, "%.4g", nanos / 1e3) + " µs", log(nanos), height, false));
    }
}
