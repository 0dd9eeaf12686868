package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Format;
import dev.modeltest.check.Threshold;
import dev.modeltest.env.RunEnvironment;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.report.MetricHistory;
import dev.modeltest.report.Provenance;
import dev.modeltest.subject.Subject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sends results to every sink: JUnit report entries (which {@link SummaryListener} turns into the console table and
 * the Markdown summary), the run record, the run's metrics file, and Allure when it is on the class path.
 */
final class Reporting {

    /** The configuration parameter that sets where run records go; default {@value #DEFAULT_OUTPUT}. */
    static final String OUTPUT_DIR_PARAMETER = "modeltest.output.dir";

    static final String DEFAULT_OUTPUT = "target/modeltest";

    /**
     * The configuration parameter that sets Allure's parent suite above the model test classes: {@code package} (the
     * class's package), any other text (e.g. the module's name, for a report that aggregates modules), or {@code none}
     * (the default: the model test classes are the top level of the Suites tab and the overview).
     */
    static final String PARENT_SUITE_PARAMETER = "modeltest.allure.parentSuite";

    /**
     * The configuration parameter that sets where each model test class's metrics are kept run after run, for the
     * reports' trend charts; default {@code <modeltest.output.dir>/history}. Point it at a directory that outlives
     * {@code mvn clean} (or that CI caches) to keep the trend across clean builds.
     */
    static final String HISTORY_DIR_PARAMETER = "modeltest.history.dir";

    /**
     * The configuration parameter that turns the model page off ({@code false}); default {@code true}: each
     * {@code @ModelTest} class writes {@code <modeltest.output.dir>/pages/<class>.html} when it finishes.
     */
    static final String PAGE_PARAMETER = "modeltest.page";

    /**
     * The configuration parameter that turns the model card off ({@code false}); default {@code true}: each
     * {@code @ModelTest} class writes {@code <modeltest.output.dir>/model-cards/<class>.md} when it finishes.
     */
    static final String CARD_PARAMETER = "modeltest.modelCard";

    /** The prefix of every report entry key modeltest publishes. */
    static final String ENTRY_PREFIX = "modeltest.";

    /**
     * The key of a report entry that is one line for the end of the run's summary, e.g. where a class was logged in
     * MLflow, or why it was not.
     */
    static final String NOTICE_KEY = ENTRY_PREFIX + "notice";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Reporting.class);

    private Reporting() {}

    /**
     * How one check run went, for the report's steps.
     *
     * @param index the check's position among the method's checks, from 0
     * @param stepsBefore the subject's steps (load data, load model, predict) already done before the check ran:
     *     those were shared, computed for an earlier check
     * @param startMillis when the check started, wall-clock milliseconds
     * @param nanos how long the check's {@code run} took, including subject steps it caused
     * @param stepNanos every subject step done so far with its own time (see {@link #ownStepNanos}), in order; empty
     *     until {@link Reporting} fills it in
     */
    record Run(int index, Set<String> stepsBefore, long startMillis, long nanos, Map<String, Long> stepNanos) {
        Run {
            stepsBefore = Set.copyOf(stepsBefore);
            stepNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stepNanos));
        }

        Run(int index, Set<String> stepsBefore, long startMillis, long nanos) {
            this(index, stepsBefore, startMillis, nanos, Map.of());
        }

        /** Returns whether the step was done before this check, for an earlier one. */
        boolean shared(String step) {
            return stepsBefore.contains(step);
        }

        /** Returns the time of the check spent outside the subject steps it caused: evaluating. */
        long evaluateNanos() {
            long steps = 0;
            for (Map.Entry<String, Long> step : stepNanos.entrySet()) {
                if (!shared(step.getKey())) {
                    steps += step.getValue();
                }
            }
            return Math.max(0, nanos - steps);
        }
    }

    /**
     * Returns the subject's steps that the check caused, each with its own time: the steps done so far less those done
     * before the check started. The subject times each step on its own (it loads the data and the model before it
     * starts timing "predict"), so no step's time includes another's.
     */
    static Map<String, Long> ownStepNanos(Map<String, Long> steps, Set<String> before) {
        Map<String, Long> own = new LinkedHashMap<>(steps);
        own.keySet().removeAll(before);
        return own;
    }

    static void result(
            ExtensionContext context,
            ExtensionContext owner,
            Subject subject,
            ModelTestExtension.Gate gate,
            Run run,
            CheckResult result) {
        Optional<Provenance> provenance = Provenance.known(subject);
        Run timed = timed(owner, subject, run);
        Map<String, String> entry = new LinkedHashMap<>();
        put(entry, "check", result.check());
        put(entry, "key", result.key());
        put(entry, "verdict", result.verdict().name());
        put(entry, "measured", measuredText(result));
        put(entry, "threshold", result.threshold());
        put(entry, "n", Long.toString(result.n()));
        put(entry, "title", result.title());
        put(entry, "value", valueText(result));
        put(
                entry,
                "interval",
                result.interval() == null ? "" : result.interval().toString());
        put(entry, "message", result.message());
        putSubject(entry, context, owner, subject, provenance);
        context.publishReportEntry(entry);
        String test = testName(context, owner);
        RunRecord record = record(owner);
        String metric = record.add(test, gate.annotation(), result);
        metricsFile(owner).add(owner.getRequiredTestClass(), metric, result);
        mlflow(owner).add(test, gate.annotation(), metric, result, run.startMillis(), SummaryListener.row(entry));
        pages(owner).add(test, gate.annotation(), result);
        boolean onlyGate = gateCount(context) == 1;
        allureTest(context)
                .ifPresent(allure -> AllureSupport.result(
                        allure,
                        subject,
                        provenance,
                        timed,
                        result,
                        record.earlierValues(metric, test, result, onlyGate)));
    }

    static void error(
            ExtensionContext context,
            ExtensionContext owner,
            Subject subject,
            ModelTestExtension.Gate gate,
            Run run,
            Throwable error) {
        Run timed = timed(owner, subject, run);
        Map<String, String> entry = new LinkedHashMap<>();
        put(entry, "check", ModelTestExtension.where(gate.annotation(), context.getRequiredTestMethod()));
        put(entry, "verdict", "ERROR");
        put(entry, "message", category(error) + ": " + error.getMessage());
        putSubject(entry, context, owner, subject, Provenance.known(subject));
        context.publishReportEntry(entry);
        record(owner).addError(testName(context, owner), gate.annotation(), error);
        mlflow(owner)
                .addError(
                        testName(context, owner),
                        gate.annotation(),
                        category(error),
                        error.getMessage(),
                        SummaryListener.row(entry));
        pages(owner).addError(testName(context, owner), gate.annotation(), error, context.getDisplayName());
        allureTest(context).ifPresent(allure -> AllureSupport.error(allure, subject, timed, error));
    }

    /**
     * Reports a check annotation whose attributes are invalid: the test fails before any check runs. On the model
     * page of its class (when it has one) it is a check that could not run, named by the method's check annotations.
     */
    static void configurationError(
            ExtensionContext context, Optional<ExtensionContext> owner, ModelTestException error) {
        String annotations = context.getTestMethod()
                .map(method -> String.join(
                        " ",
                        ModelTestExtension.checkAnnotations(method).stream()
                                .map(a -> "@" + a.annotationType().getSimpleName())
                                .toList()))
                .orElse("");
        owner.ifPresent(o -> {
            pages(o).addError(testName(context, o), annotations, error, context.getDisplayName());
            record(o).addConfigurationError(testName(context, o), annotations, error);
        });
        Map<String, String> entry = new LinkedHashMap<>();
        put(entry, "verdict", "ERROR");
        put(entry, "message", category(error) + ": " + error.getMessage());
        put(entry, "test", context.getTestMethod().map(m -> m.getName() + "()").orElse(context.getDisplayName()));
        put(entry, "modelTest", context.getRequiredTestClass().getSimpleName());
        context.publishReportEntry(entry);
        owner.ifPresent(o -> mlflow(o)
                .addConfigurationError(
                        testName(context, o), category(error), error.getMessage(), SummaryListener.row(entry)));
    }

    /**
     * Groups a test of a model test class with the class in reports; called for every test, before its checks run,
     * so that a test whose check cannot run is grouped too.
     */
    static void testStarted(ExtensionContext context, ExtensionContext owner) {
        Class<?> ownerClass = owner.getRequiredTestClass();
        Optional<String> parentSuite = context.getConfigurationParameter(PARENT_SUITE_PARAMETER)
                .map(String::trim)
                .filter(v -> !v.isEmpty() && !v.equals("none"))
                .map(v -> v.equals("package") ? ownerClass.getPackageName() : v);
        AllureSupport.testStarted(
                        context.getRequiredTestClass(), context.getRequiredTestMethod(), ownerClass, parentSuite)
                .ifPresent(allure -> context.getStore(NAMESPACE).put(AllureSupport.Test.class, allure));
    }

    /** Returns the Allure result this test reports into, found when it started; empty without Allure. */
    private static Optional<AllureSupport.Test> allureTest(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(AllureSupport.Test.class, AllureSupport.Test.class));
    }

    static void classFinished(ExtensionContext owner, Subject subject) {
        RunRecord record = owner.getStore(NAMESPACE).get(RunRecord.class, RunRecord.class);
        Map<String, Path> files = new LinkedHashMap<>();
        if (record != null && !record.isEmpty()) {
            files.put(
                    MlflowRun.RUN_RECORD,
                    record.write(outputDir(owner), historyDir(owner), owner.getRequiredTestClass(), subject));
        }
        MetricsFile metricsFile = owner.getRoot().getStore(NAMESPACE).get(MetricsFile.class, MetricsFile.class);
        if (metricsFile != null && !metricsFile.isEmpty()) {
            metricsFile.write(outputDir(owner));
        }
        Set<String> seeds = record == null ? Set.of() : record.seeds();
        ModelPages pages = owner.getStore(NAMESPACE).get(ModelPages.class, ModelPages.class);
        if (enabled(owner, PAGE_PARAMETER) && pages != null && !pages.isEmpty()) {
            String html = pages.html(owner.getRequiredTestClass(), subject, seeds);
            files.put(MlflowRun.MODEL_PAGE, ModelPages.write(outputDir(owner), owner.getRequiredTestClass(), html));
            AllureSupport.modelPage(subject, html);
        }
        if (enabled(owner, CARD_PARAMETER) && pages != null && !pages.isEmpty()) {
            Path card = ModelCard.write(
                    outputDir(owner),
                    owner.getRequiredTestClass(),
                    ModelCard.markdown(new ModelCard.Facts(
                            owner.getRequiredTestClass(),
                            pages.checks(),
                            Provenance.known(subject),
                            subject.spec().data(),
                            subject.spec().model().describe(),
                            subject.sample(),
                            RunEnvironment.current().asProperties(),
                            Instant.now().truncatedTo(ChronoUnit.SECONDS))));
            files.put(MlflowRun.MODEL_CARD, card);
        }
        AllureSupport.classFinished(owner.getRequiredTestClass(), Provenance.known(subject), seeds);
        MlflowRecord mlflow = owner.getStore(NAMESPACE).get(MlflowRecord.class, MlflowRecord.class);
        if (mlflow != null && !mlflow.isEmpty()) {
            MlflowRun.log(owner, subject, mlflow, seeds, files)
                    .forEach(line -> owner.publishReportEntry(NOTICE_KEY, line));
        }
    }

    /** Returns whether a report that is on by default was not turned off ({@code false}) by the parameter. */
    private static boolean enabled(ExtensionContext owner, String parameter) {
        return owner.getConfigurationParameter(parameter)
                .map(v -> !v.trim().equalsIgnoreCase("false"))
                .orElse(true);
    }

    /** Returns the checks of the whole run collected for the metrics file: kept in the root store, one per run. */
    private static MetricsFile metricsFile(ExtensionContext owner) {
        return owner.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(MetricsFile.class, c -> new MetricsFile(), MetricsFile.class);
    }

    /** Returns what the class logs to MLflow, collected as its checks end. */
    private static MlflowRecord mlflow(ExtensionContext owner) {
        Class<?> testClass = owner.getRequiredTestClass();
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(MlflowRecord.class, c -> new MlflowRecord(testClass), MlflowRecord.class);
    }

    /** Returns the checks collected for the class's model page. */
    private static ModelPages pages(ExtensionContext owner) {
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(ModelPages.class, c -> new ModelPages(), ModelPages.class);
    }

    /** Fills in the run's step times: the steps it caused with their own times, earlier ones as first recorded. */
    private static Run timed(ExtensionContext owner, Subject subject, Run run) {
        Map<String, Long> raw = subject.stepNanos();
        RunRecord record = record(owner);
        record.knowSteps(ownStepNanos(raw, run.stepsBefore()));
        Map<String, Long> known = record.stepNanos();
        Map<String, Long> steps = new LinkedHashMap<>();
        raw.forEach((step, nanos) -> steps.put(step, known.getOrDefault(step, nanos)));
        return new Run(run.index(), run.stepsBefore(), run.startMillis(), run.nanos(), steps);
    }

    private static RunRecord record(ExtensionContext owner) {
        Class<?> testClass = owner.getRequiredTestClass();
        Path history = RunRecord.historyFile(historyDir(owner), testClass);
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        RunRecord.class, c -> new RunRecord(testClass, MetricHistory.read(history)), RunRecord.class);
    }

    private static Path outputDir(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(OUTPUT_DIR_PARAMETER).orElse(DEFAULT_OUTPUT));
    }

    private static Path historyDir(ExtensionContext context) {
        return context.getConfigurationParameter(HISTORY_DIR_PARAMETER)
                .map(Path::of)
                .orElseGet(() -> outputDir(context).resolve("history"));
    }

    /** Returns how many check annotations the test's method carries. */
    private static int gateCount(ExtensionContext context) {
        return ModelTestExtension.checkAnnotations(context.getRequiredTestMethod())
                .size();
    }

    /** Returns the number the check's threshold compares with ({@link CheckResult#limit()}); NaN when it has none. */
    static double thresholdValue(CheckResult result) {
        return result.optionalLimit().map(Threshold::value).orElse(Double.NaN);
    }

    private static void putSubject(
            Map<String, String> entry,
            ExtensionContext context,
            ExtensionContext owner,
            Subject subject,
            Optional<Provenance> provenance) {
        put(entry, "test", testName(context, owner));
        put(entry, "modelTest", owner.getRequiredTestClass().getSimpleName());
        put(
                entry,
                "model",
                provenance.map(Provenance::model).orElse(subject.spec().model().describe()));
        provenance.ifPresent(p -> {
            put(entry, "data", p.data() + " (" + p.rows() + " rows)");
            put(entry, "data.sha256", p.dataSha256());
            put(entry, "model.sha256", p.modelSha256());
        });
    }

    /** Adds an entry unless the value is blank: JUnit rejects blank report entry values. */
    private static void put(Map<String, String> entry, String key, String value) {
        if (value != null && !value.isBlank()) {
            entry.put(ENTRY_PREFIX + key, value);
        }
    }

    /** Names the test: the method, prefixed by its {@code @Nested} class when that is not the model test class. */
    static String testName(ExtensionContext context, ExtensionContext owner) {
        String method = context.getTestMethod().map(m -> m.getName() + "()").orElse(context.getDisplayName());
        Class<?> testClass = context.getRequiredTestClass();
        return testClass == owner.getRequiredTestClass() ? method : testClass.getSimpleName() + "." + method;
    }

    static String category(Throwable error) {
        return error instanceof ModelTestException e
                ? e.category().name()
                : error.getClass().getSimpleName();
    }

    /**
     * Formats the measured value with its unit and interval, e.g. {@code 0.9667 (95% CI 0.8333–0.9941)} or
     * {@code 0.0502 ms}; see {@link #valueText}.
     */
    static String measuredText(CheckResult result) {
        String measured = Double.isNaN(result.measured()) ? "NaN" : valueText(result);
        return result.interval() == null ? measured : measured + " (" + result.interval() + ")";
    }

    /** Formats the measured value alone, with its unit: {@link Format#measured}. */
    static String valueText(CheckResult result) {
        return Format.measured(result);
    }

    /** Returns the unit of a check's threshold, and so of its measured value: {@code ms} for {@code ≤ 5 ms}. */
    static Optional<String> unit(CheckResult result) {
        return result.optionalLimit().filter(Threshold::hasUnit).map(Threshold::unit);
    }
}
