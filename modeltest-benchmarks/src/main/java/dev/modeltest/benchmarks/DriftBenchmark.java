package dev.modeltest.benchmarks;

import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import dev.modeltest.drift.Drift;
import dev.modeltest.drift.DriftMethod;
import dev.modeltest.drift.DriftOptions;
import dev.modeltest.drift.DriftReport;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Drift of all 20 columns of two 1-million-row samples: {@link Drift#compare} with the default options (AUTO:
 * Kolmogorov–Smirnov on the 12 continuous columns, chi-square on the 8 categorical ones), end to end: sorting copies
 * of both samples' columns, the tests, the correction and the verdicts. The columns are read from in-memory {@link
 * TestData} (CSV parsing is measured elsewhere).
 *
 * <p>The columns: 8 continuous columns drawn from the same normal distribution in both samples, 2 shifted by a
 * negligible 0.01 standard deviations (significant at this size, the slowest case for the KS p-value), 2 shifted by
 * 0.5; 4 integer codes 0–9 (one with a changed mix) and 4 text categories of 8 levels (one changed).
 *
 * <pre>
 * mvn -q compile dependency:build-classpath -pl modeltest-benchmarks -am -Dmdep.outputFile=target/cp.txt
 * java -cp modeltest-benchmarks/target/classes:$(cat modeltest-benchmarks/target/cp.txt) \
 *     org.openjdk.jmh.Main DriftBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms3g", "-Xmx3g"})
public class DriftBenchmark {

    static final int ROWS = 1_000_000;

    /** The method; AUTO by default, {@code -p method=PSI} etc. to measure another. */
    @Param({"AUTO"})
    public String method;

    private TestData reference;
    private TestData current;
    private DriftOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20240611);
        reference = TestData.of("reference", table("reference", random, false));
        current = TestData.of("current", table("current", random, true));
        options = DriftOptions.defaults().withMethod(DriftMethod.valueOf(method));
        if (method.equals("WASSERSTEIN") || method.equals("KOLMOGOROV_SMIRNOV")) {
            throw new IllegalArgumentException(method + " applies to numbers only; the benchmark has text columns");
        }
        DriftReport report = Drift.compare(reference, current, List.of(), options);
        if (report.verdict() != Verdict.FAIL || report.drifted().isEmpty()) {
            throw new IllegalStateException("the shifted columns should drift:\n" + report.message());
        }
    }

    @Benchmark
    public DriftReport twentyColumnsOfOneMillionRows() {
        return Drift.compare(reference, current, List.of(), options);
    }

    /**
     * Times the comparison without JMH, printing wall-clock and process CPU time (all threads, GC included) per run.
     * On a machine busy with other work the wall-clock time says little; the CPU time divided by the cores is what an
     * idle machine needs at best. Run with the JMH command's class path and {@code dev.modeltest.benchmarks.DriftBenchmark}
     * as the main class.
     */
    public static void main(String[] args) {
        DriftBenchmark benchmark = new DriftBenchmark();
        benchmark.method = args.length > 0 ? args[0] : "AUTO";
        benchmark.setUp();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        for (int run = 1; run <= runs; run++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            DriftReport report = benchmark.twentyColumnsOfOneMillionRows();
            System.out.printf(
                    Locale.ROOT,
                    "run %2d: wall %6.0f ms, cpu %6.0f ms, %d of %d columns drifted, load average %.1f%n",
                    run,
                    (System.nanoTime() - wall) / 1e6,
                    (os.getProcessCpuTime() - cpu) / 1e6,
                    report.drifted().size(),
                    report.columns().size(),
                    os.getSystemLoadAverage());
        }
    }

    private static Table table(String name, SplittableRandom random, boolean drifted) {
        List<Column<?>> columns = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            double shift = !drifted ? 0 : c >= 10 ? 0.5 : c >= 8 ? 0.01 : 0;
            double[] values = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                values[i] = 10 * c + (1 + c) * (gaussian(random) + shift);
            }
            columns.add(DoubleColumn.create("x" + c, values));
        }
        for (int c = 0; c < 4; c++) {
            int[] codes = new int[ROWS];
            boolean changed = drifted && c == 3;
            for (int i = 0; i < ROWS; i++) {
                int code = random.nextInt(10);
                codes[i] = changed && code == 9 ? random.nextInt(3) : code;
            }
            columns.add(IntColumn.create("code" + c, codes));
        }
        String[] levels = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int c = 0; c < 4; c++) {
            String[] text = new String[ROWS];
            boolean changed = drifted && c == 3;
            for (int i = 0; i < ROWS; i++) {
                int level = Math.min(random.nextInt(8), random.nextInt(8));
                text[i] = levels[changed ? 7 - level : level];
            }
            columns.add(StringColumn.create("text" + c, text));
        }
        return Table.create(name, columns.toArray(Column<?>[]::new));
    }

    /** A standard normal value by Box–Muller, from SplittableRandom (which has no nextGaussian in Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
