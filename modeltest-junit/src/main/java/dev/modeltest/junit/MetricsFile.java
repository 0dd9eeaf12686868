package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of every {@code @ModelTest} class of a run in one file, {@code <output dir>/metrics.json}, for
 * {@code dvc metrics show/diff}: one key per check, {@code <class>.<method>.<key>} as in the run record's
 * {@code metrics} ({@link RunRecord#metricKey}) with the class's fully qualified name in front, holding numbers only:
 * {@code value}, {@code lower}, {@code upper}, {@code threshold}, {@code n}, {@code passed} (1 or 0).
 *
 * <p>One instance collects the whole run (it lives in the root store) and rewrites the file whenever a class finishes,
 * so the file holds this run's classes only, also when an earlier run checked others.
 */
final class MetricsFile {

    /** The file's name in the output directory. */
    static final String FILE = "metrics.json";

    private final Map<String, Map<String, Number>> checks = new TreeMap<>();

    /**
     * Adds a check's result of a class under the key the run record filed it under.
     *
     * @param metric the result's key in the run record ({@link RunRecord#add}), e.g. {@code f1.metric-at-least:f1}
     */
    synchronized void add(Class<?> testClass, String metric, CheckResult result) {
        checks.put(testClass.getName() + "." + metric, entry(result));
    }

    synchronized boolean isEmpty() {
        return checks.isEmpty();
    }

    /**
     * Returns a result's numbers in a fixed order; a number that is not finite is left out (JSON has no NaN), and so
     * are the bounds of a check without an interval and the threshold of a check without a numeric one.
     */
    static Map<String, Number> entry(CheckResult result) {
        Map<String, Number> entry = new LinkedHashMap<>();
        putFinite(entry, "value", result.measured());
        result.optionalInterval().ifPresent(interval -> {
            putFinite(entry, "lower", interval.lower());
            putFinite(entry, "upper", interval.upper());
        });
        putFinite(entry, "threshold", Reporting.thresholdValue(result));
        entry.put("n", result.n());
        entry.put("passed", result.passed() ? 1 : 0);
        return entry;
    }

    private static void putFinite(Map<String, Number> entry, String key, double value) {
        if (Double.isFinite(value)) {
            entry.put(key, value);
        }
    }

    /** Returns the file in an output directory. */
    static Path file(Path outputDir) {
        return outputDir.resolve(FILE);
    }

    /**
     * Writes every check added so far, replacing the file at once (a reader never sees half a file), and returns the
     * file.
     */
    synchronized Path write(Path outputDir) {
        Path file = file(outputDir);
        try {
            Files.createDirectories(outputDir);
            Path partial = Files.createTempFile(outputDir, FILE, ".partial");
            try {
                Files.writeString(partial, Json.write(checks) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file " + file, e);
        }
        return file;
    }
}
