package dev.modeltest.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written protobuf reader finds nodes and class labels, and rejects malformed bytes. */
class OnnxGraphTest {

    @Test
    void readsTheNodesOfAConvertedClassifier() throws IOException {
        OnnxGraph graph = OnnxGraph.parse(Files.readAllBytes(Path.of("src/test/resources/onnx/iris-zipmap.onnx")));
        assertThat(graph.nodes()).extracting(OnnxGraph.Node::opType).containsExactly("LinearClassifier", "ZipMap");
        assertThat(graph.nodes()).extracting(OnnxGraph.Node::domain).containsOnly("ai.onnx.ml");
        assertThat(graph.nodes().get(0).outputs()).containsExactly("output_label", "probability_tensor");
        assertThat(graph.classLabels("output_probability", -1))
                .contains(new OnnxGraph.Labels(
                        List.of("setosa", "versicolor", "virginica"), "the classlabels_strings of its ZipMap node"));
    }

    @Test
    void readsIntegerClassLabels() throws IOException {
        OnnxGraph graph =
                OnnxGraph.parse(Files.readAllBytes(Path.of("src/test/resources/onnx/breast-cancer-zipmap-int.onnx")));
        assertThat(graph.nodes())
                .extracting(OnnxGraph.Node::opType)
                .containsExactly("Scaler", "LinearClassifier", "Normalizer", "ZipMap");
        assertThat(graph.nodes().get(1).classLabels()).containsEntry("classlabels_ints", List.of("0", "1"));
        assertThat(graph.classLabels("output_probability", 2).orElseThrow().names())
                .containsExactly("0", "1");
    }

    @Test
    void ignoresLabelsWhoseCountDiffersFromTheProbabilityColumns() throws IOException {
        OnnxGraph graph = OnnxGraph.parse(Files.readAllBytes(Path.of("src/test/resources/onnx/iris-zipmap.onnx")));
        assertThat(graph.classLabels("output_probability", 4)).isEmpty();
    }

    @Test
    void decodesPackedAndUnpackedAndNegativeInts() {
        // NodeProto{op_type "TreeEnsembleClassifier", domain "ai.onnx.ml", attribute{name "classlabels_int64s",
        // ints [-1, 7] packed}, attribute{name "classlabels_ints", ints 300 unpacked}}, in a GraphProto in a
        // ModelProto, written by hand with the protobuf wire format.
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        varint(packed, -1);
        varint(packed, 7);
        byte[] first = concat(field(1, "classlabels_int64s"), field(8, packed.toByteArray()));
        ByteArrayOutputStream unpacked = new ByteArrayOutputStream();
        unpacked.writeBytes(field(1, "classlabels_ints"));
        unpacked.write(8 << 3);
        varint(unpacked, 300);
        byte[] node = concat(
                field(4, "TreeEnsembleClassifier"),
                field(7, "ai.onnx.ml"),
                field(5, first),
                field(5, unpacked.toByteArray()));
        byte[] model = concat(new byte[] {8, 8}, field(7, field(1, node)));
        OnnxGraph.Node parsed = OnnxGraph.parse(model).nodes().get(0);
        assertThat(parsed.opType()).isEqualTo("TreeEnsembleClassifier");
        assertThat(parsed.classLabels())
                .containsEntry("classlabels_int64s", List.of("-1", "7"))
                .containsEntry("classlabels_ints", List.of("300"));
    }

    @Test
    void rejectsAFieldRunningPastTheEnd() {
        byte[] model = {(7 << 3) | 2, 100, 1, 2, 3};
        assertThatThrownBy(() -> OnnxGraph.parse(model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field of 100 bytes at byte 2 runs past its message's end");
    }

    @Test
    void rejectsGroupWireTypes() {
        byte[] model = {(3 << 3) | 3};
        assertThatThrownBy(() -> OnnxGraph.parse(model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported protobuf wire type 3 at byte 1");
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] field(int number, String text) {
        return field(number, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(int number, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(number << 3 | 2);
        varint(out, bytes.length);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
