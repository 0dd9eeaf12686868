package dev.modeltest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes results as JSON, for report attachments and run records.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private Json() {}

    /** Returns a check result as an ordered map of JSON values. */
    public static Map<String, Object> toMap(CheckResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("check", result.check());
        map.put("key", result.key());
        map.put("title", result.title());
        map.put("family", result.family().displayName());
        map.put("verdict", result.verdict().name());
        map.put("measured", finiteOrNull(result.measured()));
        Interval interval = result.interval();
        if (interval != null) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("lower", interval.lower());
            i.put("upper", interval.upper());
            i.put("confidence", interval.confidence());
            i.put("method", interval.method());
            map.put("interval", i);
        }
        map.put("threshold", result.threshold());
        Threshold limit = result.limit();
        if (limit != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("comparison", limit.comparison().name());
            l.put("value", finiteOrNull(limit.value()));
            l.put("unit", limit.unit());
            map.put("limit", l);
        }
        map.put("n", result.n());
        map.put("message", result.message());
        map.put("details", result.details());
        return map;
    }

    private static Object finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * Reads JSON into a tree of maps (ordered), lists, strings, numbers, booleans and nulls.
     *
     * @throws IllegalArgumentException if the text is not JSON, with the parser's message
     * @since 0.1.0
     */
    public static Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes any tree of maps, lists, strings, numbers and booleans as JSON on one line (for JSON Lines files).
     *
     * @since 0.1.0
     */
    public static String writeLine(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes any tree of maps, lists, strings, numbers and booleans as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
