package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import org.junit.jupiter.api.Test;

/**
 * The iris example on Parquet test data: {@code iris-test.parquet} holds the rows of {@code iris-test.csv} (converted
 * by {@code scripts/data/CsvToParquet.java}) and is read through {@code modeltest-parquet}.
 */
@ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-test.parquet", label = "species")
class IrisParquetTest {

    @AccuracyAtLeast(0.90)
    void accurateEnough() {}

    @OutputRange(min = 0.0, max = 1.0)
    void probabilitiesAreProbabilities() {}

    @LatencyUnder(millis = 5, percentile = 99)
    void fastEnoughForOnlineScoring() {}

    @SchemaMatches("src/test/resources/iris.schema.yaml")
    void inputsLookLikeTraining() {}

    @NoMissingValues
    void noGapsInTheTestSet() {}

    @Test
    void holdsTheSameRowsAsTheCsv(TestData parquet) {
        TestData csv = DataLoader.load("src/test/resources/iris-test.csv");
        assertThat(parquet.columnNames()).isEqualTo(csv.columnNames());
        for (String column : csv.columnNames()) {
            assertThat(parquet.strings(column)).as(column).containsExactly(csv.strings(column));
        }
    }
}
