package dev.modeltest.metrics;

import dev.modeltest.model.Predictions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the golden files written by {@code scripts/golden/make_metrics_golden.py}. */
public final class Golden {

    /** Relative tolerance: far above double rounding, far below any difference a reader would see. */
    public static final double RELATIVE = 1e-9;

    /** Absolute tolerance at or next to 0, where a relative one is meaningless. */
    public static final double ABSOLUTE_NEAR_ZERO = 1e-12;

    private static final Map<String, Dataset> CACHE = new HashMap<>();

    private Golden() {}

    /** One data set: its predictions and the group (slice) of each row. */
    public record Dataset(Predictions predictions, String[] groups) {

        /** Rows of a subset: {@code all}, {@code group=<g>} or the first rows, {@code first=<count>}. */
        public int[] rows(String subset) {
            if (subset.startsWith("first=")) {
                return java.util.stream.IntStream.range(0, Integer.parseInt(subset.substring("first=".length())))
                        .toArray();
            }
            if (subset.equals("all")) {
                int[] all = new int[groups.length];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                }
                return all;
            }
            String group = subset.substring("group=".length());
            return java.util.stream.IntStream.range(0, groups.length)
                    .filter(i -> groups[i].equals(group))
                    .toArray();
        }
    }

    public static double tolerance(double expected) {
        return Math.abs(expected) < ABSOLUTE_NEAR_ZERO ? ABSOLUTE_NEAR_ZERO : RELATIVE * Math.abs(expected);
    }

    /** Parses a golden number: Python's {@code repr}, {@code nan}, {@code inf} or {@code -inf}. */
    public static double number(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** Reads a CSV under {@code /golden/metrics/}: the header and the rows, split on commas (no quoting used). */
    public static List<String[]> csv(String name) {
        String path = "/golden/metrics/" + name;
        try (InputStream in = Golden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Dataset dataset(String name) {
        return CACHE.computeIfAbsent(name, Golden::load);
    }

    private static Dataset load(String name) {
        List<String[]> rows = csv(name + ".csv");
        int n = rows.size();
        String[] groups = new String[n];
        boolean classification = rows.get(0).length > 3;
        if (!classification) {
            double[] actual = new double[n];
            double[] predicted = new double[n];
            for (int i = 0; i < n; i++) {
                groups[i] = rows.get(i)[0];
                actual[i] = number(rows.get(i)[1]);
                predicted[i] = number(rows.get(i)[2]);
            }
            return new Dataset(Predictions.regression(name + ".csv", "golden", actual, predicted), groups);
        }
        TreeSet<String> labels = new TreeSet<>();
        for (String[] row : rows) {
            labels.add(row[1]);
            labels.add(row[2]);
        }
        List<String> classes = new ArrayList<>(labels);
        int k = rows.get(0).length - 3;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] probabilities = new double[k][n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            groups[i] = row[0];
            actual[i] = classes.indexOf(row[1]);
            predicted[i] = classes.indexOf(row[2]);
            for (int c = 0; c < k; c++) {
                probabilities[c][i] = number(row[3 + c]);
            }
        }
        return new Dataset(
                Predictions.classification(name + ".csv", "golden", classes, actual, predicted, probabilities), groups);
    }

    /** The options of an expected.csv row: average, positive label, bins, binning. */
    public static MetricOptions options(String average, String positive, String bins, String binning) {
        MetricOptions options = MetricOptions.defaults().withAverage(Averaging.valueOf(average));
        if (!positive.isEmpty()) {
            options = options.withPositiveLabel(positive);
        }
        if (!bins.isEmpty()) {
            options = options.withBins(Integer.parseInt(bins)).withBinning(Binning.valueOf(binning));
        }
        return options;
    }
}
