package dev.modeltest.behaviour;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Check;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that evaluates a predictions column has no model to call on changed or generated rows: every behavioural
 * check refuses it before reading anything else, naming the annotation, the column and what to give instead.
 */
class PredictionsColumnTest {

    @TempDir
    Path dir;

    @Test
    void everyBehaviouralCheckRefusesAPredictionsColumnSayingWhy() throws Exception {
        Map<String, Check> checks = Map.of(
                "@InvariantTo on T.m()", new InvarianceCheck("@InvariantTo on T.m()", "color"),
                "@Monotonic on T.m()", new MonotonicityCheck("@Monotonic on T.m()", "x1", Direction.INCREASING),
                "@StableUnderNoise on T.m()", new NoiseStabilityCheck("@StableUnderNoise on T.m()"),
                "@HandlesGeneratedInputs on T.m()",
                        new GeneratedInputsCheck(
                                "@HandlesGeneratedInputs on T.m()", 10, "", 42, Double.NaN, Double.NaN));

        try (Subject subject = BehaviourFixtures.subject(dir, new ModelSource.Columns("label", List.of()))) {
            for (Map.Entry<String, Check> check : checks.entrySet()) {
                assertThatThrownBy(() -> check.getValue().run(subject))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessage(check.getKey() + ": it predicts changed or generated rows, so it needs a model to"
                                + " call, but @ModelTest on T evaluates predictions column 'label', which holds"
                                + " predictions of the test rows only; give 'model' or 'provider' instead");
            }
        }
    }
}
