package dev.modeltest.benchmarks;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.AucAtLeast;
import dev.modeltest.junit.CalibrationErrorAtMost;
import dev.modeltest.junit.DemographicParity;
import dev.modeltest.junit.EqualizedOdds;
import dev.modeltest.junit.F1AtLeast;
import dev.modeltest.junit.LogLossAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoDrift;
import dev.modeltest.junit.NoDuplicateRows;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.subject.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A churn model's release checks, as a team would write them: performance with intervals, per region, calibration,
 * output sanity, the data's schema and quality, drift from the training data, and fairness between the sexes.
 * {@link EndToEndBenchmark} runs this class through the JUnit Platform launcher on the files {@link EndToEndData}
 * writes (a million rows, and a hundred thousand to show how the time scales). Every check passes on that data; the
 * thresholds leave room for the sampling noise of 100,000 rows. No latency checks: they spend time by design.
 *
 * <p>The {@code @BeforeEach}/{@code @AfterEach} methods time each test's checks for {@link CheckTimes}: the run record
 * gives the shared steps' times but not the checks'.
 */
@ModelTest(
        provider = ChurnModelProvider.class,
        data = EndToEndData.ROWS,
        label = "churn",
        features = {"x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10"})
class MillionRowModelTest {

    /** The number of gated tests below; the benchmark fails a shot in which fewer ran or any failed. */
    static final int TESTS = 12;

    @AccuracyAtLeast(value = 0.78, confidence = 0.95)
    void accurate() {}

    @AucAtLeast(value = 0.83, positiveLabel = "churn", confidence = 0.95)
    void ranksChurnersFirst() {}

    @F1AtLeast(value = 0.58, positiveLabel = "churn", slicedBy = "region")
    void findsChurnersInEveryRegion() {}

    @CalibrationErrorAtMost(value = 0.02, positiveLabel = "churn")
    void calibrated() {}

    @LogLossAtMost(0.45)
    void lowLogLoss() {}

    @OutputRange(min = 0.0, max = 1.0)
    void probabilitiesAreProbabilities() {}

    @SchemaMatches(EndToEndData.SCHEMA)
    void dataMatchesTheSchema() {}

    @NoMissingValues
    void noGaps() {}

    @NoDuplicateRows
    void noDuplicates() {}

    @NoDrift(reference = EndToEndData.REFERENCE)
    void featuresDistributedAsInTraining() {}

    @DemographicParity(attribute = "sex", maxDifference = 0.02, positiveLabel = "churn", confidence = 0.95)
    void churnPredictedAlikeForBothSexes() {}

    @EqualizedOdds(attribute = "sex", maxDifference = 0.03, positiveLabel = "churn")
    void errsAlikeForBothSexes() {}

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
