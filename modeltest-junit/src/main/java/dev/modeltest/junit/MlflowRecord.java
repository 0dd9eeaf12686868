package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.report.Json;
import dev.modeltest.report.Summary;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one {@code @ModelTest} class logs to MLflow, collected as its checks end: the gates' attributes (params), their
 * numbers (metrics), their verdicts (tags) and the class's rows of the Markdown summary. Keys are modeltest's own here;
 * {@link #entities} makes them valid MLflow keys ({@link MlflowKeys}).
 */
final class MlflowRecord {

    /** MLflow's limit on a param value's length before MLflow 2.x (6000 since): kept to, so every server accepts it. */
    static final int MAX_PARAM_VALUE_LENGTH = 500;

    /** MLflow's limit on a tag value's length. */
    static final int MAX_TAG_VALUE_LENGTH = 5000;

    /** The prefix of the tags modeltest sets. */
    static final String TAG_PREFIX = "modeltest.";

    private final Map<String, String> params = new TreeMap<>();
    private final Map<String, Double> metrics = new TreeMap<>();
    private final Map<String, String> verdicts = new TreeMap<>();
    private final Map<String, String> errors = new TreeMap<>();
    private final Map<String, Integer> gatesSeen = new LinkedHashMap<>();
    private final List<Summary.Row> rows = new ArrayList<>();
    private long startMillis = Long.MAX_VALUE;

    /** Starts the record of a model test class; its {@code @ModelTest} attributes are the first params. */
    MlflowRecord(Class<?> testClass) {
        AnnotationSupport.findAnnotation(testClass, ModelTest.class)
                .ifPresent(modelTest ->
                        RunRecord.attributes(modelTest).forEach((k, v) -> params.put("ModelTest." + k, text(v))));
    }

    /**
     * Adds a check's result.
     *
     * @param metric the key the run record filed the result under ({@link RunRecord#add}), e.g. {@code
     *     f1.metric-at-least:f1}
     * @param startMillis when the check started
     * @param row the result's row of the summary
     */
    synchronized void add(
            String test, Annotation gate, String metric, CheckResult result, long startMillis, Summary.Row row) {
        addGate(test, gate);
        MetricsFile.entry(result)
                .forEach((field, value) ->
                        metrics.put(field.equals("value") ? metric : metric + "." + field, value.doubleValue()));
        verdicts.put(metric, result.verdict().name());
        rows.add(row);
        this.startMillis = Math.min(this.startMillis, startMillis);
    }

    /** Adds a check that could not run: a gate with verdict {@code ERROR}. */
    synchronized void addError(String test, Annotation gate, String category, String message, Summary.Row row) {
        String name = addGate(test, gate);
        verdicts.put(name, Summary.ERROR);
        errors.put(name, category + ": " + firstLine(message));
        rows.add(row);
    }

    /** Adds a gate whose attributes are invalid: it failed before it ran, a row with verdict {@code ERROR}. */
    synchronized void addConfigurationError(String test, String category, String message, Summary.Row row) {
        String name = test.replace("()", "");
        verdicts.put(name, Summary.ERROR);
        errors.put(name, category + ": " + firstLine(message));
        rows.add(row);
    }

    /** Files a gate's attributes under {@code <test>.<annotation>.<attribute>}; a repeated annotation gets {@code #2}. */
    private String addGate(String test, Annotation gate) {
        String name = test.replace("()", "") + "." + gate.annotationType().getSimpleName();
        int seen = gatesSeen.merge(name, 1, Integer::sum);
        String gateName = seen > 1 ? name + "#" + seen : name;
        RunRecord.attributes(gate).forEach((k, v) -> params.put(gateName + "." + k, text(v)));
        return gateName;
    }

    synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Returns when the class's first check started, or {@code fallback} when none did. */
    synchronized long startMillis(long fallback) {
        return startMillis == Long.MAX_VALUE ? fallback : startMillis;
    }

    /** Returns the class's rows of the Markdown summary, in the order the checks ended. */
    synchronized List<Summary.Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * Returns the verdict of the whole class: {@code ERROR} when a check could not run, else {@code FAIL} when one
     * failed, else {@code INCONCLUSIVE} when one was, else {@code PASS}.
     */
    synchronized String verdict() {
        for (String verdict : List.of(Summary.ERROR, Verdict.FAIL.name(), Verdict.INCONCLUSIVE.name())) {
            if (verdicts.containsValue(verdict)) {
                return verdict;
            }
        }
        return Verdict.PASS.name();
    }

    /**
     * Returns everything to log under valid MLflow keys, values cut to MLflow's limits.
     *
     * @param tags further tags (provenance, environment), by modeltest key
     */
    synchronized MlflowExport.Entities entities(Map<String, String> tags) {
        Map<String, String> allTags = new TreeMap<>(tags);
        allTags.put(TAG_PREFIX + "verdict", verdict());
        allTags.put(TAG_PREFIX + "checks", counts());
        verdicts.forEach((k, v) -> allTags.put(TAG_PREFIX + "verdict." + k, v));
        errors.forEach((k, v) -> allTags.put(TAG_PREFIX + "error." + k, v));
        Map<String, String> validParams = new LinkedHashMap<>();
        MlflowKeys.valid(params).forEach((k, v) -> validParams.put(k, clip(v, MAX_PARAM_VALUE_LENGTH)));
        Map<String, String> validTags = new LinkedHashMap<>();
        MlflowKeys.valid(allTags).forEach((k, v) -> validTags.put(k, clip(v, MAX_TAG_VALUE_LENGTH)));
        return new MlflowExport.Entities(validParams, MlflowKeys.valid(metrics), validTags);
    }

    /** Counts the verdicts, e.g. {@code 4 checks: 3 PASS, 1 FAIL}. */
    private String counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Summary.Row row : rows) {
            counts.merge(row.verdict(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder().append(rows.size()).append(rows.size() == 1 ? " check" : " checks");
        String separator = ": ";
        for (String verdict :
                List.of(Verdict.PASS.name(), Verdict.FAIL.name(), Verdict.INCONCLUSIVE.name(), Summary.ERROR)) {
            if (counts.containsKey(verdict)) {
                text.append(separator).append(counts.get(verdict)).append(' ').append(verdict);
                separator = ", ";
            }
        }
        return text.toString();
    }

    /** Returns an attribute's JSON value as a param value: text as it is, lists as JSON, others as written. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?>) {
            return Json.writeLine(value);
        }
        return String.valueOf(value);
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        return text.lines().findFirst().orElse("");
    }

    /** Cuts a value to a length, ending it with {@code …} when it was longer. */
    static String clip(String value, int length) {
        if (value.length() <= length) {
            return value;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never half a character
        }
        return value.substring(0, end) + "…";
    }
}
