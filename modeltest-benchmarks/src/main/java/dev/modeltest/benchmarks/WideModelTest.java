package dev.modeltest.benchmarks;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.AucAtLeast;
import dev.modeltest.junit.DemographicParity;
import dev.modeltest.junit.LogLossAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoDrift;
import dev.modeltest.junit.NoDuplicateRows;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.subject.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The wide variant of {@link MillionRowModelTest}: a model over fifty features, checked for its data's schema and
 * quality, drift of all fifty features from the training data, performance, and fairness between two groups. {@link
 * EndToEndBenchmark} runs this class with {@code shape=wide} on the files {@link WideEndToEndData} writes. Every check
 * passes on that data; the thresholds leave room for the sampling noise of 20,000 rows.
 *
 * <p>The {@code @BeforeEach}/{@code @AfterEach} methods time each test's checks for {@link CheckTimes}, as in {@link
 * MillionRowModelTest}.
 */
@ModelTest(
        provider = WideModelProvider.class,
        data = WideEndToEndData.ROWS,
        label = "label",
        features = {
            "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12", "f13", "f14", "f15", "f16",
            "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25", "f26", "f27", "f28", "f29", "f30", "f31",
            "f32", "f33", "f34", "f35", "f36", "f37", "f38", "f39", "f40", "f41", "f42", "f43", "f44", "f45", "f46",
            "f47", "f48", "f49", "f50"
        })
class WideModelTest {

    /** The number of gated tests below; the benchmark fails a shot in which fewer ran or any failed. */
    static final int TESTS = 8;

    @SchemaMatches(WideEndToEndData.SCHEMA)
    void dataMatchesTheSchema() {}

    @NoMissingValues
    void noGaps() {}

    @NoDuplicateRows
    void noDuplicates() {}

    @NoDrift(reference = WideEndToEndData.REFERENCE)
    void allFiftyFeaturesDistributedAsInTraining() {}

    @AccuracyAtLeast(value = 0.78, confidence = 0.95)
    void accurate() {}

    @AucAtLeast(value = 0.86, positiveLabel = "positive", confidence = 0.95)
    void ranksPositivesFirst() {}

    @LogLossAtMost(0.45)
    void lowLogLoss() {}

    @DemographicParity(attribute = "group", maxDifference = 0.03, positiveLabel = "positive", confidence = 0.95)
    void predictedAlikeForBothGroups() {}

    @BeforeEach
    void startClock(Subject subject, TestInfo test) {
        CheckTimes.started(name(test), subject.stepNanos());
    }

    @AfterEach
    void stopClock(Subject subject, TestInfo test) {
        CheckTimes.finished(name(test), subject.stepNanos());
    }

    private static String name(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName() + "()";
    }
}
