package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the exact and analytic intervals with {@code scripts/golden/make_intervals_golden.py} (SciPy's t and normal
 * quantiles, DeLong's structural components in NumPy), to a relative 1e-9.
 */
class IntervalsGoldenTest {

    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                IntervalsGoldenTest.class.getResourceAsStream("/golden/intervals/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    static Stream<Arguments> expected() throws IOException {
        return csv("expected.csv").stream().map(r -> Arguments.of(r[0], r[1], Double.parseDouble(r[2]), r));
    }

    private static Predictions load(String data) throws IOException {
        List<String[]> rows = csv(data + ".csv");
        int n = rows.size();
        if (data.startsWith("multiclass")) {
            int[] y = new int[n];
            int[] predicted = new int[n];
            double[][] p = new double[3][n];
            for (int i = 0; i < n; i++) {
                y[i] = Integer.parseInt(rows.get(i)[0]);
                for (int c = 0; c < 3; c++) {
                    p[c][i] = Double.parseDouble(rows.get(i)[1 + c]);
                    predicted[i] = p[c][i] > p[predicted[i]][i] ? c : predicted[i];
                }
            }
            return Predictions.classification(data, "golden", List.of("a", "b", "c"), y, predicted, p);
        }
        if (data.startsWith("binary")) {
            int[] y = new int[n];
            int[] predicted = new int[n];
            double[][] p = new double[2][n];
            for (int i = 0; i < n; i++) {
                y[i] = Integer.parseInt(rows.get(i)[0]);
                p[1][i] = Double.parseDouble(rows.get(i)[1]);
                p[0][i] = 1 - p[1][i];
                predicted[i] = p[1][i] >= 0.5 ? 1 : 0;
            }
            return Predictions.classification(data, "golden", List.of("0", "1"), y, predicted, p);
        }
        double[] y = new double[n];
        double[] yHat = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Double.parseDouble(rows.get(i)[0]);
            yHat[i] = Double.parseDouble(rows.get(i)[1]);
        }
        return Predictions.regression(data, "golden", y, yHat);
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.max(1e-15, 1e-9 * Math.abs(expected))));
    }

    @ParameterizedTest(name = "{1} on {0} at {2}")
    @MethodSource("expected")
    void exactIntervalMatchesScipy(String data, String metricName, double level, String[] row) throws IOException {
        String[] parts = metricName.split(":");
        Metric metric = Metric.valueOf(parts[0]);
        MetricOptions options = MetricOptions.defaults();
        String last = parts[parts.length - 1];
        if (last.startsWith("ALPHA=")) {
            options = options.withAlpha(Double.parseDouble(last.substring("ALPHA=".length())));
        } else if (parts.length > 1 && !last.equals("JACKKNIFE")) {
            options = options.withAverage(Averaging.valueOf(last));
        }
        MetricSample sample = Metrics.sample(load(data), metric, options);
        if (parts.length > 1 && parts[1].equals("JACKKNIFE")) {
            // Used from 10000 rows on under AUTO; called directly here to compare on small data.
            MetricInterval jackknife = Intervals.averagePrecision(
                    Resolved.of(load(data), metric, options), Columns.of(load(data)), sample.selection(), level);
            close(sample.value(), Double.parseDouble(row[3]));
            close(jackknife.interval().lower(), Double.parseDouble(row[4]));
            close(jackknife.interval().upper(), Double.parseDouble(row[5]));
            assertThat(jackknife.method()).isEqualTo("infinitesimal jackknife (logit)");
            return;
        }

        MetricInterval auto = sample.interval(IntervalMethod.AUTO, level, 42, 2000);
        MetricInterval exact = sample.interval(IntervalMethod.EXACT, level, 42, 2000);

        close(sample.value(), Double.parseDouble(row[3]));
        close(auto.interval().lower(), Double.parseDouble(row[4]));
        close(auto.interval().upper(), Double.parseDouble(row[5]));
        assertThat(exact).isEqualTo(auto);
        assertThat(auto.method()).isEqualTo(sample.exactMethod().orElseThrow());
    }
}
