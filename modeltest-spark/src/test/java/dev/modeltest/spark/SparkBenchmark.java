package dev.modeltest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import dev.modeltest.check.CheckResult;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark of docs/dev/spark-benchmark.md (run by {@code scripts/spark/run_benchmark.sh}): generates scored rows
 * as Parquet in Spark itself ({@code spark.range} and seeded random columns, written once and reused), then gates them
 * with {@link SparkGates} in {@code local[*]}, label gates and regression gates in separate calls, and prints rows per
 * second and the peak heap of the JVM, which in local mode is the driver and the executors together.
 *
 * <pre>java ... dev.modeltest.spark.SparkBenchmark [rows] [directory]</pre>
 */
final class SparkBenchmark {

    private SparkBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 50_000_000L;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/spark-benchmark");
        SparkSession spark = SparkSession.builder()
                .appName("modeltest-spark benchmark")
                .master("local[*]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Path data = dir.resolve("scores-" + rows + ".parquet");
        if (!Files.exists(data.resolve("_SUCCESS"))) {
            long start = System.nanoTime();
            generate(spark, rows).write().mode("overwrite").parquet(data.toString());
            print("generated %,d rows into %s in %.1f s", rows, data, seconds(start));
        }
        print("Parquet on disk: %,d bytes", size(data));
        Dataset<Row> scored = spark.read().parquet(data.toString());
        print(
                "partitions read: %d, cores: %d, max heap: %,d MiB",
                scored.rdd().getNumPartitions(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        // Warm-up on a slice, so that the timed runs do not pay for class loading and code generation.
        SparkGates.evaluate(scored.limit(100_000), "warm-up", "label", "prediction", accuracy());
        resetPeaks();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        List<CheckResult> labels = SparkGates.evaluate(
                scored,
                data.getFileName().toString(),
                "label",
                "prediction",
                accuracy(),
                MetricGate.builder("fraud recall", Metric.RECALL, Bound.AT_LEAST, 0.8)
                        .options(MetricOptions.defaults().withPositiveLabel("fraud"))
                        .build());
        double labelSeconds = seconds(start);
        double labelCpu = seconds(cpu, cpuNanos());
        print(
                "label gates (accuracy, recall): %.1f s, %,.0f rows/s; CPU %.1f s, %,.0f rows per CPU second;"
                        + " peak heap %,d MiB",
                labelSeconds, rows / labelSeconds, labelCpu, rows / labelCpu, peakHeap() >> 20);
        labels.forEach(r -> print("  %s %s", r.verdict(), r.message().replace("\n", "\n    ")));

        resetPeaks();
        start = System.nanoTime();
        cpu = cpuNanos();
        List<CheckResult> values = SparkGates.evaluate(
                scored,
                data.getFileName().toString(),
                "y",
                "y_hat",
                MetricGate.builder("mae", Metric.MAE, Bound.AT_MOST, 0.5).build(),
                MetricGate.builder("rmse", Metric.RMSE, Bound.AT_MOST, 0.6).build());
        double valueSeconds = seconds(start);
        double valueCpu = seconds(cpu, cpuNanos());
        print(
                "regression gates (MAE, RMSE): %.1f s, %,.0f rows/s; CPU %.1f s, %,.0f rows per CPU second;"
                        + " peak heap %,d MiB",
                valueSeconds, rows / valueSeconds, valueCpu, rows / valueCpu, peakHeap() >> 20);
        values.forEach(r -> print("  %s %s", r.verdict(), r.message().replace("\n", "\n    ")));
        print("peak resident memory of the JVM (VmHWM, whole run including the generation): %s", vmHwm());
        spark.stop();
    }

    /**
     * Scored rows of a fraud model: 10% fraud, 90% of rows predicted right; a score; a regression pair whose error
     * is normal with standard deviation 0.5. Seeded, so a rerun writes the same values.
     */
    static Dataset<Row> generate(SparkSession spark, long rows) {
        return spark.range(0, rows)
                .select(
                        when(rand(1).lt(0.1), lit("fraud")).otherwise(lit("ok")).as("label"),
                        rand(2).as("flip"),
                        rand(3).as("p_fraud"),
                        randn(4).multiply(2).plus(10).as("y"),
                        randn(5).multiply(0.5).as("noise"))
                .select(
                        col("label"),
                        when(col("flip").lt(0.9), col("label"))
                                .otherwise(when(col("label").equalTo("fraud"), lit("ok"))
                                        .otherwise(lit("fraud")))
                                .as("prediction"),
                        col("p_fraud"),
                        col("y"),
                        col("y").plus(col("noise")).as("y_hat"));
    }

    private static MetricGate accuracy() {
        return MetricGate.builder("nightly accuracy", Metric.ACCURACY, Bound.AT_LEAST, 0.85)
                .build();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String vmHwm() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("unknown");
    }

    private static long size(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    /**
     * The CPU time of the whole JVM so far (every thread: Spark's tasks, the garbage collector): unlike the wall time,
     * it does not grow when other processes share the cores.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
