package dev.modeltest.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Output;
import dev.modeltest.model.Task;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OnnxOutputs} turns output tensors and ZipMap sequences into class indexes, probabilities and values, and
 * fails naming the model and the output when an output does not fit the rows or the classes.
 */
class OnnxOutputsTest {

    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static final OnnxClassNames IRIS =
            new OnnxClassNames(List.of("setosa", "versicolor", "virginica"), "its metadata property 'classes'");

    private final Map<String, OnnxTensor> tensors = new HashMap<>();

    @AfterEach
    void closeTensors() {
        tensors.values().forEach(OnnxTensor::close);
    }

    @Test
    void probabilityTensorGivesOneRowOfProbabilitiesPerRow() throws OrtException {
        put("probabilities", new float[][] {{0.7f, 0.2f, 0.1f}, {0.1f, 0.1f, 0.8f}});
        Recording out = new Recording(3);

        outputs(new OnnxSignature.OutputNames(Task.CLASSIFICATION, null, "probabilities", false, null))
                .read(result(), 1, 2, out);

        assertThat(out.probabilities[1]).containsExactly(0.7f, 0.2f, 0.1f);
        assertThat(out.probabilities[2]).containsExactly(0.1f, 0.1f, 0.8f);
        assertThat(out.probabilities[0]).isNull();
    }

    @Test
    void probabilityTensorWithTooFewColumnsFailsNamingItsShape() throws OrtException {
        put("probabilities", new float[][] {{0.7f, 0.3f}, {0.4f, 0.6f}});

        assertThatThrownBy(() -> outputs(
                                new OnnxSignature.OutputNames(Task.CLASSIFICATION, null, "probabilities", false, null))
                        .read(result(), 0, 2, new Recording(2)))
                .isInstanceOf(ModelException.class)
                .hasMessage("iris (3 classes): its output float [2, 2] gave 4 values for 2 rows, expected 6");
    }

    @Test
    void zipMapsGiveProbabilitiesByClassName() {
        Recording out = new Recording(2);
        Map<String, Float> first = new LinkedHashMap<>();
        first.put("virginica", 0.6f);
        first.put("setosa", 0.1f);
        first.put("versicolor", 0.3f);

        zipMap().readMaps(List.of(first, Map.of("setosa", 1.0f)), 0, 2, out);

        assertThat(out.probabilities[0]).containsExactly(0.1f, 0.3f, 0.6f);
        // A class the map leaves out has no probability, not zero.
        assertThat(out.probabilities[1]).containsExactly(1.0, Double.NaN, Double.NaN);
    }

    @Test
    void zipMapsWithOneMapTooFewFailNamingTheOutput() {
        assertThatThrownBy(() -> zipMap().readMaps(List.of(Map.of("setosa", 1.0f)), 0, 2, new Recording(2)))
                .isInstanceOf(ModelException.class)
                .hasMessage("iris (3 classes): its output 'output_probability' gave 1 maps for 2 rows");
    }

    @Test
    void zipMapNamingAnUnknownClassFails() {
        assertThatThrownBy(() -> zipMap().readMaps(List.of(Map.of(7L, 1.0f)), 0, 1, new Recording(1)))
                .isInstanceOf(ModelException.class)
                .hasMessage("iris (3 classes): its output 'output_probability' gave a probability for class '7',"
                        + " which is not among its classes [setosa, versicolor, virginica]");
    }

    @Test
    void labelTensorGivesClassIndexes() throws OrtException {
        put("label", new String[] {"virginica", "setosa"});
        Recording out = new Recording(2);

        outputs(new OnnxSignature.OutputNames(Task.CLASSIFICATION, "label", null, false, null))
                .read(result(), 0, 2, out);

        assertThat(out.classes).containsExactly(2, 0);
    }

    @Test
    void labelOutsideTheClassesFailsSayingWhereTheClassesCameFrom() throws OrtException {
        put("label", new long[] {0L});

        assertThatThrownBy(() -> outputs(new OnnxSignature.OutputNames(Task.CLASSIFICATION, "label", null, false, null))
                        .read(result(), 0, 1, new Recording(1)))
                .isInstanceOf(ModelException.class)
                .hasMessage("iris (3 classes): its label output 'label' gave '0' for a row, which is not among its"
                        + " classes [setosa, versicolor, virginica] (read from its metadata property 'classes')."
                        + " Add the metadata property classes to the model to name them");
    }

    @Test
    void regressionValuesAreReadFromADoubleColumn() throws OrtException {
        put("variable", new double[][] {{151.5}, {75.25}});
        Recording out = new Recording(2);

        new OnnxOutputs(
                        "diabetes",
                        new OnnxSignature.OutputNames(Task.REGRESSION, null, null, false, "variable"),
                        OnnxClassNames.none())
                .read(result(), 0, 2, out);

        assertThat(out.values).containsExactly(151.5, 75.25);
    }

    @Test
    void missingOutputFailsNamingIt() {
        assertThatThrownBy(() -> new OnnxOutputs(
                                "diabetes",
                                new OnnxSignature.OutputNames(Task.REGRESSION, null, null, false, "variable"),
                                OnnxClassNames.none())
                        .read(result(), 0, 2, new Recording(2)))
                .isInstanceOf(ModelException.class)
                .hasMessage("diabetes returned no output 'variable'");
    }

    private OnnxOutputs zipMap() {
        return outputs(new OnnxSignature.OutputNames(Task.CLASSIFICATION, null, "output_probability", true, null));
    }

    private static OnnxOutputs outputs(OnnxSignature.OutputNames names) {
        return new OnnxOutputs("iris (3 classes)", names, IRIS);
    }

    private void put(String name, Object values) throws OrtException {
        tensors.put(name, OnnxTensor.createTensor(ENVIRONMENT, values));
    }

    private Function<String, Optional<OnnxValue>> result() {
        return name -> Optional.ofNullable(tensors.get(name));
    }

    /** Keeps what is written, by row. */
    private static final class Recording implements Output {
        final int[] classes;
        final double[][] probabilities;
        final double[] values;

        Recording(int rows) {
            classes = new int[rows];
            Arrays.fill(classes, -1);
            probabilities = new double[rows][];
            values = new double[rows];
        }

        @Override
        public void setClass(int row, int classIndex) {
            classes[row] = classIndex;
        }

        @Override
        public void setProbabilities(int row, double[] p) {
            probabilities[row] = p.clone();
        }

        @Override
        public void setValue(int row, double value) {
            values[row] = value;
        }

        @Override
        public void setClasses(int[] classIndexes) {
            System.arraycopy(classIndexes, 0, classes, 0, classIndexes.length);
        }

        @Override
        public void setValues(double[] values) {
            System.arraycopy(values, 0, this.values, 0, values.length);
        }
    }
}
