package dev.modeltest.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DriftCheck}: every method passing on identical data and failing on shifted data with its message, the
 * configuration errors, the default columns, the attachments and the reference cache. The data sets are the golden
 * ones of {@code scripts/golden/make_drift_golden.py}, whose numbers {@code DriftGoldenTest} proves against SciPy.
 */
class DriftCheckTest {

    private static final String WHERE = "@NoDrift on IrisTest.stable()";
    private static final String GOLDEN = "src/test/resources/golden/drift/";
    private static final List<String> VALUE = List.of("value");

    @TempDir
    Path dir;

    private static Subject subject(String data) {
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest", data, "label", new ModelSource.Columns("pred", List.of()), List.of(), null));
    }

    private static CheckResult run(String golden, DriftOptions options) {
        return new DriftCheck(WHERE, GOLDEN + golden + "-reference.csv", VALUE, options)
                .run(subject(GOLDEN + golden + "-current.csv"));
    }

    private static String header(String data, int n, String reference, int nReference) {
        return "Expecting no drift in 1 column(s) of " + data + " (n=" + n + ") against reference " + reference
                + " (n=" + nReference + "),\n"
                + "where a column drifts when its effect size exceeds the method's threshold and Holm-adjusted p ≤"
                + " 0.05,\n";
    }

    @ParameterizedTest
    @EnumSource(DriftMethod.class)
    void everyMethodPassesOnIdenticalData(DriftMethod method) {
        CheckResult result = run("identical", DriftOptions.defaults().withMethod(method));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isZero();
        assertThat(result.message())
                .startsWith(header("identical-current.csv", 300, "identical-reference.csv", 300) + "and none did:\n")
                .contains("  value   ");
    }

    @Test
    void kolmogorovSmirnovFailsOnAShiftedNormalWithTheTable() {
        CheckResult result = run("shift", DriftOptions.defaults().withMethod(DriftMethod.KOLMOGOROV_SMIRNOV));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.check()).isEqualTo("no-drift");
        assertThat(result.family()).isEqualTo(Family.DATA);
        assertThat(result.measured()).isEqualTo(1);
        assertThat(result.n()).isEqualTo(400);
        assertThat(result.threshold()).isEqualTo("no column drifts");
        assertThat(result.limit()).isEqualTo(Threshold.atMost(0));
        assertThat(result.key()).isEqualTo("no-drift");
        assertThat(result.title()).isEqualTo("no drift of value of shift-current.csv from shift-reference.csv");
        assertThat(result.message()).isEqualTo(header("shift-current.csv", 400, "shift-reference.csv", 500) + """
                        but 1 of 1 column(s) drifted: value
                          column  method  statistic  effect    threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   KS      D=0.2430   D=0.2430  0.1000     5.39e-12  5.39e-12  500    400     DRIFT""");
    }

    @Test
    void autoChoosesKolmogorovSmirnovForTheShiftedNormal() {
        assertThat(run("shift", DriftOptions.defaults()).message())
                .isEqualTo(run("shift", DriftOptions.defaults().withMethod(DriftMethod.KOLMOGOROV_SMIRNOV))
                        .message());
    }

    @Test
    void chiSquareFailsOnTheDecilesOfAShiftedNormal() {
        assertThat(run("shift", DriftOptions.defaults().withMethod(DriftMethod.CHI_SQUARE))
                        .message())
                .isEqualTo(header("shift-current.csv", 400, "shift-reference.csv", 500) + """
                        but 1 of 1 column(s) drifted: value
                          column  method      statistic          effect    threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   chi-square  χ²=77.2790, df=10  V=0.2958  0.1000     1.71e-12  1.71e-12  500    400     DRIFT""");
    }

    @Test
    void psiFailsOnAShiftedNormalAndNamesWhereItsPValueComesFrom() {
        assertThat(run("shift", DriftOptions.defaults().withMethod(DriftMethod.PSI))
                        .message())
                .isEqualTo(header("shift-current.csv", 400, "shift-reference.csv", 500) + """
                        but 1 of 1 column(s) drifted: value
                          column  method  statistic          effect      threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   PSI     χ²=77.2790, df=10  PSI=0.3749  0.2500     1.71e-12  1.71e-12  500    400     DRIFT
                        note: the p-values of PSI and JS come from the chi-square test on their bins.""");
    }

    @Test
    void jensenShannonFailsOnAShiftedNormal() {
        assertThat(run("shift", DriftOptions.defaults().withMethod(DriftMethod.JENSEN_SHANNON))
                        .message())
                .isEqualTo(header("shift-current.csv", 400, "shift-reference.csv", 500) + """
                        but 1 of 1 column(s) drifted: value
                          column  method  statistic          effect     threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   JS      χ²=77.2790, df=10  JS=0.2589  0.1000     1.71e-12  1.71e-12  500    400     DRIFT
                        note: the p-values of PSI and JS come from the chi-square test on their bins.""");
    }

    @Test
    void wassersteinFailsOnAShiftedNormalInReferenceStandardDeviations() {
        assertThat(run("shift", DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN))
                        .message())
                .isEqualTo(header("shift-current.csv", 400, "shift-reference.csv", 500) + """
                        but 1 of 1 column(s) drifted: value
                          column  method       statistic  effect      threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   Wasserstein  D=0.2430   W/σ=0.6091  0.1000     5.39e-12  5.39e-12  500    400     DRIFT
                        note: the p-values of Wasserstein come from the KS test on the same values.""");
    }

    @Test
    void chiSquareCountsACategoryTheReferenceNeverSaw() {
        CheckResult result = run("categories", DriftOptions.defaults());

        assertThat(result.message())
                .isEqualTo(header("categories-current.csv", 500, "categories-reference.csv", 800) + """
                        but 1 of 1 column(s) drifted: value
                          column  method      statistic         effect    threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   chi-square  χ²=31.4317, df=4  V=0.1442  0.1000     2.50e-06  2.50e-06  800    500     DRIFT""");
    }

    @Test
    void psiPassesAModerateButSignificantShiftAndSaysWhy() {
        CheckResult result = run("categories", DriftOptions.defaults().withMethod(DriftMethod.PSI));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .isEqualTo(header("categories-current.csv", 500, "categories-reference.csv", 800) + """
                        and none did:
                          column  method  statistic         effect      threshold  p         p (Holm)  n_ref  n_test  verdict
                          value   PSI     χ²=31.4317, df=4  PSI=0.1469  0.2500     2.50e-06  2.50e-06  800    500     ok
                        note: 1 column(s) differ beyond sampling noise (Holm-adjusted p ≤ 0.05) but by less than their \
                        threshold, e.g. value: PSI=0.1469 ≤ 0.2500, p 2.50e-06 with n_ref=800, n_test=500. At these \
                        sample sizes a test detects differences smaller than the threshold; the gate is on the effect \
                        size, so they pass.
                        note: the p-values of PSI and JS come from the chi-square test on their bins.""");
    }

    @Test
    void anExplicitThresholdAndPValueMustBothHold() {
        DriftOptions options = DriftOptions.defaults().withThreshold(0.3).withPValue(0.01);

        CheckResult result = run("shift", options);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message())
                .startsWith("Expecting no drift in 1 column(s) of shift-current.csv (n=400) against reference"
                        + " shift-reference.csv (n=500),\n"
                        + "where a column drifts when its effect size exceeds 0.3 and Holm-adjusted p ≤ 0.01,\n"
                        + "and none did:\n");
        assertThat(run("shift", options.withThreshold(0.2)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void comparesTheSubjectsFeaturesByDefault() throws IOException {
        Path train = write("train.csv", "x1,x2,label,pred\n1,a,y,y\n2,b,n,n\n3,a,y,n\n4,b,n,y\n");
        Path test = write("test.csv", "x1,x2,label,pred\n1,a,y,y\n2,b,n,n\n3,b,y,n\n4,a,n,y\n");

        CheckResult result = new DriftCheck(WHERE, train.toString(), List.of(), DriftOptions.defaults())
                .run(subject(test.toString()));

        assertThat(result.title()).isEqualTo("no drift of the features of test.csv from train.csv");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns =
                (List<Map<String, Object>>) result.details().get("columns");
        assertThat(columns).extracting(c -> c.get("column")).containsExactlyInAnyOrder("x1", "x2");
        assertThat(result.details())
                .containsEntry("reference", train.toString())
                .containsEntry("referenceRows", 4)
                .containsEntry("method", "AUTO")
                .containsEntry("correction", "HOLM")
                .containsEntry("drifted", List.of());
    }

    @Test
    void leavesIdentifierLikeColumnsOutOfTheDefaultColumnsAndSaysSo() throws IOException {
        Path train = write(
                "train.csv",
                "customer_id,row,x,label,pred\n" + rows(40, i -> "c" + i + "," + i + "," + (i % 7) + ",y,y"));
        Path test = write(
                "test.csv",
                "customer_id,row,x,label,pred\n" + rows(40, i -> "d" + i + "," + (100 + i) + "," + (i % 7) + ",y,y"));

        CheckResult result = new DriftCheck(WHERE, train.toString(), List.of(), DriftOptions.defaults())
                .run(subject(test.toString()));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns =
                (List<Map<String, Object>>) result.details().get("columns");
        assertThat(columns).extracting(c -> c.get("column")).containsExactly("x");
        assertThat(result.details())
                .containsEntry("leftOut", Map.of("customer_id", "named like an identifier", "row", "unique per row"));
        assertThat(result.message())
                .endsWith(
                        "\nnote: left out identifier-like columns: customer_id (named like an identifier), row (unique"
                                + " per row); name them in 'columns' to compare them");
    }

    @Test
    void comparesAnIdentifierNamedInColumns() throws IOException {
        Path train = write("train.csv", "customer_id,x,label,pred\n" + rows(40, i -> "c" + i + "," + (i % 7) + ",y,y"));
        Path test = write("test.csv", "customer_id,x,label,pred\n" + rows(40, i -> "d" + i + "," + (i % 7) + ",y,y"));

        CheckResult result = new DriftCheck(
                        WHERE, train.toString(), List.of("customer_id", "x"), DriftOptions.defaults())
                .run(subject(test.toString()));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns =
                (List<Map<String, Object>>) result.details().get("columns");
        assertThat(columns).extracting(c -> c.get("column")).containsExactlyInAnyOrder("customer_id", "x");
        assertThat(result.details()).doesNotContainKey("leftOut");
        assertThat(result.message()).doesNotContain("left out");
    }

    @Test
    void saysToNameTheColumnsWhenEveryFeatureLooksLikeAnIdentifier() throws IOException {
        Path train = write("train.csv", "id,label,pred\n" + rows(40, i -> i + ",y,y"));
        Path test = write("test.csv", "id,label,pred\n" + rows(40, i -> i + ",y,y"));

        assertThatThrownBy(() -> new DriftCheck(WHERE, train.toString(), List.of(), DriftOptions.defaults())
                        .run(subject(test.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": every feature of test.csv looks like an identifier (id (named like an"
                        + " identifier)); name the columns to compare in 'columns'");
    }

    @Test
    void attachesTheTableAsCsvAndAPictureOfEachComparedColumnDriftedFirst() throws IOException {
        Path train = write("train.csv", "x,c\n" + rows(200, i -> i + "," + (i % 2 == 0 ? "a" : "b")));
        Path test = write("test.csv", "x,c\n" + rows(200, i -> (i + 150) + "," + (i % 2 == 0 ? "a" : "b")));

        CheckResult result = new DriftCheck(WHERE, train.toString(), List.of("x", "c"), DriftOptions.defaults())
                .run(subject(test.toString()));

        assertThat(result.attachments())
                .extracting(Attachment::name)
                .containsExactly("drift table", "drift per column", "distributions of x", "distributions of c");
        assertThat(result.attachments().get(1).mediaType()).isEqualTo("text/html");
        // The same table for people: p rounded to four significant digits, cells on one line.
        assertThat(new String(result.attachments().get(1).content().get(), StandardCharsets.UTF_8))
                .contains("white-space:nowrap")
                .contains("<td>x</td><td>KOLMOGOROV_SMIRNOV</td>")
                .contains("<td class=\"num\">3.309E-55</td>");
        Attachment csv = result.attachments().get(0);
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        // SciPy's ks_2samp(range(200), range(150, 350)) gives p = 3.3094680067648866e-55.
        assertThat(new String(csv.content().get(), StandardCharsets.UTF_8))
                .isEqualTo("column,method,statistic_name,statistic,degrees_of_freedom,effect_name,effect,threshold,p,"
                        + "p_adjusted,correction,bins,n_ref,n_test,verdict\n"
                        + "x,KOLMOGOROV_SMIRNOV,D,0.75,0,D,0.75,0.1,3.3094680067648895E-55,6.618936013529779E-55,HOLM,0,"
                        + "200,200,DRIFT\n"
                        + "c,CHI_SQUARE,chi2,0.0,1,V,0.0,0.1,1.0,1.0,HOLM,2,200,200,ok\n");
        byte[] png = result.attachments().get(2).content().get();
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void readsTheReferenceOnceWhileItsFileIsUnchanged() throws IOException {
        Path train = write("train.csv", "x\n1\n2\n3\n");
        DriftCheck first = new DriftCheck(WHERE, train.toString(), List.of(), DriftOptions.defaults());
        DriftCheck second =
                new DriftCheck("@NoDrift on IrisTest.other()", train.toString(), List.of(), DriftOptions.defaults());

        TestData once = first.reference();
        assertThat(second.reference()).isSameAs(once);

        Files.writeString(train, "x\n1\n2\n4\n");
        assertThat(second.reference()).isNotSameAs(once);
        assertThat(second.reference().rowCount()).isEqualTo(3);
    }

    @Test
    void aMissingReferenceFileIsAConfigurationError() {
        assertThatThrownBy(() -> new DriftCheck(WHERE, "no/such/train.csv", List.of(), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "@NoDrift on IrisTest.stable(): 'reference' file 'no/such/train.csv' does not exist (looked at /")
                .hasMessageEndingWith("no/such/train.csv)");
    }

    @Test
    void aReferenceReadByAnEngineNotOnTheClassPathSaysWhatToAdd() {
        // A spark: reference is no file: the spark engine reads it, and core's tests do not have it.
        assertThatThrownBy(() -> new DriftCheck(WHERE, "spark:train.parquet", List.of("x"), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): data 'spark:train.parquet' is read by the spark engine,"
                        + " which is not on the test class path; add dev.modeltest:modeltest-spark and"
                        + " org.apache.spark:spark-sql_2.13 (4.x) as test dependencies");
    }

    @Test
    void aBlankReferenceIsAConfigurationError() {
        assertThatThrownBy(() -> new DriftCheck(WHERE, " ", List.of(), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): 'reference' must name a data file, was ' '");
    }

    @Test
    void anUnreadableReferenceIsADataErrorNamingTheCheck() throws IOException {
        Path empty = write("empty.csv", "");
        DriftCheck check = new DriftCheck(WHERE, empty.toString(), List.of(), DriftOptions.defaults());

        assertThatThrownBy(() -> check.run(subject(GOLDEN + "shift-current.csv")))
                .isInstanceOf(DataException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): data file '" + empty
                        + "' is empty (0 bytes): an empty data set cannot pass a quality gate");
    }

    @Test
    void anUnknownColumnIsAConfigurationErrorWithTheNearestName() {
        DriftCheck check =
                new DriftCheck(WHERE, GOLDEN + "shift-reference.csv", List.of("valeu"), DriftOptions.defaults());

        assertThatThrownBy(() -> check.run(subject(GOLDEN + "shift-current.csv")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): 'columns' names 'valeu', which shift-current.csv does not"
                        + " have (did you mean 'value'?); its columns are value");
    }

    @Test
    void aColumnTheReferenceLacksIsAConfigurationError() throws IOException {
        Path train = write("train.csv", "age,height\n1,2\n3,4\n");
        Path test = write("test.csv", "age,income\n1,2\n3,4\n");
        DriftCheck named = new DriftCheck(WHERE, train.toString(), List.of("age", "income"), DriftOptions.defaults());
        DriftCheck features = new DriftCheck(WHERE, train.toString(), List.of(), DriftOptions.defaults());

        assertThatThrownBy(() -> named.run(subject(test.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): 'columns' names 'income', which the reference train.csv"
                        + " does not have; its columns are age, height");
        assertThatThrownBy(() -> features.run(subject(write("labelled.csv", "age,income,label,pred\n1,2,y,y\n3,4,n,n\n")
                        .toString())))
                .isInstanceOf(DataException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): the reference train.csv has no feature column 'income';"
                        + " its columns are age, height");
    }

    @Test
    void aBlankColumnNameIsAConfigurationError() {
        assertThatThrownBy(() -> new DriftCheck(
                        WHERE, GOLDEN + "shift-reference.csv", List.of("x", ""), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): 'columns' must not contain a blank name, was ''");
    }

    @Test
    void aThresholdOutsideTheEffectsRangeIsAConfigurationError() {
        assertThat(configurationError(DriftOptions.defaults()
                        .withMethod(DriftMethod.KOLMOGOROV_SMIRNOV)
                        .withThreshold(1.5)))
                .isEqualTo(
                        "@NoDrift on IrisTest.stable(): 'threshold' must be in (0, 1) for KS (the effect size D), was"
                                + " 1.5");
        assertThat(configurationError(DriftOptions.defaults().withThreshold(0)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'threshold' must be in (0, 1) for auto (the effect size D or"
                        + " V), was 0");
        assertThat(configurationError(DriftOptions.defaults()
                        .withMethod(DriftMethod.JENSEN_SHANNON)
                        .withThreshold(1)))
                .isEqualTo(
                        "@NoDrift on IrisTest.stable(): 'threshold' must be in (0, 1) for JS (the effect size JS), was"
                                + " 1");
        assertThat(configurationError(
                        DriftOptions.defaults().withMethod(DriftMethod.PSI).withThreshold(-0.1)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'threshold' must be positive and finite for PSI (the effect"
                        + " size PSI), was -0.1");
        assertThat(configurationError(DriftOptions.defaults()
                        .withMethod(DriftMethod.WASSERSTEIN)
                        .withThreshold(Double.POSITIVE_INFINITY)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'threshold' must be positive and finite for Wasserstein (the"
                        + " effect size W/σ), was Infinity");
    }

    @Test
    void aPValueOutsideZeroToOneIsAConfigurationError() {
        assertThat(configurationError(DriftOptions.defaults().withPValue(0)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'pValue' must be in (0, 1), was 0");
        assertThat(configurationError(DriftOptions.defaults().withPValue(1)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'pValue' must be in (0, 1), was 1");
        assertThat(configurationError(DriftOptions.defaults().withPValue(1.5)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'pValue' must be in (0, 1), was 1.5");
    }

    @Test
    void binsOutOfRangeAreAConfigurationError() {
        assertThat(configurationError(DriftOptions.defaults().withBins(1)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'bins' must be in [2, 100], was 1");
        assertThat(configurationError(DriftOptions.defaults().withBins(101)))
                .isEqualTo("@NoDrift on IrisTest.stable(): 'bins' must be in [2, 100], was 101");
    }

    @Test
    void aMethodForNumbersOnACategoricalColumnIsAConfigurationErrorNamingTheCheck() {
        assertThatThrownBy(() -> run("categories", DriftOptions.defaults().withMethod(DriftMethod.WASSERSTEIN)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NoDrift on IrisTest.stable(): method WASSERSTEIN compares numbers, but column 'value' of"
                        + " categories-reference.csv holds string values; use CHI_SQUARE, PSI, JENSEN_SHANNON or AUTO"
                        + " for it");
    }

    @Test
    void theGateAndCorrectionAreInTheDetails() {
        CheckResult result =
                run("shift", DriftOptions.defaults().withPValue(0.01).withCorrection(Correction.BENJAMINI_HOCHBERG));

        assertThat(result.details())
                .containsEntry("gate", "a column drifts when its Benjamini–Hochberg-adjusted p ≤ 0.01")
                .containsEntry("level", 0.01)
                .containsEntry("correction", "BENJAMINI_HOCHBERG")
                .containsEntry("drifted", List.of("value"));
        @SuppressWarnings("unchecked")
        Map<String, Object> column =
                ((List<Map<String, Object>>) result.details().get("columns")).get(0);
        assertThat(column)
                .containsEntry("column", "value")
                .containsEntry("method", "KOLMOGOROV_SMIRNOV")
                .containsEntry("test", "KS")
                .containsEntry("statistic", 0.243)
                .containsEntry("effectName", "D")
                .containsEntry("threshold", null)
                .containsEntry("p", 5.387049490461148e-12)
                .containsEntry("nReference", 500)
                .containsEntry("nTest", 400)
                .containsEntry("verdict", "FAIL");
    }

    private static String configurationError(DriftOptions options) {
        try {
            new DriftCheck(WHERE, GOLDEN + "shift-reference.csv", VALUE, options);
        } catch (ConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("no configuration error for " + options);
    }

    private Path write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static String rows(int n, java.util.function.IntFunction<String> row) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(row.apply(i)).append('\n');
        }
        return out.toString();
    }
}
