package dev.modeltest.junit;

import dev.modeltest.report.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
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
 * checks prints and writes nothing, except this: a {@code @ModelTest} class of the run none of whose checks gave a
 * verdict (all skipped, filtered out or never reached) gets a line saying so, so that a run that checked nothing
 * never reads like a green one. Lines the extension publishes for the end of the summary (report entries
 * {@code modeltest.notice}: where a class was logged in MLflow, or why it was not) follow the table and end the
 * Markdown; they are printed also when the summary is turned off, since they report data that did not reach MLflow.
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
    private volatile TestPlan plan;
    /** The {@code @ModelTest} class containers of the run, by unique id, with the classes. */
    private final Map<String, Class<?>> modelTests = new ConcurrentHashMap<>();
    /** The {@code @ModelTest} class containers of which a check reported a verdict. */
    private final Set<String> gated = ConcurrentHashMap.newKeySet();
    /** Skipped tests and containers, with the reason. */
    private final Map<String, String> skipped = new ConcurrentHashMap<>();
    /** Lines for the end of the summary ({@link Reporting#NOTICE_KEY}), e.g. where a class was logged in MLflow. */
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

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
        modelTests.clear();
        gated.clear();
        skipped.clear();
        notices.clear();
        plan = testPlan;
        configuration = testPlan.getConfigurationParameters();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier node : testPlan.getDescendants(root)) {
                javaClass(node)
                        .filter(c -> AnnotationSupport.isAnnotated(c, ModelTest.class))
                        .ifPresent(c -> modelTests.put(node.getUniqueId(), c));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier testIdentifier, String reason) {
        skipped.put(testIdentifier.getUniqueId(), reason == null ? "" : reason);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        String notice = values.get(Reporting.NOTICE_KEY);
        if (notice != null) {
            notices.add(notice);
        }
        String verdict = values.get(Reporting.ENTRY_PREFIX + "verdict");
        if (verdict == null) {
            return;
        }
        TestPlan testPlan = plan;
        for (Optional<TestIdentifier> node = Optional.of(testIdentifier);
                node.isPresent() && testPlan != null;
                node = testPlan.getParent(node.get())) {
            if (modelTests.containsKey(node.get().getUniqueId())) {
                gated.add(node.get().getUniqueId());
            }
        }
        rows.add(row(values));
    }

    /** Returns the summary's row of a check's report entry ({@link Reporting#result} and the like publish them). */
    static Summary.Row row(Map<String, String> values) {
        String verdict = values.get(Reporting.ENTRY_PREFIX + "verdict");
        return new Summary.Row(
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
                value(values, "message"));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<String> noticeLines;
        synchronized (notices) {
            noticeLines = List.copyOf(notices);
        }
        String noticeText = noticeLines.stream().map(line -> line + "\n").collect(Collectors.joining());
        if (!enabled()) {
            // Turned off, the summary still says what did not reach MLflow or why: that is data lost otherwise.
            out.print(noticeText);
            out.flush();
            return;
        }
        String ungated = ungated(testPlan) + noticeText;
        if (rows.isEmpty()) {
            if (!ungated.isEmpty()) {
                out.print(ungated);
                out.flush();
            }
            return;
        }
        Summary summary;
        synchronized (rows) {
            summary = new Summary(rows);
        }
        boolean unicode = consoleCharset.newEncoder().canEncode("≥≤–…");
        Path file = outputDirectory().resolve(SUMMARY_FILE);
        String markdown = summary.markdown()
                + noticeLines.stream().map(line -> "\n" + line + "\n").collect(Collectors.joining());
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
        out.print(text.append(ungated));
        out.flush();
    }

    /**
     * One line for each {@code @ModelTest} class of the run that declares checks none of which gave a verdict, with
     * why: filtered out of the run, skipped, or never reached (the class failed before its checks ran).
     */
    private String ungated(TestPlan testPlan) {
        StringBuilder text = new StringBuilder();
        Map<String, Class<?>> classes = new LinkedHashMap<>(modelTests);
        for (Map.Entry<String, Class<?>> entry : classes.entrySet()) {
            if (gated.contains(entry.getKey())) {
                continue;
            }
            int declared = declaredGates(entry.getValue());
            if (declared == 0) {
                continue;
            }
            TestIdentifier container = testPlan.getTestIdentifier(entry.getKey());
            List<TestIdentifier> gates = testPlan.getDescendants(container).stream()
                    .filter(node ->
                            javaMethod(node).map(SummaryListener::isGate).orElse(false))
                    .toList();
            String why;
            if (skipped.containsKey(entry.getKey())) {
                why = "the class was skipped" + reason(skipped.get(entry.getKey()));
            } else if (gates.isEmpty()) {
                why = "all were filtered out of this run";
            } else if (gates.stream().allMatch(g -> skipped.containsKey(g.getUniqueId()))) {
                why = "all were skipped" + reason(skipped.get(gates.get(0).getUniqueId()));
            } else {
                why = "none was reached (the class failed before its gates ran)";
            }
            text.append("modeltest: no gate ran in ")
                    .append(entry.getValue().getSimpleName())
                    .append(": it declares ")
                    .append(declared)
                    .append(declared == 1 ? " gate" : " gates")
                    .append(", and ")
                    .append(why)
                    .append("; nothing was checked\n");
        }
        return text.toString();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }

    /** The methods of the class with a check annotation (one meta-annotated with {@link CheckedBy}). */
    private static int declaredGates(Class<?> modelTest) {
        return ReflectionSupport.findMethods(modelTest, SummaryListener::isGate, HierarchyTraversalMode.TOP_DOWN)
                .size();
    }

    private static boolean isGate(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(CheckedBy.class)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Class<?>> javaClass(TestIdentifier node) {
        Optional<TestSource> source = node.getSource();
        if (node.isContainer() && source.isPresent() && source.get() instanceof ClassSource classSource) {
            try {
                return Optional.of(classSource.getJavaClass());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> javaMethod(TestIdentifier node) {
        Optional<TestSource> source = node.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource methodSource) {
            try {
                return Optional.of(methodSource.getJavaMethod());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
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
     * Returns the check's title; for a check that could not run (it has none), the check as written, e.g. {@code
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
