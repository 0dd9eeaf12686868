package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.quality.DuplicateRowsCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Duplicate rows on Spark: the same verdict, duplicate count, groups, n, title and message heading as in memory on
 * core's data-quality golden sets (131 duplicates over all columns of test.csv, 718 over x1 and x2), whatever the
 * partitioning; the examples are the largest groups, by their values.
 */
class SparkDuplicateRowsTest {

    private static final String GOLDEN = "../modeltest-core/src/test/resources/golden/data-quality/";
    private static final String WHERE = "@NoDuplicateRows on Nightly.distinct()";

    @ParameterizedTest(name = "{0}, {1} partitions")
    @CsvSource({"test.csv, 1", "test.csv, 5", "train.csv, 3"})
    void duplicatesGiveTheInMemoryCounts(String file, int partitions) {
        TestData inMemory = DataLoader.load(GOLDEN + file);
        Dataset<Row> rows = LocalSpark.session()
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(GOLDEN + file);
        if (partitions > 1) {
            rows = rows.repartition(partitions, functions.rand(partitions)).sortWithinPartitions(functions.rand(9));
        }
        List<DuplicateRowsCheck> checks = List.of(
                new DuplicateRowsCheck(WHERE, List.of()),
                new DuplicateRowsCheck(WHERE, List.of("x1", "x2")),
                new DuplicateRowsCheck(WHERE, List.of("x1", "x2", "colour", "label")));

        List<CheckResult> onSpark = SparkChecks.duplicates(rows, file, checks.toArray(DuplicateRowsCheck[]::new));

        for (int i = 0; i < checks.size(); i++) {
            CheckResult expected = checks.get(i).run(inMemory);
            CheckResult actual = onSpark.get(i);
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("message", "details")
                    .isEqualTo(expected);
            for (String detail : List.of("columnsChecked", "duplicateRows", "groups")) {
                assertThat(actual.details().get(detail))
                        .isEqualTo(expected.details().get(detail));
            }
            List<String> expectedLines = expected.message().lines().toList();
            List<String> actualLines = actual.message().lines().toList();
            assertThat(actualLines).hasSameSizeAs(expectedLines);
            assertThat(actualLines.subList(0, 2)).isEqualTo(expectedLines.subList(0, 2));
            assertThat(actualLines.get(actualLines.size() - 1)).isEqualTo(expectedLines.get(expectedLines.size() - 1));
            // The examples: the largest groups first.
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups =
                    (List<Map<String, Object>>) actual.details().get("firstGroups");
            List<Long> sizes = groups.stream().map(g -> (Long) g.get("size")).toList();
            assertThat(sizes).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
        assertThat(onSpark.get(0).verdict()).isEqualTo(Verdict.FAIL);
    }

    private static final StructType SCHEMA =
            new StructType().add("age", DataTypes.DoubleType).add("city", DataTypes.StringType);

    private static Dataset<Row> rows(Row... rows) {
        return LocalSpark.session().createDataFrame(Arrays.asList(rows), SCHEMA);
    }

    @Test
    void aMissingCellEqualsAMissingCellAndNanIsMissing() {
        Dataset<Row> data = rows(
                RowFactory.create(Double.NaN, "Lyon"),
                RowFactory.create(null, "Lyon"),
                RowFactory.create(30.0, null),
                RowFactory.create(30.0, null),
                RowFactory.create(30.0, null),
                RowFactory.create(41.5, "Nice"));

        CheckResult result = SparkChecks.duplicates(data, "people", new DuplicateRowsCheck(WHERE, List.of()))
                .get(0);

        assertThat(result.message())
                .isEqualTo("Expecting no duplicate rows in people (n=6), comparing all 2 column(s)\n"
                        + "but found 3 duplicate row(s) in 2 group(s) of equal rows:\n"
                        + "  3 rows: age=30, city=missing\n"
                        + "  2 rows: age=missing, city='Lyon'");
        assertThat(SparkChecks.duplicates(data, "people", new DuplicateRowsCheck(WHERE, List.of("city")))
                        .get(0)
                        .measured())
                .isEqualTo(3.0);
    }

    @Test
    void distinctRowsPass() {
        CheckResult result = SparkChecks.duplicates(
                        rows(RowFactory.create(1.0, "Lyon"), RowFactory.create(1.0, "Nice")),
                        "people",
                        new DuplicateRowsCheck(WHERE, List.of()))
                .get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.message()).endsWith("and every row differs from every other.");
    }

    @Test
    void aMissingColumnIsNamedWithTheNearestBeforeAnyJob() throws Throwable {
        Executable call = () -> SparkChecks.duplicates(
                rows(RowFactory.create(1.0, "Lyon")), "people", new DuplicateRowsCheck(WHERE, List.of("ag")));

        assertThatThrownBy(call::execute)
                .isInstanceOf(DataException.class)
                .hasMessage(WHERE + ": data set people has no column 'ag' (did you mean 'age'?); its columns are age,"
                        + " city");
        assertThat(SparkJobs.of("duplicates-missing-column", call)).isZero();
    }

    @Test
    void anEmptyDatasetFailsNamingIt() {
        assertThatThrownBy(() -> SparkChecks.duplicates(rows(), "people", new DuplicateRowsCheck(WHERE, List.of())))
                .isInstanceOf(DataException.class)
                .hasMessage("data set people has no rows");
    }
}
