package dev.modeltest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modeltest.drift.DriftCheck;
import dev.modeltest.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole model test class, end to end: {@link MillionRowModelTest} (twelve checks: accuracy and ROC AUC with
 * intervals, F1 per region, calibration, log loss, output range, schema, missing values, duplicate rows, drift against
 * a reference of as many rows, demographic parity and equalized odds) run through the JUnit Platform launcher as
 * {@code mvn test} runs it, on a CSV file of {@link #rows} rows, in a 1 GiB heap. A shot is everything the launcher
 * does: discovering the class, reading the data and the reference, the model's predictions, every check, the run record,
 * the console table and the Markdown summary.
 *
 * <p>{@code @Setup} writes the data for the row count ({@link EndToEndData}, seeded) to {@value EndToEndData#DIR}
 * under the working directory; run it from {@code modeltest-benchmarks} (as {@code scripts/bench/run_end_to_end.sh}
 * does). Each shot's run record goes to {@code target/end-to-end/modeltest/<rows>/runs/}, and the checks' times of the
 * last shot to {@code target/end-to-end/modeltest/<rows>/check-times.json}; {@link EndToEndReport} prints both.
 *
 * <p>Before each shot the JVM-wide cache of drift references is emptied, so that every shot reads the reference file,
 * as every {@code mvn test} run does. What a fresh JVM also pays, and the warmed-up shots do not, is the JIT compiling
 * the code: the first warm-up shot shows it.
 *
 * <p>The heap is 1 GiB, the target; a million rows run in it (before the CSV reader kept to sampled column types
 * they needed 1.5 GiB; see docs/performance.md). Other heaps: {@code -jvmArgsAppend}.
 *
 * <pre>
 * scripts/bench/run_end_to_end.sh                                                    # 1 GiB
 * scripts/bench/run_end_to_end.sh -p rows=1000000 -wi 1 -i 2                         # a million rows, 3 shots
 * scripts/bench/run_end_to_end.sh wide -p rows=1000000 -wi 0 -i 1                   # WideModelTest, 4 GiB, 1 shot
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EndToEndBenchmark {

    /** The rows of the test file, and of the reference file. */
    @Param({"1000000", "100000"})
    public int rows;

    /**
     * Which class runs: {@code narrow}, {@link MillionRowModelTest} on {@link EndToEndData}'s ten features; or {@code
     * wide}, {@link WideModelTest} (schema, missing values, duplicates, drift on all fifty features, three metrics,
     * demographic parity) on {@link WideEndToEndData}'s fifty, run in a 4 GiB heap by {@code run_end_to_end.sh wide}.
     */
    @Param({"narrow"})
    public String shape;

    private Class<?> testClass;
    private int tests;

    private Path outputDir;
    private long launcherNanos;
    private double loadBefore;

    @Setup(Level.Trial)
    public void writeData() throws IOException {
        switch (shape) {
            case "narrow" -> {
                EndToEndData.write(Path.of(EndToEndData.DIR), rows);
                testClass = MillionRowModelTest.class;
                tests = MillionRowModelTest.TESTS;
            }
            case "wide" -> {
                WideEndToEndData.write(Path.of(WideEndToEndData.DIR), rows);
                testClass = WideModelTest.class;
                tests = WideModelTest.TESTS;
            }
            default -> throw new IllegalArgumentException("shape must be narrow or wide, not " + shape);
        }
        String name = shape.equals("narrow") ? Integer.toString(rows) : shape + "-" + rows;
        outputDir = Path.of(EndToEndData.DIR, "modeltest", name);
        // A run that fails leaves no record: make sure an earlier run's is not read as this one's.
        if (Files.exists(outputDir)) {
            try (Stream<Path> files = Files.walk(outputDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Empties what a fresh {@code mvn test} JVM would not have: the drift references of the previous shot. */
    @Setup(Level.Iteration)
    public void forgetPreviousShot() throws ReflectiveOperationException {
        Field references = DriftCheck.class.getDeclaredField("REFERENCES");
        references.setAccessible(true);
        ((Map<?, ?>) references.get(null)).clear();
        CheckTimes.reset();
        loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    @Benchmark
    public TestExecutionSummary modelTestClass() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter("modeltest.output.dir", outputDir.toString())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        LauncherFactory.create().execute(request, listener);
        launcherNanos = System.nanoTime() - start;
        TestExecutionSummary summary = listener.getSummary();
        requireAllPassed(summary);
        return summary;
    }

    /** A shot of failing or missing tests measures nothing: stop the benchmark. */
    private void requireAllPassed(TestExecutionSummary summary) {
        int expected = tests;
        if (summary.getTestsFoundCount() == expected
                && summary.getTestsSucceededCount() == expected
                && summary.getTotalFailureCount() == 0
                && summary.getTestsSkippedCount() == 0
                && summary.getTestsAbortedCount() == 0) {
            return;
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        summary.printTo(out);
        summary.printFailuresTo(out, 5);
        out.flush();
        throw new IllegalStateException(
                testClass.getSimpleName() + " should run " + expected + " tests and pass them all, but:\n" + text);
    }

    /** Writes the checks' times of the shot just made (each shot overwrites the last). */
    @TearDown(Level.Iteration)
    public void writeCheckTimes() throws IOException {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (CheckTimes.Entry entry : CheckTimes.entries()) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("test", entry.test());
            test.put("ms", entry.nanos() / 1e6);
            Map<String, Object> steps = new LinkedHashMap<>();
            entry.stepsCaused().forEach((step, nanos) -> steps.put(step, nanos / 1e6));
            test.put("stepsCaused", steps);
            tests.add(test);
        }
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("rows", rows);
        times.put("testClass", testClass.getName());
        times.put("launcherMs", launcherNanos / 1e6);
        times.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        times.put("cores", Runtime.getRuntime().availableProcessors());
        // The 1-minute load average when the shot started and ended: other work on the machine slows a shot down.
        times.put("loadBefore", loadBefore);
        times.put("loadAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        times.put("tests", tests);
        Files.createDirectories(outputDir);
        Files.writeString(outputDir.resolve("check-times.json"), Json.write(times), StandardCharsets.UTF_8);
    }
}
