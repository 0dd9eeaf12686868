package dev.modeltest.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OnnxInputs} builds one tensor holding every column, or one tensor per column, converting cells to each
 * input's element type, and names row, column and input when a cell does not convert.
 */
class OnnxInputsTest {

    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

    @TempDir
    Path dir;

    private Batch batch;
    private final Map<String, OnnxTensor> feed = new LinkedHashMap<>();

    @BeforeEach
    void writeData() throws IOException {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "width,count,flag,colour\n1.5,2,true,red\n2.25,2.5,yes,\n");
        var data = OnnxFixtures.data(csv.toString());
        batch = Features.of(data, List.of("width", "count", "flag", "colour")).batch(0, 2);
    }

    @AfterEach
    void closeTensors() {
        feed.values().forEach(OnnxTensor::close);
    }

    @Test
    void singleTensorHoldsTheBoundColumnsRowByRow() throws OrtException {
        var input = new OnnxSignature.Input("x", OnnxJavaType.FLOAT, new long[] {-1, 2});

        new OnnxInputs(ENVIRONMENT, List.of(input)).feed(feed, batch, 0, 2, new int[] {1, 0});

        OnnxTensor tensor = feed.get("x");
        assertThat(tensor.getInfo().getShape()).containsExactly(2, 2);
        FloatBuffer values = tensor.getFloatBuffer();
        assertThat(new float[] {values.get(0), values.get(1), values.get(2), values.get(3)})
                .containsExactly(2f, 1.5f, 2.5f, 2.25f);
    }

    @Test
    void perColumnInputsGetOneTensorEach() throws OrtException {
        var width = new OnnxSignature.Input("width", OnnxJavaType.DOUBLE, new long[] {-1, 1});
        var colour = new OnnxSignature.Input("colour", OnnxJavaType.STRING, new long[] {-1});

        new OnnxInputs(ENVIRONMENT, List.of(width, colour)).feed(feed, batch, 0, 1, new int[] {0, 3});

        assertThat(feed).containsOnlyKeys("width", "colour");
        assertThat(feed.get("width").getDoubleBuffer().get(0)).isEqualTo(1.5);
        assertThat((String[]) feed.get("colour").getValue()).containsExactly("red");
    }

    @Test
    void integerInputRejectsAFraction() {
        var count = new OnnxSignature.Input("count", OnnxJavaType.INT64, new long[] {-1});

        assertThatThrownBy(() -> new OnnxInputs(ENVIRONMENT, List.of(count)).feed(feed, batch, 0, 2, new int[] {1}))
                .isInstanceOf(DataException.class)
                .hasMessage("row 2, column 'count' is 2.5, but the model's input count (int64 [N]) takes whole"
                        + " numbers only");
    }

    @Test
    void boolInputTakesTrueFalseOrOneZeroOnly() {
        var flag = new OnnxSignature.Input("flag", OnnxJavaType.BOOL, new long[] {-1});

        assertThatThrownBy(() -> new OnnxInputs(ENVIRONMENT, List.of(flag)).feed(feed, batch, 0, 2, new int[] {2}))
                .isInstanceOf(DataException.class)
                .hasMessage("row 2, column 'flag' is 'yes', but the model's input flag (bool [N]) takes true/false"
                        + " (or 1/0) only");
    }

    @Test
    void stringInputCannotTakeAMissingCell() {
        var colour = new OnnxSignature.Input("colour", OnnxJavaType.STRING, new long[] {-1});

        assertThatThrownBy(() -> new OnnxInputs(ENVIRONMENT, List.of(colour)).feed(feed, batch, 0, 2, new int[] {3}))
                .isInstanceOf(DataException.class)
                .hasMessage("row 2, column 'colour' is missing, but the model's input colour (string [N]) cannot take"
                        + " a missing value");
    }
}
