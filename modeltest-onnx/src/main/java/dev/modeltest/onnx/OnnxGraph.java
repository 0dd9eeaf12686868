package dev.modeltest.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few facts about an ONNX graph that ONNX Runtime's Java API does not expose: which nodes produce which outputs,
 * and the class labels written into classifier nodes ({@code ZipMap}, {@code LinearClassifier},
 * {@code TreeEnsembleClassifier}, {@code SVMClassifier}, ...).
 *
 * <p>Read straight from the protobuf wire format of the {@code .onnx} file (ModelProto field 7 is the graph, GraphProto
 * field 1 its nodes, NodeProto fields 2/4/5/7 outputs, op type, attributes, domain, AttributeProto fields 1/8/9 name,
 * ints, strings; see onnx.proto). A protobuf runtime plus generated ONNX classes would be a dependency of several
 * megabytes for the dozen fields read here, and initializers (the weights) are skipped without being decoded.
 */
final class OnnxGraph {

    /** A node of the main graph, with its class-label attributes (those whose name starts with classlabels). */
    record Node(String opType, String domain, List<String> outputs, Map<String, List<String>> classLabels) {}

    private final List<Node> nodes;

    private OnnxGraph(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    List<Node> nodes() {
        return nodes;
    }

    /**
     * Returns the class labels of the ZipMap node writing {@code output}, else of any classifier node of the
     * {@code ai.onnx.ml} domain, when that node names as many classes as {@code count} (or {@code count} is
     * unknown, below 0).
     */
    Optional<Labels> classLabels(String output, int count) {
        for (Node node : nodes) {
            if (node.opType().equals("ZipMap") && node.outputs().contains(output)) {
                Optional<Labels> labels = labelsOf(node, count);
                if (labels.isPresent()) {
                    return labels;
                }
            }
        }
        for (Node node : nodes) {
            if (node.domain().equals("ai.onnx.ml") && node.opType().endsWith("Classifier")) {
                Optional<Labels> labels = labelsOf(node, count);
                if (labels.isPresent()) {
                    return labels;
                }
            }
        }
        return Optional.empty();
    }

    /** Class labels and where they were read, for messages. */
    record Labels(List<String> names, String source) {}

    private static Optional<Labels> labelsOf(Node node, int count) {
        for (Map.Entry<String, List<String>> e : node.classLabels().entrySet()) {
            List<String> names = e.getValue();
            if (!names.isEmpty() && (count < 0 || names.size() == count)) {
                return Optional.of(new Labels(names, "the " + e.getKey() + " of its " + node.opType() + " node"));
            }
        }
        return Optional.empty();
    }

    /**
     * Parses the nodes of a serialized ModelProto.
     *
     * @throws IllegalArgumentException if the bytes are not a well-formed protobuf message
     */
    static OnnxGraph parse(byte[] model) {
        List<Node> nodes = new ArrayList<>();
        Reader reader = new Reader(model, 0, model.length);
        while (reader.more()) {
            long tag = reader.varint();
            if (tag >>> 3 == 7 && (tag & 7) == 2) {
                Reader graph = reader.message();
                while (graph.more()) {
                    long graphTag = graph.varint();
                    if (graphTag >>> 3 == 1 && (graphTag & 7) == 2) {
                        nodes.add(node(graph.message()));
                    } else {
                        graph.skip(graphTag);
                    }
                }
            } else {
                reader.skip(tag);
            }
        }
        return new OnnxGraph(nodes);
    }

    private static Node node(Reader reader) {
        String opType = "";
        String domain = "";
        List<String> outputs = new ArrayList<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        while (reader.more()) {
            long tag = reader.varint();
            int field = (int) (tag >>> 3);
            if (field == 2 && (tag & 7) == 2) {
                outputs.add(reader.string());
            } else if (field == 4 && (tag & 7) == 2) {
                opType = reader.string();
            } else if (field == 7 && (tag & 7) == 2) {
                domain = reader.string();
            } else if (field == 5 && (tag & 7) == 2) {
                attribute(reader.message(), labels);
            } else {
                reader.skip(tag);
            }
        }
        return new Node(opType, domain, outputs, labels);
    }

    private static void attribute(Reader reader, Map<String, List<String>> labels) {
        String name = "";
        List<String> values = new ArrayList<>();
        while (reader.more()) {
            long tag = reader.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == 1 && wire == 2) {
                name = reader.string();
            } else if (field == 8 && wire == 0) {
                values.add(Long.toString(reader.varint()));
            } else if (field == 8 && wire == 2) {
                Reader packed = reader.message();
                while (packed.more()) {
                    values.add(Long.toString(packed.varint()));
                }
            } else if (field == 9 && wire == 2) {
                values.add(reader.string());
            } else {
                reader.skip(tag);
            }
        }
        if (name.startsWith("classlabels")) {
            labels.put(name, List.copyOf(values));
        }
    }

    /** A bounded view of the bytes that decodes protobuf varints and length-delimited fields. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;

        Reader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("truncated varint at byte " + at);
                }
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at byte " + at);
        }

        private int length() {
            long length = varint();
            if (length < 0 || length > end - at) {
                throw new IllegalArgumentException(
                        "field of " + length + " bytes at byte " + at + " runs past its message's end");
            }
            return (int) length;
        }

        Reader message() {
            int length = length();
            Reader sub = new Reader(bytes, at, at + length);
            at += length;
            return sub;
        }

        String string() {
            int length = length();
            String s = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }

        void skip(long tag) {
            switch ((int) (tag & 7)) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> advance(length());
                case 5 -> advance(4);
                default ->
                    throw new IllegalArgumentException(
                            "unsupported protobuf wire type " + (tag & 7) + " at byte " + at);
            }
        }

        private void advance(int n) {
            if (n > end - at) {
                throw new IllegalArgumentException("truncated fixed-size field at byte " + at);
            }
            at += n;
        }
    }
}
