package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.drift.DriftCheck;
import dev.modeltest.drift.DriftOptions;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoDrift;
import dev.modeltest.subject.Subject;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Drift of the test data from the training data, per feature column, with {@link NoDrift}.
 *
 * <p>The held-out iris rows are distributed like the training rows, so the gate passes. Its message still lists
 * every column with its effect size and p-value; two columns have a Kolmogorov–Smirnov D above 0.1, but with 30 test
 * rows that is within sampling noise (p 0.37 and 0.88), which is why the default gate asks for both a large effect and
 * a significant p-value.
 *
 * <p>The nested class shows the gate catching drift: {@code iris-drifted.csv} (made by {@code
 * scripts/data/make_iris_drifted.py}) is the same test set with every petal 1.5 cm longer. Every gate of this module
 * must pass in CI, so instead of a failing {@code @NoDrift} it runs the check behind {@code @NoDrift} and asserts that
 * it fails, naming petal_length and only petal_length.
 */
@ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-test.csv", label = "species")
class IrisDriftTest {

    static final String TRAINING_DATA = "src/test/resources/iris-train.csv";

    @NoDrift(reference = TRAINING_DATA)
    void testDataIsDistributedLikeTheTrainingData() {}

    @Nested
    @ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-drifted.csv", label = "species")
    class LengthenedPetals {

        @Test
        void noDriftCatchesTheShiftedPetalLengths(Subject subject) {
            CheckResult result = new DriftCheck(
                            "@NoDrift on IrisDriftTest.LengthenedPetals",
                            TRAINING_DATA,
                            List.of(),
                            DriftOptions.defaults())
                    .run(subject);

            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.details().get("drifted")).isEqualTo(List.of("petal_length"));
            assertThat(result.message())
                    .startsWith("Expecting no drift in 4 column(s) of iris-drifted.csv (n=30) against reference"
                            + " iris-train.csv (n=120),\n")
                    .contains("but 1 of 4 column(s) drifted: petal_length\n")
                    .contains("  petal_length  KS      D=0.4667 ");
        }
    }
}
