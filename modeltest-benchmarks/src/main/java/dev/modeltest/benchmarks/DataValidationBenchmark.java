package dev.modeltest.benchmarks;

import dev.modeltest.check.CheckResult;
import dev.modeltest.data.TestData;
import dev.modeltest.quality.DuplicateRowsCheck;
import dev.modeltest.quality.MissingValuesCheck;
import dev.modeltest.schema.SchemaCheck;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Schema validation, the missing-value check and the duplicate-row check over a generated table of 1 million rows by 20
 * columns (an id, 12 decimals with 1% gaps in two of them, 3 small integers, 3 text columns and a boolean).
 *
 * <p>Each invocation wraps the table in a new {@link TestData}, so the column arrays are built from the Tablesaw columns
 * every time, as on the first check of a test class; reading the CSV file is not measured (see docs/performance.md for
 * what that costs). The schema sets a rule of every kind: row count, types, unique id, bounds, null fractions, allowed
 * values, a regex and a cardinality limit.
 *
 * <pre>{@code
 * java -cp modeltest-benchmarks/target/classes:$(cat modeltest-benchmarks/target/cp.txt) \
 *     org.openjdk.jmh.Main DataValidationBenchmark -f 1 -prof 'dev.modeltest.benchmarks.DataValidationBenchmark$CpuTime'
 * }</pre>
 *
 * <p>{@link CpuTime} adds the CPU time the benchmark process spent per operation (all threads: the benchmark's, the
 * parallel sorts', the garbage collector's). On a machine shared with other builds the wall time grows with their load;
 * the CPU time does not, and bounds the wall time on an idle machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DataValidationBenchmark {

    private static final String[] COLOURS = {"red", "green", "blue", "yellow"};

    @Param("1000000")
    int rows;

    private Table table;
    private SchemaCheck schema;
    private MissingValuesCheck missing;
    private DuplicateRowsCheck duplicates;

    @Setup
    public void generate() throws IOException {
        // Tablesaw 0.44 makes a second DoubleColumnType when DoubleColumn is initialised before ColumnType, and
        // TestData.kind compares types with ==; touching ColumnType first keeps the instances one.
        ColumnType.values();
        Random random = new Random(42);
        table = Table.create("generated");
        int[] ids = new int[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        table.addColumns(IntColumn.create("id", ids));
        for (int c = 0; c < 12; c++) {
            double[] values = new double[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = c < 2 && random.nextInt(100) == 0 ? Double.NaN : random.nextGaussian();
            }
            table.addColumns(DoubleColumn.create("d" + c, values));
        }
        for (int c = 0; c < 3; c++) {
            int[] values = new int[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = random.nextInt(101);
            }
            table.addColumns(IntColumn.create("i" + c, values));
        }
        String[] colours = new String[rows];
        String[] cities = new String[rows];
        String[] codes = new String[rows];
        boolean[] flags = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            colours[i] = COLOURS[random.nextInt(COLOURS.length)];
            cities[i] = "city" + random.nextInt(40);
            codes[i] = (char) ('A' + random.nextInt(26)) + "" + (char) ('A' + random.nextInt(26)) + "-"
                    + (100 + random.nextInt(900));
            flags[i] = random.nextBoolean();
        }
        table.addColumns(
                StringColumn.create("colour", colours),
                StringColumn.create("city", cities),
                StringColumn.create("code", codes),
                BooleanColumn.create("flag", flags));

        StringBuilder yaml = new StringBuilder("table:\n  rows: {min: 1000, max: 2000000}\n  ordered: true\n")
                .append("columns:\n  id: {type: integer, unique: true, nullable: false}\n");
        for (int c = 0; c < 12; c++) {
            yaml.append("  d").append(c).append(": {type: double, min: -10, max: 10, maxNullFraction: 0.05}\n");
        }
        for (int c = 0; c < 3; c++) {
            yaml.append("  i").append(c).append(": {type: integer, min: 0, max: 100, nullable: false}\n");
        }
        yaml.append("  colour: {type: string, allowed: [red, green, blue, yellow], nullable: false}\n")
                .append("  city: {type: string, maxCardinality: 50}\n")
                .append("  code: {type: string, regex: '[A-Z]{2}-[0-9]{3}'}\n")
                .append("  flag: {type: boolean}\n");
        Path file = Files.createTempFile("generated", ".schema.yaml");
        Files.writeString(file, yaml);
        file.toFile().deleteOnExit();
        schema = new SchemaCheck("DataValidationBenchmark", file.toString());
        missing = new MissingValuesCheck("DataValidationBenchmark", List.of());
        duplicates = new DuplicateRowsCheck("DataValidationBenchmark", List.of());
        // The generated data must pass every rule, or the benchmark would measure the failure path.
        TestData data = fresh();
        for (CheckResult result : List.of(schema.run(data), duplicates.run(data))) {
            if (!result.passed()) {
                throw new IllegalStateException(result.message());
            }
        }
        if (missing.run(data).measured() == 0) {
            throw new IllegalStateException("the generated data should have gaps");
        }
    }

    private TestData fresh() {
        return TestData.of("generated", table);
    }

    /** Schema validation alone, on data not yet read into arrays. */
    @Benchmark
    public CheckResult schemaValidation() {
        return schema.run(fresh());
    }

    /** The missing-value check alone, on data not yet read into arrays. */
    @Benchmark
    public CheckResult missingValues() {
        return missing.run(fresh());
    }

    /** The duplicate-row check over all 20 columns alone, on data not yet read into arrays. */
    @Benchmark
    public CheckResult duplicateRows() {
        return duplicates.run(fresh());
    }

    /** The three checks on one data set, sharing its column arrays, as in one model test class. */
    @Benchmark
    public void allThree(Blackhole sink) {
        TestData data = fresh();
        sink.consume(schema.run(data));
        sink.consume(missing.run(data));
        sink.consume(duplicates.run(data));
    }

    /**
     * A JMH profiler that reports the CPU time of the whole benchmark process per operation, as {@code cpu.ms/op}.
     * Needs the HotSpot {@code com.sun.management.OperatingSystemMXBean}.
     */
    public static final class CpuTime implements InternalProfiler {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long start;

        @Override
        public String getDescription() {
            return "CPU time of the benchmark process per operation";
        }

        @Override
        public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
            start = os.getProcessCpuTime();
        }

        @Override
        public Collection<? extends Result> afterIteration(
                BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
            double nanos = os.getProcessCpuTime() - start;
            long ops = Math.max(1, result.getMetadata().getMeasuredOps());
            return List.of(new ScalarResult("cpu", nanos / ops / 1e6, "ms/op", AggregationPolicy.AVG));
        }
    }
}
