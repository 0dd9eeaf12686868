package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job docs/spark.md shows is the one tested here, and it exits 0 on good scores and 1 on bad ones; the JUnit class
 * it shows is the examples' SparkScoredTest, which runs in the examples' build.
 */
class SparkDocsTest {

    private static final StructType SCHEMA =
            new StructType().add("label", DataTypes.StringType).add("prediction", DataTypes.StringType);

    @Test
    void thePageShowsTheTestedJob() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/modeltest/spark/NightlyGateJob.java"));
        int start = source.indexOf("    // docs/spark.md: start");
        int end = source.indexOf("    // docs/spark.md: end");
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        String job = source.subList(start + 1, end).stream()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../docs/spark.md"))).contains(job);
    }

    @Test
    void thePageShowsTheExamplesSparkModelTest() throws Exception {
        List<String> source = Files.readAllLines(
                Path.of("../modeltest-examples/src/test/java/dev/modeltest/examples/SparkScoredTest.java"));
        int start = source.indexOf("@ModelTest(");
        assertThat(start).isPositive();
        String example = String.join("\n", source.subList(start, source.size()));
        assertThat(Files.readString(Path.of("../docs/spark.md"))).contains(example);
    }

    @Test
    void theJobExitsZeroOnGoodScoresAndOneOnBadOnes(@TempDir Path dir) {
        String good = write(dir.resolve("good"), 95, 5, 90, 10);
        String bad = write(dir.resolve("bad"), 95, 5, 60, 40);
        assertThat(NightlyGateJob.gate(LocalSpark.session(), good)).isZero();
        assertThat(NightlyGateJob.gate(LocalSpark.session(), bad)).isOne();
    }

    /** Writes 400 rows of "ok" and "fraud" scores as Parquet: rows right and wrong per class. */
    private static String write(Path path, int okRight, int okWrong, int fraudRight, int fraudWrong) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.addAll(copies("ok", "ok", okRight));
            rows.addAll(copies("ok", "fraud", okWrong));
            rows.addAll(copies("fraud", "fraud", fraudRight));
            rows.addAll(copies("fraud", "ok", fraudWrong));
        }
        LocalSpark.session()
                .createDataFrame(rows, SCHEMA)
                .repartition(3)
                .write()
                .parquet(path.toString());
        return path.toString();
    }

    private static List<Row> copies(String label, String prediction, int n) {
        Row[] out = new Row[n];
        Arrays.fill(out, RowFactory.create(label, prediction));
        return Arrays.asList(out);
    }
}
