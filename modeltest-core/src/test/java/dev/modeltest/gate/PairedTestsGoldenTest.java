package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compares the paired tests with {@code scripts/golden/make_gates_golden.py} (NumPy DeLong, SciPy binomtest). */
class PairedTestsGoldenTest {

    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PairedTestsGoldenTest.class.getResourceAsStream("/golden/gates/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.max(1e-15, 1e-9 * Math.abs(expected))));
    }

    @Test
    void deLongMatchesTheNumpyImplementation() throws IOException {
        List<String[]> data = csv("delong-data.csv");
        int n = data.size();
        boolean[] positive = new boolean[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            positive[i] = data.get(i)[0].equals("1");
            a[i] = Double.parseDouble(data.get(i)[1]);
            b[i] = Double.parseDouble(data.get(i)[2]);
        }
        List<String[]> expected = csv("delong-expected.csv");
        assertThat(expected).hasSize(5);
        for (String[] row : expected) {
            boolean modelIsA = row[0].equals("a");
            double tolerance = Double.parseDouble(row[1]);
            double[] d = modelIsA ? PairedTests.deLong(positive, a, b) : PairedTests.deLong(positive, b, a);
            close(d[0], Double.parseDouble(row[2]));
            close(d[1], Double.parseDouble(row[3]));
            close(d[2], Double.parseDouble(row[4]));
            close(d[3], Double.parseDouble(row[5]));
            close(d[4], Double.parseDouble(row[6]));
            close(PairedTests.deLongTest(d, tolerance, 0.95).test().pValue(), Double.parseDouble(row[7]));
        }
    }

    @Test
    void exactMcNemarMatchesScipyBinomtest() throws IOException {
        List<String[]> rows = csv("mcnemar.csv");
        assertThat(rows).hasSize(8);
        for (String[] row : rows) {
            PairedTests.Test test = PairedTests.mcNemar(
                    Long.parseLong(row[0]),
                    Long.parseLong(row[1]),
                    Integer.parseInt(row[2]),
                    Double.parseDouble(row[3]));
            close(test.pValue(), Double.parseDouble(row[4]));
        }
    }
}
