package dev.modeltest.benchmarks;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import java.io.IOException;
import java.nio.file.Path;
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

/**
 * Reading a CSV or Parquet file through the public entry point {@link DataLoader#load(String)}: the 1 M × 10 numeric
 * file and the 1 M × 50 mixed file of {@link LoadingBenchmarkData}, each as CSV and as Parquet (read by {@code
 * modeltest-parquet}), typed and with missing values as every check sees them.
 * {@code scripts/bench/run_loading_benchmark.sh} times pandas' {@code read_csv} on the same files in the same run;
 * results in {@code docs/performance.md}.
 *
 * <p>The files are written into the directory named by the system property {@code modeltest.bench.data} (default
 * {@code modeltest-benchmarks/target/loading-bench/data}, relative to the repository root the script runs in) unless
 * they are there.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LoadingBenchmark {

    /** The file of one run. */
    @State(Scope.Benchmark)
    public static class File {

        /** {@code numeric} and {@code mixed} are the CSV files; {@code .parquet} names their Parquet copies. */
        @Param({"numeric", "mixed", "numeric.parquet", "mixed.parquet"})
        public String file;

        String location;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path directory = Path.of(
                    System.getProperty("modeltest.bench.data", "modeltest-benchmarks/target/loading-bench/data"));
            Path csv = file.startsWith("numeric")
                    ? LoadingBenchmarkData.numeric(directory, LoadingBenchmarkData.ROWS)
                    : LoadingBenchmarkData.mixed(directory, LoadingBenchmarkData.ROWS);
            Path path = file.endsWith(".parquet") ? LoadingBenchmarkData.parquet(csv) : csv;
            location = path.toAbsolutePath().toString();
        }
    }

    /** Reads the whole file into {@link TestData}. */
    @Benchmark
    public TestData load(File file) {
        return DataLoader.load(file.location);
    }
}
