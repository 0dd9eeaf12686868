package dev.modeltest.latency;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apiguardian.api.API;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a latency histogram as a PNG with XChart: calls per logarithmic latency bucket (both axes logarithmic, so the
 * tail shows beside the bulk), with vertical lines at p50, p99 and the limit.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LatencyChart {

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
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        long first = Math.max(1, histogram.lowestEquivalentValue(latencies.minNanos()));
        for (HistogramIterationValue bucket : histogram.logarithmicBucketValues(first, BUCKET_GROWTH)) {
            long count = bucket.getCountAddedInThisIterationStep();
            x.add(Math.max(1, bucket.getValueIteratedTo()) / 1e6);
            y.add(count == 0 ? EMPTY : (double) count);
        }

        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("latency per call (ms)")
                .yAxisTitle("calls")
                .build();
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisLogarithmic(true);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisMin(EMPTY);
        styler.setXAxisMin(Math.min(x.get(0), latencies.minNanos() / 1e6) / BUCKET_GROWTH);
        double right = x.get(x.size() - 1);
        if (limitMillis > 0) {
            right = Math.max(right, limitMillis);
        }
        styler.setXAxisMax(right * BUCKET_GROWTH);
        XYSeries series = chart.addSeries("calls", x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        series.setMarker(SeriesMarkers.NONE);

        double top = y.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        mark(chart, "p50", latencies.percentile(50) / 1e6, top);
        mark(chart, "p99", latencies.percentile(99) / 1e6, top / 4);
        if (limitMillis > 0) {
            mark(chart, "limit", limitMillis, top / 16);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the latency histogram", e);
        }
    }

    private static void mark(XYChart chart, String label, double millis, double height) {
        chart.addAnnotation(new AnnotationLine(millis, true, false));
        chart.addAnnotation(new AnnotationText(
                label + " " + String.format(Locale.ROOT, "%.4g", millis) + " ms", millis, height, false));
    }
}
