package dev.modeltest.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apiguardian.api.API;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of modeltest's charts, whichever feature draws them (report, latency, drift, fairness): the size, the
 * fonts, the colours, the white background with light grid lines, the legend below the plot, how limits (solid red)
 * and reference lines (dashed grey) are drawn, and the PNG encoding. A chart class builds its chart here and adds only
 * what it shows.
 *
 * <p>Charts are drawn off-screen: loading this class sets {@code java.awt.headless} unless the JVM was started with a
 * value for it, so that a CI machine without a display does not try to open one.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChartStyle {

    /** The width of a chart, in pixels. */
    public static final int WIDTH = 600;

    /** The height of a chart, in pixels. */
    public static final int HEIGHT = 400;

    /** The width of a wide chart, whose x axis needs the room (the latency histogram's several decades), in pixels. */
    public static final int WIDE_WIDTH = 800;

    /** The height of a wide chart, in pixels. */
    public static final int WIDE_HEIGHT = 450;

    /** The first series' colour: a single series, the model, the reference sample. */
    public static final Color BLUE = new Color(0x4C78A8);

    /** The second series' colour: the current sample, a second measure. */
    public static final Color ORANGE = new Color(0xF58518);

    /** Limits and thresholds, drawn as solid {@link #LINE}s so they stand apart from the grey dashed references. */
    public static final Color LIMIT = new Color(0xD62728);

    /** Reference lines that are not limits (chance, perfect calibration, percentiles), drawn {@link #DASHED}. */
    public static final Color REFERENCE = new Color(0x888888);

    /** A series line, and a limit. */
    public static final BasicStroke LINE = new BasicStroke(2f);

    /** A reference line that is not a limit. */
    public static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    /** Series colours, in order. */
    private static final Color[] SERIES = {
        BLUE, ORANGE, new Color(0x54A24B), new Color(0xB279A2), new Color(0x72B7B2), new Color(0x9D755D)
    };

    private static final Color GRID = new Color(0xE6E6E6);
    private static final Color TEXT = new Color(0x333333);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The opacity of filled areas that overlap (histograms of two samples), out of 255. */
    private static final int OVERLAP_ALPHA = 110;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartStyle() {}

    /** Returns a styled {@link #WIDTH} × {@link #HEIGHT} line chart. */
    public static XYChart xyChart(String title, String xAxis, String yAxis) {
        return xyChart(WIDTH, HEIGHT, title, xAxis, yAxis);
    }

    /** Returns a styled line chart of the given size, {@link #WIDTH} or {@link #WIDE_WIDTH} wide. */
    public static XYChart xyChart(int width, int height, String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle(yAxis)
                .build();
        apply(chart.getStyler());
        return chart;
    }

    /**
     * Returns a styled {@link #WIDTH} × {@link #HEIGHT} bar chart, its bars filling 60% of their category's width; an
     * empty x axis title is not shown.
     */
    public static CategoryChart categoryChart(String title, String xAxis, String yAxis) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle(yAxis)
                .build();
        apply(chart.getStyler());
        chart.getStyler().setXAxisTitleVisible(!xAxis.isEmpty());
        chart.getStyler().setAvailableSpaceFill(0.6);
        return chart;
    }

    /** Returns a styled {@link #WIDTH} × {@link #HEIGHT} heat map. */
    public static HeatMapChart heatMapChart(String title, String xAxis, String yAxis) {
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle(yAxis)
                .build();
        apply(chart.getStyler());
        return chart;
    }

    /** Returns the colour of series {@code index} (0 first), repeating after six. */
    public static Color series(int index) {
        return SERIES[index % SERIES.length];
    }

    /** Returns the see-through fill of series {@code index}, for areas or bars drawn over each other. */
    public static Color overlapFill(int index) {
        Color c = series(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), OVERLAP_ALPHA);
    }

    /** Draws the chart's annotation lines as limits: solid, in {@link #LIMIT} red. */
    public static void limitLines(Styler styler) {
        styler.setAnnotationLineColor(LIMIT);
        styler.setAnnotationLineStroke(LINE);
    }

    /** Draws the chart's annotation lines as reference lines: dashed, in {@link #REFERENCE} grey. */
    public static void referenceLines(Styler styler) {
        styler.setAnnotationLineColor(REFERENCE);
        styler.setAnnotationLineStroke(DASHED);
    }

    private static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(TEXT);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(TEXT_FONT);
        styler.setAxisTickLabelsFont(TEXT_FONT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setLegendFont(TEXT_FONT);
        styler.setLegendBorderColor(GRID);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAnnotationTextFont(TEXT_FONT);
        styler.setAnnotationTextFontColor(TEXT);
        styler.setAnnotationTextPanelFont(TEXT_FONT);
        styler.setAnnotationTextPanelFontColor(TEXT);
        styler.setAnnotationTextPanelBorderColor(REFERENCE);
        styler.setSeriesColors(SERIES);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
    }

    /**
     * Encodes a chart as PNG. Deterministic: the same chart gives the same bytes on the same machine (fonts come from
     * the operating system, so bytes may differ between machines).
     */
    public static byte[] png(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        // The strongest deflate (the JDK's default is a faster, weaker one): a chart is drawn once and then kept in
        // every report, so its bytes count, and 10 to 20% fewer of them cost a few milliseconds.
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + chart.getTitle() + "' as PNG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
