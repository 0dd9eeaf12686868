package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.Averaging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @FBetaAtLeast} end to end. On the fixture, class b has precision 18/26 and recall 18/20, so F2 (recall
 * weighed more) is higher than F0.5: scikit-learn's {@code fbeta_score(y, pred, pos_label='b')} gives 0.8490566 at
 * beta 2 and 0.7258065 at beta 0.5, and 0.7436772 macro-averaged at beta 2.
 */
class FBetaAnnotationTest {

    static final String DATA = "src/test/resources/fixtures/fbeta-binary.csv";

    @ModelTest(data = DATA, label = "label", predictions = "pred")
    static class FBetaTestCase {
        @FBetaAtLeast(value = 0.8, beta = 2)
        void recallWeighedHolds() {}

        @FBetaAtLeast(value = 0.8, beta = 0.5)
        void precisionWeighedFails() {}

        @FBetaAtLeast(value = 0.75, beta = 2, average = Averaging.MACRO)
        void macroFails() {}

        @FBetaAtLeast(value = 0.5, beta = 0)
        void zeroBeta() {}

        @FBetaAtLeast(value = 0.5, beta = -1)
        void negativeBeta() {}

        @FBetaAtLeast(value = 0.5, beta = Double.NaN)
        void notANumberBeta() {}

        @FBetaAtLeast(value = 1.5, beta = 2)
        void valueOutOfRange() {}
    }

    @Test
    void passesWhereTheScoreClearsTheThreshold() {
        EngineExecutionResults results = run(FBetaTestCase.class);

        assertThat(succeeded(results)).containsExactly("recallWeighedHolds()");
    }

    @Test
    void failsWithTheScoreNamedByItsBetaAndTheGap() {
        EngineExecutionResults results = run(FBetaTestCase.class);

        assertThat(failureOf(results, "precisionWeighedFails"))
                .isEqualTo("Expecting model F0.5 (positive class 'b') on fbeta-binary.csv (n=40):\n"
                        + "  0.7258 (95% CI 0.5419–0.8661, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but it was 0.0742 below.");
        assertThat(failureOf(results, "macroFails"))
                .isEqualTo("Expecting model F2 (macro) on fbeta-binary.csv (n=40):\n"
                        + "  0.7437 (95% CI 0.6043–0.8710, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.7500\n"
                        + "but it was 0.0063 below.");
        assertThat(TestKit.throwableOf(results, "precisionWeighedFails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void aBetaThatIsNotAFiniteNumberAboveZeroIsAConfigurationErrorNamingTheAttribute() {
        EngineExecutionResults results = run(FBetaTestCase.class);

        assertThat(failureOf(results, "zeroBeta"))
                .isEqualTo("@FBetaAtLeast on FBetaTestCase.zeroBeta(): 'beta' must be a finite number above 0, was 0");
        assertThat(failureOf(results, "negativeBeta"))
                .isEqualTo("@FBetaAtLeast on FBetaTestCase.negativeBeta(): 'beta' must be a finite number above 0,"
                        + " was -1");
        assertThat(failureOf(results, "notANumberBeta"))
                .isEqualTo("@FBetaAtLeast on FBetaTestCase.notANumberBeta(): 'beta' must be a finite number above 0,"
                        + " was NaN");
        assertThat(TestKit.throwableOf(results, "zeroBeta")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void aValueOutsideTheScoresRangeIsAConfigurationError() {
        EngineExecutionResults results = run(FBetaTestCase.class);

        assertThat(failureOf(results, "valueOutOfRange"))
                .isEqualTo("@FBetaAtLeast on FBetaTestCase.valueOutOfRange(): 'value' must be in [0, 1] for F-beta,"
                        + " was 1.5");
    }
}
