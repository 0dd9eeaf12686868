package dev.modeltest.report;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.metrics.PrecisionRecallCurve;
import dev.modeltest.metrics.ReliabilityCurve;
import dev.modeltest.metrics.RocCurve;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One self-contained HTML page about the model of a {@code @ModelTest} class: the verdict of every check in one table,
 * then every chart once (the class's ROC and precision-recall curves, confusion matrix and reliability diagram, drawn
 * from its predictions; the checks' own pictures: drift, per-group rates, latency), the checks' tables, a profile of
 * the test data and a short provenance table.
 *
 * <p>The page needs no network: the style sheet is inline and the pictures are PNGs inlined as {@code data:} URLs.
 * A huge test set does not make a huge page: the charts are drawn from aggregates (curves thinned to
 * {@value #MAX_CURVE_POINTS} points, histograms in bins) and tables stop at {@value #MAX_TABLE_ROWS} rows (the profile
 * at {@value #MAX_PROFILE_COLUMNS} columns), saying how many more there are.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ModelPage {

    /** The most rows a check's table shows on the page. */
    public static final int MAX_TABLE_ROWS = HtmlTable.MAX_ROWS;

    /** The most columns the data profile shows. */
    public static final int MAX_PROFILE_COLUMNS = 40;

    /** The most points of a curve drawn; longer curves keep every n-th point and their ends. */
    static final int MAX_CURVE_POINTS = 400;

    /** The most levels a text column's profile names. */
    static final int TOP_LEVELS = 3;

    /** The attachment names of pictures the page draws once for the whole class instead. */
    private static final Set<String> CLASS_LEVEL_PICTURES =
            Set.of("roc curve", "precision-recall curve", "confusion matrix", "reliability diagram");

    /** The attachment names of tables that are data for machines (curve points, raw counts), not for the page. */
    private static final Set<String> DATA_TABLES = Set.of(
            "roc curve data",
            "precision-recall curve data",
            "confusion matrix counts",
            ReportAttachments.PER_CLASS.toLowerCase(Locale.ROOT));

    /**
     * One check of the class as it ended: a result, or an error that kept it from running.
     *
     * @param test the test method, e.g. {@code accurateEnough()}, after its {@code @Nested} class when it has one
     *     ({@code Inner.ranksWell()})
     * @param annotation the check annotation, e.g. {@code @AccuracyAtLeast}
     * @param result the result, or {@code null} when the check could not run
     * @param errorCategory why it could not run ({@code DATA}, {@code MODEL}, {@code CONFIGURATION}, an exception's
     *     class name), or an empty string
     * @param errorMessage the error's message, or an empty string
     * @param reportName the name of the check's test in the Allure report (what its tree and search show): the
     *     check's title, the titles of all the method's checks joined by {@code " · "}, or for a test whose first check
     *     could not run, JUnit's display name
     */
    public record Check(
            String test,
            String annotation,
            CheckResult result,
            String errorCategory,
            String errorMessage,
            String reportName) {

        public Check {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(annotation, "annotation");
            errorCategory = Objects.requireNonNullElse(errorCategory, "");
            errorMessage = Objects.requireNonNullElse(errorMessage, "");
            if (reportName == null || reportName.isBlank()) {
                reportName = result == null ? test : result.title();
            }
        }

        /** A check that ran and decided; its test is named after its title. */
        public static Check of(String test, String annotation, CheckResult result) {
            return new Check(test, annotation, Objects.requireNonNull(result, "result"), "", "", "");
        }

        /** A check that could not run; its test is named after the method. */
        public static Check error(String test, String annotation, String category, String message) {
            return new Check(test, annotation, null, category, message, "");
        }

        /** Returns this check with the name its test has in the Allure report. */
        public Check withReportName(String name) {
            return new Check(test, annotation, result, errorCategory, errorMessage, name);
        }

        /** Returns whether the check could not run. */
        public boolean isError() {
            return result == null;
        }

        /** Returns the test as {@code Class#method}: {@code IrisModelTest#accurateEnough}, {@code IrisModelTest.Inner#ranksWell}. */
        String qualified(String testClass) {
            String method = test.endsWith("()") ? test.substring(0, test.length() - 2) : test;
            int dot = method.lastIndexOf('.');
            return dot < 0
                    ? testClass + "#" + method
                    : testClass + "." + method.substring(0, dot) + "#" + method.substring(dot + 1);
        }
    }

    private final String testClass;
    private final List<Check> checks;
    private final TestData data;
    /** The predictions without their sample weights: the confusion matrix and the reliability diagram count rows. */
    private final Predictions predictions;
    /** The predictions as given: the ROC and precision-recall curves weigh the rows as the metrics do. */
    private final Predictions weighted;
    /** Says that a figure counts rows when the predictions carry sample weights, else "". */
    private final String unweighted;

    private final Map<String, String> provenance;
    /** Where the data was read instead of this JVM (e.g. {@code Spark}), or {@code null}. */
    private final String readBy;

    private ModelPage(Builder builder) {
        this.testClass = builder.testClass;
        this.checks = List.copyOf(builder.checks);
        this.data = builder.data;
        this.predictions = builder.predictions == null ? null : builder.predictions.withoutWeights();
        this.weighted = builder.predictions;
        this.unweighted = builder.predictions == null
                ? ""
                : builder.predictions
                        .weightColumn()
                        .map(c -> " (rows unweighted, not by '" + c + "')")
                        .orElse("");
        this.provenance = new TreeMap<>(builder.provenance);
        this.readBy = builder.readBy;
    }

    /** Starts the page of a model test class, named by its simple name. */
    public static Builder builder(String testClass) {
        return new Builder(testClass);
    }

    /** Collects what the page shows; nothing is drawn until {@link #html()}. */
    public static final class Builder {
        private final String testClass;
        private final List<Check> checks = new ArrayList<>();
        private final Map<String, String> provenance = new HashMap<>();
        private TestData data;
        private Predictions predictions;
        private String readBy;

        private Builder(String testClass) {
            this.testClass = Objects.requireNonNull(testClass, "testClass");
        }

        /** Adds a check, in the order the checks ran. */
        public Builder check(Check check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Sets the test data, once it was read; without it the page says the data was not read. */
        public Builder data(TestData data) {
            this.data = data;
            return this;
        }

        /**
         * Says that the data stays where it lives and a data engine decided the checks there (e.g. {@code "the spark
         * engine"} for {@code @ModelTest(data = "spark:...")}): nothing of it is drawn or profiled, which the page then
         * says as a fact, not as a problem.
         */
        public Builder readBy(String engine) {
            this.readBy = engine;
            return this;
        }

        /** Sets the predictions, once a check computed them: the class's curves and matrix are drawn from them. */
        public Builder predictions(Predictions predictions) {
            this.predictions = predictions;
            return this;
        }

        /** Adds a line of the provenance table (sorted by key on the page); a blank value is left out. */
        public Builder provenance(String key, String value) {
            if (value != null && !value.isBlank()) {
                provenance.put(key, value);
            }
            return this;
        }

        public ModelPage build() {
            return new ModelPage(this);
        }
    }

    /** Shortens a SHA-256 or commit id to its first 12 hex digits, as git and the Markdown summary do. */
    public static String shortHash(String hash) {
        return hash == null || hash.length() <= 12 ? Objects.toString(hash, "") : hash.substring(0, 12);
    }

    /** Returns the page as HTML. */
    public String html() {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(testClass))
                .append(" · modeltest model page</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        List<String> anchors = anchors();
        header(out);
        verdicts(out, anchors);
        charts(out);
        tables(out);
        gates(out, anchors);
        profile(out);
        provenance(out);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void header(StringBuilder out) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Check check : checks) {
            counts.merge(verdictOf(check), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, count) -> parts.add(count + " " + verdict.toLowerCase(Locale.ROOT)));
        out.append("<header>\n<h1>").append(escape(testClass)).append("</h1>\n<p class=\"summary\">");
        out.append(checks.size()).append(checks.size() == 1 ? " check" : " checks");
        if (!parts.isEmpty()) {
            out.append(": ").append(escape(String.join(", ", parts)));
        }
        Optional.ofNullable(provenance.get("model"))
                .ifPresent(m -> out.append(" · model ").append(escape(m)));
        Optional.ofNullable(provenance.get("data"))
                .ifPresent(d -> out.append(" · data ").append(escape(d)));
        out.append("</p>\n");
        if (data == null && readBy != null && checks.stream().noneMatch(Check::isError)) {
            out.append("<p id=\"data-elsewhere\">")
                    .append(escape("The test data stays where it lives: " + readBy + " read it and decided the"
                            + " checks there, so this page draws and profiles none of it."))
                    .append("</p>\n");
        } else if (data == null) {
            out.append("<p class=\"problem\" id=\"data-problem\">")
                    .append(escape(dataProblem()))
                    .append("</p>\n");
        }
        out.append("</header>\n");
    }

    /** Says why there is no data: the first data error of a check, or that no check read it. */
    private String dataProblem() {
        for (Check check : checks) {
            if (check.isError() && check.errorCategory().equals("DATA")) {
                return "The test data did not load: " + check.errorMessage();
            }
        }
        for (Check check : checks) {
            if (check.isError()) {
                return "The test data was not read: " + check.errorCategory() + ": " + check.errorMessage();
            }
        }
        return "The test data was not read by any check: there is nothing to draw or profile.";
    }

    private static String verdictOf(Check check) {
        return check.isError() ? "ERROR" : check.result().verdict().name();
    }

    /**
     * One anchor per check, stable from run to run so that a link to it can be kept: {@code gate-} with the test
     * method (after its nested class) and the check's key, or the annotation for a check that could not run; a second
     * check with the same anchor gets {@code -2}.
     */
    private List<String> anchors() {
        List<String> anchors = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Check check : checks) {
            String method = check.test().endsWith("()")
                    ? check.test().substring(0, check.test().length() - 2)
                    : check.test();
            String what = check.isError()
                    ? check.annotation().replace("@", "")
                    : check.result().key();
            String base = "gate-" + (method + "-" + what).replaceAll("[^A-Za-z0-9_.-]+", "-");
            String anchor = base;
            for (int i = 2; !taken.add(anchor); i++) {
                anchor = base + "-" + i;
            }
            anchors.add(anchor);
        }
        return anchors;
    }

    private void verdicts(StringBuilder out, List<String> anchors) {
        out.append(
                        "<section id=\"checks\">\n<h2>Checks</h2>\n<div class=\"scroll\"><table class=\"verdicts\">\n<thead><tr>")
                .append("<th>verdict</th><th>check</th><th>value</th><th>interval</th><th>method</th>")
                .append("<th>threshold</th><th>n</th><th>test</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            String verdict = verdictOf(check);
            out.append("<tr class=\"")
                    .append(verdict.toLowerCase(Locale.ROOT))
                    .append("\"><td class=\"verdict\">")
                    .append(verdict)
                    .append("</td>");
            if (check.isError()) {
                out.append("<td>")
                        .append(escape(check.annotation() + " on " + check.test()))
                        .append("</td><td colspan=\"5\" class=\"error\">")
                        .append(escape(check.errorCategory() + ": " + check.errorMessage()))
                        .append("</td>");
            } else {
                CheckResult r = check.result();
                out.append("<td>").append(escape(r.title())).append("</td>");
                out.append("<td class=\"num\">").append(escape(value(r))).append("</td>");
                out.append("<td class=\"num\">")
                        .append(
                                r.interval() == null
                                        ? ""
                                        : escape(Format.percent(r.interval().confidence()) + " "
                                                + Format.value(r.interval().lower()) + "–"
                                                + Format.value(r.interval().upper())))
                        .append("</td>");
                out.append("<td>")
                        .append(r.interval() == null ? "" : escape(r.interval().method()))
                        .append("</td>");
                out.append("<td class=\"num\">").append(escape(r.threshold())).append("</td>");
                out.append("<td class=\"num\">").append(r.n()).append("</td>");
            }
            out.append("<td class=\"test\"><a href=\"#")
                    .append(anchors.get(i))
                    .append("\">")
                    .append(escape(check.qualified(testClass)))
                    .append("</a></td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        for (Check check : checks) {
            if (!check.isError() && check.result().verdict() != Verdict.PASS) {
                out.append("<details open><summary>")
                        .append(escape(check.result().title()))
                        .append(" (")
                        .append(check.result().verdict())
                        .append(")</summary><pre>")
                        .append(escape(check.result().message()))
                        .append("</pre></details>\n");
            }
        }
        out.append("</section>\n");
    }

    /**
     * One block per check, the target of the link in the checks table: what the check asserts, its test as
     * {@code Class#method} and under its name in the Allure report (where the report can be searched for it: the
     * report's own links to a test are made when the report is generated, so the page cannot know them), and its
     * whole message (open when the check did not pass) or the error that kept it from running.
     */
    private void gates(StringBuilder out, List<String> anchors) {
        if (checks.isEmpty()) {
            return;
        }
        out.append("<section id=\"gates\">\n<h2>Checks one by one</h2>\n");
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            String verdict = verdictOf(check);
            out.append("<div class=\"gate ")
                    .append(verdict.toLowerCase(Locale.ROOT))
                    .append("\" id=\"")
                    .append(anchors.get(i))
                    .append("\">\n<h3><span class=\"verdict\">")
                    .append(verdict)
                    .append("</span> ")
                    .append(escape(
                            check.isError()
                                    ? check.annotation() + " on " + check.test()
                                    : check.result().title()))
                    .append("</h3>\n<p class=\"where\">test <code>")
                    .append(escape(check.qualified(testClass)))
                    .append("</code> (")
                    .append(escape(check.annotation()))
                    .append(") · Allure test <q class=\"allure-name\">")
                    .append(escape(check.reportName()))
                    .append("</q> in suite ")
                    .append(escape(testClass))
                    .append(" · <a href=\"#checks\">back to the checks</a></p>\n");
            if (check.isError()) {
                out.append("<pre class=\"error\">")
                        .append(escape(check.errorCategory() + ": " + check.errorMessage()))
                        .append("</pre>\n");
            } else {
                boolean passed = check.result().verdict() == Verdict.PASS;
                out.append(passed ? "<details>" : "<details open>")
                        .append("<summary>message</summary><pre>")
                        .append(escape(check.result().message()))
                        .append("</pre></details>\n");
            }
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    /** The measured value, four decimals (or as many as tell it from the threshold), with its unit. */
    private static String value(CheckResult r) {
        if (Double.isNaN(r.measured())) {
            return "";
        }
        double threshold = r.optionalLimit().map(t -> t.value()).orElse(Double.NaN);
        String v = r.measured() == Math.rint(r.measured())
                ? Format.number(r.measured())
                : Format.value(r.measured(), Format.decimals(r.measured(), threshold));
        return r.optionalLimit()
                .filter(t -> t.hasUnit())
                .map(t -> v + " " + t.unit())
                .orElse(v);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Charts

    /** A picture on the page: its kind (for tests and readers), caption and PNG. */
    private record Figure(String kind, String caption, byte[] png, String problem) {}

    private void charts(StringBuilder out) {
        List<Figure> classFigures = new ArrayList<>();
        if (predictions != null) {
            classFigures(classFigures);
        }
        List<Figure> checkFigures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        checkFigures(checkFigures, notes);
        out.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (classFigures.isEmpty() && checkFigures.isEmpty()) {
            out.append("<p class=\"note\">No charts: ")
                    .append(
                            predictions == null
                                    ? "no check computed the model's predictions, and no check drew a picture."
                                    : "the checks drew no picture.")
                    .append("</p>\n");
        }
        // The model's own pictures first, the confusion matrix's numbers beside its picture; then the checks'.
        grid(out, classFigures);
        confusionTable(out);
        for (String note : notes) {
            out.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        grid(out, checkFigures);
        out.append("</section>\n");
    }

    private static void grid(StringBuilder out, List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        out.append("<div class=\"grid\">\n");
        for (Figure f : figures) {
            out.append("<figure class=\"chart\" data-chart=\"").append(f.kind()).append("\">");
            if (f.png() != null) {
                out.append("<img alt=\"")
                        .append(escape(f.caption()))
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png()))
                        .append("\">");
            } else {
                out.append("<p class=\"problem\">could not be drawn: ")
                        .append(escape(f.problem()))
                        .append("</p>");
            }
            out.append("<figcaption>").append(escape(f.caption())).append("</figcaption></figure>\n");
        }
        out.append("</div>\n");
    }

    private void classFigures(List<Figure> figures) {
        if (predictions.task() == Task.REGRESSION) {
            figures.add(draw("residuals", "residuals (predicted − actual) of " + predictions.modelName(), () -> {
                double[] residuals = new double[predictions.size()];
                for (int i = 0; i < residuals.length; i++) {
                    residuals[i] = predictions.predictedValue(i) - predictions.actualValue(i);
                }
                return Charts.histograms(
                        "residuals", "predicted − actual", Map.of("residuals", residuals), Charts.DEFAULT_BINS, 0);
            }));
            return;
        }
        List<String> classes = predictions.classes();
        if (predictions.hasProbabilities() && classes.size() >= 2) {
            List<String> positives = classes.size() == 2 ? List.of(classes.get(1)) : classes;
            figures.add(draw("roc", rocCaption(positives) + weightedBy(), () -> rocChart(positives)));
            figures.add(draw("precision-recall", prCaption(positives) + weightedBy(), () -> prChart(positives)));
        }
        figures.add(draw(
                "confusion-matrix",
                "confusion matrix (rows: true class, columns: predicted), n=" + predictions.size() + unweighted,
                () -> {
                    ClassificationTable table = ClassificationTable.of(predictions);
                    return Charts.confusionMatrix(table.classes(), table.counts());
                }));
        if (predictions.hasProbabilities() && classes.size() >= 2) {
            figures.add(draw("reliability", reliabilityCaption() + unweighted, this::reliabilityChart));
        }
    }

    private String rocCaption(List<String> positives) {
        return positives.size() == 1
                ? "ROC curve, positive class '" + positives.get(0) + "'"
                : "ROC curves, one-vs-rest per class";
    }

    /** Says that the curves weigh the rows, when the predictions carry sample weights, else "". */
    private String weightedBy() {
        return weighted.weightColumn()
                .map(c -> " (rows weighted by '" + c + "')")
                .orElse("");
    }

    private String prCaption(List<String> positives) {
        return positives.size() == 1
                ? "precision-recall curve, positive class '" + positives.get(0) + "'"
                : "precision-recall curves, one-vs-rest per class";
    }

    private String reliabilityCaption() {
        return predictions.classes().size() == 2
                ? "reliability diagram, positive class '"
                        + predictions.classes().get(1) + "'"
                : "reliability diagram of the top-label confidence";
    }

    private byte[] rocChart(List<String> positives) {
        List<Charts.Line> lines = new ArrayList<>();
        for (String positive : positives) {
            RocCurve c = Metrics.rocCurve(weighted, MetricOptions.defaults().withPositiveLabel(positive));
            String name = (positives.size() == 1 ? "ROC" : positive) + " (AUC " + Format.value(c.auc(), 3) + ")";
            double[][] xy = thin(c.falsePositiveRates(), c.truePositiveRates());
            lines.add(Charts.Line.of(name, xy[0], xy[1]));
        }
        lines.add(Charts.Line.dashed("chance", new double[] {0, 1}, new double[] {0, 1}));
        return Charts.curves(
                positives.size() == 1 ? "ROC curve" : "ROC curves (one-vs-rest)",
                "false positive rate",
                "true positive rate",
                lines);
    }

    private byte[] prChart(List<String> positives) {
        List<Charts.Line> lines = new ArrayList<>();
        for (String positive : positives) {
            PrecisionRecallCurve c = Metrics.precisionRecallCurve(
                    weighted, MetricOptions.defaults().withPositiveLabel(positive));
            String name =
                    (positives.size() == 1 ? "PR" : positive) + " (AP " + Format.value(c.averagePrecision(), 3) + ")";
            double[][] xy = thin(c.recalls(), c.precisions());
            lines.add(Charts.Line.of(name, xy[0], xy[1]));
        }
        // One positive: no skill is its share of the rows. One-vs-rest: the shares sum to 1, so their mean is 1/k.
        double noSkill =
                positives.size() == 1 ? share(predictions.classes().indexOf(positives.get(0))) : 1.0 / positives.size();
        lines.add(Charts.Line.dashed(
                "no skill (" + Format.value(noSkill, 3) + ")", new double[] {0, 1}, new double[] {noSkill, noSkill}));
        return Charts.curves(
                positives.size() == 1 ? "precision-recall curve" : "precision-recall curves (one-vs-rest)",
                "recall",
                "precision",
                lines);
    }

    /** The class's share of the rows, or of their weights when the predictions carry sample weights. */
    private double share(int classIndex) {
        double[] w = weighted.internalWeights();
        double count = 0;
        double total = 0;
        for (int i = 0; i < predictions.size(); i++) {
            double weight = w == null ? 1 : w[i];
            total += weight;
            if (predictions.actualClass(i) == classIndex) {
                count += weight;
            }
        }
        return count / total;
    }

    private byte[] reliabilityChart() {
        ReliabilityCurve curve = Metrics.reliabilityCurve(predictions, MetricOptions.defaults());
        return Charts.reliability(curve);
    }

    /** Keeps at most {@value #MAX_CURVE_POINTS} points of a curve, evenly by index, always with both ends. */
    static double[][] thin(double[] x, double[] y) {
        if (x.length <= MAX_CURVE_POINTS) {
            return new double[][] {x, y};
        }
        double[] tx = new double[MAX_CURVE_POINTS];
        double[] ty = new double[MAX_CURVE_POINTS];
        for (int i = 0; i < MAX_CURVE_POINTS; i++) {
            int j = (int) Math.round((double) i * (x.length - 1) / (MAX_CURVE_POINTS - 1));
            tx[i] = x[j];
            ty[i] = y[j];
        }
        return new double[][] {tx, ty};
    }

    /** Draws a figure; a picture that cannot be drawn is shown as the reason, not left out. */
    private static Figure draw(String kind, String caption, java.util.function.Supplier<byte[]> png) {
        try {
            return new Figure(kind, caption, png.get(), "");
        } catch (RuntimeException e) {
            return new Figure(kind, caption, null, String.valueOf(e.getMessage()));
        }
    }

    /** The checks' own pictures, each once (the same picture of two checks is shown once). */
    private void checkFigures(List<Figure> figures, List<String> notes) {
        Set<String> seen = new HashSet<>();
        for (Check check : checks) {
            if (check.isError()) {
                continue;
            }
            CheckResult r = check.result();
            driftNote(r).ifPresent(notes::add);
            for (Attachment a : r.attachments()) {
                String name = a.name().toLowerCase(Locale.ROOT);
                if (!a.mediaType().equals("image/png")
                        || (predictions != null && CLASS_LEVEL_PICTURES.contains(name))) {
                    continue;
                }
                Figure f = draw(kind(r, a), a.name() + " · " + r.title(), a.content());
                if (f.png() == null || seen.add(digest(f.png()))) {
                    figures.add(f);
                }
            }
        }
    }

    private static String kind(CheckResult r, Attachment a) {
        String name = a.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("distributions of")) {
            return "drift";
        }
        if (name.startsWith("latency")) {
            return "latency";
        }
        if (name.equals("reliability diagram")) {
            return "reliability";
        }
        if (r.family() == Family.FAIRNESS) {
            return "fairness";
        }
        return "check";
    }

    /** For a drift check: how many of the compared columns drifted, up front, and which. */
    private static Optional<String> driftNote(CheckResult r) {
        // The drift check's details: "columns", one entry per compared column, and "drifted", their names.
        if (!r.check().equals("no-drift") || !(r.details().get("columns") instanceof List<?> columns)) {
            return Optional.empty();
        }
        List<?> drifted = r.details().get("drifted") instanceof List<?> l ? l : List.of();
        int compared = columns.size();
        String share =
                compared == 0 ? "" : " (" + Format.number(Math.round(1000.0 * drifted.size() / compared) / 10.0) + "%)";
        String which = drifted.isEmpty()
                ? ""
                : ": " + String.join(", ", drifted.stream().map(String::valueOf).toList());
        long drawn = r.attachments().stream()
                .filter(a -> a.name().startsWith("distributions of"))
                .count();
        String charts = drawn < compared ? " Charts of " + drawn + " of them, drifted first, below." : "";
        return Optional.of("Drift: " + drifted.size() + " of " + compared + " compared columns drifted" + share + which
                + "." + charts);
    }

    private static String digest(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The confusion matrix as numbers: each cell's count and its share of the true class's row. */
    private void confusionTable(StringBuilder out) {
        if (predictions == null || predictions.task() != Task.CLASSIFICATION) {
            return;
        }
        ConfusionMatrix cm = Metrics.confusionMatrix(predictions);
        List<String> classes = cm.classes();
        if (classes.size() > MAX_TABLE_ROWS) {
            out.append("<p class=\"note\">The confusion matrix has ")
                    .append(classes.size())
                    .append(" classes: only its picture is shown.</p>\n");
            return;
        }
        out.append(
                        "<div class=\"scroll\"><table class=\"confusion\" id=\"confusion-table\">\n<caption>confusion matrix: count (share of the")
                .append(" true class's row)")
                .append(escape(unweighted))
                .append("</caption>\n<thead><tr><th>true \\ predicted</th>");
        for (String c : classes) {
            out.append("<th>").append(escape(c)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int a = 0; a < classes.size(); a++) {
            long row = 0;
            for (int p = 0; p < classes.size(); p++) {
                row += cm.count(a, p);
            }
            out.append("<tr><th>").append(escape(classes.get(a))).append("</th>");
            for (int p = 0; p < classes.size(); p++) {
                long count = cm.count(a, p);
                double share = row == 0 ? 0 : (double) count / row;
                out.append("<td class=\"num")
                        .append(a == p ? " diagonal" : "")
                        .append("\" style=\"background:rgba(76,120,168,")
                        .append(String.format(Locale.ROOT, "%.2f", 0.08 + 0.6 * share))
                        .append(")\">")
                        .append(count)
                        .append(" (")
                        .append(String.format(Locale.ROOT, "%.0f%%", 100 * share))
                        .append(")</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tables

    /**
     * The checks' tables meant for people: a check that offers HTML tables ({@link HtmlTable} documents: drift,
     * per-group, per-slice, latency percentiles) is shown by those, the very tables Allure shows, and its CSVs are data;
     * another check's CSV tables are drawn by the same writer. Data tables (curve points, raw counts) are left out.
     */
    private void tables(StringBuilder out) {
        StringBuilder body = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (Check check : checks) {
            if (check.isError()) {
                continue;
            }
            List<Attachment> attachments = check.result().attachments();
            boolean hasHtml = attachments.stream().anyMatch(a -> a.mediaType().equals("text/html"));
            for (Attachment a : attachments) {
                String table = tableOf(a, hasHtml);
                if (!table.isEmpty() && seen.add(a.name() + "\n" + table)) {
                    body.append("<div class=\"scroll\"><p class=\"caption\">")
                            .append(escape(a.name() + " · " + check.result().title()))
                            .append("</p>\n")
                            .append(table)
                            .append("</div>\n");
                }
            }
        }
        if (body.length() > 0) {
            out.append("<section id=\"tables\">\n<h2>Tables</h2>\n")
                    .append(body)
                    .append("</section>\n");
        }
    }

    /** The table of an attachment for the page, or an empty string when it is not a table for people. */
    private static String tableOf(Attachment a, boolean checkHasHtml) {
        boolean html = a.mediaType().equals("text/html");
        boolean csv = a.mediaType().equals("text/csv")
                && !checkHasHtml
                && !DATA_TABLES.contains(a.name().toLowerCase(Locale.ROOT));
        if (!html && !csv) {
            return "";
        }
        try {
            String text = new String(a.content().get(), StandardCharsets.UTF_8);
            return html ? HtmlTable.fragmentOf(text) : HtmlTable.fromCsv(text).fragment();
        } catch (RuntimeException e) {
            return "<p class=\"problem\">could not be made: " + escape(String.valueOf(e.getMessage())) + "</p>\n";
        }
    }

    private static void more(StringBuilder out, int more, String what) {
        if (more > 0) {
            out.append("<p class=\"more\">")
                    .append(more)
                    .append(" more ")
                    .append(more == 1 ? what.substring(0, what.length() - 1) : what)
                    .append(" not shown</p>\n");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Data profile and provenance

    private void profile(StringBuilder out) {
        if (data == null) {
            return;
        }
        List<String> columns = data.columnNames();
        out.append("<section id=\"profile\">\n<h2>Test data</h2>\n<p>")
                .append(escape(data.name()))
                .append(": ")
                .append(data.rowCount())
                .append(" rows, ")
                .append(columns.size())
                .append(
                        " columns</p>\n<div class=\"scroll\"><table class=\"data profile\">\n<thead><tr><th>column</th><th>type</th>")
                .append("<th>missing</th><th>distinct</th><th>min</th><th>mean</th><th>max</th>")
                .append("<th>top levels</th></tr></thead>\n<tbody>\n");
        int shown = Math.min(columns.size(), MAX_PROFILE_COLUMNS);
        for (int c = 0; c < shown; c++) {
            profileRow(out, columns.get(c));
        }
        out.append("</tbody>\n</table></div>\n");
        more(out, columns.size() - shown, "columns");
        out.append("</section>\n");
    }

    private void profileRow(StringBuilder out, String column) {
        ColumnKind kind = data.kind(column);
        int rows = data.rowCount();
        out.append("<tr><th>")
                .append(escape(column))
                .append("</th><td>")
                .append(kind.displayName())
                .append("</td>");
        if (kind.isNumeric()) {
            // Missing numbers read as NaN: one pass over the primitive column, no per-cell lookups.
            double[] present = Arrays.stream(data.doubles(column))
                    .filter(v -> !Double.isNaN(v))
                    .toArray();
            Arrays.sort(present);
            int distinct = 0;
            double sum = 0;
            for (int i = 0; i < present.length; i++) {
                sum += present[i];
                if (i == 0 || present[i] != present[i - 1]) {
                    distinct++;
                }
            }
            missing(out, rows - present.length, rows);
            out.append("<td class=\"num\">").append(distinct).append("</td>");
            if (present.length == 0) {
                out.append("<td></td><td></td><td></td>");
            } else {
                out.append("<td class=\"num\">")
                        .append(Format.number(present[0]))
                        .append("</td><td class=\"num\">")
                        .append(Format.value(sum / present.length))
                        .append("</td><td class=\"num\">")
                        .append(Format.number(present[present.length - 1]))
                        .append("</td>");
            }
            out.append("<td></td></tr>\n");
            return;
        }
        // Text, booleans, dates: counted through the column's category codes (-1 for a missing cell).
        int[] codes = data.categories(column).codes();
        List<String> names = data.categories(column).names();
        long[] counts = new long[names.size()];
        int missing = 0;
        for (int code : codes) {
            if (code < 0) {
                missing++;
            } else {
                counts[code]++;
            }
        }
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (x, y) -> counts[x] != counts[y]
                        ? Long.compare(counts[y], counts[x])
                        : names.get(x).compareTo(names.get(y)));
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_LEVELS, order.length); i++) {
            top.add(clip(names.get(order[i])) + " (" + counts[order[i]] + ")");
        }
        if (order.length > TOP_LEVELS) {
            top.add((order.length - TOP_LEVELS) + " more");
        }
        missing(out, missing, rows);
        out.append("<td class=\"num\">")
                .append(names.size())
                .append("</td><td></td><td></td><td></td><td>")
                .append(escape(String.join(", ", top)))
                .append("</td></tr>\n");
    }

    private static void missing(StringBuilder out, int missing, int rows) {
        out.append("<td class=\"num\">")
                .append(missing)
                .append(rows == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * missing / rows))
                .append("</td>");
    }

    /** Clips a level to 40 characters: an identifier or free text must not widen the table. */
    private static String clip(String level) {
        return level.length() <= 40 ? level : level.substring(0, 39) + "…";
    }

    private void provenance(StringBuilder out) {
        if (provenance.isEmpty()) {
            return;
        }
        out.append(
                "<section id=\"provenance\">\n<h2>Provenance</h2>\n<div class=\"scroll\"><table class=\"provenance\">\n<tbody>\n");
        provenance.forEach((key, value) -> out.append("<tr><th>")
                .append(escape(key))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
        out.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = String.join(
            "\n",
            "",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#222;"
                    + "margin:0 auto;padding:16px 24px;max-width:1320px;background:#fff}",
            "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;"
                    + "padding-bottom:4px}",
            ".summary{color:#555;margin:0}.note{color:#333;margin:4px 0}.more{color:#666;font-style:italic;"
                    + "margin:2px 0 12px}",
            ".problem{background:#fdecea;border-left:4px solid #D62728;padding:8px 12px;margin:8px 0}",
            "table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}",
            "th,td{border:1px solid #e1e1e1;padding:3px 8px;text-align:left;vertical-align:top}",
            "thead th{background:#f4f6f8;white-space:nowrap}td.num{text-align:right;white-space:nowrap;"
                    + "font-variant-numeric:tabular-nums}",
            "caption,p.caption{text-align:left;font-weight:600;padding:4px 0;margin:0}",
            "table.data td{white-space:nowrap}",
            "table.verdicts{width:100%}td.verdict{font-weight:700;white-space:nowrap}",
            "tr.pass td.verdict{color:#1a7f37}tr.fail td.verdict{color:#D62728}tr.inconclusive td.verdict"
                    + "{color:#b26b00}tr.error td.verdict{color:#8250df}",
            "tr.fail{background:#fff5f5}tr.error{background:#f8f4ff}td.error{white-space:pre-wrap}",
            "td.test{color:#555;font-family:ui-monospace,monospace;font-size:12px;white-space:nowrap}",
            "h3{font-size:15px;margin:14px 0 2px}.gate{border-top:1px solid #eee;padding-top:2px}"
                    + ".gate:target{background:#fffbe6}.where{color:#555;margin:2px 0}"
                    + ".gate.pass .verdict{color:#1a7f37}.gate.fail .verdict{color:#D62728}"
                    + ".gate.inconclusive .verdict{color:#b26b00}.gate.error .verdict{color:#8250df}"
                    + "pre.error{white-space:pre-wrap}",
            "details{margin:6px 0}summary{cursor:pointer;font-weight:600}pre{background:#f6f8fa;padding:8px;"
                    + "overflow-x:auto;font-size:12px}",
            ".grid{display:flex;flex-wrap:wrap;gap:12px}",
            "figure.chart{margin:0;border:1px solid #e1e1e1;padding:6px;max-width:100%}",
            "figure.chart img{max-width:100%;height:auto;display:block}figcaption{max-width:600px}",
            ".scroll{overflow-x:auto;max-width:100%}",
            "figcaption{font-size:12px;color:#555;padding-top:4px}",
            ".grid+.scroll,.scroll+.grid,.note+.grid{margin-top:12px}table.confusion td.diagonal{font-weight:700}table.confusion caption{white-space:nowrap}",
            "table.provenance th{font-weight:600;background:#f4f6f8;white-space:nowrap}"
                    + "table.provenance td{font-family:ui-monospace,monospace;font-size:12px}",
            "");
}
