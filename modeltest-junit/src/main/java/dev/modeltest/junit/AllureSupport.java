package dev.modeltest.junit;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import dev.modeltest.env.RunEnvironment;
import dev.modeltest.model.Model;
import dev.modeltest.report.Charts;
import dev.modeltest.report.CiExecutor;
import dev.modeltest.report.CsvTable;
import dev.modeltest.report.Json;
import dev.modeltest.report.Libraries;
import dev.modeltest.report.ModelPage;
import dev.modeltest.report.Provenance;
import dev.modeltest.report.ReportAttachments;
import dev.modeltest.subject.Subject;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.PropertiesUtils;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reports to Allure when {@code allure-jupiter} is on the test class path, and does nothing otherwise. Calls happen on
 * the test's own thread, where Allure keeps the current test.
 *
 * <p>Per check test: the name is what the check asserts; labels group it by model test class (suite) and check family
 * (feature); steps show loading the data and the model, predicting, evaluating and deciding, each with its figures;
 * parameters and a JSON attachment carry the result; pictures and tables follow. When a model test class finishes,
 * {@code environment.properties}, {@code categories.json} and, on a CI system, {@code executor.json} are written into
 * the results directory.
 */
final class AllureSupport {

    /** The categories modeltest sorts failures into, a resource of this module (users may copy it). */
    static final String CATEGORIES_RESOURCE = "allure-categories.json";

    /** The name of the model page's attachment on every check test of a model test class. */
    static final String MODEL_PAGE = "model page";

    private static final boolean PRESENT = detect();

    private AllureSupport() {}

    private static boolean detect() {
        try {
            Class.forName("io.qameta.allure.Allure", false, AllureSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The Allure test result that one JUnit test reports into, found when the test starts. Later reports go to it by
     * its id, never to "the current test" of whatever thread reports: a thread's current Allure test can be another
     * test's (JUnit's worker threads inherit the Allure context of the thread that started them, e.g. of a test that
     * runs model test classes itself), and two threads then write the same result at once.
     *
     * @param lifecycle the Allure lifecycle (an {@code AllureLifecycle}), kept as an object so that this class loads
     *     without Allure
     * @param uuid the id of the test's result in that lifecycle
     */
    record Test(Object lifecycle, String uuid) {}

    /**
     * Finds the Allure result of the test about to run on this thread, and groups it by model test class.
     *
     * @return the test's result, or empty when Allure is absent or this thread's current Allure test is not this test
     */
    static Optional<Test> testStarted(
            Class<?> testClass, Method method, Class<?> ownerClass, Optional<String> parentSuite) {
        return PRESENT ? Impl.testStarted(testClass, method, ownerClass, parentSuite) : Optional.empty();
    }

    static void result(
            Test test,
            Subject subject,
            Optional<Provenance> provenance,
            Reporting.Run run,
            CheckResult result,
            List<Double> earlierValues) {
        if (PRESENT) {
            Impl.result(test, subject, provenance, run, result, earlierValues);
        }
    }

    static void error(Test test, Subject subject, Reporting.Run run, Throwable error) {
        if (PRESENT) {
            Impl.error(test, subject, run, error);
        }
    }

    /**
     * Writes the model page of a class whose check tests refer to it (each got a {@value #MODEL_PAGE} attachment when
     * it reported); does nothing when no check test reported into Allure.
     */
    static void modelPage(Subject subject, String html) {
        if (PRESENT) {
            Impl.modelPage(subject, html);
        }
    }

    static void classFinished(Class<?> ownerClass, Optional<Provenance> provenance, Set<String> seeds) {
        if (PRESENT) {
            Impl.classFinished(ownerClass, provenance, seeds);
        }
    }

    /**
     * Rounds the numbers of a table meant to be read ({@link CsvTable#rounded}): the exact values are in the
     * check's JSON attachment. Curve data (points of the ROC and precision-recall curves) stays exact, for
     * redrawing.
     */
    static byte[] forPeople(Attachment attachment, byte[] content) {
        if (!attachment.mediaType().equals("text/csv") || attachment.name().contains("curve data")) {
            return content;
        }
        return CsvTable.rounded(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** Touches Allure's classes; loaded only when Allure is present. */
    private static final class Impl {

        private static final Map<String, String> ENVIRONMENT = new TreeMap<>();

        /** Subject-level attachments already written, per subject (by identity) and results lifecycle. */
        private static final Map<Subject, SharedAttachments> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

        private record SharedAttachments(
                AllureLifecycle lifecycle, Map<String, io.qameta.allure.model.Attachment> byName) {}

        /**
         * The model page's attachment file per subject (by identity): named when the class's first check test reports,
         * referred to by each of its check tests, and written when the class finishes (its tests' results are written
         * by then, so they cannot get the page later).
         */
        private static final Map<Subject, PageSlot> PAGES = Collections.synchronizedMap(new WeakHashMap<>());

        private record PageSlot(AllureLifecycle lifecycle, String source) {}

        /** The subject's steps, in the order a reader follows them; others the subject may add come after. */
        private static final List<String> STEP_ORDER = List.of("load data", "load model", "predict");

        private Impl() {}

        /**
         * Binds the test to this thread's current Allure test result when that result is this test's: Allure's JUnit
         * listener names it {@code <test class>.<method>}, from the same method source JUnit gives the extension.
         */
        static Optional<Test> testStarted(
                Class<?> testClass, Method method, Class<?> ownerClass, Optional<String> parentSuite) {
            AllureLifecycle lifecycle = Allure.getLifecycle();
            Optional<String> current = lifecycle.getCurrentTestCase();
            if (current.isEmpty()) {
                return Optional.empty();
            }
            String fullName = testClass.getName() + "." + method.getName();
            AtomicBoolean ours = new AtomicBoolean();
            lifecycle.updateTestCase(current.get(), test -> ours.set(fullName.equals(test.getFullName())));
            if (!ours.get()) {
                return Optional.empty();
            }
            Test test = new Test(lifecycle, current.get());
            labels(test, testClass, ownerClass, parentSuite);
            return Optional.of(test);
        }

        /**
         * Groups the test by model: suite = the {@code @ModelTest} class's simple name (instead of the class's
         * qualified name Allure's JUnit listener uses), sub-suite = the {@code @Nested} classes between the two, parent
         * suite as configured. (The Packages tab already groups by package.)
         */
        private static void labels(Test test, Class<?> testClass, Class<?> ownerClass, Optional<String> parentSuite) {
            update(test, result -> {
                List<Label> labels = result.getLabels();
                labels.removeIf(l -> Set.of("parentSuite", "suite", "subSuite").contains(l.getName()));
                parentSuite.ifPresent(parent -> labels.add(ResultsUtils.createParentSuiteLabel(parent)));
                labels.add(ResultsUtils.createSuiteLabel(ownerClass.getSimpleName()));
                nestedPath(testClass, ownerClass).ifPresent(path -> labels.add(ResultsUtils.createSubSuiteLabel(path)));
            });
        }

        private static AllureLifecycle lifecycle(Test test) {
            return (AllureLifecycle) test.lifecycle();
        }

        /** Changes the test's own result, by its id, whichever thread calls. */
        private static void update(Test test, Consumer<TestResult> update) {
            lifecycle(test).updateTestCase(test.uuid(), update);
        }

        private static Optional<String> nestedPath(Class<?> testClass, Class<?> ownerClass) {
            Deque<String> names = new ArrayDeque<>();
            for (Class<?> c = testClass; c != null && c != ownerClass; c = c.getEnclosingClass()) {
                names.addFirst(c.getSimpleName());
            }
            return names.isEmpty() ? Optional.empty() : Optional.of(String.join(" › ", names));
        }

        static void result(
                Test bound,
                Subject subject,
                Optional<Provenance> provenance,
                Reporting.Run run,
                CheckResult result,
                List<Double> earlierValues) {
            update(bound, test -> {
                test.setName(run.index() == 0 ? result.title() : test.getName() + " · " + result.title());
                addLabelOnce(test, "feature", result.family().displayName());
                test.getLabels().stream()
                        .filter(l -> "suite".equals(l.getName()))
                        .findFirst()
                        .ifPresent(suite -> addLabelOnce(test, "story", suite.getValue()));
                addLabelOnce(test, "tag", "modeltest");
                if (result.verdict() == Verdict.PASS) {
                    // A failure's message is the test's status message already; a pass explains itself here.
                    // Not wrapped: a message's tables (drift, fairness, slices) keep their columns; wide ones scroll.
                    String message =
                            "<pre style=\"white-space:pre;overflow-x:auto\">" + html(result.message()) + "</pre>";
                    test.setDescriptionHtml(
                            test.getDescriptionHtml() == null ? message : test.getDescriptionHtml() + message);
                    // Shown on the test's page and, build after build, in its History tab: the metric over time.
                    String line = "PASS: measured " + Reporting.measuredText(result) + ", gate " + result.threshold()
                            + ", n=" + result.n();
                    StatusDetails details = test.getStatusDetails();
                    if (details == null || details.getMessage() == null) {
                        test.setStatusDetails(new StatusDetails().setMessage(line));
                    } else {
                        details.setMessage(details.getMessage() + "\n" + line);
                    }
                }
            });
            List<StepResult> steps = subjectSteps(subject, run);
            long cursor = steps.isEmpty()
                    ? run.startMillis()
                    : steps.get(steps.size() - 1).getStop();
            double evaluateMillis = run.evaluateNanos() / 1e6;
            steps.add(step(
                    "evaluate " + result.key() + ": " + Format.millis(evaluateMillis),
                    Status.PASSED,
                    cursor,
                    evaluateMillis));
            steps.add(step(
                    "decide: measured " + Reporting.measuredText(result) + ", gate " + result.threshold() + " → "
                            + result.verdict(),
                    switch (result.verdict()) {
                        case PASS -> Status.PASSED;
                        case FAIL -> Status.FAILED;
                        case INCONCLUSIVE -> Status.SKIPPED;
                    },
                    cursor + Math.round(evaluateMillis),
                    0));
            // Excluded from the history id: a test stays the same test when its measured value changes.
            List<Parameter> parameters = new ArrayList<>();
            parameters.add(parameter("check", result.key()));
            parameters.add(parameter("threshold", result.threshold()));
            parameters.add(parameter("measured", Reporting.measuredText(result)));
            parameters.add(parameter("verdict", result.verdict().name()));
            parameters.add(parameter("n", result.n()));
            provenance.ifPresent(p -> {
                parameters.add(parameter("data", p.data() + " (" + p.rows() + " rows)"));
                parameters.add(parameter("model", p.model()));
            });
            update(bound, test -> {
                test.getSteps().addAll(steps);
                test.getParameters().addAll(parameters);
            });

            Map<String, Object> json = new LinkedHashMap<>(Json.toMap(result));
            provenance.ifPresent(p -> json.put("provenance", p.asMap()));
            String resultJson = Json.write(json);
            attach(bound, Attachment.json("result of " + result.key(), () -> resultJson));
            for (Attachment attachment : result.attachments()) {
                if (sameForEveryCheck(attachment)) {
                    attachShared(bound, subject, attachment);
                } else {
                    attach(bound, attachment);
                }
            }
            for (Attachment attachment : ReportAttachments.extra(result, subject)) {
                attachShared(bound, subject, attachment);
            }
            // A value that has not moved over the kept builds says so in its history; a flat line would only cost
            // the report 15 KB a check.
            if (Double.isFinite(result.measured()) && earlierValues.stream().anyMatch(v -> v != result.measured())) {
                attach(bound, trend(result, earlierValues));
            }
            referPage(bound, subject);
        }

        /**
         * Returns whether a check's attachment depends on the class's predictions alone, so that every check attaching
         * it attaches the same file: the ROC and precision-recall curves (named after their positive class when it is
         * not the default one) and the confusion matrix's counts.
         */
        static boolean sameForEveryCheck(Attachment attachment) {
            String name = attachment.name();
            return name.startsWith("ROC curve")
                    || name.startsWith("precision-recall curve")
                    || name.equals("confusion matrix counts");
        }

        private static Parameter parameter(String name, Object value) {
            return ResultsUtils.createParameter(name, value, true, null);
        }

        /**
         * Adds a picture or table of the whole subject (the same for every check of the model test class): written
         * once into the results directory and referenced by each check's test, so that the report holds one copy (Allure
         * stores each attachment file once). Drawn once, too.
         */
        private static void attachShared(Test bound, Subject subject, Attachment attachment) {
            AllureLifecycle lifecycle = lifecycle(bound);
            SharedAttachments shared = SHARED.compute(
                    subject,
                    (s, known) -> known != null && known.lifecycle() == lifecycle
                            ? known
                            : new SharedAttachments(lifecycle, new ConcurrentHashMap<>()));
            io.qameta.allure.model.Attachment written = shared.byName().computeIfAbsent(attachment.name(), name -> {
                byte[] content;
                try {
                    content = attachment.content().get();
                } catch (RuntimeException e) {
                    return null;
                }
                return write(
                        lifecycle,
                        name,
                        attachment.mediaType(),
                        attachment.extension(),
                        forPeople(attachment, content));
            });
            if (written == null) {
                attach(bound, attachment);
                return;
            }
            update(
                    bound,
                    test -> test.getAttachments()
                            .add(new io.qameta.allure.model.Attachment()
                                    .setName(written.getName())
                                    .setType(written.getType())
                                    .setSource(written.getSource())));
        }

        /** Writes an attachment's file into the results and describes it; Allure adds a file only once. */
        private static io.qameta.allure.model.Attachment write(
                AllureLifecycle lifecycle, String name, String mediaType, String extension, byte[] content) {
            String source = UUID.randomUUID() + "-attachment." + extension;
            lifecycle.writeAttachment(source, new ByteArrayInputStream(content));
            return new io.qameta.allure.model.Attachment()
                    .setName(name)
                    .setType(mediaType)
                    .setSource(source);
        }

        static void error(Test bound, Subject subject, Reporting.Run run, Throwable error) {
            List<StepResult> steps = subjectSteps(subject, run);
            long cursor = steps.isEmpty()
                    ? run.startMillis()
                    : steps.get(steps.size() - 1).getStop();
            double millis = run.evaluateNanos() / 1e6;
            StepResult evaluate =
                    step("evaluate: could not run (" + Reporting.category(error) + ")", Status.BROKEN, cursor, millis);
            evaluate.setStatusDetails(new StatusDetails().setMessage(String.valueOf(error.getMessage())));
            steps.add(evaluate);
            update(bound, test -> {
                addLabelOnce(test, "tag", "modeltest");
                test.getSteps().addAll(steps);
            });
            referPage(bound, subject);
        }

        /** Adds the model page of the check's class to its test: one file, written when the class finishes. */
        private static void referPage(Test bound, Subject subject) {
            AllureLifecycle lifecycle = lifecycle(bound);
            PageSlot slot = PAGES.compute(
                    subject,
                    (s, known) -> known != null && known.lifecycle() == lifecycle
                            ? known
                            : new PageSlot(lifecycle, UUID.randomUUID() + "-attachment.html"));
            update(
                    bound,
                    test -> test.getAttachments()
                            .add(new io.qameta.allure.model.Attachment()
                                    .setName(MODEL_PAGE)
                                    .setType("text/html")
                                    .setSource(slot.source())));
        }

        static void modelPage(Subject subject, String html) {
            PageSlot slot = PAGES.remove(subject);
            if (slot != null) {
                slot.lifecycle()
                        .writeAttachment(
                                slot.source(), new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            }
        }

        /**
         * One step per subject step done so far. A step done while this check ran is laid out from the check's start
         * with its measured time; a step done before, for an earlier check, is shared: it took no time in this test
         * and says so. (Allure's own {@code Allure.step} can only time work it runs itself; this work ran inside the
         * subject, often during another test.)
         */
        private static List<StepResult> subjectSteps(Subject subject, Reporting.Run run) {
            Map<String, Long> done = ordered(run.stepNanos());
            List<StepResult> steps = new ArrayList<>();
            long cursor = run.startMillis();
            for (Map.Entry<String, Long> step : done.entrySet()) {
                double millis = step.getValue() / 1e6;
                boolean shared = run.shared(step.getKey());
                String name = describe(step.getKey(), subject) + ", " + Format.millis(millis)
                        + (shared ? " (shared: computed once, for an earlier check)" : "");
                StepResult result = step(name, Status.PASSED, cursor, shared ? 0 : millis);
                cursor = result.getStop();
                steps.add(result);
            }
            return steps;
        }

        private static Map<String, Long> ordered(Map<String, Long> steps) {
            Map<String, Long> ordered = new LinkedHashMap<>();
            for (String name : STEP_ORDER) {
                if (steps.containsKey(name)) {
                    ordered.put(name, steps.get(name));
                }
            }
            steps.forEach(ordered::putIfAbsent);
            return ordered;
        }

        /** Names a done subject step with its figures; reads only what the step already computed. */
        private static String describe(String step, Subject subject) {
            switch (step) {
                case "load data" -> {
                    TestData data = subject.data();
                    return "load data: " + data.name() + ", " + data.rowCount() + " rows";
                }
                case "load model" -> {
                    Optional<Model> model = subject.model();
                    return model.isPresent()
                            ? "load model: " + model.get().describe()
                            : "load model: none, the test reads "
                                    + subject.spec().model().describe();
                }
                case "predict" -> {
                    int rows = subject.predictions().size();
                    return subject.spec().predictionColumns().isPresent()
                            ? "read predictions: " + rows + " rows"
                            : "predict: " + rows + " rows";
                }
                default -> {
                    return step;
                }
            }
        }

        private static StepResult step(String name, Status status, long startMillis, double millis) {
            return new StepResult()
                    .setName(name)
                    .setStatus(status)
                    .setStage(Stage.FINISHED)
                    .setStart(startMillis)
                    .setStop(startMillis + Math.round(millis));
        }

        private static void addLabelOnce(TestResult test, String name, String value) {
            boolean present =
                    test.getLabels().stream().anyMatch(l -> name.equals(l.getName()) && value.equals(l.getValue()));
            if (!present) {
                test.getLabels().add(new Label().setName(name).setValue(value));
            }
        }

        /** The measured value over the earlier builds and this one, against the threshold. */
        private static Attachment trend(CheckResult result, List<Double> earlierValues) {
            double[] values = new double[earlierValues.size() + 1];
            for (int i = 0; i < earlierValues.size(); i++) {
                values[i] = earlierValues.get(i);
            }
            values[values.length - 1] = result.measured();
            return Attachment.png(
                    result.key() + " over builds",
                    () -> Charts.trend(
                            result.title() + ", last " + values.length + " builds",
                            Reporting.unit(result)
                                    .map(unit -> "measured (" + unit + ")")
                                    .orElse("measured"),
                            values,
                            Reporting.thresholdValue(result)));
        }

        /** Adds an attachment; one that cannot be made is reported in its place instead of breaking the test. */
        private static void attach(Test bound, Attachment attachment) {
            AllureLifecycle lifecycle = lifecycle(bound);
            io.qameta.allure.model.Attachment written;
            try {
                written = write(
                        lifecycle,
                        attachment.name(),
                        attachment.mediaType(),
                        attachment.extension(),
                        forPeople(attachment, attachment.content().get()));
            } catch (RuntimeException e) {
                written = write(
                        lifecycle,
                        attachment.name() + " (could not be made)",
                        "text/plain",
                        "txt",
                        String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
            io.qameta.allure.model.Attachment added = written;
            update(bound, test -> test.getAttachments().add(added));
        }

        private static String html(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        static synchronized void classFinished(
                Class<?> ownerClass, Optional<Provenance> provenance, Set<String> seeds) {
            Map<String, String> run =
                    new LinkedHashMap<>(RunEnvironment.current().asProperties());
            run.computeIfPresent("git.commit", (k, commit) -> ModelPage.shortHash(commit));
            ENVIRONMENT.putAll(run);
            ENVIRONMENT.putAll(Libraries.versions());
            String key = ownerClass.getSimpleName();
            // Two lines per class, hashes shortened as git does: the full ones are in the run record and each
            // check's result attachment.
            provenance.ifPresent(p -> {
                ENVIRONMENT.put(
                        key + ".data",
                        p.dataLocation() + " (" + p.rows() + " rows, sha256 " + ModelPage.shortHash(p.dataSha256())
                                + ")");
                ENVIRONMENT.put(
                        key + ".model",
                        p.modelSha256().isEmpty()
                                ? p.model()
                                : p.model() + " (sha256 " + ModelPage.shortHash(p.modelSha256()) + ")");
            });
            if (!seeds.isEmpty()) {
                ENVIRONMENT.put(key + ".seed", String.join(",", seeds));
            }
            Path dir = Path.of(
                    PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve("environment.properties"), sortedProperties(ENVIRONMENT));
                // Rewritten at every class end, so that Allure's "clean results before the run" cannot leave the
                // run without them.
                Files.writeString(dir.resolve("categories.json"), categories(), StandardCharsets.UTF_8);
                Optional<Map<String, Object>> executor = CiExecutor.current();
                if (executor.isPresent()) {
                    Files.writeString(dir.resolve("executor.json"), Json.write(executor.get()), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write Allure's environment and categories in " + dir, e);
            }
        }

        /**
         * Writes properties in the order of their keys ({@link Properties#store} writes a hash table's order), in
         * ISO-8859-1 with other characters as {@code \\u} escapes, as Allure reads them.
         */
        static byte[] sortedProperties(Map<String, String> entries) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write("# written by modeltest\n".getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                Properties one = new Properties();
                one.setProperty(entry.getKey(), entry.getValue());
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                one.store(line, null);
                // store writes a date comment first; keep the entry line alone.
                for (String text : line.toString(StandardCharsets.ISO_8859_1).split("\n")) {
                    if (!text.startsWith("#") && !text.isEmpty()) {
                        out.write((text + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            }
            return out.toByteArray();
        }

        /**
         * Returns modeltest's categories, after the project's own {@code categories.json} when the test class path has
         * one (the file allure-maven copies into the results): the project's categories come first and win by name.
         */
        static String categories() throws IOException {
            List<Object> categories = new ArrayList<>();
            Set<Object> names = new HashSet<>();
            URL own = Thread.currentThread().getContextClassLoader() == null
                    ? null
                    : Thread.currentThread().getContextClassLoader().getResource("categories.json");
            if (own != null) {
                try (InputStream in = own.openStream()) {
                    if (Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)) instanceof List<?> list) {
                        for (Object category : list) {
                            categories.add(category);
                            if (category instanceof Map<?, ?> map) {
                                names.add(map.get("name"));
                            }
                        }
                    }
                } catch (IllegalArgumentException e) {
                    // Not JSON: Allure would ignore that file too; modeltest's categories still apply.
                }
            }
            try (InputStream in = Objects.requireNonNull(
                    AllureSupport.class.getResourceAsStream(CATEGORIES_RESOURCE), CATEGORIES_RESOURCE)) {
                for (Object category : (List<?>) Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                    if (!names.contains(((Map<?, ?>) category).get("name"))) {
                        categories.add(category);
                    }
                }
            }
            return Json.write(categories);
        }
    }
}
