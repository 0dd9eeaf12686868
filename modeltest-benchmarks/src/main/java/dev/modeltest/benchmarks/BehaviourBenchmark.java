package dev.modeltest.benchmarks;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.behaviour.GeneratedInputsCheck;
import dev.modeltest.behaviour.InvarianceCheck;
import dev.modeltest.behaviour.MonotonicityCheck;
import dev.modeltest.behaviour.NoiseStabilityCheck;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.model.Model;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the behavioural checks cost besides the model: each check on a generated table (10 number columns and a
 * three-valued category), through a model that reads one cell a row and returns fixed-form probabilities, so that
 * the time is building the changed or generated rows, cutting them into batches, validating the outputs and judging,
 * not the model's. The test rows' own predictions are computed once in the setup, as the subject shares them.
 *
 * <pre>{@code
 * java -cp modeltest-benchmarks/target/classes:$(cat modeltest-benchmarks/target/cp.txt) \
 *     org.openjdk.jmh.Main BehaviourBenchmark -f 1 -prof 'dev.modeltest.benchmarks.DataValidationBenchmark$CpuTime'
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
public class BehaviourBenchmark {

    private static final int COLUMNS = 10;
    private static final String WHERE = "BehaviourBenchmark";

    @Param("100000")
    int rows;

    private Path dir;
    private Subject subject;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("behaviour-benchmark");
        Path csv = dir.resolve("behaviour.csv");
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < COLUMNS; c++) {
            text.append('x').append(c).append(',');
        }
        text.append("color,y\n");
        String[] colors = {"red", "green", "blue"};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                text.append(random.nextDouble()).append(',');
            }
            text.append(colors[r % 3])
                    .append(',')
                    .append(r % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        Files.writeString(csv, text);
        // Reads one cell a row: the model's own time is close to nothing.
        Model model = Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
            double x = Math.min(1, Math.max(0, row.getDouble(0)));
            p[0] = 1 - x;
            p[1] = x;
        });
        subject = Subject.of(
                new SubjectSpec(WHERE, csv.toString(), "y", new ModelSource.Instance(model), List.of(), null));
        subject.predictions();
    }

    @TearDown
    public void tearDown() throws IOException {
        subject.close();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    /** Two copies of every row, the category changed to each other value. */
    @Benchmark
    public CheckResult invariantTo() {
        return new InvarianceCheck(WHERE, "color").run(subject);
    }

    /** One copy of every row, one number raised. */
    @Benchmark
    public CheckResult monotonic() {
        return new MonotonicityCheck(WHERE, "x0", Direction.INCREASING).run(subject);
    }

    /** One copy of every row, noise on all eleven columns. */
    @Benchmark
    public CheckResult stableUnderNoise() {
        return new NoiseStabilityCheck(WHERE).run(subject);
    }

    /** As many generated rows as the data has, plus the edge rows. */
    @Benchmark
    public CheckResult handlesGeneratedInputs() {
        return new GeneratedInputsCheck(WHERE, rows, "", IntervalPolicy.SEED, Double.NaN, Double.NaN).run(subject);
    }
}
