package dev.modeltest.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every drift measure against SciPy / NumPy on the seeded data sets of {@code scripts/golden/make_drift_golden.py},
 * to a relative 1e-9.
 */
class DriftGoldenTest {

    private static final double RELATIVE = 1e-9;

    static Stream<Arguments> cases() throws IOException {
        return csv("golden/drift/expected.csv").stream().map(row -> Arguments.of(row.get("case"), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMeasureMatchesSciPy(String name, Map<String, String> expected) {
        TestData reference = DataLoader.load("classpath:golden/drift/" + name + "-reference.csv");
        TestData current = DataLoader.load("classpath:golden/drift/" + name + "-current.csv");
        List<String> value = List.of("value");

        ColumnDrift chiSquare = measure(reference, current, DriftMethod.CHI_SQUARE);
        assertThat(chiSquare.referenceCount()).isEqualTo(Integer.parseInt(expected.get("n_ref")));
        assertThat(chiSquare.currentCount()).isEqualTo(Integer.parseInt(expected.get("n_cur")));
        assertThat(chiSquare.bins()).isEqualTo(Integer.parseInt(expected.get("bins")));
        assertThat(chiSquare.degreesOfFreedom()).isEqualTo(Integer.parseInt(expected.get("chi2_df")));
        close("chi-square statistic", chiSquare.statistic(), expected.get("chi2"));
        close("chi-square p", chiSquare.pValue(), expected.get("chi2_p"));
        close("Cramér's V", chiSquare.effect(), expected.get("cramer_v"));
        close("PSI", measure(reference, current, DriftMethod.PSI).effect(), expected.get("psi"));
        close(
                "JS distance",
                measure(reference, current, DriftMethod.JENSEN_SHANNON).effect(),
                expected.get("js"));

        if (!expected.get("ks_d").isEmpty()) {
            double[] a = Drift.sortedFinite(reference.doubles("value"));
            double[] b = Drift.sortedFinite(current.doubles("value"));
            assertThat(Drift.isCategorical(a)).isEqualTo(expected.get("kind").equals("categorical"));
            ColumnDrift ks = measure(reference, current, DriftMethod.KOLMOGOROV_SMIRNOV);
            close("KS D", ks.statistic(), expected.get("ks_d"));
            close("KS D as effect", ks.effect(), expected.get("ks_d"));
            close("KS p", ks.pValue(), expected.get("ks_p"));
            close("Wasserstein distance", Measures.wasserstein(a, b), expected.get("wasserstein"));
            ColumnDrift wasserstein = measure(reference, current, DriftMethod.WASSERSTEIN);
            close("Wasserstein / sd", wasserstein.effect(), expected.get("wasserstein_norm"));
            close("Wasserstein's KS p", wasserstein.pValue(), expected.get("ks_p"));
        }
        assertThat(Drift.compare(reference, current, value, DriftOptions.defaults())
                        .column("value")
                        .method())
                .isEqualTo(
                        expected.get("kind").equals("categorical")
                                ? DriftMethod.CHI_SQUARE
                                : DriftMethod.KOLMOGOROV_SMIRNOV);
    }

    static Stream<Arguments> correctionSets() throws IOException {
        Map<String, List<Map<String, String>>> sets = new TreeMap<>();
        for (Map<String, String> row : csv("golden/drift/corrections.csv")) {
            sets.computeIfAbsent(row.get("set"), k -> new ArrayList<>()).add(row);
        }
        return sets.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "set {0}")
    @MethodSource("correctionSets")
    void holmAndBenjaminiHochbergMatchTheirDefinitions(String set, List<Map<String, String>> rows) {
        double[] p =
                rows.stream().mapToDouble(r -> Double.parseDouble(r.get("p"))).toArray();
        double[] holm = Correction.HOLM.adjust(p);
        double[] bh = Correction.BENJAMINI_HOCHBERG.adjust(p);
        for (int i = 0; i < p.length; i++) {
            close("Holm p[" + i + "]", holm[i], rows.get(i).get("holm"));
            close("BH p[" + i + "]", bh[i], rows.get(i).get("bh"));
        }
        assertThat(Correction.NONE.adjust(p)).containsExactly(p);
    }

    private static ColumnDrift measure(TestData reference, TestData current, DriftMethod method) {
        return Drift.measure(
                reference, current, "value", DriftOptions.defaults().withMethod(method));
    }

    private static void close(String what, double actual, String expectedText) {
        double expected = Double.parseDouble(expectedText);
        double tolerance = expected == 0 ? 1e-15 : RELATIVE * Math.abs(expected);
        assertThat(Math.abs(actual - expected))
                .as("%s: %s, SciPy %s", what, actual, expectedText)
                .isLessThanOrEqualTo(tolerance);
    }

    static List<Map<String, String>> csv(String resource) throws IOException {
        try (InputStream in = DriftGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[0].split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
