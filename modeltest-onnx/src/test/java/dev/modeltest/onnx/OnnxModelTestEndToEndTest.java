package dev.modeltest.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.OutputRange;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@code @ModelTest} runs its gates on ONNX and MLflow models found through the loader SPI. */
class OnnxModelTestEndToEndTest {

    @ModelTest(
            model = "src/test/resources/mlflow/iris-onnx/MLmodel",
            data = "src/test/resources/onnx/iris.csv",
            label = "species")
    static class MlflowIrisTestCase {
        @AccuracyAtLeast(0.95)
        void accurate() {}

        @AccuracyAtLeast(0.99)
        void tooDemanding() {}

        @OutputRange(min = 0, max = 1)
        void probabilities() {}
    }

    @ModelTest(
            model = "src/test/resources/onnx/diabetes-columns.onnx",
            data = "src/test/resources/onnx/diabetes.csv",
            label = "progression")
    static class PerColumnRegressorTestCase {
        @OutputRange(min = 0, max = 400)
        void plausible() {}

        @OutputRange(min = 0, max = 250)
        void tooNarrow() {}
    }

    @ModelTest(
            model = "src/test/resources/onnx/iris-zipmap.onnx",
            data = "src/test/resources/onnx/iris.csv",
            label = "species")
    static class WrongWidthTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("modeltest.output.dir", "target/modeltest-fixtures")
                .selectors(selectClass(fixture))
                .execute();
    }

    private static List<String> succeeded(EngineExecutionResults results) {
        return results.testEvents().succeeded().stream()
                .map(e -> e.getTestDescriptor().getDisplayName())
                .sorted()
                .collect(Collectors.toList());
    }

    private static String failureOf(EngineExecutionResults results, String method) {
        List<String> messages = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .map(OnnxModelTestEndToEndTest::message)
                .collect(Collectors.toList());
        assertThat(messages).as("failures of %s()", method).hasSize(1);
        return messages.get(0);
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(t -> String.valueOf(t.getMessage()))
                .orElse("<no throwable>");
    }

    @Test
    void gatesRunOnAnMlflowModelDirectory() {
        EngineExecutionResults results = run(MlflowIrisTestCase.class);
        // The signature selects the four feature columns; species_code in the CSV is not fed to the model.
        assertThat(succeeded(results)).containsExactly("accurate()", "probabilities()");
        assertThat(failureOf(results, "tooDemanding")).contains("iris.csv").contains("0.9667");
    }

    @Test
    void gatesRunOnAPerColumnRegressor() {
        EngineExecutionResults results = run(PerColumnRegressorTestCase.class);
        assertThat(succeeded(results)).containsExactly("plausible()");
        assertThat(failureOf(results, "tooNarrow")).contains("296.7");
    }

    @Test
    void featureMismatchFailsTheGateWithWhatTheModelExpects() {
        EngineExecutionResults results = run(WrongWidthTestCase.class);
        assertThat(failureOf(results, "accurate"))
                .contains("ONNX model iris-zipmap.onnx (3 classes) takes 4 feature(s) in its input float_input"
                        + " (float [N, 4]), but the test gives it 5: [sepal_length, sepal_width, petal_length,"
                        + " petal_width, species_code]");
    }
}
