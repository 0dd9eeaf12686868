package dev.modeltest.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an ONNX model takes and gives, read once from its session when it is loaded: its inputs (names, element types,
 * shapes) and which data columns feed them, which of its outputs hold the label, the class probabilities or the
 * regression value, and its class names. Fails naming the model when an input or output is one modeltest cannot use.
 */
final class OnnxSignature {

    private static final Set<String> LABEL_NAMES = Set.of("output_label", "label", "labels");
    private static final Set<String> VALUE_NAMES = Set.of("variable", "output", "prediction", "predictions");
    private static final Set<OnnxJavaType> FED_TYPES = Set.of(
            OnnxJavaType.FLOAT,
            OnnxJavaType.DOUBLE,
            OnnxJavaType.INT64,
            OnnxJavaType.INT32,
            OnnxJavaType.BOOL,
            OnnxJavaType.STRING);

    /** One model input: its name, element type and shape ({@code -1} for a dimension of any size). */
    record Input(String name, OnnxJavaType type, long[] shape) {
        boolean numeric() {
            return type != OnnxJavaType.STRING && type != OnnxJavaType.BOOL;
        }

        /** Returns the number of values per row, or -1 when the model does not fix it. */
        long width() {
            return shape.length == 1 ? 1 : shape[1];
        }

        String describe() {
            return name + " (" + typeName(type) + " " + shapeText(shape) + ")";
        }
    }

    /**
     * The outputs modeltest reads, each null when the model has none: the predicted label, the class probabilities (a
     * sequence of maps when {@code probabilityMaps}, else a {@code [N, C]} tensor) and the regression value.
     */
    record OutputNames(Task task, String label, String probabilities, boolean probabilityMaps, String value) {

        /** Returns the names to ask ONNX Runtime for, so that it computes nothing else. */
        Set<String> requested() {
            Set<String> requested = new LinkedHashSet<>();
            for (String output : new String[] {label, probabilities, value}) {
                if (output != null) {
                    requested.add(output);
                }
            }
            return Set.copyOf(requested);
        }
    }

    private final String name;
    private final List<Input> inputs;
    private final boolean perColumn;
    private final List<String> columnNames;
    private final OutputNames outputs;
    private final OnnxClassNames classes;

    OnnxSignature(
            String name, List<Input> inputs, List<String> columnNames, OutputNames outputs, OnnxClassNames classes) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.perColumn = inputs.size() > 1;
        this.columnNames = List.copyOf(columnNames);
        this.outputs = outputs;
        this.classes = classes;
    }

    /**
     * Reads the signature of a loaded model.
     *
     * @param name how messages name the model
     * @param session the model's session
     * @param signatureColumns the names of the columns of a single input tensor, in order, when known (from an MLflow
     *     signature); empty otherwise
     * @param bytes the model file, whose graph may name the classes
     * @throws ModelException naming the model when it has inputs or outputs modeltest cannot use
     */
    static OnnxSignature read(String name, OrtSession session, List<String> signatureColumns, byte[] bytes)
            throws OrtException {
        List<Input> inputs = readInputs(name, session.getInputInfo());
        boolean perColumn = inputs.size() > 1;
        if (!perColumn && !signatureColumns.isEmpty()) {
            long width = inputs.get(0).width();
            if (width >= 0 && width != signatureColumns.size()) {
                throw new ModelException(name + ": its MLflow signature names " + signatureColumns.size()
                        + " input columns " + signatureColumns + ", but its input "
                        + inputs.get(0).describe()
                        + " takes " + width);
            }
        }
        List<String> columnNames = perColumn ? List.of() : signatureColumns;

        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String maps = pick(outputs, OnnxSignature::isSequenceOfMaps, Set.of("output_probability"));
        String label = pick(outputs, OnnxSignature::isLabelTensor, LABEL_NAMES);
        String table = pick(outputs, OnnxSignature::isProbabilityTensor, Set.of("output_probability", "probabilities"));
        String value = pick(outputs, OnnxSignature::isValueTensor, VALUE_NAMES);
        if (maps != null || label != null || (table != null && value == null)) {
            String probabilities = maps != null ? maps : table;
            int width = probabilities == null || maps != null
                    ? -1
                    : (int) ((TensorInfo) outputs.get(probabilities).getInfo()).getShape()[1];
            OnnxGraph graph = parseGraph(name, bytes);
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            String anchor = probabilities != null ? probabilities : label;
            OnnxClassNames classes =
                    OnnxClassNames.find(name, graph.classLabels(anchor, width), metadata, probabilities, width);
            return new OnnxSignature(
                    name,
                    inputs,
                    columnNames,
                    new OutputNames(Task.CLASSIFICATION, label, probabilities, maps != null, null),
                    classes);
        }
        if (value != null) {
            return new OnnxSignature(
                    name,
                    inputs,
                    columnNames,
                    new OutputNames(Task.REGRESSION, null, null, false, value),
                    OnnxClassNames.none());
        }
        throw new ModelException(name + " has no output modeltest can read as a label, class probabilities or a"
                + " regression value; its outputs are " + describeOutputs(outputs));
    }

    private static List<Input> readInputs(String name, Map<String, NodeInfo> infos) {
        List<Input> list = new ArrayList<>();
        for (NodeInfo info : infos.values()) {
            if (!(info.getInfo() instanceof TensorInfo tensor)) {
                throw new ModelException(name + ": input '" + info.getName() + "' is a " + info.getInfo()
                        + "; modeltest feeds tensors only");
            }
            Input input = new Input(info.getName(), tensor.type, tensor.getShape());
            if (!FED_TYPES.contains(input.type())) {
                throw new ModelException(name + ": input " + input.describe()
                        + " has an element type modeltest does not feed; it feeds float, double, int64, int32, bool"
                        + " and string tensors");
            }
            long[] shape = input.shape();
            if (shape.length == 0 || shape.length > 2) {
                throw new ModelException(name + ": input " + input.describe()
                        + " is not a batch of rows; modeltest feeds tensors of shape [N] or [N, features]");
            }
            if (shape[0] > 1) {
                throw new ModelException(name + ": input " + input.describe() + " has a fixed batch size of " + shape[0]
                        + "; export the model with a free batch dimension (or a batch of 1)");
            }
            list.add(input);
        }
        if (list.isEmpty()) {
            throw new ModelException(name + " has no inputs");
        }
        if (list.size() > 1) {
            for (Input input : list) {
                if (input.width() != 1) {
                    throw new ModelException(name + ": input " + input.describe() + " takes several values per row;"
                            + " a model with several inputs must take one data column per input, [N] or [N, 1]");
                }
            }
        }
        return List.copyOf(list);
    }

    private static OnnxGraph parseGraph(String name, byte[] bytes) {
        try {
            return OnnxGraph.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new ModelException(name + ": cannot read its graph to find the class names: " + e.getMessage(), e);
        }
    }

    private static boolean isSequenceOfMaps(ValueInfo info) {
        return info instanceof SequenceInfo sequence && sequence.isSequenceOfMaps() && numericMap(sequence.mapInfo);
    }

    private static boolean numericMap(MapInfo map) {
        return (map.keyType == OnnxJavaType.STRING || map.keyType == OnnxJavaType.INT64)
                && (map.valueType == OnnxJavaType.FLOAT || map.valueType == OnnxJavaType.DOUBLE);
    }

    private static boolean isLabelTensor(ValueInfo info) {
        return info instanceof TensorInfo t
                && (t.type == OnnxJavaType.STRING || t.type == OnnxJavaType.INT64 || t.type == OnnxJavaType.INT32)
                && oneValuePerRow(t.getShape());
    }

    private static boolean isProbabilityTensor(ValueInfo info) {
        return info instanceof TensorInfo t
                && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE)
                && t.getShape().length == 2
                && (t.getShape()[1] >= 2 || t.getShape()[1] < 0);
    }

    private static boolean isValueTensor(ValueInfo info) {
        return info instanceof TensorInfo t
                && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE)
                && oneValuePerRow(t.getShape());
    }

    private static boolean oneValuePerRow(long[] shape) {
        return shape.length == 1 || (shape.length == 2 && shape[1] == 1);
    }

    /** Returns the output that fits, preferring the names converters give it, else the first; null if none fits. */
    private static String pick(Map<String, NodeInfo> outputs, Predicate<ValueInfo> fits, Set<String> preferred) {
        String first = null;
        for (NodeInfo info : outputs.values()) {
            if (fits.test(info.getInfo())) {
                if (preferred.contains(info.getName().toLowerCase(Locale.ROOT))) {
                    return info.getName();
                }
                if (first == null) {
                    first = info.getName();
                }
            }
        }
        return first;
    }

    private static String describeOutputs(Map<String, NodeInfo> outputs) {
        return outputs.values().stream()
                .map(o -> o.getName() + " (" + describeValue(o.getInfo()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Describes an input or output value for messages: {@code float [N, 3]}, {@code sequence of map(int64, float)}. */
    static String describeValue(ValueInfo info) {
        if (info instanceof TensorInfo t) {
            return typeName(t.type) + " " + shapeText(t.getShape());
        }
        if (info instanceof SequenceInfo s && s.isSequenceOfMaps()) {
            return "sequence of map(" + typeName(s.mapInfo.keyType) + ", " + typeName(s.mapInfo.valueType) + ")";
        }
        return String.valueOf(info);
    }

    static String typeName(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case INT64 -> "int64";
            case INT32 -> "int32";
            case INT16 -> "int16";
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case BOOL -> "bool";
            case STRING -> "string";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    static String shapeText(long[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int d = 0; d < shape.length; d++) {
            if (d > 0) {
                text.append(", ");
            }
            text.append(shape[d] >= 0 ? Long.toString(shape[d]) : d == 0 ? "N" : "?");
        }
        return text.append(']').toString();
    }

    /** Returns how messages name the model: its name, with its number of classes for a classifier. */
    String describe() {
        return outputs.task() == Task.CLASSIFICATION ? name + " (" + classes.size() + " classes)" : name;
    }

    List<Input> inputs() {
        return inputs;
    }

    /** Returns whether the model takes one input per data column (else one tensor holding all of them). */
    boolean perColumn() {
        return perColumn;
    }

    /** Returns the data columns the model reads: its input names (one per column), or its MLflow signature's. */
    List<String> requiredFeatures() {
        if (perColumn) {
            return inputs.stream().map(Input::name).toList();
        }
        return columnNames;
    }

    /** Describes the inputs for messages about a mismatch between the model and the test's data. */
    String expects() {
        if (perColumn) {
            return inputs.stream().map(Input::describe).collect(Collectors.joining(", "));
        }
        Input input = inputs.get(0);
        return columnNames.isEmpty()
                ? input.describe()
                : input.describe() + " with the columns " + String.join(", ", columnNames);
    }

    Task task() {
        return outputs.task();
    }

    OutputNames outputs() {
        return outputs;
    }

    OnnxClassNames classes() {
        return classes;
    }
}
