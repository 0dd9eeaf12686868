package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.env.RunEnvironment;
import dev.modeltest.report.Json;
import dev.modeltest.report.Libraries;
import dev.modeltest.report.MetricHistory;
import dev.modeltest.report.Provenance;
import dev.modeltest.subject.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The results of one {@code @ModelTest} class, written as JSON under the output directory when the class finishes:
 * the checks' configuration ({@code params}), what they measured ({@code metrics}), on which data and model (with their
 * hashes), in which environment. The shape is documented in {@code docs/reports.md}; {@value #SCHEMA_VERSION} is its
 * version, raised when a field changes meaning or goes away.
 */
final class RunRecord {

    /**
     * The version of the record's shape, also written on each line of the metric history. Version 2 files a measured
     * value under the check's {@linkplain CheckResult#key() key} ({@code f1.metric-at-least:f1}); version 1 filed it
     * under the check's identifier ({@code f1.metric-at-least}), where two metric checks on one method collided.
     */
    static final int SCHEMA_VERSION = 2;

    private final List<Map<String, Object>> entries = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final Set<String> seeds = new TreeSet<>();
    private final Map<String, Long> stepNanos = new LinkedHashMap<>();
    private final Map<String, Integer> metricKeys = new LinkedHashMap<>();

    private final MetricHistory history;

    /** Starts the record of a model test class; its {@code @ModelTest} attributes are the first params. */
    RunRecord(Class<?> testClass) {
        this(testClass, MetricHistory.empty());
    }

    /**
     * Starts the record of a model test class with the metrics of its earlier runs.
     *
     * @param history the class's earlier runs, read from its history file
     */
    RunRecord(Class<?> testClass, MetricHistory history) {
        this.history = history;
        AnnotationSupport.findAnnotation(testClass, ModelTest.class)
                .ifPresent(modelTest -> attributes(modelTest).forEach((k, v) -> params.put("ModelTest." + k, v)));
    }

    /**
     * Adds a check's result and returns the key its measured value is filed under in {@code metrics} (see
     * {@link #metricKey}).
     */
    synchronized String add(String test, Annotation gate, CheckResult result) {
        Map<String, Object> gateParams = attributes(gate);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("test", test);
        entry.put("annotation", "@" + gate.annotationType().getSimpleName());
        entry.put("params", gateParams);
        entry.putAll(Json.toMap(result));
        entries.add(entry);

        String key = test.replace("()", "");
        gateParams.forEach(
                (k, v) -> params.put(key + "." + gate.annotationType().getSimpleName() + "." + k, v));
        String metric = metricKey(test, result);
        int seen = metricKeys.merge(metric, 1, Integer::sum);
        if (seen > 1) {
            metric = metric + "#" + seen;
        }
        if (Double.isFinite(result.measured())) {
            metrics.put(metric, result.measured());
        }
        if (result.interval() != null) {
            metrics.put(metric + ".lower", result.interval().lower());
            metrics.put(metric + ".upper", result.interval().upper());
        }
        metrics.put(metric + ".n", result.n());
        metrics.put(metric + ".passed", result.passed() ? 1 : 0);
        Object seed = result.details().get("seed");
        if (seed != null) {
            seeds.add(String.valueOf(seed));
        }
        return metric;
    }

    /**
     * Returns the key of a result's measured value in {@code metrics}: {@code <test>.<key>}, the test method without
     * its parentheses and the result's {@linkplain CheckResult#key() key}, e.g. {@code f1.metric-at-least:f1}. Two
     * results of one test with the same key (the same check on the same metric twice, through composed annotations)
     * are told apart by the order they ran in: the second is filed under {@code <test>.<key>#2}.
     */
    static String metricKey(String test, CheckResult result) {
        return test.replace("()", "") + "." + result.key();
    }

    /**
     * Returns the values a result's metric had in earlier runs, oldest first.
     *
     * @param metric the key the result was filed under ({@link #add})
     * @param onlyGate whether the result's check is the only check of its test: then a run recorded before keys had
     *     qualifiers ({@link #SCHEMA_VERSION} 1) filed the same metric under {@code <test>.<check>}, and that value
     *     is read for it; with several checks the old key may hold another check's value, and is not read
     */
    List<Double> earlierValues(String metric, String test, CheckResult result, boolean onlyGate) {
        String legacy = test.replace("()", "") + "." + result.check();
        return history.values(metric, onlyGate && !legacy.equals(metric) ? legacy : null);
    }

    synchronized void addError(String test, Annotation gate, Throwable error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("test", test);
        entry.put("annotation", "@" + gate.annotationType().getSimpleName());
        entry.put("params", attributes(gate));
        entry.put("verdict", "ERROR");
        entry.put("category", Reporting.category(error));
        entry.put("message", String.valueOf(error.getMessage()));
        entries.add(entry);
    }

    /**
     * Records a test whose check annotations are invalid, so that no check ran: its annotations by name (their
     * attributes are what was wrong, so none is read), the category and the message.
     */
    synchronized void addConfigurationError(String test, String annotations, Throwable error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("test", test);
        entry.put("annotation", annotations);
        entry.put("verdict", "ERROR");
        entry.put("category", Reporting.category(error));
        entry.put("message", String.valueOf(error.getMessage()));
        entries.add(entry);
    }

    /** Remembers the subject steps' own times, as first measured (see {@link Reporting#ownStepNanos}). */
    synchronized void knowSteps(Map<String, Long> steps) {
        steps.forEach(stepNanos::putIfAbsent);
    }

    /** Returns the subject steps' own times known so far. */
    synchronized Map<String, Long> stepNanos() {
        return new LinkedHashMap<>(stepNanos);
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Returns the seeds the checks reported (a {@code seed} detail), for reproducing the run. */
    synchronized Set<String> seeds() {
        return Set.copyOf(seeds);
    }

    /**
     * Writes {@code <dir>/runs/<class>.json}, appends the run's metrics to {@code <historyDir>/<class>.jsonl}, and
     * returns the record's path.
     */
    synchronized Path write(Path dir, Path historyDir, Class<?> owner, Subject subject) {
        Map<String, Object> environment =
                new LinkedHashMap<>(RunEnvironment.current().asProperties());
        environment.putAll(Libraries.versions());
        if (!seeds.isEmpty()) {
            environment.put("seed", String.join(",", seeds));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schemaVersion", SCHEMA_VERSION);
        record.put("testClass", owner.getName());
        record.put("finishedAt", Instant.now().toString());
        record.put("origin", subject.spec().origin());
        record.put("environment", environment);
        Optional<Provenance> provenance = Provenance.known(subject);
        record.put(
                "provenance",
                provenance.<Object>map(Provenance::asMap).orElse(Map.of("error", "the data could not be read")));
        subject.sample().ifPresent(sample -> record.put("sample", sample.asMap()));
        record.put("steps", stepMillis(subject));
        record.put("params", params);
        record.put("metrics", metrics);
        record.put("results", entries);
        Path file = dir.resolve("runs").resolve(owner.getName() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.write(record), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record " + file, e);
        }
        if (!metrics.isEmpty()) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("schemaVersion", SCHEMA_VERSION);
            run.put("finishedAt", record.get("finishedAt"));
            run.put("gitCommit", RunEnvironment.current().gitCommit());
            run.put("metrics", metrics);
            MetricHistory.append(historyFile(historyDir, owner), run);
        }
        return file;
    }

    /** Returns the history file of a model test class. */
    static Path historyFile(Path historyDir, Class<?> owner) {
        return historyDir.resolve(owner.getName() + ".jsonl");
    }

    /** The subject's steps in milliseconds: their own times where a check measured them, else as the subject did. */
    private Map<String, Object> stepMillis(Subject subject) {
        Map<String, Object> steps = new LinkedHashMap<>();
        subject.stepNanos()
                .forEach((step, nanos) -> steps.put(step + " (ms)", stepNanos.getOrDefault(step, nanos) / 1e6));
        return steps;
    }

    /**
     * Returns an annotation's attributes, defaults included, in a stable (alphabetical) order, as JSON values: arrays
     * become lists, classes their names, enums their names.
     */
    static Map<String, Object> attributes(Annotation annotation) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Method[] methods = annotation.annotationType().getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.getParameterCount() != 0 || method.isSynthetic()) {
                continue;
            }
            try {
                method.setAccessible(true);
                attributes.put(method.getName(), jsonValue(method.invoke(annotation)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                attributes.put(method.getName(), "unreadable: " + e);
            }
        }
        return attributes;
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value instanceof Double d && !Double.isFinite(d) ? d.toString() : value;
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(jsonValue(Array.get(value, i)));
            }
            return list;
        }
        return String.valueOf(value);
    }
}
