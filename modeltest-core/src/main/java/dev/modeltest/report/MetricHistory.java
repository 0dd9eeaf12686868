package dev.modeltest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The metrics of a model test class's earlier runs, one JSON object per line in a JSON Lines file, oldest first:
 * {@code {"schemaVersion": 2, "finishedAt": ..., "gitCommit": ..., "metrics": {"f1.metric-at-least:f1": 0.9333, ...}}}.
 * Reports draw a check's measured value over builds from it. Lines that are not such objects are skipped, so a damaged
 * line costs one point of the trend, not the run. A line without {@code schemaVersion} was written before metric keys
 * had qualifiers ({@code f1.metric-at-least}); {@link #values(String, String)} reads such lines under the old key.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MetricHistory {

    /** How many runs a history file keeps. */
    public static final int KEEP = 50;

    /** One run: its metrics, and whether it was written before keys had qualifiers (no {@code schemaVersion}). */
    private record Run(Map<String, Double> metrics, boolean legacy) {}

    private final List<Run> runs;

    private MetricHistory(List<Run> runs) {
        this.runs = runs;
    }

    /** Returns an empty history. */
    public static MetricHistory empty() {
        return new MetricHistory(List.of());
    }

    /** Reads a history file; a missing file is an empty history. */
    public static MetricHistory read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metric history " + file, e);
        }
        List<Run> runs = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = Json.read(line);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (parsed instanceof Map<?, ?> run && run.get("metrics") instanceof Map<?, ?> metrics) {
                Map<String, Double> values = new LinkedHashMap<>();
                metrics.forEach((k, v) -> {
                    if (v instanceof Number number) {
                        values.put(String.valueOf(k), number.doubleValue());
                    }
                });
                runs.add(new Run(values, !(run.get("schemaVersion") instanceof Number)));
            }
        }
        return new MetricHistory(Collections.unmodifiableList(runs));
    }

    /** Returns the number of runs recorded. */
    public int size() {
        return runs.size();
    }

    /** Returns a metric's values in the runs that recorded it, oldest first. */
    public List<Double> values(String metric) {
        return values(metric, null);
    }

    /**
     * Returns a metric's values in the runs that recorded it, oldest first, reading runs written before metric keys
     * had qualifiers (lines without {@code schemaVersion}) under {@code legacyMetric} instead.
     *
     * @param metric the metric's key, e.g. {@code f1.metric-at-least:f1}
     * @param legacyMetric the key the same metric had in those runs, e.g. {@code f1.metric-at-least}; {@code null} to
     *     read them under {@code metric} as well
     */
    public List<Double> values(String metric, String legacyMetric) {
        List<Double> values = new ArrayList<>();
        for (Run run : runs) {
            Double value = run.metrics().get(run.legacy() && legacyMetric != null ? legacyMetric : metric);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * Appends a run to a history file, creating it, and keeps only the last {@value #KEEP} runs.
     *
     * @param file the history file
     * @param run the run's record: {@code schemaVersion}, {@code finishedAt}, {@code gitCommit}, {@code metrics}
     */
    public static void append(Path file, Map<String, Object> run) {
        try {
            List<String> lines = Files.isRegularFile(file)
                    ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                    : new ArrayList<>();
            lines.removeIf(String::isBlank);
            lines.add(Json.writeLine(run));
            List<String> kept = lines.subList(Math.max(0, lines.size() - KEEP), lines.size());
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metric history " + file, e);
        }
    }
}
