package dev.modeltest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** Every chart built through {@link ChartStyle} has its size, its white background and its legend below the plot. */
class ChartStyleTest {

    @Test
    void chartsAreDrawnAtTheirSizeOnWhite() throws IOException {
        XYChart chart = ChartStyle.xyChart("t", "x", "y");
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});

        BufferedImage image = image(ChartStyle.png(chart));

        assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartStyle.HEIGHT);
        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void wideChartsAreWide() throws IOException {
        XYChart chart = ChartStyle.xyChart(ChartStyle.WIDE_WIDTH, ChartStyle.WIDE_HEIGHT, "t", "x", "y");
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});

        BufferedImage image = image(ChartStyle.png(chart));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
    }

    @Test
    void everyKindOfChartHasTheSameLook() {
        CategoryChart bars = ChartStyle.categoryChart("t", "", "y");
        XYChart lines = ChartStyle.xyChart("t", "x", "y");

        for (Styler styler : new Styler[] {
            bars.getStyler(),
            lines.getStyler(),
            ChartStyle.heatMapChart("t", "x", "y").getStyler()
        }) {
            assertThat(styler.getChartBackgroundColor()).isEqualTo(java.awt.Color.WHITE);
            assertThat(styler.getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
            assertThat(styler.getSeriesColors()[0]).isEqualTo(ChartStyle.BLUE);
            assertThat(styler.getChartTitleFont()).isEqualTo(lines.getStyler().getChartTitleFont());
        }
        assertThat(bars.getStyler().isXAxisTitleVisible()).isFalse();
    }

    @Test
    void limitsAreSolidRedAndReferencesDashedGrey() throws IOException {
        XYChart chart = ChartStyle.xyChart("t", "x", "y");
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
        chart.addAnnotation(new AnnotationLine(0.5, false, false));
        ChartStyle.limitLines(chart.getStyler());

        assertThat(chart.getStyler().getAnnotationLineColor()).isEqualTo(ChartStyle.LIMIT);
        assertThat(chart.getStyler().getAnnotationLineStroke().getDashArray()).isNull();
        assertThat(redPixels(image(ChartStyle.png(chart)))).isGreaterThan(300);

        ChartStyle.referenceLines(chart.getStyler());

        assertThat(chart.getStyler().getAnnotationLineColor()).isEqualTo(ChartStyle.REFERENCE);
        assertThat(chart.getStyler().getAnnotationLineStroke().getDashArray()).isNotNull();
        assertThat(redPixels(image(ChartStyle.png(chart)))).isZero();
    }

    @Test
    void overlappingFillsAreSeeThroughSeriesColours() {
        assertThat(ChartStyle.overlapFill(1).getAlpha()).isBetween(1, 254);
        assertThat(ChartStyle.overlapFill(1).getRGB() & 0xFFFFFF).isEqualTo(ChartStyle.ORANGE.getRGB() & 0xFFFFFF);
        assertThat(ChartStyle.series(6)).isEqualTo(ChartStyle.series(0));
    }

    private static int redPixels(BufferedImage image) {
        int red = ChartStyle.LIMIT.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == red) {
                    n++;
                }
            }
        }
        return n;
    }

    private static BufferedImage image(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
