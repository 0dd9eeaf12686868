package dev.modeltest.behaviour;

import static dev.modeltest.behaviour.BehaviourFixtures.run;
import static dev.modeltest.behaviour.BehaviourFixtures.runRegressor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.modeltest.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages that docs/behaviour.md quotes under "Bad input" are the messages the checks give: each bad
 * configuration is run here and its message must appear on the page verbatim, so the page cannot fall behind.
 */
class BehaviourDocsTest {

    /** Relative to the module's directory, where Surefire runs the tests. */
    static final Path PAGE = Path.of("../docs/behaviour.md");

    @TempDir
    Path dir;

    @Test
    void everyQuotedBadInputMessageIsTheChecksOwn() throws Exception {
        String page = Files.readString(PAGE);
        Model throwsOnNewBlue = Model.classifier(BehaviourFixtures.CLASSES, row -> {
            if ("blue".equals(row.getString("color")) && row.getDouble("x1") == 0) {
                throw new IllegalStateException("no blue at 0");
            }
            return 0;
        });
        String invariant = "@InvariantTo on T.m()";
        String monotonic = "@Monotonic on T.m()";
        String noise = "@StableUnderNoise on T.m()";
        String generated = "@HandlesGeneratedInputs on T.m()";
        List<ThrowingCallable> bad = List.of(
                () -> run(dir, new InvarianceCheck(invariant, "colour"), BehaviourFixtures.byX1()),
                () -> run(
                        dir,
                        new InvarianceCheck(invariant, "color", List.of("red", "gren"), 0, 0),
                        BehaviourFixtures.byX1()),
                () -> new InvarianceCheck(invariant, "color", List.of("red", "red"), 0, 0),
                () -> run(dir, new InvarianceCheck(invariant, "x1"), BehaviourFixtures.byX1()),
                () -> new InvarianceCheck(invariant, "color", List.of(), 1.5, 0),
                () -> new InvarianceCheck(invariant, "color", List.of(), 0, 0.95),
                () -> new InvarianceCheck(invariant, "color", List.of(), 0, -0.1, 0),
                () -> run(dir, new InvarianceCheck(invariant, "color", List.of(), 0, 0.1, 0), BehaviourFixtures.byX1()),
                () -> run(dir, new InvarianceCheck(invariant, "color"), throwsOnNewBlue),
                () -> run(
                        dir, new MonotonicityCheck(monotonic, "color", Direction.INCREASING), BehaviourFixtures.byX1()),
                () -> new MonotonicityCheck(monotonic, "x1", Direction.INCREASING, -1, "", 0, 0, 0),
                () -> run(
                        dir,
                        new MonotonicityCheck(monotonic, "x1", Direction.INCREASING, 0.1, "B", 0, 0, 0),
                        BehaviourFixtures.byX1()),
                () -> run(
                        dir,
                        new MonotonicityCheck(monotonic, "x1", Direction.INCREASING),
                        Model.classifier(BehaviourFixtures.CLASSES, row -> 0)),
                () -> run(
                        dir,
                        new NoiseStabilityCheck(noise, List.of("colr"), 0.05, 0.02, Double.NaN, 42, 0),
                        BehaviourFixtures.byX1()),
                () -> new NoiseStabilityCheck(noise, List.of(), 0, 0.02, Double.NaN, 42, 0),
                () -> runRegressor(dir, new NoiseStabilityCheck(noise), Model.regressor(row -> row.getDouble("x1"))),
                () -> run(
                        dir,
                        new NoiseStabilityCheck(noise, List.of(), 0.05, 0.02, 0.01, 42, 0),
                        BehaviourFixtures.byX1()),
                () -> new GeneratedInputsCheck(generated, 0, "", 42, Double.NaN, Double.NaN),
                () -> new GeneratedInputsCheck(generated, 10, "", 42, 1, 0));

        List<String> missing = new ArrayList<>();
        for (ThrowingCallable configuration : bad) {
            Throwable thrown = catchThrowable(configuration);
            assertThat(thrown).as("a bad configuration must throw").isNotNull();
            if (!page.contains("`" + thrown.getMessage() + "`")) {
                missing.add(thrown.getMessage());
            }
        }

        assertThat(missing)
                .as("messages not quoted verbatim in docs/behaviour.md")
                .isEmpty();
    }
}
