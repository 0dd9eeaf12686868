package dev.modeltest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.TestData;
import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.junit.OutputRange;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.util.ReflectionUtils;

/** The annotations, the shared subject, nesting and injection, running on the JUnit 6 platform. */
@ModelTest(
        provider = JUnit6ModelTest.PetalRule.class,
        data = "../modeltest-examples/src/test/resources/iris-test.csv",
        label = "species")
class JUnit6ModelTest {

    /** A hand-written rule on petal length and width: the kind of model a provider wraps. */
    public static class PetalRule implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("setosa", "versicolor", "virginica"), (row, p) -> {
                double length = row.getDouble("petal_length");
                double width = row.getDouble("petal_width");
                int species = length < 2.5 ? 0 : width < 1.75 ? 1 : 2;
                p[0] = p[1] = p[2] = 0.05;
                p[species] = 0.9;
            });
        }
    }

    @Test
    void runsOnJUnit6() {
        Package jupiter = Test.class.getPackage();
        assertThat(jupiter.getImplementationVersion()).startsWith("6.");
        assertThat(ReflectionUtils.class).isNotNull();
    }

    @AccuracyAtLeast(0.9)
    void accurateEnough() {}

    @OutputRange
    void probabilitiesAreProbabilities() {}

    @LatencyUnder(millis = 5, warmup = 100, samples = 400)
    void fastEnough() {}

    @NoMissingValues
    void complete() {}

    @Nested
    class Injection {
        @Test
        void injectsPredictionsAndData(Predictions predictions, TestData data) {
            assertThat(predictions.size()).isEqualTo(data.rowCount()).isEqualTo(30);
        }
    }
}
