package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.FairnessOptions;
import dev.modeltest.quality.MissingRateCheck;
import dev.modeltest.quality.MissingValuesCheck;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * The missing-value checks on Spark give the in-memory result on core's data-quality golden sets (2000 and 3000 rows
 * with empty cells in every column), less the example rows a Dataset cannot name, whatever the partitioning; and bad
 * input fails naming it.
 */
class SparkMissingValuesTest {

    private static final String GOLDEN = "../modeltest-core/src/test/resources/golden/data-quality/";
    private static final String WHERE = "@NoMissingValues on Nightly.complete()";

    private static List<Check> checks() {
        return List.of(
                new MissingValuesCheck(WHERE, List.of()),
                new MissingValuesCheck(WHERE, List.of("label", "x2")),
                new MissingRateCheck(WHERE, 0.03, List.of()),
                new MissingRateCheck(WHERE, 0.5, List.of("colour")));
    }

    @ParameterizedTest(name = "{0}, inferSchema {1}, {2} partitions")
    @CsvSource({"test.csv, true, 1", "test.csv, false, 4", "train.csv, true, 7"})
    void missingValuesGiveTheInMemoryResultWithoutExampleRows(String file, boolean infer, int partitions) {
        TestData inMemory = DataLoader.load(GOLDEN + file);
        Dataset<Row> rows = LocalSpark.session()
                .read()
                .option("header", "true")
                .option("inferSchema", Boolean.toString(infer))
                .csv(GOLDEN + file);
        if (partitions > 1) {
            rows = rows.repartition(partitions, functions.rand(partitions)).sortWithinPartitions(functions.rand(2));
        }
        List<Check> checks = checks();

        List<CheckResult> onSpark = SparkChecks.missing(rows, file, checks.toArray(Check[]::new));

        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            CheckResult expected =
                    check instanceof MissingValuesCheck v ? v.run(inMemory) : ((MissingRateCheck) check).run(inMemory);
            CheckResult actual = onSpark.get(i);
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("message", "details")
                    .isEqualTo(expected);
            assertThat(actual.message())
                    .isEqualTo(expected.message().replaceAll(", e\\.g\\. row \\d+(, row \\d+)*", ""));
            Map<String, Object> details = new LinkedHashMap<>(expected.details());
            details.remove("firstMissingRows");
            assertThat(actual.details()).isEqualTo(details);
        }
        assertThat(onSpark).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL);
    }

    private static final StructType SCHEMA =
            new StructType().add("age", DataTypes.DoubleType).add("city", DataTypes.StringType);

    private static Dataset<Row> rows(Row... rows) {
        return LocalSpark.session().createDataFrame(Arrays.asList(rows), SCHEMA);
    }

    @Test
    void nanAndNullAreMissingAsInMemory() {
        Dataset<Row> data = rows(
                RowFactory.create(Double.NaN, "Lyon"),
                RowFactory.create(null, null),
                RowFactory.create(30.0, "Nice"),
                RowFactory.create(41.0, "Nice"));

        CheckResult result = SparkChecks.missing(data, "people", new MissingValuesCheck(WHERE, List.of()))
                .get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting no missing values in all 2 column(s) of people (n=4)\n"
                        + "but found 3 missing cell(s) in 2 column(s):\n"
                        + "  column 'age': 2 row(s)\n"
                        + "  column 'city': 1 row(s)");
    }

    @Test
    void aMissingColumnIsNamedWithTheNearestBeforeAnyJob() throws Throwable {
        Executable call = () -> SparkChecks.missing(
                rows(RowFactory.create(1.0, "Lyon")), "people", new MissingRateCheck(WHERE, 0.1, List.of("cty")));

        assertThatThrownBy(call::execute)
                .isInstanceOf(DataException.class)
                .hasMessage(WHERE + ": data set people has no column 'cty' (did you mean 'city'?); its columns are"
                        + " age, city");
        assertThat(SparkJobs.of("missing-column", call)).isZero();
    }

    @Test
    void aCheckThatIsNoMissingValueCheckIsRefused() {
        DemographicParityCheck parity = new DemographicParityCheck(WHERE, FairnessOptions.of("city"), 0.1, Double.NaN);

        assertThatThrownBy(() -> SparkChecks.missing(rows(RowFactory.create(1.0, "Lyon")), "people", parity))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DemographicParityCheck is not a missing-value check: SparkChecks.missing decides"
                        + " MissingValuesCheck and MissingRateCheck");
    }

    @Test
    void anEmptyDatasetFailsNamingIt() {
        assertThatThrownBy(() -> SparkChecks.missing(rows(), "people", new MissingValuesCheck(WHERE, List.of())))
                .isInstanceOf(DataException.class)
                .hasMessage("data set people has no rows");
    }
}
