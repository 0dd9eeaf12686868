package dev.modeltest.benchmarks;

import dev.modeltest.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints where the time of {@link EndToEndBenchmark}'s last shot went, per row count: the shared steps from the run
 * record modeltest wrote ({@code steps}: load data, load model, predict), and each test's checks from {@code
 * check-times.json}, with the step its test caused taken out (so a check's own time is its evaluation alone).
 *
 * <pre>
 * java -cp ... dev.modeltest.benchmarks.EndToEndReport target/end-to-end/modeltest/1000000 ...
 * </pre>
 */
public final class EndToEndReport {

    private EndToEndReport() {}

    public static void main(String[] args) throws IOException {
        for (String dir : args) {
            print(Path.of(dir));
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(Path dir) throws IOException {
        Path timesFile = dir.resolve("check-times.json");
        Map<String, Object> times =
                Files.exists(timesFile) ? (Map<String, Object>) Json.read(Files.readString(timesFile)) : Map.of();
        // Older check-times.json files name no class: they are MillionRowModelTest's.
        Object testClass = times.getOrDefault("testClass", MillionRowModelTest.class.getName());
        Path recordFile = dir.resolve("runs").resolve(testClass + ".json");
        if (!Files.exists(recordFile) || !Files.exists(timesFile)) {
            System.out.println(
                    dir + ": no run record or check times: its shots failed (see the JMH output above) or did not run");
            return;
        }
        Map<String, Object> record = (Map<String, Object>) Json.read(Files.readString(recordFile));
        Map<String, Object> provenance = (Map<String, Object>) record.get("provenance");
        Map<String, Object> steps = (Map<String, Object>) record.get("steps");
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (Map<String, Object> result : (List<Map<String, Object>>) record.get("results")) {
            results.put((String) result.get("test"), result);
        }

        System.out.printf(
                Locale.ROOT,
                "%n%s rows (%s), last shot: the launcher ran %s in %.0f ms (heap %s MiB, %s cores, load %.2f to"
                        + " %.2f)%n",
                provenance.get("rows"),
                provenance.get("data"),
                testClass.toString().substring(testClass.toString().lastIndexOf('.') + 1),
                number(times.get("launcherMs")),
                times.get("maxHeapMiB"),
                times.get("cores"),
                number(times.get("loadBefore")),
                number(times.get("loadAfter")));
        System.out.println("  run record: " + recordFile);
        System.out.println("  steps (the run record's 'steps', each its own time):");
        double stepTotal = 0;
        for (Map.Entry<String, Object> step : steps.entrySet()) {
            System.out.printf(Locale.ROOT, "    %-22s %9.1f%n", step.getKey(), number(step.getValue()));
            stepTotal += number(step.getValue());
        }
        System.out.println("  checks (check-times.json: a test's time less the steps it caused):");
        System.out.printf(
                Locale.ROOT,
                "    %-38s %-24s %-7s %12s %10s  %s%n",
                "test",
                "annotation",
                "verdict",
                "measured",
                "own (ms)",
                "steps it caused");
        double checkTotal = 0;
        for (Map<String, Object> test : (List<Map<String, Object>>) times.get("tests")) {
            String name = (String) test.get("test");
            Map<String, Object> caused = (Map<String, Object>) test.get("stepsCaused");
            double own = number(test.get("ms"));
            for (Object ms : caused.values()) {
                own -= number(ms);
            }
            checkTotal += own;
            Map<String, Object> result = results.getOrDefault(name, Map.of());
            Object measured = result.get("measured");
            System.out.printf(
                    Locale.ROOT,
                    "    %-38s %-24s %-7s %12s %10.1f  %s%n",
                    name,
                    result.getOrDefault("annotation", "?"),
                    result.getOrDefault("verdict", "?"),
                    measured instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "-",
                    own,
                    caused.isEmpty() ? "" : String.join(", ", caused.keySet()));
        }
        System.out.printf(
                Locale.ROOT,
                "  steps %.0f ms + checks %.0f ms = %.0f ms; the rest of the %.0f ms is JUnit, the run record and the"
                        + " summary%n",
                stepTotal,
                checkTotal,
                stepTotal + checkTotal,
                number(times.get("launcherMs")));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
