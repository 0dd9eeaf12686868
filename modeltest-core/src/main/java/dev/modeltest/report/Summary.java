package dev.modeltest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The results of a run's checks as a compact console table and as Markdown, for a build log, a pull-request comment
 * or a CI job summary.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Summary {

    /** The verdict of a check that could not run (bad data, model or configuration). */
    public static final String ERROR = "ERROR";

    private static final int MODEL_WIDTH = 32;
    private static final int CHECK_WIDTH = 56;
    private static final int SHORT_HASH = 12;
    private static final int REASON_WIDTH = 160;

    /**
     * One check of the run. Empty strings stand for values a check does not have.
     *
     * @param model the model test class's simple name, e.g. {@code IrisModelTest}
     * @param modelDescription the model, e.g. {@code Smile RandomForest (3 classes)}
     * @param data the data set with its row count, e.g. {@code iris-test.csv (30 rows)}
     * @param dataSha256 the data file's SHA-256
     * @param modelSha256 the model file's SHA-256
     * @param test the test method, e.g. {@code accurateEnough()}
     * @param title what the check asserts, e.g. {@code accuracy ≥ 0.9000 on iris-test.csv}
     * @param verdict {@code PASS}, {@code FAIL}, {@code INCONCLUSIVE} or {@value #ERROR}
     * @param measured the measured value, e.g. {@code 0.9333}
     * @param threshold the threshold, e.g. {@code ≥ 0.9000}
     * @param interval the confidence interval, e.g. {@code 95% CI 0.7868–0.9815}
     * @param message the check's message (on failure, the assertion message) or the error's message
     */
    public record Row(
            String model,
            String modelDescription,
            String data,
            String dataSha256,
            String modelSha256,
            String test,
            String title,
            String verdict,
            String measured,
            String threshold,
            String interval,
            String message) {

        public Row {
            model = Objects.requireNonNullElse(model, "");
            modelDescription = Objects.requireNonNullElse(modelDescription, "");
            data = Objects.requireNonNullElse(data, "");
            dataSha256 = Objects.requireNonNullElse(dataSha256, "");
            modelSha256 = Objects.requireNonNullElse(modelSha256, "");
            test = Objects.requireNonNullElse(test, "");
            title = Objects.requireNonNullElse(title, "");
            verdict = Objects.requireNonNull(verdict, "verdict");
            measured = Objects.requireNonNullElse(measured, "");
            threshold = Objects.requireNonNullElse(threshold, "");
            interval = Objects.requireNonNullElse(interval, "");
            message = Objects.requireNonNullElse(message, "");
        }

        /** Returns the title, or the test's name when the check has none (it could not run). */
        String check() {
            return title.isEmpty() ? test : title;
        }

        /** Returns why a check could not run: the first line of its message, for an {@value #ERROR} row; else empty. */
        String reason() {
            if (!verdict.equals(ERROR) || message.isBlank()) {
                return "";
            }
            return message.strip().lines().findFirst().orElse("");
        }
    }

    private final List<Row> rows;
    private final List<String> checks;

    /** Creates the summary of these rows, in the order given. */
    public Summary(List<Row> rows) {
        this.rows = List.copyOf(rows);
        this.checks = distinctChecks(this.rows);
    }

    /**
     * Names each row's check so that no two checks of one model test read the same: the title, followed by the test
     * method when another check of the same model test has the same title (two identical checks on different methods).
     */
    private static List<String> distinctChecks(List<Row> rows) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Row row : rows) {
            seen.merge(row.model() + "\u0000" + row.check(), 1, Integer::sum);
        }
        List<String> checks = new ArrayList<>();
        for (Row row : rows) {
            boolean twice = seen.get(row.model() + "\u0000" + row.check()) > 1
                    && !row.title().isEmpty();
            checks.add(twice ? row.check() + " [" + row.test() + "]" : row.check());
        }
        return checks;
    }

    /**
     * Returns the console's check texts: clipped to {@value #CHECK_WIDTH} characters, except where clipping would make
     * two checks of one model test read the same (their difference is in the clipped tail): those are kept whole.
     */
    private List<String> consoleChecks(boolean unicode) {
        List<String> clipped = new ArrayList<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String text = clip(checks.get(i), CHECK_WIDTH, unicode);
            clipped.add(text);
            count.merge(rows.get(i).model() + "\u0000" + text, 1, Integer::sum);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (count.get(rows.get(i).model() + "\u0000" + clipped.get(i)) > 1) {
                clipped.set(i, checks.get(i).replace('\n', ' '));
            }
        }
        return clipped;
    }

    /** Returns the rows. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns how many checks had this verdict. */
    public long count(String verdict) {
        return rows.stream().filter(r -> r.verdict().equals(verdict)).count();
    }

    /** Returns whether every check passed. */
    public boolean allPassed() {
        return count("PASS") == rows.size();
    }

    /** Returns the one-line result, e.g. {@code 13 checks: 12 passed, 1 failed}. */
    public String headline() {
        StringBuilder line = new StringBuilder()
                .append(rows.size())
                .append(rows.size() == 1 ? " check: " : " checks: ")
                .append(count("PASS"))
                .append(" passed");
        appendCount(line, "FAIL", "failed");
        appendCount(line, "INCONCLUSIVE", "inconclusive");
        appendCount(line, ERROR, "could not run");
        return line.toString();
    }

    private void appendCount(StringBuilder line, String verdict, String word) {
        long n = count(verdict);
        if (n > 0) {
            line.append(", ").append(n).append(' ').append(word);
        }
    }

    /**
     * Returns the console table: a headline, then one line per check with its model, check, measured value,
     * threshold, interval and verdict, in aligned columns.
     *
     * @param unicode whether the console can print characters such as ≥ and –; when not, they are written as
     *     {@code >=} and {@code -}
     */
    public String consoleTable(boolean unicode) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"MODEL", "CHECK", "MEASURED", "THRESHOLD", "INTERVAL", "VERDICT"});
        List<String> consoleChecks = consoleChecks(unicode);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            lines.add(new String[] {
                clip(row.model(), MODEL_WIDTH, unicode),
                consoleChecks.get(i),
                row.measured(),
                row.threshold(),
                row.interval(),
                row.verdict()
            });
        }
        int[] widths = new int[6];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                line[c] = unicode ? line[c] : ascii(line[c]);
                widths[c] = Math.max(widths[c], length(line[c]));
            }
        }
        StringBuilder out = new StringBuilder("modeltest: ").append(headline()).append('\n');
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                text.append(line[c]);
                if (c < line.length - 1) {
                    text.append(" ".repeat(widths[c] - length(line[c]) + 2));
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
            String reason = l == 0 ? "" : rows.get(l - 1).reason();
            if (!reason.isEmpty()) {
                String because = "  because " + clip(reason, REASON_WIDTH, unicode);
                out.append(unicode ? because : ascii(because)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Returns the summary as GitHub-flavoured Markdown: a headline, a table of every check, the message of every
     * check that did not pass, and the data and model each model test ran on, with their SHA-256.
     */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(allPassed() ? "✅" : "❌")
                .append(" modeltest: ")
                .append(headline())
                .append("\n\n");
        md.append("| | model | check | measured | threshold | interval | verdict |\n");
        md.append("|:-:|---|---|--:|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String reason = row.reason();
            md.append("| ")
                    .append(icon(row.verdict()))
                    .append(" | ")
                    .append(cell(row.model()))
                    .append(" | ")
                    .append(cell(checks.get(i)))
                    .append(reason.isEmpty() ? "" : "<br>" + cell(clip(reason, REASON_WIDTH, true)))
                    .append(" | ")
                    .append(cell(row.measured()))
                    .append(" | ")
                    .append(cell(row.threshold()))
                    .append(" | ")
                    .append(cell(row.interval()))
                    .append(" | ")
                    .append(row.verdict().equals("PASS") ? "PASS" : "**" + row.verdict() + "**")
                    .append(" |\n");
        }
        if (rows.stream().anyMatch(r -> !r.verdict().equals("PASS"))) {
            md.append("\n### Checks that did not pass\n");
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (row.verdict().equals("PASS")) {
                    continue;
                }
                md.append("\n**")
                        .append(inline(row.model()))
                        .append(" · ")
                        .append(inline(checks.get(i)))
                        .append("** (`")
                        .append(row.test().replace("`", "'"))
                        .append("`, ")
                        .append(row.verdict())
                        .append(")\n\n");
                md.append(fenced(row.message().isEmpty() ? "(no message)" : row.message()));
            }
        }
        Map<String, Row> models = new LinkedHashMap<>();
        for (Row row : rows) {
            Row known = models.get(row.model());
            if (known == null || (known.data().isEmpty() && !row.data().isEmpty())) {
                models.put(row.model(), row);
            }
        }
        md.append("\n### Models and data\n\n");
        md.append("| model test | model | model SHA-256 | data | data SHA-256 |\n");
        md.append("|---|---|---|---|---|\n");
        for (Row row : models.values()) {
            md.append("| ")
                    .append(cell(row.model()))
                    .append(" | ")
                    .append(cell(row.modelDescription()))
                    .append(" | ")
                    .append(hash(row.modelSha256()))
                    .append(" | ")
                    .append(cell(row.data()))
                    .append(" | ")
                    .append(hash(row.dataSha256()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String icon(String verdict) {
        return switch (verdict) {
            case "PASS" -> "✅";
            case "FAIL" -> "❌";
            case "INCONCLUSIVE" -> "❔";
            default -> "⚠️";
        };
    }

    /** A table cell: pipes escaped, line breaks folded, so that the cell cannot break the table. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replace("\r", "").replace('\n', ' ').replace("*", "\\*");
    }

    private static String hash(String sha256) {
        return sha256.isEmpty() ? "" : "`" + sha256.substring(0, Math.min(SHORT_HASH, sha256.length())) + "…`";
    }

    /** A fenced code block whose fence is longer than any run of backticks in the text. */
    private static String fenced(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + text.stripTrailing() + "\n" + fence + "\n";
    }

    private static String clip(String text, int width, boolean unicode) {
        String oneLine = text.replace('\n', ' ');
        if (length(oneLine) <= width) {
            return oneLine;
        }
        String ellipsis = unicode ? "…" : "...";
        int keep = width - ellipsis.length();
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, keep)) + ellipsis;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Replaces the few non-ASCII characters modeltest writes with ASCII look-alikes. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '≥' -> out.append(">=");
                case '≤' -> out.append("<=");
                case '–', '—', '−' -> out.append('-');
                case '×' -> out.append('x');
                case '…' -> out.append("...");
                case '±' -> out.append("+/-");
                default -> {
                    if (cp < 128) {
                        out.append((char) cp);
                    } else {
                        out.append('?');
                    }
                }
            }
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return "Summary[" + headline().toLowerCase(Locale.ROOT) + "]";
    }
}
