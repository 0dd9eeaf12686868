package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import dev.modeltest.model.Predictions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The model page: one self-contained HTML file with every verdict, every chart once, the data and the provenance. */
class ModelPageTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(src|href|action|data)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> VOID = Set.of("meta", "img", "br", "hr", "link", "input");

    @Test
    void showsEveryVerdictThenEveryChartOnceThenTheDataAndTheProvenance() {
        String html = irisPage().html();

        assertWellFormed(html);
        assertSelfContained(html);
        assertThat(html)
                .containsSubsequence(
                        "<section id=\"checks\">",
                        "<section id=\"charts\">",
                        "<section id=\"tables\">",
                        "<section id=\"gates\">",
                        "<section id=\"profile\">",
                        "<section id=\"provenance\">")
                .contains("<td>accuracy ≥ 0.9000 on iris.csv</td><td class=\"num\">0.9333</td>"
                        + "<td class=\"num\">95% 0.7868–0.9815</td><td>Wilson</td><td class=\"num\">≥ 0.9</td>"
                        + "<td class=\"num\">30</td><td class=\"test\"><a href=\"#gate-accurate-accuracy-at-least\">"
                        + "IrisModelTest#accurate</a></td>")
                .contains("<tr class=\"fail\"><td class=\"verdict\">FAIL</td>")
                .contains("<details open><summary>p99 latency ≤ 1 ms (FAIL)</summary><pre>too slow</pre>");
        assertThat(charts(html))
                .containsExactly(
                        "roc",
                        "precision-recall",
                        "confusion-matrix",
                        "reliability",
                        "drift",
                        "drift",
                        "fairness",
                        "latency");
        assertThat(html)
                .contains("ROC curves, one-vs-rest per class")
                .contains("Drift: 1 of 2 compared columns drifted (50%): petal_width.")
                .contains("<td class=\"num diagonal\" style=\"background:rgba(76,120,168,0.68)\">10 (100%)</td>");
    }

    @Test
    void linksEveryCheckToItsBlockWithItsTestAndItsAllureName() {
        CheckResult second = CheckResult.builder("accuracy-at-least", Family.PERFORMANCE)
                .title("accuracy ≥ 0.8000 on iris.csv")
                .verdict(Verdict.FAIL)
                .measured(0.7)
                .threshold(Threshold.atLeast(0.8))
                .n(30)
                .message("Expecting model accuracy\n  0.7000\nto be at least:\n  0.8000")
                .build();
        String html = ModelPage.builder("IrisModelTest")
                .check(ModelPage.Check.of("accurate()", "@AccuracyAtLeast", accuracy()))
                .check(ModelPage.Check.of("Inner.accurate()", "@AccuracyAtLeast", second)
                        .withReportName("accuracy ≥ 0.8000 on iris.csv · no missing values in iris.csv"))
                .check(ModelPage.Check.of("accurate()", "@AccuracyAtLeast", accuracy()))
                .build()
                .html();

        assertWellFormed(html);
        assertSelfContained(html);
        List<String> links = new ArrayList<>();
        Matcher link =
                Pattern.compile("<a href=\"#([^\"]+)\">([^<]*)</a></td></tr>").matcher(html);
        while (link.find()) {
            links.add(link.group(1) + " " + link.group(2));
            assertThat(html).as("the target of #%s", link.group(1)).contains(" id=\"" + link.group(1) + "\"");
        }
        assertThat(links)
                .containsExactly(
                        "gate-accurate-accuracy-at-least IrisModelTest#accurate",
                        "gate-Inner.accurate-accuracy-at-least IrisModelTest.Inner#accurate",
                        "gate-accurate-accuracy-at-least-2 IrisModelTest#accurate");
        assertThat(html)
                .containsSubsequence("<section id=\"checks\">", "<section id=\"charts\">", "<section id=\"gates\">")
                .contains(
                        "<div class=\"gate pass\" id=\"gate-accurate-accuracy-at-least\">\n<h3><span class=\"verdict\">"
                                + "PASS</span> accuracy ≥ 0.9000 on iris.csv</h3>\n<p class=\"where\">test <code>"
                                + "IrisModelTest#accurate</code> (@AccuracyAtLeast) · Allure test <q class=\"allure-name\">"
                                + "accuracy ≥ 0.9000 on iris.csv</q> in suite IrisModelTest · <a href=\"#checks\">back to the"
                                + " checks</a></p>\n<details><summary>message</summary><pre>ok</pre></details>")
                .contains("<q class=\"allure-name\">accuracy ≥ 0.8000 on iris.csv · no missing values in iris.csv</q>")
                .contains("<details open><summary>message</summary><pre>Expecting model accuracy\n  0.7000\nto be at"
                        + " least:\n  0.8000</pre></details>");
    }

    @Test
    void saysHowManyOfTheComparedColumnsHaveAChartWhenNotAllDo() {
        byte[] png = Charts.drift("a", new double[] {1, 2}, new double[] {1, 2});
        CheckResult drift = CheckResult.builder("no-drift", Family.DATA)
                .title("no drift")
                .verdict(Verdict.PASS)
                .message("ok")
                .detail("drifted", List.of())
                .detail("columns", List.of(Map.of("column", "a"), Map.of("column", "b"), Map.of("column", "c")))
                .attach(Attachment.png("distributions of a", () -> png))
                .build();

        String html = ModelPage.builder("WideDriftTest")
                .check(ModelPage.Check.of("noDrift()", "@NoDrift", drift))
                .build()
                .html();

        assertThat(html)
                .contains("<p class=\"note\">Drift: 0 of 3 compared columns drifted (0%). Charts of 1 of them, drifted"
                        + " first, below.</p>");
        assertThat(charts(html)).containsExactly("drift");
    }

    @Test
    void showsTheHtmlTableACheckOffersForPeopleInsteadOfItsCsv() {
        CheckResult groups = CheckResult.builder("parity", Family.FAIRNESS)
                .title("demographic parity across sex")
                .verdict(Verdict.PASS)
                .message("ok")
                .attach(Attachment.csv("per-group table", () -> "group,rate\nF,0.7092555331991952\n"))
                .attach(Attachment.html(
                        "per-group results",
                        () -> HtmlTable.of("group", "rate")
                                .row("F", 0.7092555331991952)
                                .document("per-group results")))
                .build();

        String html = ModelPage.builder("CreditTest")
                .check(ModelPage.Check.of("fair()", "@DemographicParity", groups))
                .build()
                .html();

        assertWellFormed(html);
        assertSelfContained(html);
        assertThat(html)
                .contains(
                        "<p class=\"caption\">per-group results · demographic parity across sex</p>\n<table class=\"data\">")
                .contains("<tr><td>F</td><td class=\"num\">0.7093</td></tr>")
                .doesNotContain("per-group table ·")
                .doesNotContain("0.70925");
        assertThat(count(html, "<table class=\"data\">")).isEqualTo(1);
    }

    @Test
    void drawsAPictureTwoChecksShareOnce() {
        byte[] png = Charts.bars("rates", "rate", List.of("a", "b"), new double[] {0.5, 0.6}, Double.NaN);
        ModelPage page = ModelPage.builder("SharedTest")
                .check(ModelPage.Check.of("one()", "@A", withPicture("one", "per-group chart", png)))
                .check(ModelPage.Check.of("two()", "@B", withPicture("two", "per-group chart", png)))
                .build();

        assertThat(charts(page.html())).containsExactly("fairness");
    }

    @Test
    void leavesOutTheChecksCurvesWhenItDrawsTheClasssOwn() {
        byte[] png = Charts.bars("x", "y", List.of("a"), new double[] {1}, Double.NaN);
        ModelPage page = ModelPage.builder("IrisTest")
                .predictions(irisPredictions())
                .check(ModelPage.Check.of("auc()", "@AucAtLeast", withPicture("auc", "ROC curve", png)))
                .build();

        assertThat(charts(page.html())).containsExactly("roc", "precision-recall", "confusion-matrix", "reliability");
    }

    @Test
    void weighsTheCurvesAndCountsTheRowsOfTheConfusionMatrixAndSaysSo() {
        double[] weights = new double[30];
        java.util.Arrays.fill(weights, 2.5);
        ModelPage page = ModelPage.builder("IrisTest")
                .predictions(irisPredictions().withWeights("w", weights))
                .build();

        String html = page.html();

        assertWellFormed(html);
        assertThat(charts(html)).containsExactly("roc", "precision-recall", "confusion-matrix", "reliability");
        assertThat(html)
                .contains("<figcaption>ROC curves, one-vs-rest per class (rows weighted by &#39;w&#39;)")
                .contains("<figcaption>reliability diagram of the top-label confidence (rows unweighted, not by"
                        + " &#39;w&#39;)")
                .contains("<figcaption>confusion matrix (rows: true class, columns: predicted), n=30 (rows unweighted,"
                        + " not by &#39;w&#39;)")
                .contains("true class's row) (rows unweighted, not by &#39;w&#39;)</caption>");
    }

    @Test
    void showsACheckThatCouldNotRunWithItsError() {
        ModelPage page = ModelPage.builder("IrisTest")
                .data(irisData(30))
                .check(ModelPage.Check.of("accurate()", "@AccuracyAtLeast", accuracy()))
                .check(ModelPage.Check.error(
                        "auc()", "@AucAtLeast", "CONFIGURATION", "@AucAtLeast on IrisTest.auc(): no <probabilities>"))
                .build();

        String html = page.html();

        assertWellFormed(html);
        assertThat(html)
                .contains("2 checks: 1 pass, 1 error")
                .contains("<tr class=\"error\"><td class=\"verdict\">ERROR</td><td>@AucAtLeast on auc()</td>"
                        + "<td colspan=\"5\" class=\"error\">CONFIGURATION: @AucAtLeast on IrisTest.auc(): no "
                        + "&lt;probabilities&gt;</td><td class=\"test\"><a href=\"#gate-auc-AucAtLeast\">IrisTest#auc</a>"
                        + "</td></tr>")
                .contains("<div class=\"gate error\" id=\"gate-auc-AucAtLeast\">\n<h3><span class=\"verdict\">ERROR"
                        + "</span> @AucAtLeast on auc()</h3>")
                .contains("<pre class=\"error\">CONFIGURATION: @AucAtLeast on IrisTest.auc(): no &lt;probabilities&gt;"
                        + "</pre>");
    }

    @Test
    void saysWhyThereIsNothingToShowWhenTheDataNeverLoaded() {
        ModelPage page = ModelPage.builder("ChurnTest")
                .check(ModelPage.Check.error(
                        "accurate()",
                        "@AccuracyAtLeast",
                        "DATA",
                        "@ModelTest on ChurnTest: data file churn.csv: no such file"))
                .build();

        String html = page.html();

        assertWellFormed(html);
        assertSelfContained(html);
        assertThat(html)
                .contains("<p class=\"problem\" id=\"data-problem\">The test data did not load: @ModelTest on "
                        + "ChurnTest: data file churn.csv: no such file</p>")
                .contains("No charts: no check computed the model's predictions")
                .doesNotContain("<section id=\"profile\">");
        assertThat(charts(html)).isEmpty();
    }

    @Test
    void dataReadByAnEngineIsAFactNotAProblem() {
        String html = ModelPage.builder("NightlyTest")
                .check(ModelPage.Check.of("accurate()", "@AccuracyAtLeast", accuracy()))
                .readBy("the spark engine")
                .build()
                .html();

        assertWellFormed(html);
        assertThat(html)
                .contains("<p id=\"data-elsewhere\">The test data stays where it lives: the spark engine read it and"
                        + " decided the checks there, so this page draws and profiles none of it.</p>")
                .doesNotContain("data-problem");
    }

    @Test
    void aCheckThatCouldNotRunStillShowsItsProblemWhenAnEngineReadTheData() {
        String html = ModelPage.builder("NightlyTest")
                .check(ModelPage.Check.error("accurate()", "@AccuracyAtLeast", "DATA", "data set scores has no rows"))
                .readBy("the spark engine")
                .build()
                .html();

        assertThat(html)
                .contains("<p class=\"problem\" id=\"data-problem\">The test data did not load: data set scores has no"
                        + " rows</p>")
                .doesNotContain("data-elsewhere");
    }

    @Test
    void capsLongTablesAndWideDataAndSaysHowMuchIsLeftOut() {
        StringBuilder csv = new StringBuilder("group,rows,rate\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("g").append(i).append(",10,0.7092555331991952\n");
        }
        Table wide = Table.create("wide");
        for (int c = 0; c < 100; c++) {
            wide.addColumns(DoubleColumn.create("x" + c, new double[] {1, 2, 3}));
        }
        CheckResult result = CheckResult.builder("group-check", Family.FAIRNESS)
                .title("rates per group")
                .verdict(Verdict.PASS)
                .message("ok")
                .attach(Attachment.csv("per-group table", csv::toString))
                .build();
        ModelPage page = ModelPage.builder("WideTest")
                .data(TestData.of("wide.csv", wide))
                .check(ModelPage.Check.of("groups()", "@G", result))
                .build();

        String html = page.html();

        assertWellFormed(html);
        assertThat(count(html, "<td>g")).isEqualTo(ModelPage.MAX_TABLE_ROWS);
        assertThat(html)
                .contains("<p class=\"more\">975 more rows not shown</p>")
                .contains("<td class=\"num\">0.7093</td>")
                .doesNotContain("0.7092555331991952")
                .contains("<p class=\"more\">60 more columns not shown</p>");
        assertThat(count(html, "<tr><th>x")).isEqualTo(ModelPage.MAX_PROFILE_COLUMNS);
    }

    @Test
    void drawsAHugeTestSetFromAggregatesSoThePageStaysSmall() {
        int n = 200_000;
        Random random = new Random(7);
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[] p1 = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = random.nextInt(2);
            p1[i] = Math.min(1, Math.max(0, 0.5 + (actual[i] - 0.5) * 0.6 + random.nextGaussian() * 0.3));
            predicted[i] = p1[i] > 0.5 ? 1 : 0;
        }
        double[] p0 = new double[n];
        for (int i = 0; i < n; i++) {
            p0[i] = 1 - p1[i];
        }
        Predictions predictions = Predictions.classification(
                "big.csv",
                "model",
                List.of("no", "yes"),
                actual,
                predicted,
                List.of(p0, p1).toArray(new double[0][]));

        String html =
                ModelPage.builder("BigTest").predictions(predictions).build().html();

        assertThat(charts(html)).containsExactly("roc", "precision-recall", "confusion-matrix", "reliability");
        assertThat(html.length()).isLessThan(600_000);
        assertThat(ModelPage.thin(new double[n], new double[n])[0]).hasSize(ModelPage.MAX_CURVE_POINTS);
    }

    @Test
    void profilesNumericAndTextColumns() {
        String html = ModelPage.builder("IrisTest").data(irisData(30)).build().html();

        assertThat(html)
                .contains("iris.csv: 30 rows, 2 columns")
                .contains("<tr><th>petal_width</th><td>double</td><td class=\"num\">0 (0.0%)</td>"
                        + "<td class=\"num\">30</td><td class=\"num\">0</td><td class=\"num\">1.4500</td>"
                        + "<td class=\"num\">2.9</td><td></td></tr>")
                .contains("<tr><th>species</th><td>string</td><td class=\"num\">0 (0.0%)</td>"
                        + "<td class=\"num\">3</td><td></td><td></td><td></td>"
                        + "<td>setosa (10), versicolor (10), virginica (10)</td></tr>");
    }

    @Test
    void countsMissingCellsOfNumbersAndText() {
        Table table = Table.create(
                "gaps",
                DoubleColumn.create("x", new double[] {1, Double.NaN, 3, Double.NaN}),
                StringColumn.create("c", new String[] {"a", "", "a", "b"}));

        String html = ModelPage.builder("GapsTest")
                .data(TestData.of("gaps.csv", table))
                .build()
                .html();

        assertThat(html)
                .contains("<tr><th>x</th><td>double</td><td class=\"num\">2 (50.0%)</td><td class=\"num\">2</td>"
                        + "<td class=\"num\">1</td><td class=\"num\">2.0000</td><td class=\"num\">3</td>")
                .contains("<tr><th>c</th><td>string</td><td class=\"num\">1 (25.0%)</td><td class=\"num\">2</td>"
                        + "<td></td><td></td><td></td><td>a (2), b (1)</td></tr>");
    }

    @Test
    void sortsTheProvenanceAndShortensHashes() {
        String html = ModelPage.builder("IrisTest")
                .provenance("model.sha256", ModelPage.shortHash("7336ca2d37fe42d0b5d5e2c6c1c5c478570918640e061d45"))
                .provenance("data", "iris.csv (30 rows)")
                .provenance("java", "17.0.15")
                .provenance("seed", "")
                .build()
                .html();

        assertThat(html)
                .containsSubsequence("<th>data</th>", "<th>java</th>", "<th>model.sha256</th><td>7336ca2d37fe</td>")
                .doesNotContain("<th>seed</th>");
    }

    // -- fixtures ----------------------------------------------------------------------------------------------------

    private static ModelPage irisPage() {
        byte[] drift1 = Charts.drift("petal_width", new double[] {1, 2, 3}, new double[] {2, 3, 4});
        byte[] drift2 = Charts.drift("sepal_width", new double[] {1, 2, 3}, new double[] {1, 2, 3.5});
        CheckResult drift = CheckResult.builder("no-drift", Family.DATA)
                .title("no drift of the features of iris.csv from train.csv")
                .verdict(Verdict.FAIL)
                .measured(1)
                .threshold(Threshold.atMost(0), "no column drifts")
                .n(30)
                .message("petal_width drifted")
                .detail("drifted", List.of("petal_width"))
                .detail("columns", List.of(Map.of("column", "petal_width"), Map.of("column", "sepal_width")))
                .attach(Attachment.csv("drift table", () -> "column,statistic,p\npetal_width,0.5,0.0012345678\n"))
                .attach(Attachment.png("distributions of petal_width", () -> drift1))
                .attach(Attachment.png("distributions of sepal_width", () -> drift2))
                .build();
        CheckResult fairness = withPicture(
                "parity",
                "per-group chart",
                Charts.barsWithIntervals(
                        "selection rate per group",
                        "selection rate",
                        List.of("F", "M"),
                        new double[] {0.4, 0.5},
                        new double[] {0.3, 0.4},
                        new double[] {0.5, 0.6},
                        Double.NaN));
        CheckResult latency = CheckResult.builder("latency-under", Family.LATENCY)
                .title("p99 latency ≤ 1 ms")
                .verdict(Verdict.FAIL)
                .measured(2)
                .threshold(Threshold.atMost(1))
                .n(1000)
                .message("too slow")
                .attach(Attachment.png(
                        "latency histogram", () -> Charts.latencyHistogram(new double[] {0.5, 1, 1.5, 2}, 1)))
                .build();
        return ModelPage.builder("IrisModelTest")
                .data(irisData(30))
                .predictions(irisPredictions())
                .check(ModelPage.Check.of("accurate()", "@AccuracyAtLeast", accuracy()))
                .check(ModelPage.Check.of("noDrift()", "@NoDrift", drift))
                .check(ModelPage.Check.of("fair()", "@DemographicParity", fairness))
                .check(ModelPage.Check.of("fast()", "@LatencyUnder", latency))
                .provenance("data", "iris.csv (30 rows)")
                .provenance("model", "Smile RandomForest (3 classes)")
                .build();
    }

    private static CheckResult accuracy() {
        return CheckResult.builder("accuracy-at-least", Family.PERFORMANCE)
                .title("accuracy ≥ 0.9000 on iris.csv")
                .verdict(Verdict.PASS)
                .measured(28 / 30.0)
                .interval(new Interval(0.7867654163738308, 0.9815229762087295, 0.95, "Wilson"))
                .threshold(Threshold.atLeast(0.9))
                .n(30)
                .message("ok")
                .build();
    }

    private static CheckResult withPicture(String check, String name, byte[] png) {
        return CheckResult.builder(check, Family.FAIRNESS)
                .title(check)
                .verdict(Verdict.PASS)
                .message("ok")
                .attach(Attachment.png(name, () -> png))
                .build();
    }

    private static TestData irisData(int rows) {
        double[] width = new double[rows];
        String[] species = new String[rows];
        for (int i = 0; i < rows; i++) {
            width[i] = i / 10.0;
            species[i] = List.of("setosa", "versicolor", "virginica").get(i % 3);
        }
        return TestData.of(
                "iris.csv",
                Table.create(
                        "iris", DoubleColumn.create("petal_width", width), StringColumn.create("species", species)));
    }

    private static Predictions irisPredictions() {
        int n = 30;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[3][n];
        for (int i = 0; i < n; i++) {
            actual[i] = i % 3;
            predicted[i] = i == 4 || i == 5 ? (i % 3 == 1 ? 2 : 1) : actual[i];
            for (int k = 0; k < 3; k++) {
                p[k][i] = k == predicted[i] ? 0.8 - (i % 5) * 0.05 : (0.2 + (i % 5) * 0.05) / 2;
            }
        }
        return Predictions.classification(
                "iris.csv", "forest", List.of("setosa", "versicolor", "virginica"), actual, predicted, p);
    }

    // -- HTML assertions ---------------------------------------------------------------------------------------------

    /** The chart kinds on the page, in order. */
    private static List<String> charts(String html) {
        List<String> kinds = new ArrayList<>();
        Matcher m = Pattern.compile("<figure class=\"chart\" data-chart=\"([a-z-]+)\"><img ")
                .matcher(html);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }

    /** Every non-void element closed in order, one html, head and body. */
    private static void assertWellFormed(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html.substring(html.indexOf("<html")));
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            if (VOID.contains(name)) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open).as("open elements when </%s> comes", name).isNotEmpty();
                assertThat(open.pop()).as("the element </%s> closes", name).isEqualTo(name);
            }
        }
        assertThat(open).as("elements left open").isEmpty();
        assertThat(count(html, "<body>")).isEqualTo(1);
    }

    /** Nothing the browser would fetch: no script, no style sheet link, every URL a data: URL. */
    private static void assertSelfContained(String html) {
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("url(")
                .doesNotContain("@import");
        Matcher m = URL_ATTRIBUTE.matcher(html);
        while (m.find()) {
            if (m.group(1).equals("href")) {
                // A link stays on the page: a fragment whose element is there.
                assertThat(m.group(2)).as("a link").startsWith("#");
                assertThat(html)
                        .as("the target of %s", m.group(2))
                        .contains(" id=\"" + m.group(2).substring(1) + "\"");
            } else {
                assertThat(m.group(2)).as("a %s attribute", m.group(1)).startsWith("data:image/png;base64,");
            }
        }
        assertThat(html).doesNotContainPattern("(?i)https?://");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
