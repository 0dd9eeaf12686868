package dev.modeltest.benchmarks;

import dev.modeltest.data.TestData;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Predicting every row of a generated table (10 number columns, two classes) through a CPU-bound model written in
 * Java, on one thread and on several ({@code modeltest.predict.threads}), to see what the parallel batches gain.
 *
 * <p>The model does 500 {@code sin} calls a row, about what a small random forest or MLP costs, so the time is the
 * model's and the batching's, not reading the data.
 *
 * <pre>{@code
 * java -cp modeltest-benchmarks/target/classes:$(cat modeltest-benchmarks/target/cp.txt) \
 *     org.openjdk.jmh.Main PredictBenchmark -f 1 -prof 'dev.modeltest.benchmarks.DataValidationBenchmark$CpuTime'
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PredictBenchmark {

    private static final int COLUMNS = 10;

    @Param("500000")
    int rows;

    @Param({"1", "2"})
    String threads;

    private TestData data;
    private Features features;
    private Model model;

    @Setup
    public void setUp() {
        System.setProperty("modeltest.predict.threads", threads);
        SplittableRandom random = new SplittableRandom(1);
        Table table = Table.create("predict");
        List<String> names = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = random.nextDouble();
            }
            names.add("x" + c);
            table.addColumns(DoubleColumn.create("x" + c, values));
        }
        String[] labels = new String[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % 2 == 0 ? "a" : "b";
        }
        table.addColumns(StringColumn.create("y", labels));
        data = TestData.of("predict.csv", table);
        features = Features.of(data, names);
        model = Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
            double z = 0;
            for (int k = 0; k < 50; k++) {
                for (int c = 0; c < COLUMNS; c++) {
                    z += Math.sin(row.getDouble(c) * (k + 1));
                }
            }
            p[1] = 1 / (1 + Math.exp(-z / 50));
            p[0] = 1 - p[1];
        });
    }

    @Benchmark
    public Predictions predict() {
        return Predictor.predict(data, "y", features, model);
    }
}
