package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final String DATA_SHA = "706ce64060febecb3801ff0ff5229bc60d0ccd54201602b258dc2cadeb76cc23";
    private static final String MODEL_SHA = "7336ca2d37fe42d0b5d5e2c6c1c5c478570918640e061d456537446603fca950";

    private static final Summary.Row ACCURACY = new Summary.Row(
            "IrisModelTest",
            "Smile RandomForest (3 classes)",
            "iris-test.csv (30 rows)",
            DATA_SHA,
            MODEL_SHA,
            "accurateEnough()",
            "accuracy ≥ 0.9000 on iris-test.csv",
            "PASS",
            "0.9333",
            "≥ 0.9000",
            "95% CI 0.7868–0.9815",
            "Expecting model accuracy on iris-test.csv (n=30):\n  0.9333");
    private static final Summary.Row STRICT = new Summary.Row(
            "IrisModelTest",
            "Smile RandomForest (3 classes)",
            "iris-test.csv (30 rows)",
            DATA_SHA,
            MODEL_SHA,
            "veryAccurate()",
            "accuracy ≥ 0.9700 on iris-test.csv",
            "FAIL",
            "0.9333",
            "≥ 0.9700",
            "95% CI 0.7868–0.9815",
            "Expecting model accuracy on iris-test.csv (n=30):\n  0.9333\nto be at least:\n  0.9700");
    private static final Summary.Row LATENCY = new Summary.Row(
            "IrisModelTest",
            "Smile RandomForest (3 classes)",
            "iris-test.csv (30 rows)",
            DATA_SHA,
            MODEL_SHA,
            "fast()",
            "p99 latency ≤ 5 ms (1 row per call)",
            "PASS",
            "0.0502 ms",
            "≤ 5 ms",
            "",
            "");
    private static final Summary.Row BROKEN = new Summary.Row(
            "ChurnModelTest",
            "",
            "",
            "",
            "",
            "accurate()",
            "",
            Summary.ERROR,
            "",
            "",
            "",
            "DATA: data file churn.csv: no such file");

    @Test
    void headlineCountsVerdicts() {
        assertThat(new Summary(List.of(ACCURACY, LATENCY)).headline()).isEqualTo("2 checks: 2 passed");
        assertThat(new Summary(List.of(ACCURACY, STRICT, BROKEN)).headline())
                .isEqualTo("3 checks: 1 passed, 1 failed, 1 could not run");
    }

    @Test
    void consoleTableAlignsColumns() {
        String table = new Summary(List.of(ACCURACY, STRICT, LATENCY, BROKEN)).consoleTable(true);

        assertThat(table).isEqualTo("""
                modeltest: 4 checks: 2 passed, 1 failed, 1 could not run
                MODEL           CHECK                                MEASURED   THRESHOLD  INTERVAL              VERDICT
                IrisModelTest   accuracy ≥ 0.9000 on iris-test.csv   0.9333     ≥ 0.9000   95% CI 0.7868–0.9815  PASS
                IrisModelTest   accuracy ≥ 0.9700 on iris-test.csv   0.9333     ≥ 0.9700   95% CI 0.7868–0.9815  FAIL
                IrisModelTest   p99 latency ≤ 5 ms (1 row per call)  0.0502 ms  ≤ 5 ms                           PASS
                ChurnModelTest  accurate()                                                                       ERROR
                  because DATA: data file churn.csv: no such file
                """);
    }

    private static Summary.Row auc(String test, String title, String verdict, String measured) {
        return new Summary.Row(
                "IrisModelTest", "", "", "", "", test, title, verdict, measured, "≥ 0.9000", "", "message of " + test);
    }

    @Test
    void twoChecksOfOneModelTestWithTheSameTitleAreToldApartByTheirTest() {
        Summary.Row first = auc("auc()", "ROC AUC (one-vs-rest, macro) ≥ 0.9000 on iris-test.csv", "PASS", "0.95");
        Summary.Row second = auc("aucAgain()", "ROC AUC (one-vs-rest, macro) ≥ 0.9000 on iris-test.csv", "FAIL", "0.8");
        Summary summary = new Summary(List.of(first, second));

        assertThat(summary.consoleTable(true))
                .contains("IrisModelTest  ROC AUC (one-vs-rest, macro) ≥ 0.9000 on iris-test.csv [auc()]       0.95")
                .contains("IrisModelTest  ROC AUC (one-vs-rest, macro) ≥ 0.9000 on iris-test.csv [aucAgain()]  0.8");
        assertThat(summary.markdown())
                .contains("| IrisModelTest | ROC AUC (one-vs-rest, macro) ≥ 0.9000 on iris-test.csv [auc()] |")
                .contains("**IrisModelTest · ROC AUC (one-vs-rest, macro) ≥ 0.9000 on iris-test.csv [aucAgain()]**");
    }

    @Test
    void titlesThatDifferOnlyInTheirTailAreNotClippedIntoTheSameText() {
        Summary.Row setosa =
                auc("a()", "ROC AUC (positive class 'setosa') ≥ 0.9000 on iris-test.csv per species", "PASS", "1");
        Summary.Row colour =
                auc("b()", "ROC AUC (positive class 'setosa') ≥ 0.9000 on iris-test.csv per colour", "PASS", "1");
        Summary.Row other =
                auc("c()", "no missing values in sepal_length, sepal_width, petal_length, petal_width", "PASS", "0");

        String table = new Summary(List.of(setosa, colour, other)).consoleTable(true);

        assertThat(table)
                .contains("ROC AUC (positive class 'setosa') ≥ 0.9000 on iris-test.csv per species  ")
                .contains("ROC AUC (positive class 'setosa') ≥ 0.9000 on iris-test.csv per colour  ")
                .contains("no missing values in sepal_length, sepal_width, petal_l…  ");
    }

    @Test
    void anErrorRowSaysWhyInTheConsoleAndInTheMarkdownTable() {
        Summary.Row broken = new Summary.Row(
                "ChurnModelTest",
                "",
                "",
                "",
                "",
                "accurate()",
                "@AccuracyAtLeast on ChurnModelTest.accurate()",
                Summary.ERROR,
                "",
                "",
                "",
                "MODEL: probabilistic classifier (2 classes) returned probability NaN for class 'a' at row 3 of"
                        + " churn.csv: invalid model output fails every gate\nsecond line");

        Summary summary = new Summary(List.of(broken));

        assertThat(summary.consoleTable(false))
                .endsWith("ChurnModelTest  @AccuracyAtLeast on ChurnModelTest.accurate()" + " ".repeat(33) + "ERROR\n"
                        + "  because MODEL: probabilistic classifier (2 classes) returned probability NaN for class 'a'"
                        + " at row 3 of churn.csv: invalid model output fails every gate\n");
        assertThat(summary.markdown())
                .contains(
                        "| ⚠️ | ChurnModelTest | @AccuracyAtLeast on ChurnModelTest.accurate()<br>MODEL: probabilistic"
                                + " classifier (2 classes) returned probability NaN for class 'a' at row 3 of churn.csv: invalid"
                                + " model output fails every gate |  |  |  | **ERROR** |\n");
    }

    @Test
    void consoleTableFallsBackToAsciiAndClipsLongTitles() {
        Summary.Row longTitle = new Summary.Row(
                "M",
                "",
                "",
                "",
                "",
                "t()",
                "no missing values in sepal_length, sepal_width, petal_length, petal_width of iris-test.csv",
                "PASS",
                "0",
                "0 missing",
                "",
                "");

        String table = new Summary(List.of(ACCURACY, longTitle)).consoleTable(false);

        assertThat(table)
                .contains("accuracy >= 0.9000 on iris-test.csv")
                .contains("95% CI 0.7868-0.9815")
                .contains("no missing values in sepal_length, sepal_width, petal...")
                .doesNotContain("≥")
                .doesNotContain("–");
    }

    @Test
    void markdownHasTheTableTheFailuresAndTheModels() {
        String md = new Summary(List.of(ACCURACY, STRICT, BROKEN)).markdown();

        assertThat(md)
                .startsWith("## ❌ modeltest: 3 checks: 1 passed, 1 failed, 1 could not run\n\n")
                .contains("| | model | check | measured | threshold | interval | verdict |\n")
                .contains("| ✅ | IrisModelTest | accuracy ≥ 0.9000 on iris-test.csv | 0.9333 | ≥ 0.9000 |"
                        + " 95% CI 0.7868–0.9815 | PASS |\n")
                .contains("| ❌ | IrisModelTest | accuracy ≥ 0.9700 on iris-test.csv | 0.9333 | ≥ 0.9700 |"
                        + " 95% CI 0.7868–0.9815 | **FAIL** |\n")
                .contains("| ⚠️ | ChurnModelTest | accurate()<br>DATA: data file churn.csv: no such file |  |  |  |"
                        + " **ERROR** |\n")
                .contains("### Checks that did not pass\n\n"
                        + "**IrisModelTest · accuracy ≥ 0.9700 on iris-test.csv** (`veryAccurate()`, FAIL)\n\n"
                        + "```text\nExpecting model accuracy on iris-test.csv (n=30):\n  0.9333\nto be at least:\n"
                        + "  0.9700\n```\n")
                .contains("```text\nDATA: data file churn.csv: no such file\n```\n")
                .contains("| IrisModelTest | Smile RandomForest (3 classes) | `7336ca2d37fe…` |"
                        + " iris-test.csv (30 rows) | `706ce64060fe…` |\n")
                .doesNotContain("accurateEnough()`, PASS");
    }

    @Test
    void markdownEscapesPipesSoACellCannotBreakTheTable() {
        Summary.Row piped = new Summary.Row("M", "", "", "", "", "t()", "a|b\nc", "PASS", "1", "in [0|1]", "", "");

        assertThat(new Summary(List.of(piped)).markdown())
                .startsWith("## ✅ modeltest: 1 check: 1 passed\n")
                .contains("| ✅ | M | a\\|b c | 1 | in [0\\|1] |  | PASS |\n");
    }
}
