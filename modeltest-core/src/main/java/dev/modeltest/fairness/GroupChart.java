package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.internal.ChartStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    }

    /** Adds a horizontal line across the groups, e.g. the limit. */
    void line(String name, double value) {
        lines.put(name, value);
    }

    /** Returns the lines, by name, in the order added. */
    Map<String, Double> lines() {
        return new LinkedHashMap<>(lines);
    }

    byte[] png() {
        CategoryChart chart = ChartStyle.categoryChart(title, "group", "value");
        chart.getStyler().setYAxisMin(0.0);
        // Headroom above the bars for the panel that names the lines.
        chart.getStyler().setYAxisMax(Math.max(1.0, max()) * (lines.isEmpty() ? 1 : 1.3));
        chart.getStyler().setXAxisLabelRotation(categories.size() > 4 ? 45 : 0);
        for (int s = 0; s < barNames.size(); s++) {
            List<Double> values = new ArrayList<>();
            for (double v : barValues.get(s)) {
                values.add(Double.isFinite(v) ? v : 0.0);
            }
            chart.addSeries(barNames.get(s), categories, values);
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

    private double max() {
        double max = 0;
        for (double[] values : barValues) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
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
