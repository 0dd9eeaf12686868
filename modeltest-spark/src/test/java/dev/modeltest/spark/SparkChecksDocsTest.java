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

/** The jobs docs/spark.md shows for the fairness, drift and data-quality checks are the ones tested here. */
class SparkChecksDocsTest {

    /** Returns the lines of a test source between its markers, unindented once, as the page shows them. */
    static String between(String file, String marker) throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/modeltest/spark/" + file));
        int start = source.indexOf("    // docs/spark.md " + marker + ": start");
        int end = source.indexOf("    // docs/spark.md " + marker + ": end");
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        return source.subList(start + 1, end).stream()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void thePageShowsTheTestedFairnessJob() throws Exception {
        assertThat(Files.readString(Path.of("../docs/spark.md")))
                .contains(between("NightlyFairnessJob.java", "fairness"));
    }

    @Test
    void theFairnessJobExitsZeroOnFairApprovalsAndOneOnUnfairOnes(@TempDir Path dir) {
        StructType schema = new StructType()
                .add("sex", DataTypes.StringType)
                .add("label", DataTypes.StringType)
                .add("prediction", DataTypes.StringType);
        List<Row> fair = new ArrayList<>();
        List<Row> unfair = new ArrayList<>();
        // 100 rows per group; F approved 50 times or 20 times, M 50 times.
        fair.addAll(copies("F", 50, 50));
        fair.addAll(copies("M", 50, 50));
        unfair.addAll(copies("F", 20, 80));
        unfair.addAll(copies("M", 50, 50));
        String good = dir.resolve("fair").toString();
        String bad = dir.resolve("unfair").toString();
        LocalSpark.session()
                .createDataFrame(fair, schema)
                .repartition(3)
                .write()
                .parquet(good);
        LocalSpark.session()
                .createDataFrame(unfair, schema)
                .repartition(3)
                .write()
                .parquet(bad);

        assertThat(NightlyFairnessJob.gate(LocalSpark.session(), good)).isZero();
        assertThat(NightlyFairnessJob.gate(LocalSpark.session(), bad)).isOne();
    }

    @Test
    void thePageShowsTheTestedDriftJob() throws Exception {
        assertThat(Files.readString(Path.of("../docs/spark.md"))).contains(between("NightlyDriftJob.java", "drift"));
    }

    @Test
    void theDriftJobExitsZeroOnStableInputsAndOneOnShiftedOnes(@TempDir Path dir) {
        StructType schema = new StructType().add("age", DataTypes.DoubleType).add("city", DataTypes.StringType);
        String train = dir.resolve("train").toString();
        String stable = dir.resolve("stable").toString();
        String shifted = dir.resolve("shifted").toString();
        LocalSpark.session()
                .createDataFrame(people(0), schema)
                .repartition(2)
                .write()
                .parquet(train);
        LocalSpark.session()
                .createDataFrame(people(0), schema)
                .repartition(3)
                .write()
                .parquet(stable);
        LocalSpark.session()
                .createDataFrame(people(15), schema)
                .repartition(3)
                .write()
                .parquet(shifted);

        assertThat(NightlyDriftJob.gate(LocalSpark.session(), train, stable)).isZero();
        assertThat(NightlyDriftJob.gate(LocalSpark.session(), train, shifted)).isOne();
    }

    /** 200 people aged 20 to 59 (plus {@code shift} years) in two cities. */
    private static List<Row> people(double shift) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(RowFactory.create(20.0 + i % 40 + shift, i % 3 == 0 ? "Lyon" : "Nice"));
        }
        return rows;
    }

    /** Rows of a group: {@code approved} of them approved, {@code declined} declined, the model right on each. */
    private static List<Row> copies(String sex, int approved, int declined) {
        List<Row> rows = new ArrayList<>();
        rows.addAll(Arrays.asList(repeat(RowFactory.create(sex, "approved", "approved"), approved)));
        rows.addAll(Arrays.asList(repeat(RowFactory.create(sex, "declined", "declined"), declined)));
        return rows;
    }

    private static Row[] repeat(Row row, int n) {
        Row[] out = new Row[n];
        Arrays.fill(out, row);
        return out;
    }
}
