package dev.modeltest.junit;

import dev.modeltest.report.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a compact table of every check at the end of a test run (model, check, measured value, threshold, interval,
 * verdict) and writes the same as Markdown to {@code <modeltest.output.dir>/summary.md}, appended to the file named by
 * {@code GITHUB_STEP_SUMMARY} when that variable is set (a GitHub Actions job summary).
 *
 * <p>Registered with the JUnit Platform launcher through {@code META-INF/services}, so that it runs in Maven, Gradle
 * and IDEs without configuration; it reads the report entries {@link ModelTestExtension} publishes for each check.
 * The configuration parameter {@value #SUMMARY_PARAMETER}{@code =false} turns it off. A run without model test
 * checks prints and writes nothing.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SummaryListener implements TestExecutionListener {

    /** The configuration parameter that turns the console table and the Markdown summary on (default) or off. */
    public static final String SUMMARY_PARAMETER = "modeltest.summary";

    /** The Markdown file's name in the output directory. */
    public static final String SUMMARY_FILE = "summary.md";

    private final PrintStream out;
    private final Charset consoleCharset;
    private final Function<String, String> environment;
    private final List<Summary.Row> rows = Collections.synchronizedList(new ArrayList<>());
    private volatile ConfigurationParameters configuration;

    /** Creates the listener that prints to {@code System.out}; called by the launcher. */
    public SummaryListener() {
        this(System.out, Charset.defaultCharset(), System::getenv);
    }

    /**
     * Creates a listener printing to {@code out}, which encodes with {@code consoleCharset} (the table falls back to
     * ASCII when that cannot encode ≥), reading environment variables through {@code environment}.
     */
    SummaryListener(PrintStream out, Charset consoleCharset, Function<String, String> environment) {
        this.out = out;
        this.consoleCharset = consoleCharset;
        this.environment = environment;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        rows.clear();
        configuration = testPlan.getConfigurationParameters();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        String verdict = values.get(Reporting.ENTRY_PREFIX + "verdict");
        if (verdict == null) {
            return;
        }
        rows.add(new Summary.Row(
                value(values, "modelTest"),
                value(values, "model"),
                value(values, "data"),
                value(values, "data.sha256"),
                value(values, "model.sha256"),
                value(values, "test"),
                title(values, verdict),
                verdict,
                value(values, "value"),
                value(values, "threshold"),
                value(values, "interval"),
                value(values, "message")));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (rows.isEmpty() || !enabled()) {
            return;
        }
        Summary summary;
        synchronized (rows) {
            summary = new Summary(rows);
        }
        boolean unicode = consoleCharset.newEncoder().canEncode("≥≤–…");
        Path file = outputDirectory().resolve(SUMMARY_FILE);
        String markdown = summary.markdown();
        StringBuilder text = new StringBuilder(summary.consoleTable(unicode));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            text.append("modeltest: summary in ").append(file).append('\n');
        } catch (IOException | RuntimeException e) {
            text.append("modeltest: cannot write the summary ")
                    .append(file)
                    .append(": ")
                    .append(e)
                    .append('\n');
        }
        String stepSummary = environment.apply("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            try {
                Files.writeString(
                        Path.of(stepSummary),
                        markdown + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                text.append("modeltest: cannot append to GITHUB_STEP_SUMMARY ")
                        .append(stepSummary)
                        .append(": ")
                        .append(e)
                        .append('\n');
            }
        }
        out.print(text);
        out.flush();
    }

    private boolean enabled() {
        return configuration == null
                || configuration
                        .get(SUMMARY_PARAMETER)
                        .map(v -> !"false".equalsIgnoreCase(v.trim()))
                        .orElse(true);
    }

    private Path outputDirectory() {
        String dir = configuration == null
                ? Reporting.DEFAULT_OUTPUT
                : configuration.get(Reporting.OUTPUT_DIR_PARAMETER).orElse(Reporting.DEFAULT_OUTPUT);
        return Path.of(dir);
    }

    /**
     * Returns the check's title; for a check that could not run (it has none), the gate as written, e.g. {@code
     * @AucAtLeast on IrisTest.auc()}, so that two errors of one class read apart.
     */
    private static String title(Map<String, String> values, String verdict) {
        String title = value(values, "title");
        return title.isEmpty() && Summary.ERROR.equals(verdict) ? value(values, "check") : title;
    }

    private static String value(Map<String, String> values, String key) {
        return values.getOrDefault(Reporting.ENTRY_PREFIX + key, "");
    }
}
