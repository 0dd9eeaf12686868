package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The fairness annotations under {@code @ModelTest(weights = "w")}, on {@code fixtures/fair-weighted.csv}, whose
 * answers are known by construction. Its 85 rows:
 *
 * <pre>
 * sex  label  pred  w   rows
 * F    yes    yes   2   10
 * F    yes    no    1   15
 * F    no     no    1   15
 * M    yes    yes   0    5
 * M    yes    yes   1   20
 * M    no     no    1   20
 * </pre>
 *
 * <p>Unweighted, F is selected at 10/40 = 0.25 and M at 25/45 = 0.5556 (difference 0.3056); weighted, F at 20/50 =
 * 0.4 and M at 20/40 = 0.5 (difference 0.1), the 5 rows of weight 0 left out.
 */
class WeightedFairnessAnnotationsTest {

    static final String DATA = "src/test/resources/fixtures/fair-weighted.csv";

    @ModelTest(predictions = "pred", weights = "w", data = DATA, label = "label")
    static class WeightedTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.15)
        void withinDifference() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.05)
        void overDifference() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "M")
        void fourFifths() {}
    }

    @ModelTest(predictions = "pred", data = DATA, label = "label")
    static class UnweightedTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.15)
        void withinDifference() {}
    }

    @ModelTest(predictions = "pred", weights = "weight", data = DATA, label = "label")
    static class MissingWeightColumnTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.15)
        void withinDifference() {}
    }

    @Test
    void theWeightedDifferencePassesWhereTheUnweightedOneFails() {
        EngineExecutionResults weighted = run(WeightedTestCase.class);
        EngineExecutionResults unweighted = run(UnweightedTestCase.class);

        assertThat(succeeded(weighted)).containsExactly("fourFifths()", "withinDifference()");
        assertThat(failureOf(unweighted, "withinDifference")).isEqualTo("""
                        Expecting demographic parity across sex on fair-weighted.csv (n=85, positive label "yes"):
                          selection-rate difference (max − min) 0.3056 (95% CI 0.0972–0.5084, bootstrap of 2000 resamples, seed 42)
                        to be at most:
                          0.1500
                        but it was 0.1556 over: F is selected at 0.2500, M at 0.5556 (two-proportion z-test p = 0.00428).
                        groups of sex (2 judged; minGroupSize 30):
                          group  n   selection rate  TPR     FPR     verdict
                          F      40  0.2500          0.4000  0.0000  lowest
                          M      45  0.5556          1.0000  0.0000  highest""");
    }

    @Test
    void aWeightedFailureNamesTheWeightColumnAndTheWeightedRates() {
        assertThat(failureOf(run(WeightedTestCase.class), "overDifference")).isEqualTo("""
                        Expecting demographic parity across sex on fair-weighted.csv (n=80, weighted by 'w', 5 rows of weight 0 left out, positive label "yes"):
                          selection-rate difference (max − min) 0.1000 (95% CI 0.0077–0.3432, bootstrap of 2000 resamples of rows weighted by 'w', seed 42)
                        to be at most:
                          0.0500
                        but it was 0.0500 over: F is selected at 0.4000, M at 0.5000 (no two-proportion test: the rates are weighted by 'w').
                        groups of sex (2 judged; minGroupSize 30), rates weighted by 'w', n counting the rows of weight > 0:
                          group  n   weight  selection rate  TPR     FPR     verdict
                          F      40  50      0.4000          0.5714  0.0000  lowest
                          M      40  40      0.5000          1.0000  0.0000  highest""");
    }

    @Test
    void aMissingWeightColumnFailsNamingIt() {
        assertThat(failureOf(run(MissingWeightColumnTestCase.class), "withinDifference"))
                .isEqualTo(
                        "data set fair-weighted.csv has no weight column 'weight'; its columns are sex, label, pred, w");
    }
}
