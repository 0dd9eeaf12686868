package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.drift.DriftMethod;
import dev.modeltest.drift.DriftOptions;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to drift on Spark fails naming it; where the schema tells, before any job runs. */
class SparkDriftBadInputTest {

    private static final String WHERE = "nightly drift";

    private static final StructType SCHEMA = new StructType()
            .add("age", DataTypes.DoubleType)
            .add("city", DataTypes.StringType)
            .add("day", DataTypes.DateType);

    private static Dataset<Row> rows(List<Row> rows) {
        return LocalSpark.session().createDataFrame(rows, SCHEMA);
    }

    /** 40 rows: ages 20 to 59 (or shifted), two cities, one missing age and one missing city every ten rows. */
    private static Dataset<Row> people(double shift) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create(
                    i % 10 == 3 ? null : 20.0 + i + shift,
                    i % 10 == 7 ? null : i % 2 == 0 ? "Lyon" : "Nice",
                    Date.valueOf("2026-12-06")));
        }
        return rows(rows);
    }

    private static CheckResult drift(Dataset<Row> current, List<String> columns, DriftOptions options) {
        return SparkChecks.drift(WHERE, people(0), "train", current, "scores", columns, options);
    }

    @Test
    void missingValuesAreLeftOutAndCounted() {
        CheckResult same = drift(people(0), List.of("age", "city"), DriftOptions.defaults());
        CheckResult shifted = drift(people(30), List.of("age"), DriftOptions.defaults());

        assertThat(same.verdict()).isEqualTo(Verdict.PASS);
        assertThat(same.n()).isEqualTo(40);
        assertThat(same.message())
                .contains(
                        "  age     KS          D=0.0000         D=0.0000  0.1000     1.00  1.00      36     36      ok")
                .contains(
                        "  city    chi-square  χ²=0.0000, df=1  V=0.0000  0.1000     1.00  1.00      36     36      ok");
        assertThat(shifted.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aMissingColumnIsNamedWithTheNearestBeforeAnyJob() throws Throwable {
        Executable call = () -> drift(people(0), List.of("agee"), DriftOptions.defaults());

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nightly drift: the reference train has no compared column 'agee' (did you mean 'age'?);"
                        + " its columns are age, city, day");
        assertThat(SparkJobs.of("drift-missing-column", call)).isZero();
    }

    @Test
    void aColumnMissingInTheCurrentDataIsNamed() {
        Dataset<Row> renamed = people(0).withColumnRenamed("city", "town");

        assertThatThrownBy(() -> drift(renamed, List.of("city"), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nightly drift: data set scores has no compared column 'city'; its columns are age, town,"
                        + " day");
    }

    @Test
    void datesAreRefusedBeforeAnyJob() throws Throwable {
        Executable call = () -> drift(people(0), List.of("day"), DriftOptions.defaults());

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nightly drift: column 'day' of train holds dates or times; drift compares numbers and"
                        + " categories, so leave it out of 'columns' or store it as a number");
        assertThat(SparkJobs.of("drift-dates", call)).isZero();
    }

    @Test
    void aMethodThatNeedsNumbersIsRefusedOnTextBeforeAnyJob() throws Throwable {
        Executable call = () ->
                drift(people(0), List.of("city"), DriftOptions.defaults().withMethod(DriftMethod.KOLMOGOROV_SMIRNOV));

        assertThatThrownBy(call::execute)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nightly drift: method KOLMOGOROV_SMIRNOV compares numbers, but column 'city' of train"
                        + " holds string values; use CHI_SQUARE, PSI, JENSEN_SHANNON or AUTO for it");
        assertThat(SparkJobs.of("drift-ks-on-text", call)).isZero();
    }

    @Test
    void noColumnIsAConfigurationError() {
        assertThatThrownBy(() -> drift(people(0), List.of(), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("nightly drift: 'columns' must name the columns to compare");
    }

    @Test
    void anEmptyDatasetFailsNamingIt() {
        assertThatThrownBy(() -> drift(rows(List.of()), List.of("age"), DriftOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage("data set scores has no rows");
        assertThatThrownBy(() -> SparkChecks.drift(
                        WHERE, rows(List.of()), "train", people(0), "scores", List.of("age"), DriftOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage("the reference train has no rows");
    }

    @Test
    void anOptionOutOfRangeIsNamed() {
        assertThatThrownBy(() ->
                        drift(people(0), List.of("age"), DriftOptions.defaults().withBins(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("nightly drift: 'bins'");
    }
}
