package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final int THRESHOLD_RED = 0xD62728;
    private static final int DARKEST_CELL = 0x2171B5;
    private static final int LIGHTEST_CELL = 0xF7FBFF;

    private static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");
    private static final long[][] IRIS_COUNTS = {{10, 0, 0}, {0, 9, 1}, {0, 1, 9}};

    @Test
    void theValueAxisOfBarsWithIntervalsHoldsEveryWhiskerAsDrawnAndTheThreshold() {
        // Asymmetric intervals near 1, as a per-slice accuracy has them: XChart draws each whisker with the larger
        // half-width, so the drawn ends go past the bounds (0.98 + 0.15 = 1.13); all must be inside the plot.
        double[] values = {0.98, 0.55, 0.9};
        double[] lower = {0.83, 0.35, 0.9};
        double[] upper = {0.995, 0.72, 0.9};
        double[] errors = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            errors[i] = Math.max(values[i] - lower[i], upper[i] - values[i]);
        }

        for (double threshold : new double[] {0.6, Double.NaN, 1.4, -0.2}) {
            double[] axis = Charts.intervalAxis(values, errors, threshold);
            for (int i = 0; i < values.length; i++) {
                assertThat(axis[0])
                        .as("axis bottom, bar %d", i)
                        .isLessThanOrEqualTo(Math.min(lower[i], values[i] - errors[i]));
                assertThat(axis[1]).as("axis top, bar %d", i).isGreaterThan(Math.max(upper[i], values[i] + errors[i]));
            }
            if (!Double.isNaN(threshold)) {
                assertThat(threshold).isBetween(axis[0], axis[1]);
            }
            assertThat(axis[0]).as("bars start at zero").isLessThanOrEqualTo(0);
        }
        assertThat(Charts.intervalAxis(values, errors, 0.6)[1])
                .isCloseTo(1.13 + 0.05 * 1.13, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void everyChartIsASmallPngOfTheDocumentedSize() throws IOException {
        Random random = new Random(7);
        double[] latencies = new double[500];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = 0.05 + Math.abs(random.nextGaussian()) * 0.02;
        }
        Map<String, Supplier<byte[]>> charts = new LinkedHashMap<>();
        charts.put("bars", () -> Charts.bars("accuracy", "accuracy", CLASSES, new double[] {0.9, 0.8, 0.95}, 0.85));
        charts.put(
                "bars with intervals",
                () -> Charts.barsWithIntervals(
                        "tpr",
                        "tpr",
                        List.of("a", "b"),
                        new double[] {.8, .7},
                        new double[] {.7, .6},
                        new double[] {.9, .8},
                        0.75));
        charts.put("roc", () -> Charts.roc(new double[] {0, 0.2, 1}, new double[] {0, 0.8, 1}, 0.8));
        charts.put(
                "precision-recall",
                () -> Charts.precisionRecall(new double[] {0, 0.5, 1}, new double[] {1, 0.8, 0.5}, 0.8, 0.5));
        charts.put("reliability", () -> Charts.reliability(new double[] {0.1, 0.5, 0.9}, new double[] {0.2, 0.5, 0.8}));
        charts.put("latency", () -> Charts.latencyHistogram(latencies, 0.2));
        charts.put("drift", () -> Charts.drift("x", new double[] {1, 2, 2, 3}, new double[] {2, 3, 3, 4, 5}));
        charts.put("confusion matrix", () -> Charts.confusionMatrix(CLASSES, IRIS_COUNTS));
        charts.put(
                "trend", () -> Charts.trend("accuracy over builds", "accuracy", new double[] {0.91, 0.93, 0.9}, 0.9));

        for (Map.Entry<String, Supplier<byte[]>> chart : charts.entrySet()) {
            byte[] png = chart.getValue().get();
            BufferedImage image = image(png);
            assertThat(image.getWidth()).as(chart.getKey()).isEqualTo(Charts.WIDTH);
            assertThat(image.getHeight()).as(chart.getKey()).isEqualTo(Charts.HEIGHT);
            assertThat(colours(image))
                    .as("distinct colours of %s", chart.getKey())
                    .hasSizeGreaterThan(20);
            assertThat(png.length).as("bytes of %s", chart.getKey()).isBetween(2_000, 60_000);
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(Charts.confusionMatrix(CLASSES, IRIS_COUNTS))
                .isEqualTo(Charts.confusionMatrix(CLASSES, IRIS_COUNTS));
        assertThat(Charts.bars("t", "v", CLASSES, new double[] {1, 2, 3}, 2))
                .isEqualTo(Charts.bars("t", "v", CLASSES, new double[] {1, 2, 3}, 2));
    }

    @Test
    void barsDrawTheThresholdLineInRedOnlyWhenGiven() throws IOException {
        double[] values = {0.9, 0.8, 0.95};

        Map<Integer, Integer> with = colours(image(Charts.bars("a", "accuracy", CLASSES, values, 0.85)));
        Map<Integer, Integer> without = colours(image(Charts.bars("a", "accuracy", CLASSES, values, Double.NaN)));

        assertThat(with.getOrDefault(THRESHOLD_RED, 0)).isGreaterThan(300);
        assertThat(without).doesNotContainKey(THRESHOLD_RED);
    }

    @Test
    void trendDrawsAThresholdNearTheValuesButNotOneFarAway() throws IOException {
        double[] accuracy = {0.9333, 0.9333, 0.9667};
        double[] latency = {0.037, 0.015, 0.033};

        Map<Integer, Integer> near = colours(image(Charts.trend("accuracy", "measured", accuracy, 0.9)));
        Map<Integer, Integer> far = colours(image(Charts.trend("latency", "measured (ms)", latency, 5)));

        assertThat(near.getOrDefault(THRESHOLD_RED, 0)).isGreaterThan(100);
        assertThat(far).doesNotContainKey(THRESHOLD_RED);
    }

    @Test
    void confusionMatrixFillsTheLargestCountDarkestAndZerosLightest() throws IOException {
        Map<Integer, Integer> colours = colours(image(Charts.confusionMatrix(CLASSES, IRIS_COUNTS)));

        // One cell (setosa, 10) has the largest count; four cells are 0.
        int darkest = colours.getOrDefault(DARKEST_CELL, 0);
        int lightest = colours.getOrDefault(LIGHTEST_CELL, 0);
        assertThat(darkest).isGreaterThan(5_000);
        assertThat(lightest).isGreaterThan(3 * darkest);
    }

    @Test
    void rejectsInputsOfDifferentLengthsNamingBoth() {
        assertThatThrownBy(() -> Charts.bars("t", "v", CLASSES, new double[] {1, 2}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categories and values differ in length: 3 and 2");
        assertThatThrownBy(() -> Charts.confusionMatrix(CLASSES, new long[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classes and counts columns differ in length: 3 and 2");
        assertThatThrownBy(() -> Charts.Line.of("roc", new double[] {0, 1}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x and y differ in length: 2 and 1");
    }

    @Test
    void rejectsEmptyInputs() {
        assertThatThrownBy(() -> Charts.lines("t", "x", "y", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines must not be empty");
        assertThatThrownBy(() -> Charts.latencyHistogram(new double[] {Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("histograms need at least one value that is not NaN, samples [calls] have none");
    }

    @Test
    void binsCountValuesWithTheLastBinClosedAndNaNLeftOut() {
        double[] values = {0, 0.5, 1, 1.5, 2, Double.NaN};

        assertThat(Charts.binned(values, 0, 1, 2, false)).containsExactly(2, 3);
        assertThat(Charts.binned(values, 0, 1, 2, true)).containsExactly(0.4, 0.6);
    }

    @Test
    void binWidthsAreRoundNumbers() {
        assertThat(Charts.niceStep(0.07)).isEqualTo(0.1);
        assertThat(Charts.niceStep(0.023)).isEqualTo(0.025);
        assertThat(Charts.niceStep(0.2)).isEqualTo(0.2);
        assertThat(Charts.niceStep(3)).isEqualTo(5);
        assertThat(Charts.niceStep(11)).isEqualTo(20);
    }

    private static BufferedImage image(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Map<Integer, Integer> colours(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts;
    }
}
