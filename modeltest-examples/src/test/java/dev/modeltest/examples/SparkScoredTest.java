package dev.modeltest.examples;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.PrecisionAtLeast;
import dev.modeltest.junit.RecallAtLeast;
import org.junit.jupiter.api.condition.DisabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The scored breast-cancer table of {@link BreastCancerScoredTest}, gated on Apache Spark instead of in the test JVM:
 * {@code spark:} hands the class to modeltest-spark, which reads the CSV as a Spark Dataset on the session configured
 * in {@code junit-platform.properties} ({@code local[2]} here), counts the (label, prediction) pairs in the partitions
 * and decides each gate on the merged counts, with the in-memory engine's values, intervals and messages. On a cluster
 * the same class reads {@code spark:table:<name>} or {@code spark:s3a://...} (docs/spark.md).
 *
 * <p>Spark 4.0 runs on JDK 17 and 21; from JDK 24 on its Hadoop client cannot start a session, so the class is skipped
 * there (the examples' pass on the newest JDK in {@code .ci/run}).
 */
@DisabledForJreRange(
        min = JRE.JAVA_24,
        disabledReason = "Spark 4.0's Hadoop client calls Subject.getSubject, unsupported from JDK 24 on (JEP 486)")
@ModelTest(
        data = "spark:src/test/resources/breast-cancer-scored.csv",
        label = "diagnosis",
        predictions = "predicted",
        scores = "p_malignant")
class SparkScoredTest {

    @AccuracyAtLeast(0.95)
    void accurateEnough() {}

    @RecallAtLeast(value = 0.9, positiveLabel = "malignant")
    void findsMalignantTumours() {}

    @PrecisionAtLeast(value = 0.9, positiveLabel = "malignant")
    void fewFalseAlarms() {}
}
