package dev.modeltest.drift;

import dev.modeltest.check.Format;
import dev.modeltest.data.TestData;
import dev.modeltest.internal.ChartStyle;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;

/**
 * Pictures of a column's reference and current distributions, drawn by XChart only when a report asks for them, in
 * modeltest's chart style ({@link ChartStyle}): the reference sample in the first series colour, the current one in the
 * second (see-through in a histogram, where their bars overlap).
 */
final class DriftCharts {

    static final int WIDTH = ChartStyle.WIDTH;
    static final int HEIGHT = ChartStyle.HEIGHT;

    /** Histogram bars of a continuous column. */
    static final int HISTOGRAM_BINS = 20;

    /** The most categories drawn; the rest (the rarest in both samples) are left out and the title says so. */
    static final int MAX_CATEGORIES = 30;

    private DriftCharts() {}

    static byte[] png(DriftReport report, ColumnDrift drift) {
        TestData reference = report.reference();
        TestData current = report.current();
        String column = drift.column();
        String title = column + ": " + drift.method().displayName() + " " + DriftTable.effect(drift);
        CategoryChart chart;
        boolean numeric =
                reference.kind(column).isNumeric() && current.kind(column).isNumeric();
        if (numeric) {
            double[] a = Drift.sortedFinite(reference.doubles(column));
            double[] b = Drift.sortedFinite(current.doubles(column));
            chart = Drift.isCategorical(a)
                    ? categories(title, Bins.ofValues(a, b), drift)
                    : histogram(title, a, b, drift);
        } else {
            chart = categories(
                    title,
                    Bins.ofCategories(present(reference.strings(column)), present(current.strings(column))),
                    drift);
        }
        return ChartStyle.png(chart);
    }

    /**
     * Overlaid histograms over equal-width bins spanning both samples. Counted here rather than with XChart's {@code
     * Histogram}, which wants a boxed collection of every value.
     */
    private static CategoryChart histogram(String title, double[] a, double[] b, ColumnDrift drift) {
        double lo = Math.min(a[0], b[0]);
        double hi = Math.max(a[a.length - 1], b[b.length - 1]);
        double width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 1;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            labels.add(Format.number(Math.round((lo + (i + 0.5) * width) * 1000) / 1000.0));
        }
        CategoryChart chart = chart(title, "value (bin centre)");
        // A histogram's bars touch, and the two samples' bars are drawn over each other.
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setAvailableSpaceFill(0.95);
        chart.getStyler().setSeriesColors(new Color[] {ChartStyle.overlapFill(0), ChartStyle.overlapFill(1)});
        chart.addSeries(series("reference", drift.referenceCount()), labels, shares(a, lo, width));
        chart.addSeries(series("current", drift.currentCount()), labels, shares(b, lo, width));
        return chart;
    }

    private static List<Double> shares(double[] values, double lo, double width) {
        double[] counts = new double[HISTOGRAM_BINS];
        for (double v : values) {
            counts[Math.min(HISTOGRAM_BINS - 1, (int) ((v - lo) / width))]++;
        }
        return IntStream.range(0, HISTOGRAM_BINS)
                .mapToObj(i -> 100 * counts[i] / values.length)
                .toList();
    }

    private static CategoryChart categories(String title, Bins bins, ColumnDrift drift) {
        long n = sum(bins.reference());
        long m = sum(bins.current());
        List<Integer> shown = IntStream.range(0, bins.size())
                .boxed()
                .sorted(Comparator.comparingDouble(
                        (Integer i) -> -Math.max(bins.reference()[i] / (double) n, bins.current()[i] / (double) m)))
                .limit(MAX_CATEGORIES)
                .sorted()
                .toList();
        String shownTitle = shown.size() < bins.size()
                ? title + " (" + shown.size() + " of " + bins.size() + " categories)"
                : title;
        CategoryChart chart = chart(shownTitle, "category");
        List<String> labels = shown.stream().map(i -> bins.labels().get(i)).toList();
        chart.addSeries(
                series("reference", drift.referenceCount()),
                labels,
                shown.stream().map(i -> 100.0 * bins.reference()[i] / n).toList());
        chart.addSeries(
                series("current", drift.currentCount()),
                labels,
                shown.stream().map(i -> 100.0 * bins.current()[i] / m).toList());
        return chart;
    }

    private static CategoryChart chart(String title, String xAxis) {
        CategoryChart chart = ChartStyle.categoryChart(title, xAxis, "% of values");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        return chart;
    }

    private static String series(String name, int count) {
        return name + " (n=" + count + ")";
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    private static String[] present(String[] values) {
        return java.util.Arrays.stream(values)
                .filter(java.util.Objects::nonNull)
                .toArray(String[]::new);
    }
}
