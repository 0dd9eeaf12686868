package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.internal.ChartStyle;
import dev.modeltest.stats.Wilson;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.CategoryChart;

/**
 * A bar chart of per-group values with the limits drawn as red lines across it, as PNG in modeltest's chart style
 * ({@link ChartStyle}). Holds only the numbers; the picture is drawn by XChart when a report asks for it.
 */
final class GroupChart {

    static final int WIDTH = ChartStyle.WIDTH;
    static final int HEIGHT = ChartStyle.HEIGHT;

    private final String title;
    private final List<String> categories = new ArrayList<>();
    private final List<String> barNames = new ArrayList<>();
    private final List<double[]> barValues = new ArrayList<>();
    /** Per bar series, each group's error bar half-width, or {@code null} for a series without intervals. */
    private final List<double[]> barErrors = new ArrayList<>();

    private final Map<String, Double> lines = new LinkedHashMap<>();

    GroupChart(String title) {
        this.title = title;
    }

    void category(String name) {
        categories.add(name);
    }

    /** Adds a bar per group; undefined values are drawn as 0 (the table says n/a). */
    void bars(String name, double[] values) {
        barNames.add(name);
        barValues.add(values.clone());
        barErrors.add(null);
    }

    /**
     * Adds a bar per group of a rate (successes in trials, e.g. selected rows of all rows), each with its 95% Wilson
     * interval as an error bar. XChart draws symmetric error bars: an asymmetric interval is drawn with its larger
     * half-width. A group without trials gets no bar.
     */
    void rateBars(String name, Counts[] counts, ToLongFunction<Counts> successes, ToLongFunction<Counts> trials) {
        double[] values = new double[counts.length];
        double[] errors = new double[counts.length];
        for (int g = 0; g < counts.length; g++) {
            long n = trials.applyAsLong(counts[g]);
            if (n == 0) {
                values[g] = Double.NaN;
                continue;
            }
            long k = successes.applyAsLong(counts[g]);
            values[g] = (double) k / n;
            Interval interval = Wilson.interval(k, n, CONFIDENCE);
            errors[g] = Math.max(values[g] - interval.lower(), interval.upper() - values[g]);
        }
        barNames.add(name + ", " + Format.percent(CONFIDENCE) + " Wilson interval");
        barValues.add(values);
        barErrors.add(errors);
    }

    /** The level of the per-group error bars: the reported interval's level, whatever the check decides on. */
    static final double CONFIDENCE = 0.95;

    /** Adds a horizontal line across the groups, e.g. the limit. */
    void line(String name, double value) {
        lines.put(name, value);
    }

    /** Returns the bar series' names, in the order added. */
    List<String> seriesNames() {
        return List.copyOf(barNames);
    }

    /** Returns a bar series' error bar half-widths per group, or {@code null} when it has none. */
    double[] halfWidths(int series) {
        double[] errors = barErrors.get(series);
        return errors == null ? null : errors.clone();
    }

    /** Returns the lines, by name, in the order added. */
    Map<String, Double> lines() {
        return new LinkedHashMap<>(lines);
    }

    byte[] png() {
        CategoryChart chart = ChartStyle.categoryChart(title, "group", "value");
        // From zero, or the lowest error bar as drawn (XChart cuts off what falls outside the plot), with headroom
        // above the bars for the panel that names the lines.
        double[] axis = axis();
        chart.getStyler().setYAxisMin(axis[0]);
        chart.getStyler().setYAxisMax(axis[1]);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 4 ? 45 : 0);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        for (int s = 0; s < barNames.size(); s++) {
            List<Double> values = new ArrayList<>();
            for (double v : barValues.get(s)) {
                values.add(Double.isFinite(v) ? v : 0.0);
            }
            double[] halfWidths = barErrors.get(s);
            if (halfWidths == null) {
                chart.addSeries(barNames.get(s), categories, values);
            } else {
                List<Double> errors = new ArrayList<>();
                for (double e : halfWidths) {
                    errors.add(e);
                }
                chart.addSeries(barNames.get(s), categories, values, errors);
            }
        }
        // Limits are full-width lines named in a panel, not series: a line series would take a bar's slot.
        ChartStyle.limitLines(chart.getStyler());
        List<String> labels = new ArrayList<>();
        lines.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                chart.addAnnotation(new AnnotationLine(value, false, false));
                labels.add("— " + name + ": " + Format.value(value));
            }
        });
        if (!labels.isEmpty()) {
            // In screen coordinates y counts from the bottom and places the panel's lower edge: this puts the panel in
            // the top left of the plot, in the headroom above the bars.
            chart.addAnnotation(
                    new AnnotationTextPanel(String.join("\n", labels), 90, HEIGHT - 75 - 15 * labels.size(), true));
        }
        return ChartStyle.png(chart);
    }

    /**
     * Returns the value axis, {@code {min, max}}: it holds every bar, every error bar as drawn (a symmetric bar may
     * reach past 0 or 1, where its interval ends) and every line, from at most 0 to at least 1, with room for the
     * panel above when there are lines.
     */
    double[] axis() {
        double bottom = 0;
        double top = max();
        for (int s = 0; s < barValues.size(); s++) {
            double[] values = barValues.get(s);
            double[] errors = barErrors.get(s);
            for (int g = 0; g < values.length; g++) {
                double e = errors == null || !Double.isFinite(errors[g]) ? 0 : errors[g];
                if (Double.isFinite(values[g])) {
                    bottom = Math.min(bottom, values[g] - e);
                    top = Math.max(top, values[g] + e);
                }
            }
        }
        top = Math.max(1.0, top);
        double margin = 0.05 * (top - bottom);
        return new double[] {
            bottom < 0 ? bottom - margin : 0, lines.isEmpty() ? top + (top > 1 ? margin : 0) : top * 1.3
        };
    }

    private double max() {
        double max = 0;
        for (int s = 0; s < barValues.size(); s++) {
            double[] values = barValues.get(s);
            for (int g = 0; g < values.length; g++) {
                // A rate's interval ends at 1, though its symmetric error bar may be drawn past it.
                double top = barErrors.get(s) == null
                        ? values[g]
                        : Math.min(1, values[g] + barErrors.get(s)[g]);
                if (Double.isFinite(top)) {
                    max = Math.max(max, top);
                }
            }
        }
        for (double v : lines.values()) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
