package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.drift.Correction;
import dev.modeltest.drift.DriftMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@link NoDrift} through the JUnit engine: passing on a fresh draw of the reference's distribution, failing on a
 * shifted one with the per-column table, and rejecting bad attributes. The fixtures {@code drift-*.csv} come from
 * {@code scripts/golden/make_drift_golden.py}: {@code x1} normal(10, 2), {@code x2} uniform(0, 1), {@code color} red
 * / green / blue at 50 / 30 / 20%; the shifted set moves x1 by +2 and the colours to 20 / 30 / 50%.
 */
class DriftAnnotationsTest {

    static final String REFERENCE = "src/test/resources/fixtures/drift-reference.csv";

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/drift-same.csv", label = "label")
    static class SameDistributionTestCase {
        @NoDrift(reference = REFERENCE)
        void features() {}

        @NoDrift(reference = "classpath:fixtures/drift-reference.csv", method = DriftMethod.PSI)
        void psiFromTheClassPath() {}

        @NoDrift(
                reference = REFERENCE,
                method = DriftMethod.JENSEN_SHANNON,
                columns = {"x1", "color"})
        void jensenShannon() {}
    }

    @Test
    void passesWhenTheTestDataIsAFreshDrawOfTheReferencesDistribution() {
        assertThat(succeeded(run(SameDistributionTestCase.class)))
                .containsExactly("features()", "jensenShannon()", "psiFromTheClassPath()");
    }

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/drift-shifted.csv", label = "label")
    static class ShiftedTestCase {
        @NoDrift(reference = REFERENCE)
        void features() {}

        @NoDrift(reference = REFERENCE, columns = "x2")
        void unshiftedColumn() {}

        @NoDrift(reference = REFERENCE, columns = "x1", method = DriftMethod.WASSERSTEIN, threshold = 0.5)
        void wasserstein() {}

        @NoDrift(reference = REFERENCE, pValue = 0.001, correction = Correction.BENJAMINI_HOCHBERG)
        void pValueGate() {}
    }

    @Test
    void failsWithThePerColumnTableWorstFirstWhenColumnsDrifted() {
        EngineExecutionResults results = run(ShiftedTestCase.class);

        assertThat(succeeded(results)).containsExactly("unshiftedColumn()");
        assertThat(failureOf(results, "features")).isEqualTo("""
                        Expecting no drift in 3 column(s) of drift-shifted.csv (n=150) against reference drift-reference.csv (n=200),
                        where a column drifts when its effect size exceeds the method's threshold and Holm-adjusted p ≤ 0.05,
                        but 2 of 3 column(s) drifted: color, x1
                          column  method      statistic         effect    threshold  p         p (Holm)  n_ref  n_test  verdict
                          color   chi-square  χ²=55.6162, df=2  V=0.3965  0.1000     8.38e-13  2.51e-12  200    150     DRIFT
                          x1      KS          D=0.3633          D=0.3633  0.1000     1.51e-10  3.01e-10  200    150     DRIFT
                          x2      KS          D=0.0800          D=0.0800  0.1000     0.618     0.618     200    150     ok""");
        assertThat(TestKit.throwableOf(results, "features")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void theMethodThresholdPValueAndCorrectionAttributesReachTheCheck() {
        EngineExecutionResults results = run(ShiftedTestCase.class);

        assertThat(failureOf(results, "wasserstein")).isEqualTo("""
                        Expecting no drift in 1 column(s) of drift-shifted.csv (n=150) against reference drift-reference.csv (n=200),
                        where a column drifts when its effect size exceeds 0.5 and Holm-adjusted p ≤ 0.05,
                        but 1 of 1 column(s) drifted: x1
                          column  method       statistic  effect      threshold  p         p (Holm)  n_ref  n_test  verdict
                          x1      Wasserstein  D=0.3633   W/σ=0.9245  0.5000     1.51e-10  1.51e-10  200    150     DRIFT
                        note: the p-values of Wasserstein come from the KS test on the same values.""");
        assertThat(failureOf(results, "pValueGate")).startsWith("""
                        Expecting no drift in 3 column(s) of drift-shifted.csv (n=150) against reference drift-reference.csv (n=200),
                        where a column drifts when its Benjamini–Hochberg-adjusted p ≤ 0.001,
                        but 2 of 3 column(s) drifted: color, x1
                          column  method      statistic         effect    threshold  p         p (BH)    n_ref  n_test  verdict
                        """);
    }

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/drift-shifted.csv", label = "label")
    static class BadAttributesTestCase {
        @NoDrift(reference = REFERENCE, threshold = 1.5)
        void thresholdTooHigh() {}

        @NoDrift(reference = REFERENCE, method = DriftMethod.PSI, threshold = -1)
        void negativePsiThreshold() {}

        @NoDrift(reference = REFERENCE, pValue = 1)
        void pValueOne() {}

        @NoDrift(reference = REFERENCE, bins = 1)
        void oneBin() {}

        @NoDrift(reference = "src/test/resources/fixtures/drift-train.csv")
        void missingReference() {}

        @NoDrift(
                reference = REFERENCE,
                columns = {"x1", "x3"})
        void unknownColumn() {}

        @NoDrift(reference = REFERENCE, columns = "color", method = DriftMethod.KOLMOGOROV_SMIRNOV)
        void ksOnCategories() {}
    }

    @Test
    void badAttributesAreConfigurationErrorsNamingTheAttributeAndValue() {
        EngineExecutionResults results = run(BadAttributesTestCase.class);

        assertThat(succeeded(results)).isEmpty();
        assertThat(failureOf(results, "thresholdTooHigh"))
                .isEqualTo(
                        "@NoDrift on BadAttributesTestCase.thresholdTooHigh(): 'threshold' must be in (0, 1) for auto"
                                + " (the effect size D or V), was 1.5");
        assertThat(failureOf(results, "negativePsiThreshold"))
                .isEqualTo("@NoDrift on BadAttributesTestCase.negativePsiThreshold(): 'threshold' must be positive and"
                        + " finite for PSI (the effect size PSI), was -1");
        assertThat(failureOf(results, "pValueOne"))
                .isEqualTo("@NoDrift on BadAttributesTestCase.pValueOne(): 'pValue' must be in (0, 1), was 1");
        assertThat(failureOf(results, "oneBin"))
                .isEqualTo("@NoDrift on BadAttributesTestCase.oneBin(): 'bins' must be in [2, 100], was 1");
        assertThat(failureOf(results, "missingReference"))
                .startsWith("@NoDrift on BadAttributesTestCase.missingReference(): 'reference' file"
                        + " 'src/test/resources/fixtures/drift-train.csv' does not exist (looked at /");
        assertThat(failureOf(results, "unknownColumn"))
                .isEqualTo("@NoDrift on BadAttributesTestCase.unknownColumn(): 'columns' names 'x3', which"
                        + " drift-shifted.csv does not have (did you mean 'x1'?); its columns are x1, x2, color, label,"
                        + " pred");
        assertThat(failureOf(results, "ksOnCategories"))
                .isEqualTo("@NoDrift on BadAttributesTestCase.ksOnCategories(): method KOLMOGOROV_SMIRNOV compares"
                        + " numbers, but column 'color' of drift-reference.csv holds string values; use CHI_SQUARE,"
                        + " PSI, JENSEN_SHANNON or AUTO for it");
        for (String method : new String[] {"thresholdTooHigh", "missingReference", "unknownColumn", "ksOnCategories"}) {
            assertThat(TestKit.throwableOf(results, method))
                    .as(method)
                    .isInstanceOf(ExtensionConfigurationException.class);
        }
    }
}
