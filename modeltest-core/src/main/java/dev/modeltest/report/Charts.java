package dev.modeltest.report;

import dev.modeltest.internal.ChartStyle;
import dev.modeltest.metrics.ReliabilityCurve;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Small PNG charts for reports, drawn with XChart: bars against a threshold, curves (ROC, precision-recall,
 * reliability), histogram overlays (latency, drift) and a confusion-matrix heat map.
 *
 * <p>Every chart is {@value #WIDTH} × {@value #HEIGHT} pixels in the look all of modeltest's charts share, drawn
 * off-screen, and deterministic: the same input gives the same bytes on the same machine (fonts come from the operating
 * system, so bytes may differ between machines). A chart is a few tens of kilobytes, so a report can carry one per
 * check. Wrap the call in an {@link dev.modeltest.check.Attachment#png} supplier so it is drawn only when a report asks
 * for it:
 *
 * <pre>{@code
 * builder.attach(Attachment.png("accuracy per group",
 *         () -> Charts.bars("accuracy per group", "accuracy", groups, values, 0.9)));
 * }</pre>
 *
 * <p>Inputs are checked: arrays that belong together must have the same length, and the message names both lengths.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Charts {

    /** The width of every chart, in pixels. */
    public static final int WIDTH = ChartStyle.WIDTH;

    /** The height of every chart, in pixels. */
    public static final int HEIGHT = ChartStyle.HEIGHT;

    /** The number of bins {@link #latencyHistogram} and {@link #drift} use. */
    public static final int DEFAULT_BINS = 30;

    private Charts() {}

    /**
     * One line of a {@link #lines} chart.
     *
     * @param name the legend entry
     * @param x the x values
     * @param y the y values, as many as {@code x}
     * @param dashed whether to draw the line dashed (for references such as a diagonal)
     */
    public record Line(String name, double[] x, double[] y, boolean dashed) {

        public Line {
            Objects.requireNonNull(name, "name");
            sameLength("x", x, "y", y);
            x = x.clone();
            y = y.clone();
        }

        /** A solid line. */
        public static Line of(String name, double[] x, double[] y) {
            return new Line(name, x, y, false);
        }

        /** A dashed reference line. */
        public static Line dashed(String name, double[] x, double[] y) {
            return new Line(name, x, y, true);
        }
    }

    /**
     * Draws one bar per category with, when {@code threshold} is finite, a horizontal red line at the threshold.
     *
     * @param title the chart title
     * @param valueAxis the title of the value axis, e.g. {@code accuracy}
     * @param categories the bar labels
     * @param values one value per category
     * @param threshold where to draw the threshold line, or {@code NaN} for none
     * @return the PNG bytes
     */
    public static byte[] bars(
            String title, String valueAxis, List<String> categories, double[] values, double threshold) {
        requireNonEmpty("categories", categories.size());
        sameLength("categories", categories.size(), "values", values.length);
        CategoryChart chart = ChartStyle.categoryChart(title, "", valueAxis);
        chart.getStyler().setLegendVisible(false);
        CategorySeries series = chart.addSeries(valueAxis.isEmpty() ? "value" : valueAxis, categories, boxed(values));
        series.setFillColor(ChartStyle.BLUE);
        addThreshold(chart, threshold, values);
        return ChartStyle.png(chart);
    }

    /**
     * Draws one bar per group with its confidence interval as an error bar and, when {@code threshold} is finite, a
     * horizontal threshold line: the picture of a per-group (fairness) or per-slice metric.
     *
     * @param title the chart title
     * @param valueAxis the title of the value axis, e.g. {@code true positive rate}
     * @param groups the group labels
     * @param values one value per group
     * @param lower the lower interval bound per group
     * @param upper the upper interval bound per group
     * @param threshold where to draw the threshold line, or {@code NaN} for none
     * @return the PNG bytes
     */
    public static byte[] barsWithIntervals(
            String title,
            String valueAxis,
            List<String> groups,
            double[] values,
            double[] lower,
            double[] upper,
            double threshold) {
        requireNonEmpty("groups", groups.size());
        sameLength("groups", groups.size(), "values", values.length);
        sameLength("values", values.length, "lower", lower.length);
        sameLength("values", values.length, "upper", upper.length);
        // XChart draws symmetric error bars; an asymmetric interval is drawn with the larger half-width, and the
        // exact bounds are written above each bar.
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            errors.add(Math.max(values[i] - lower[i], upper[i] - values[i]));
        }
        CategoryChart chart = ChartStyle.categoryChart(title, "", valueAxis);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        CategorySeries series =
                chart.addSeries(valueAxis.isEmpty() ? "value" : valueAxis, groups, boxed(values), errors);
        series.setFillColor(ChartStyle.BLUE);
        // The value axis spans every whisker as drawn (and the threshold): XChart clips what falls outside the plot.
        double[] range = intervalAxis(
                values, errors.stream().mapToDouble(Double::doubleValue).toArray(), threshold);
        chart.getStyler().setYAxisMin(range[0]).setYAxisMax(range[1]);
        if (!Double.isNaN(threshold)) {
            chart.addAnnotation(new AnnotationLine(threshold, false, false));
            ChartStyle.limitLines(chart.getStyler());
        }
        return ChartStyle.png(chart);
    }

    /**
     * Returns the value axis of bars with error bars, {@code {min, max}}: from zero (where bars start) or the lowest
     * whisker end, to the highest whisker end or the threshold, with a margin so that neither sits on the border.
     * A whisker ends at {@code value ± error}, the half-width drawn.
     */
    static double[] intervalAxis(double[] values, double[] errors, double threshold) {
        double bottom = 0;
        double top = 0;
        for (int i = 0; i < values.length; i++) {
            double e = Double.isFinite(errors[i]) ? errors[i] : 0;
            if (Double.isFinite(values[i])) {
                bottom = Math.min(bottom, values[i] - e);
                top = Math.max(top, values[i] + e);
            }
        }
        if (Double.isFinite(threshold)) {
            bottom = Math.min(bottom, threshold);
            top = Math.max(top, threshold);
        }
        double margin = 0.05 * Math.max(top - bottom, 1e-9);
        return new double[] {bottom < 0 ? bottom - margin : bottom, top + margin};
    }

    /**
     * Draws lines in one plot, for curves such as ROC or precision-recall.
     *
     * @param title the chart title
     * @param xAxis the x axis title
     * @param yAxis the y axis title
     * @param lines the lines, at least one
     * @return the PNG bytes
     */
    public static byte[] lines(String title, String xAxis, String yAxis, List<Line> lines) {
        return lines(title, xAxis, yAxis, lines, false);
    }

    /**
     * Draws curves on the unit square, both axes from 0 to 1: ROC and precision-recall curves of several classes,
     * each named with its area in the legend, with dashed references (chance, no skill) among the lines.
     *
     * @param title the chart title
     * @param xAxis the x axis title
     * @param yAxis the y axis title
     * @param lines the lines, at least one
     * @return the PNG bytes
     * @since 0.1.0
     */
    public static byte[] curves(String title, String xAxis, String yAxis, List<Line> lines) {
        return lines(title, xAxis, yAxis, lines, true);
    }

    private static byte[] lines(String title, String xAxis, String yAxis, List<Line> lines, boolean unitSquare) {
        requireNonEmpty("lines", lines.size());
        XYChart chart = ChartStyle.xyChart(title, xAxis, yAxis);
        if (unitSquare) {
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        }
        if (lines.size() > 3) {
            // One-vs-rest curves of several classes: their names with the areas do not fit one row under the plot.
            chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        }
        int color = 0;
        for (Line line : lines) {
            requireNonEmpty("line '" + line.name() + "'", line.x().length);
            XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
            series.setMarker(SeriesMarkers.NONE);
            if (line.dashed()) {
                series.setLineColor(ChartStyle.REFERENCE);
                series.setLineStyle(ChartStyle.DASHED);
            } else {
                series.setLineColor(ChartStyle.series(color++));
                series.setLineStyle(ChartStyle.LINE);
            }
        }
        return ChartStyle.png(chart);
    }

    /**
     * Draws a measured value over builds, oldest first and this build last, with the threshold as a red line:
     * the experiment-tracking view of a gate. A threshold far from every value (more than three times the values'
     * spread, or 5% of their size, away) would flatten the line, so it is then named in the legend instead of drawn.
     *
     * @param title the chart title
     * @param valueAxis the title of the value axis, e.g. {@code accuracy}
     * @param values the value in each build, oldest first
     * @param threshold the check's threshold, or {@code NaN} for none
     * @return the PNG bytes
     */
    public static byte[] trend(String title, String valueAxis, double[] values, double threshold) {
        requireNonEmpty("values", values.length);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] builds = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            builds[i] = i + 1;
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        double scale = Math.max(hi - lo, 0.05 * Math.max(Math.abs(lo), Math.abs(hi)));
        boolean drawThreshold =
                Double.isFinite(threshold) && threshold >= lo - 3 * scale && threshold <= hi + 3 * scale;
        if (drawThreshold) {
            lo = Math.min(lo, threshold);
            hi = Math.max(hi, threshold);
        }
        // Round axis bounds a little beyond the values, so that ticks are round numbers and no point sits on the edge.
        double pad = Math.max(0.15 * (hi - lo), Math.max(0.5 * scale, 1e-9));
        double step = niceStep((hi - lo + 2 * pad) / 5);
        XYChart chart = ChartStyle.xyChart(title, "build (this one last)", valueAxis);
        chart.getStyler()
                .setXAxisDecimalPattern("0")
                .setYAxisDecimalPattern(decimalPattern(step))
                // A measure that cannot be negative (all values and the threshold at least 0) keeps its axis there.
                .setYAxisMin(
                        lo >= 0
                                ? Math.max(0, Math.floor((lo - pad) / step) * step)
                                : Math.floor((lo - pad) / step) * step)
                .setYAxisMax(Math.ceil((hi + pad) / step) * step);
        if (drawThreshold) {
            XYSeries gate = chart.addSeries(
                    "threshold " + decimals(threshold),
                    new double[] {1, Math.max(2, values.length)},
                    new double[] {threshold, threshold});
            gate.setMarker(SeriesMarkers.NONE);
            gate.setLineColor(ChartStyle.LIMIT);
            gate.setLineStyle(ChartStyle.LINE);
        }
        String name = valueAxis.isEmpty() ? "value" : valueAxis;
        if (Double.isFinite(threshold) && !drawThreshold) {
            name += "; threshold " + decimals(threshold) + " is off the scale";
        }
        XYSeries series = chart.addSeries(name, builds, values);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(ChartStyle.BLUE);
        series.setLineColor(ChartStyle.BLUE);
        series.setLineStyle(ChartStyle.LINE);
        return ChartStyle.png(chart);
    }

    /**
     * Draws a ROC curve (true positive rate against false positive rate) with the chance diagonal.
     *
     * @param falsePositiveRate the curve's x values, from 0 to 1
     * @param truePositiveRate the curve's y values
     * @param auc the area under the curve, shown in the legend
     * @return the PNG bytes
     */
    public static byte[] roc(double[] falsePositiveRate, double[] truePositiveRate, double auc) {
        return lines(
                "ROC curve",
                "false positive rate",
                "true positive rate",
                List.of(
                        Line.of("ROC (AUC " + decimals(auc) + ")", falsePositiveRate, truePositiveRate),
                        Line.dashed("chance", new double[] {0, 1}, new double[] {0, 1})),
                true);
    }

    /**
     * Draws a precision-recall curve with the no-skill line at the positive rate.
     *
     * @param recall the curve's x values
     * @param precision the curve's y values
     * @param averagePrecision the average precision, shown in the legend
     * @param positiveRate the share of positives in the data: a model without skill has this precision
     * @return the PNG bytes
     */
    public static byte[] precisionRecall(
            double[] recall, double[] precision, double averagePrecision, double positiveRate) {
        return lines(
                "precision-recall curve",
                "recall",
                "precision",
                List.of(
                        Line.of("PR (AP " + decimals(averagePrecision) + ")", recall, precision),
                        Line.dashed("no skill (" + decimals(positiveRate) + ")", new double[] {0, 1}, new double[] {
                            positiveRate, positiveRate
                        })),
                true);
    }

    /**
     * Draws a reliability (calibration) diagram: the observed frequency of the positive class against the mean
     * predicted probability per bin, with the diagonal of perfect calibration.
     *
     * @param meanPredicted the mean predicted probability of each bin
     * @param observedFrequency the fraction of positives in each bin
     * @return the PNG bytes
     */
    public static byte[] reliability(double[] meanPredicted, double[] observedFrequency) {
        return reliability(meanPredicted, observedFrequency, "model");
    }

    /**
     * Draws a reliability diagram of a computed curve, its expected calibration error (ECE) in the legend and its
     * positive class, or the top-label confidence, in the axis title.
     *
     * @param curve the bins and ECE, from {@code Metrics.reliabilityCurve}
     * @return the PNG bytes
     * @since 0.1.0
     */
    public static byte[] reliability(ReliabilityCurve curve) {
        List<ReliabilityCurve.Bin> bins = curve.bins();
        double[] predicted = new double[bins.size()];
        double[] observed = new double[bins.size()];
        for (int b = 0; b < bins.size(); b++) {
            predicted[b] = bins.get(b).meanConfidence();
            observed[b] = bins.get(b).accuracy();
        }
        return reliability(
                predicted,
                observed,
                "model (ECE " + decimals(curve.expectedCalibrationError()) + ", "
                        + curve.positiveLabel().map(p -> "class '" + p + "'").orElse("top label") + ")");
    }

    private static byte[] reliability(double[] meanPredicted, double[] observedFrequency, String modelName) {
        sameLength("meanPredicted", meanPredicted.length, "observedFrequency", observedFrequency.length);
        requireNonEmpty("meanPredicted", meanPredicted.length);
        XYChart chart = ChartStyle.xyChart("reliability diagram", "mean predicted probability", "observed frequency");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries diagonal = chart.addSeries("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(ChartStyle.REFERENCE);
        diagonal.setLineStyle(ChartStyle.DASHED);
        XYSeries model = chart.addSeries(modelName, meanPredicted, observedFrequency);
        model.setMarker(SeriesMarkers.CIRCLE);
        model.setMarkerColor(ChartStyle.BLUE);
        model.setLineColor(ChartStyle.BLUE);
        model.setLineStyle(ChartStyle.LINE);
        return ChartStyle.png(chart);
    }

    /**
     * Draws the histograms of one or more samples over shared bins, as overlaid steps, each as the share of its
     * sample per bin (so samples of different sizes compare), with an optional vertical marker.
     *
     * @param title the chart title
     * @param xAxis the x axis title
     * @param samples the samples by name, in legend order; NaN values are left out
     * @param bins the number of equal-width bins between the smallest and largest value of all samples
     * @param marker where to draw a vertical red line (a limit), or {@code NaN} for none
     * @return the PNG bytes
     */
    public static byte[] histograms(
            String title, String xAxis, Map<String, double[]> samples, int bins, double marker) {
        return histogramChart(title, xAxis, "share of values", samples, bins, marker, true);
    }

    /**
     * Draws the distribution of per-call latencies with the limit as a vertical red line.
     *
     * @param millis the latency of each call, in milliseconds
     * @param limitMillis the limit, or {@code NaN} for none
     * @return the PNG bytes
     */
    public static byte[] latencyHistogram(double[] millis, double limitMillis) {
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("calls", millis);
        return histogramChart("latency per call", "milliseconds", "calls", samples, DEFAULT_BINS, limitMillis, false);
    }

    /**
     * Draws the distribution of one column in the reference data and in the current data, overlaid: the picture of
     * a drift check.
     *
     * @param column the column's name, for the title
     * @param reference the column's values in the reference (training) data
     * @param current the column's values in the data under test
     * @return the PNG bytes
     */
    public static byte[] drift(String column, double[] reference, double[] current) {
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("reference", reference);
        samples.put("current", current);
        return histogramChart(
                "distribution of " + column, column, "share of rows", samples, DEFAULT_BINS, Double.NaN, true);
    }

    /**
     * Draws a confusion matrix as a heat map: rows are the true classes (first class on top), columns the predicted
     * ones, each cell shows its count. The diagonal holds the rows predicted right.
     *
     * @param classes the class names
     * @param counts {@code counts[actual][predicted]}, a square matrix with one row and column per class
     * @return the PNG bytes
     */
    public static byte[] confusionMatrix(List<String> classes, long[][] counts) {
        requireNonEmpty("classes", classes.size());
        sameLength("classes", classes.size(), "counts rows", counts.length);
        long total = 0;
        long max = 0;
        for (long[] row : counts) {
            sameLength("classes", classes.size(), "counts columns", row.length);
            for (long c : row) {
                total += c;
                max = Math.max(max, c);
            }
        }
        int k = classes.size();
        List<String> actual = new ArrayList<>(classes);
        // HeatMapChart puts the first y category at the bottom; confusion matrices read top-down.
        java.util.Collections.reverse(actual);
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[] {p, k - 1 - a, counts[a][p]});
            }
        }
        HeatMapChart chart = ChartStyle.heatMapChart("confusion matrix (n=" + total + ")", "predicted", "actual");
        chart.getStyler()
                .setShowValue(true)
                .setValueFontColor(Color.BLACK)
                .setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 13))
                .setHeatMapValueDecimalPattern("#")
                .setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x6BAED6), new Color(0x2171B5)})
                .setMin(0)
                .setMax(Math.max(1, max))
                .setDrawBorder(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        chart.addSeries("counts", classes, actual, cells);
        return ChartStyle.png(chart);
    }

    // --- building blocks ---

    private static byte[] histogramChart(
            String title,
            String xAxis,
            String yAxis,
            Map<String, double[]> samples,
            int bins,
            double marker,
            boolean share) {
        requireNonEmpty("samples", samples.size());
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> sample : samples.entrySet()) {
            for (double v : sample.getValue()) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            throw new IllegalArgumentException(
                    "histograms need at least one value that is not NaN, samples " + samples.keySet() + " have none");
        }
        if (!Double.isNaN(marker) && Double.isFinite(marker)) {
            // Keep the marker on the chart when it lies beyond the data.
            min = Math.min(min, marker);
            max = Math.max(max, marker);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        // Round the bin width to 1, 2, 2.5 or 5 times a power of ten and start at a multiple of it, so that bin
        // edges and axis labels are round numbers.
        double width = niceStep((max - min) / bins);
        min = Math.floor(min / width) * width;
        bins = Math.max(1, (int) Math.ceil((max - min) / width - 1e-9));
        if (min + bins * width <= max) {
            bins++;
        }
        XYChart chart = ChartStyle.xyChart(title, xAxis, yAxis);
        chart.getStyler().setXAxisDecimalPattern(decimalPattern(width));
        if (share) {
            chart.getStyler().setYAxisDecimalPattern("0.###");
        }
        int color = 0;
        for (Map.Entry<String, double[]> sample : samples.entrySet()) {
            double[] heights = binned(sample.getValue(), min, width, bins, share);
            // Steps over the bin edges: each bin's height from its left edge to the next one.
            double[] x = new double[bins + 1];
            double[] y = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                x[i] = min + i * width;
                y[i] = heights[Math.min(i, bins - 1)];
            }
            XYSeries series = chart.addSeries(sample.getKey(), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(ChartStyle.series(color));
            series.setFillColor(ChartStyle.overlapFill(color++));
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendVisible(samples.size() > 1);
        if (!Double.isNaN(marker)) {
            AnnotationLine line = new AnnotationLine(marker, true, false);
            chart.addAnnotation(line);
            ChartStyle.limitLines(chart.getStyler());
        }
        return ChartStyle.png(chart);
    }

    /** Returns the smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A number pattern with enough decimals to tell bin edges {@code step} apart. */
    private static String decimalPattern(double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9) + 1);
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(Math.min(decimals, 8));
    }

    /**
     * Counts the values per equal-width bin, the last bin closed on the right (as numpy.histogram does). Written by
     * hand because XChart's {@code Histogram} takes boxed values, one object per row.
     */
    static double[] binned(double[] values, double min, double width, int bins, boolean share) {
        double[] counts = new double[bins];
        long n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            int bin = (int) Math.floor((v - min) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
            n++;
        }
        if (share && n > 0) {
            for (int i = 0; i < bins; i++) {
                counts[i] /= n;
            }
        }
        return counts;
    }

    private static void addThreshold(CategoryChart chart, double threshold, double[] values) {
        if (Double.isNaN(threshold)) {
            return;
        }
        double top = threshold;
        double bottom = Math.min(0, threshold);
        for (double v : values) {
            if (Double.isFinite(v)) {
                top = Math.max(top, v);
                bottom = Math.min(bottom, v);
            }
        }
        // Leave room above the threshold line so that it does not sit on the plot's border.
        chart.getStyler().setYAxisMin(bottom).setYAxisMax(top + 0.05 * Math.max(top - bottom, 1e-9));
        chart.addAnnotation(new AnnotationLine(threshold, false, false));
        ChartStyle.limitLines(chart.getStyler());
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static String decimals(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static void requireNonEmpty(String what, int size) {
        if (size == 0) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    private static void sameLength(String a, double[] first, String b, double[] second) {
        Objects.requireNonNull(first, a);
        Objects.requireNonNull(second, b);
        sameLength(a, first.length, b, second.length);
    }

    private static void sameLength(String a, int first, String b, int second) {
        if (first != second) {
            throw new IllegalArgumentException(a + " and " + b + " differ in length: " + first + " and " + second);
        }
    }
}
