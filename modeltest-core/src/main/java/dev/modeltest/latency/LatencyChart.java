package dev.modeltest.latency;

import dev.modeltest.internal.ChartStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a latency histogram as a PNG with XChart: calls per logarithmic latency bucket (four per doubling; both axes
 * logarithmic, so the tail shows beside the bulk), with grey dashed lines at p50 and p99 and a solid red line at the
 * limit, in modeltest's chart style ({@link ChartStyle}, wide).
 *
 * @since 0.1.0
 */
final class LatencyChart {

    static final int WIDTH = ChartStyle.WIDE_WIDTH;
    static final int HEIGHT = ChartStyle.WIDE_HEIGHT;

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

        XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, "latency per call (µs, logarithmic)", "calls");
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisMin(EMPTY);
        // Three significant digits, and whole microseconds from 1000 on (where %g would switch to 1.00e+03).
        styler.setxAxisTickLabelsFormattingFunction(v -> {
            double micros = Math.pow(10, v);
            return String.format(Locale.ROOT, micros < 1000 ? "%.3g" : "%.0f", micros);
        });
        double right = x.get(x.size() - 1);
        if (limitMillis > 0) {
            right = Math.max(right, log(limitMillis * 1e6));
        }
        double left = x.get(0);
        double margin = (right - left) * 0.05;
        double min = left - margin;
        double max = right + margin;
        styler.setXAxisMin(min);
        styler.setXAxisMax(max);
        XYSeries series = chart.addSeries("calls", x, y);
        // A step outline: with a logarithmic count axis an area would be filled from 1, hiding single calls.
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(ChartStyle.BLUE);
        series.setLineStyle(ChartStyle.LINE);

        double top = y.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        ChartStyle.referenceLines(styler);
        mark(chart, "p50", latencies.percentile(50), top, min, max);
        mark(chart, "p99", latencies.percentile(99), top / 4, min, max);
        if (limitMillis > 0) {
            // A series rather than an annotation line: annotation lines share one colour, and the limit is red.
            double limit = log(limitMillis * 1e6);
            XYSeries line = chart.addSeries("limit", new double[] {limit, limit}, new double[] {EMPTY, top});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(ChartStyle.LIMIT);
            line.setLineStyle(ChartStyle.LINE);
            label(chart, "limit", limitMillis * 1e6, top / 16, min, max);
        }
        return ChartStyle.png(chart);
    }

    /** Returns the x coordinate of a latency in nanoseconds: log10 of it in microseconds. */
    private static double log(double nanos) {
        return Math.log10(nanos / 1e3);
    }

    private static void mark(XYChart chart, String label, double nanos, double height, double min, double max) {
        chart.addAnnotation(new AnnotationLine(log(nanos), true, false));
        label(chart, label, nanos, height, min, max);
    }

    /** Writes a marker's label beside its line: on the right, or on the left where the right has no room. */
    private static void label(XYChart chart, String label, double nanos, double height, double min, double max) {
        String text = label + " " + String.format(Locale.ROOT, "%.4g", nanos / 1e3) + " µs";
        // AnnotationText centres its text on x, which would put the line through it: shift it by half the text's width
        // (about 6.5 pixels a character) and a gap, converted to axis units over the plot's width (about 90 pixels
        // less than the chart's).
        double shift = (text.length() * 6.5 / 2 + 6) * (max - min) / (WIDTH - 90);
        double x = log(nanos) + 2 * shift <= max ? log(nanos) + shift : log(nanos) - shift;
        chart.addAnnotation(new AnnotationText(text, x, height, false));
    }
}
