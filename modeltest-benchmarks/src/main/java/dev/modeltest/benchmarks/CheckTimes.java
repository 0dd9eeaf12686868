package dev.modeltest.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each test of {@link MillionRowModelTest} took, and which of the shared steps (load data, load model,
 * predict) it caused, for the run just made. The run record has the steps' times but not the checks', so the test
 * class reports them here from {@code @BeforeEach}/{@code @AfterEach}; {@link EndToEndBenchmark} writes them out after
 * each shot. The tests run one after the other (JUnit's default), on the thread that runs the launcher.
 */
final class CheckTimes {

    /**
     * One test.
     *
     * @param test the test method, e.g. {@code accurate()}
     * @param nanos from just before the test's checks ran to just after
     * @param stepsCaused the shared steps first done during this test, with their own times
     */
    record Entry(String test, long nanos, Map<String, Long> stepsCaused) {}

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static String current;
    private static Map<String, Long> stepsBefore = Map.of();
    private static long start;

    private CheckTimes() {}

    static synchronized void reset() {
        ENTRIES.clear();
        current = null;
    }

    static synchronized void started(String test, Map<String, Long> steps) {
        current = test;
        stepsBefore = steps;
        start = System.nanoTime();
    }

    static synchronized void finished(String test, Map<String, Long> steps) {
        long nanos = System.nanoTime() - start;
        if (!test.equals(current)) {
            throw new IllegalStateException("test " + test + " finished, but " + current + " was running");
        }
        Map<String, Long> caused = new LinkedHashMap<>(steps);
        caused.keySet().removeAll(stepsBefore.keySet());
        ENTRIES.add(new Entry(test, nanos, caused));
        current = null;
    }

    static synchronized List<Entry> entries() {
        return List.copyOf(ENTRIES);
    }
}
