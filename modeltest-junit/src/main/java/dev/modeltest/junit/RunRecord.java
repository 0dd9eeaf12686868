package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.env.RunEnvironment;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.report.Json;
import dev.modeltest.report.Provenance;
import dev.modeltest.subject.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one {@code @ModelTest} class, written as JSON under the output directory when the class finishes:
 * what was measured, on which data and model (with their hashes), in which environment.
 */
final class RunRecord {

    private final List<Map<String, Object>> entries = new ArrayList<>();

    synchronized void add(String test, CheckResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("test", test);
        entry.putAll(Json.toMap(result));
        entries.add(entry);
    }

    synchronized void addError(String test, Throwable error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("test", test);
        entry.put("verdict", "ERROR");
        entry.put(
                "category",
                error instanceof ModelTestException e
                        ? e.category().name()
                        : error.getClass().getSimpleName());
        entry.put("message", String.valueOf(error.getMessage()));
        entries.add(entry);
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Writes {@code <dir>/runs/<class>.json} and returns its path. */
    synchronized Path write(Path dir, Class<?> testClass, Subject subject) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("testClass", testClass.getName());
        record.put("finishedAt", Instant.now().toString());
        record.put("origin", subject.spec().origin());
        record.put("environment", RunEnvironment.current().asProperties());
        try {
            record.put("provenance", Provenance.of(subject).asMap());
        } catch (RuntimeException e) {
            record.put("provenance", Map.of("error", String.valueOf(e.getMessage())));
        }
        record.put("steps", stepMillis(subject));
        record.put("results", entries);
        Path file = dir.resolve("runs").resolve(testClass.getName() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.write(record), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record " + file, e);
        }
        return file;
    }

    private static Map<String, Object> stepMillis(Subject subject) {
        Map<String, Object> steps = new LinkedHashMap<>();
        subject.stepNanos().forEach((step, nanos) -> steps.put(step + " (ms)", nanos / 1e6));
        return steps;
    }
}
