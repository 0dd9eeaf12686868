package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.engine.DataEngines;
import org.junit.jupiter.api.Test;

/**
 * A {@code spark:} data location goes to the Spark engine, which this module does not have: without modeltest-spark on
 * the class path it is a configuration error saying what to add, never a file looked for under that name. Other
 * locations are files, as before.
 */
class DataEngineSchemeTest {

    @ModelTest(data = "spark:scores.parquet", label = "label", predictions = "prediction")
    static class SparkWithoutItsModuleTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void aSparkLocationWithoutModeltestSparkSaysWhatToAdd() {
        assertThat(failureOf(run(SparkWithoutItsModuleTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on SparkWithoutItsModuleTestCase: data 'spark:scores.parquet' is read by the"
                        + " spark engine, which is not on the test class path; add dev.modeltest:modeltest-spark and"
                        + " org.apache.spark:spark-sql_2.13 (4.x) as test dependencies");
    }

    @Test
    void filesAndClassPathResourcesHaveNoEngine() {
        assertThat(DataEngines.find("src/test/resources/iris.csv", "here")).isEmpty();
        assertThat(DataEngines.find("classpath:iris.csv", "here")).isEmpty();
        assertThat(DataEngines.find("C:\\data\\iris.csv", "here")).isEmpty();
        assertThat(DataEngines.find("s3://bucket/iris.csv", "here")).isEmpty();
    }
}
