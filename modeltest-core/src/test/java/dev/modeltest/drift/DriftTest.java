package dev.modeltest.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** {@link Drift}: the gates, the corrections, the AUTO rule and the edge cases, on data built in memory. */
class DriftTest {

    private static final int LARGE = 1_000_000;

    private static TestData largeReference;
    private static TestData largeCurrent;

    /** One million standard normal values against one million shifted by 0.02 standard deviations. */
    @BeforeAll
    static void largeSamples() {
        Random random = new Random(42);
        double[] reference = new double[LARGE];
        double[] current = new double[LARGE];
        for (int i = 0; i < LARGE; i++) {
            reference[i] = random.nextGaussian();
            current[i] = random.nextGaussian() + 0.02;
        }
        largeReference = data("train.csv", DoubleColumn.create("x", reference));
        largeCurrent = data("test.csv", DoubleColumn.create("x", current));
    }

    @Test
    void aNegligibleShiftInALargeSamplePassesTheEffectSizeGateThoughItsPValueIsTiny() {
        DriftReport report = Drift.compare(largeReference, largeCurrent, List.of("x"), DriftOptions.defaults());

        ColumnDrift x = report.column("x");
        assertThat(x.pValue()).isLessThan(1e-20);
        assertThat(x.effect()).isLessThan(0.01);
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.message()).isEqualTo("""
                        Expecting no drift in 1 column(s) of test.csv (n=1000000) against reference train.csv (n=1000000),
                        where a column drifts when its effect size exceeds the method's threshold and Holm-adjusted p ≤ 0.05,
                        and none did:
                          column  method  statistic  effect    threshold  p         p (Holm)  n_ref    n_test   verdict
                          x       KS      D=0.0084   D=0.0084  0.1000     6.10e-31  6.10e-31  1000000  1000000  ok
                        note: 1 column(s) differ beyond sampling noise (Holm-adjusted p ≤ 0.05) but by less than their \
                        threshold, e.g. x: D=0.0084 ≤ 0.1000, p 6.10e-31 with n_ref=1000000, n_test=1000000. At these \
                        sample sizes a test detects differences smaller than the threshold; the gate is on the effect \
                        size, so they pass.""");
    }

    @Test
    void theSameShiftFailsThePValueGateAndTheMessageSaysTheEffectIsNegligible() {
        DriftReport report = Drift.compare(
                largeReference,
                largeCurrent,
                List.of("x"),
                DriftOptions.defaults().withPValue(0.01));

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.message()).isEqualTo("""
                        Expecting no drift in 1 column(s) of test.csv (n=1000000) against reference train.csv (n=1000000),
                        where a column drifts when its Holm-adjusted p ≤ 0.01,
                        but 1 of 1 column(s) drifted: x
                          column  method  statistic  effect    threshold  p         p (Holm)  n_ref    n_test   verdict
                          x       KS      D=0.0084   D=0.0084  —          6.10e-31  6.10e-31  1000000  1000000  DRIFT
                        note: 1 drifted column(s) have an effect below their method's default threshold, e.g. x: \
                        D=0.0084 ≤ 0.1000, Holm-adjusted p 6.10e-31 with n_ref=1000000, n_test=1000000. At these sample \
                        sizes a test detects differences smaller than the effect-size threshold; without 'pValue' the \
                        effect-size gate would pass them.""");
    }

    @Test
    void anEffectAboveTheThresholdWithinSamplingNoiseIsNotDrift() {
        Random random = new Random(7);
        TestData reference = data("train.csv", DoubleColumn.create("x", gaussians(random, 120, 0)));
        TestData current = data("test.csv", DoubleColumn.create("x", gaussians(random, 30, 0)));

        DriftReport report = Drift.compare(reference, current, List.of("x"), DriftOptions.defaults());

        ColumnDrift x = report.column("x");
        assertThat(x.effect()).isGreaterThan(0.1);
        assertThat(x.adjustedPValue()).isGreaterThan(0.05);
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.message())
                .endsWith("note: 1 column(s) have an effect above their threshold that is within sampling noise"
                        + " (Holm-adjusted p > 0.05), e.g. x: D="
                        + String.format(java.util.Locale.ROOT, "%.4f", x.effect())
                        + " > 0.1000, Holm-adjusted p " + DriftTable.p(x.adjustedPValue())
                        + " with n_ref=120, n_test=30. More rows would tell whether they drifted.");
    }

    /**
     * Five yes/no columns, 100/100 in the reference; in the current data a: 70 of 200 yes (chi-square p = 0.0024), b:
     * 76 of 200 (p = 0.0156), c: 95, d: 100, e: 102. Tested at 0.05: Holm keeps b (4 × 0.0156 = 0.0625), while
     * Benjamini–Hochberg (5 × 0.0156 / 2 = 0.039) and no correction flag it.
     */
    private static DriftReport fiveColumns(DriftOptions options) {
        String[] names = {"a", "b", "c", "d", "e"};
        int[] yes = {70, 76, 95, 100, 102};
        Column<?>[] reference = new Column<?>[5];
        Column<?>[] current = new Column<?>[5];
        for (int i = 0; i < 5; i++) {
            reference[i] = StringColumn.create(names[i], answers(100, 200));
            current[i] = StringColumn.create(names[i], answers(yes[i], 200));
        }
        return Drift.compare(data("train.csv", reference), data("test.csv", current), List.of(), options);
    }

    private static String[] answers(int yes, int n) {
        return IntStream.range(0, n).mapToObj(i -> i < yes ? "yes" : "no").toArray(String[]::new);
    }

    @Test
    void holmKeepsAColumnThatIsSignificantOnlyOnItsOwn() {
        DriftReport report = fiveColumns(DriftOptions.defaults().withPValue(0.05));

        assertThat(report.drifted()).extracting(ColumnDrift::column).containsExactly("a");
        assertThat(report.column("a").pValue()).isCloseTo(0.002410702375075622, within(1e-15));
        assertThat(report.column("a").adjustedPValue()).isCloseTo(5 * 0.002410702375075622, within(1e-15));
        assertThat(report.column("b").adjustedPValue()).isCloseTo(4 * 0.015628869828028396, within(1e-15));
        assertThat(report.message()).isEqualTo("""
                        Expecting no drift in 5 column(s) of test.csv (n=200) against reference train.csv (n=200),
                        where a column drifts when its Holm-adjusted p ≤ 0.05,
                        but 1 of 5 column(s) drifted: a
                          column  method      statistic        effect    threshold  p        p (Holm)  n_ref  n_test  verdict
                          a       chi-square  χ²=9.2072, df=1  V=0.1517  —          0.00241  0.0121    200    200     DRIFT
                          b       chi-square  χ²=5.8442, df=1  V=0.1209  —          0.0156   0.0625    200    200     ok
                          c       chi-square  χ²=0.2502, df=1  V=0.0250  —          0.617    1.00      200    200     ok
                          e       chi-square  χ²=0.0400, df=1  V=0.0100  —          0.841    1.00      200    200     ok
                          d       chi-square  χ²=0.0000, df=1  V=0.0000  —          1.00     1.00      200    200     ok""");
    }

    @Test
    void benjaminiHochbergAndNoCorrectionFlagTheColumnHolmKeeps() {
        DriftReport bh =
                fiveColumns(DriftOptions.defaults().withPValue(0.05).withCorrection(Correction.BENJAMINI_HOCHBERG));
        DriftReport none = fiveColumns(DriftOptions.defaults().withPValue(0.05).withCorrection(Correction.NONE));

        assertThat(bh.drifted()).extracting(ColumnDrift::column).containsExactly("a", "b");
        assertThat(bh.column("b").adjustedPValue()).isCloseTo(5 * 0.015628869828028396 / 2, within(1e-15));
        assertThat(bh.message())
                .contains("where a column drifts when its Benjamini–Hochberg-adjusted p ≤ 0.05,\n")
                .contains("p (BH)");
        assertThat(none.drifted()).extracting(ColumnDrift::column).containsExactly("a", "b");
        assertThat(none.message())
                .contains("where a column drifts when its unadjusted p ≤ 0.05,\n")
                .doesNotContain("p (");
    }

    @Test
    void theCorrectionAlsoAppliesToTheEffectSizeGatesNoiseCondition() {
        DriftReport holm = fiveColumns(DriftOptions.defaults());
        DriftReport none = fiveColumns(DriftOptions.defaults().withCorrection(Correction.NONE));

        // b's V = 0.1209 is above 0.1 in both; only its adjusted p differs.
        assertThat(holm.drifted()).extracting(ColumnDrift::column).containsExactly("a");
        assertThat(holm.message())
                .endsWith("note: 1 column(s) have an effect above their threshold that is within sampling noise"
                        + " (Holm-adjusted p > 0.05), e.g. b: V=0.1209 > 0.1000, Holm-adjusted p 0.0625 with"
                        + " n_ref=200, n_test=200. More rows would tell whether they drifted.");
        assertThat(none.drifted()).extracting(ColumnDrift::column).containsExactly("a", "b");
    }

    @Test
    void columnsAreSortedWorstFirst() {
        DriftReport report = fiveColumns(DriftOptions.defaults().withCorrection(Correction.NONE));

        // Drifted by effect / threshold, then the rest likewise: a (V 0.152), b (0.121), then c, e, d.
        assertThat(report.columns()).extracting(ColumnDrift::column).containsExactly("a", "b", "c", "e", "d");
    }

    @Test
    void autoChoosesKolmogorovSmirnovForContinuousColumnsAndChiSquareForCategoricalOnes() {
        double[] fiveValues = IntStream.range(0, 1000).mapToDouble(i -> i % 5).toArray();
        double[] fifteenOfFifteen = IntStream.range(0, 15).mapToDouble(i -> i).toArray();
        double[] twentyFive = IntStream.range(0, 1000).mapToDouble(i -> i % 25).toArray();
        Boolean[] flags = IntStream.range(0, 1000).mapToObj(i -> i % 3 == 0).toArray(Boolean[]::new);
        TestData reference = data(
                "train.csv",
                DoubleColumn.create("codes", fiveValues),
                DoubleColumn.create("small", pad(fifteenOfFifteen, 1000)),
                DoubleColumn.create("many", twentyFive),
                BooleanColumn.create("flag", Arrays.asList(flags)),
                StringColumn.create("text", answers(300, 1000)));
        TestData current = data("test.csv", reference.table().columnArray());

        DriftReport report = Drift.compare(reference, current, List.of(), DriftOptions.defaults());

        assertThat(report.column("codes").method()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(report.column("small").method())
                .as("15 distinct values in 15 rows are a small continuous sample, not categories")
                .isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(report.column("many").method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(report.column("flag").method()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(report.column("text").method()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(report.column("codes").bins()).isEqualTo(5);
        assertThat(report.column("small").referenceCount()).isEqualTo(15);
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void missingCellsAreLeftOutOfBothSamples() {
        TestData reference =
                data("train.csv", DoubleColumn.create("x", new double[] {1, 2, Double.NaN, 3, 4, Double.NaN}));
        TestData current = data("test.csv", DoubleColumn.create("x", new double[] {Double.NaN, 1.5, 2.5, 3.5}));

        ColumnDrift x = Drift.compare(reference, current, List.of("x"), DriftOptions.defaults())
                .column("x");

        assertThat(x.referenceCount()).isEqualTo(4);
        assertThat(x.currentCount()).isEqualTo(3);
        assertThat(x.statistic()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void aColumnWithFewerThanTwoValuesIsInconclusive() {
        TestData reference = data(
                "train.csv", DoubleColumn.create("x", new double[] {1, 2, 3}), StringColumn.create("c", "a", "b", "a"));
        TestData current = data(
                "test.csv",
                DoubleColumn.create("x", new double[] {1, Double.NaN, Double.NaN}),
                StringColumn.create("c", "a", "b", "b"));

        DriftReport report = Drift.compare(reference, current, List.of(), DriftOptions.defaults());

        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.column("x").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.message()).isEqualTo("""
                        Expecting no drift in 2 column(s) of test.csv (n=3) against reference train.csv (n=3),
                        where a column drifts when its effect size exceeds the method's threshold and Holm-adjusted p ≤ 0.05,
                        but 1 of 2 column(s) had fewer than 2 values to compare: x
                          column  method      statistic        effect    threshold  p      p (Holm)  n_ref  n_test  verdict
                          x       KS          —                —         —          —      —         3      1       too few
                          c       chi-square  χ²=0.6667, df=1  V=0.3333  0.1000     0.414  0.414     3      3       ok
                        note: 1 column(s) have an effect above their threshold that is within sampling noise \
                        (Holm-adjusted p > 0.05), e.g. c: V=0.3333 > 0.1000, Holm-adjusted p 0.414 with n_ref=3, \
                        n_test=3. More rows would tell whether they drifted.""");
    }

    @Test
    void psiSmoothsEveryBinSoAnUnseenCategoryCostsAFiniteAmount() {
        TestData reference = data("train.csv", StringColumn.create("c", pad(answers(10, 20), 20)));
        String[] current = new String[20];
        Arrays.fill(current, 0, 10, "yes");
        Arrays.fill(current, 10, 15, "no");
        Arrays.fill(current, 15, 20, "maybe");

        DriftReport psi = Drift.compare(
                reference,
                data("test.csv", StringColumn.create("c", current)),
                List.of(),
                DriftOptions.defaults().withMethod(DriftMethod.PSI));
        DriftReport js = Drift.compare(
                reference,
                data("test.csv", StringColumn.create("c", current)),
                List.of(),
                DriftOptions.defaults().withMethod(DriftMethod.JENSEN_SHANNON));

        // (a + 0.5) / (20 + 1.5) for reference counts maybe 0, no 10, yes 10; same for 5, 5, 10: NumPy gives these.
        assertThat(psi.column("c").effect()).isCloseTo(0.7080284738891682, within(1e-15));
        assertThat(js.column("c").effect()).isCloseTo(0.3945111687006674, within(1e-15));
        assertThat(psi.column("c").bins()).isEqualTo(3);
    }

    @Test
    void aConstantReferenceMakesAnyWassersteinMovementInfinitelyLarge() {
        TestData reference = data("train.csv", DoubleColumn.create("x", new double[] {5, 5, 5, 5}));
        DriftOptions wasserstein = DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN);

        ColumnDrift same = Drift.compare(
                        reference,
                        data("test.csv", DoubleColumn.create("x", new double[] {5, 5})),
                        List.of(),
                        wasserstein)
                .column("x");
        ColumnDrift moved = Drift.compare(
                        reference,
                        data("test.csv", DoubleColumn.create("x", new double[] {5, 6})),
                        List.of(),
                        wasserstein)
                .column("x");

        assertThat(same.effect()).isZero();
        assertThat(moved.effect()).isInfinite();
        assertThat(DriftTable.effect(moved)).isEqualTo("W/σ=inf");
    }

    @Test
    void aMethodForNumbersOnATextColumnIsAConfigurationError() {
        TestData reference = data("train.csv", StringColumn.create("color", "red", "blue"));
        TestData current = data("test.csv", StringColumn.create("color", "red", "red"));

        assertThatThrownBy(() -> Drift.compare(
                        reference,
                        current,
                        List.of(),
                        DriftOptions.defaults().withMethod(DriftMethod.KOLMOGOROV_SMIRNOV)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("method KOLMOGOROV_SMIRNOV compares numbers, but column 'color' of train.csv holds string"
                        + " values; use CHI_SQUARE, PSI, JENSEN_SHANNON or AUTO for it");
    }

    @Test
    void dateColumnsAreAConfigurationError() {
        TestData reference =
                data("train.csv", DateColumn.create("day", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2)));
        TestData current =
                data("test.csv", DateColumn.create("day", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3)));

        assertThatThrownBy(() -> Drift.compare(reference, current, List.of(), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("column 'day' of train.csv holds dates or times; drift compares numbers and categories, so"
                        + " leave it out of 'columns' or store it as a number");
    }

    @Test
    void aColumnMissingFromTheReferenceIsADataError() {
        TestData reference = data("train.csv", DoubleColumn.create("petal_length", new double[] {1, 2}));
        TestData current = data("test.csv", DoubleColumn.create("petal_lenght", new double[] {1, 2}));

        assertThatThrownBy(() -> Drift.compare(reference, current, List.of(), DriftOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage("data set train.csv has no reference column 'petal_lenght' (did you mean"
                        + " 'petal_length'?); its columns are petal_length");
    }

    @Test
    void optionsOutOfRangeAreRejectedBeforeAnythingIsCompared() {
        assertThatThrownBy(() -> Drift.compare(
                        largeReference,
                        largeCurrent,
                        List.of(),
                        DriftOptions.defaults().withBins(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("drift options: 'bins' must be in [2, 100], was 1");
    }

    private static double[] gaussians(Random random, int n, double shift) {
        return IntStream.range(0, n)
                .mapToDouble(i -> random.nextGaussian() + shift)
                .toArray();
    }

    private static double[] pad(double[] values, int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }

    private static String[] pad(String[] values, int n) {
        return Arrays.copyOf(values, n);
    }

    static TestData data(String name, Column<?>... columns) {
        return TestData.of(name, Table.create(name, columns));
    }
}
