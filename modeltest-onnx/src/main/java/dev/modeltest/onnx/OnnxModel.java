package dev.modeltest.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.data.Resource;
import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.internal.Names;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.model.Row;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * An ONNX model run by ONNX Runtime: one session, shared by every thread (ONNX Runtime's {@code OrtSession.run} is
 * thread-safe), fed a whole {@link Batch} per call.
 *
 * <p>What the model is, and how to feed it, is read from its inputs and outputs when it is loaded:
 *
 * <ul>
 *   <li>Inputs: one tensor {@code [N, F]} holding the features in the configured order (or in the order of an MLflow
 *       signature), or one tensor {@code [N]}/{@code [N, 1]} per column, matched to data columns by name. Element
 *       types float, double, int64, int32, bool and string.
 *   <li>Outputs: a sequence of maps (ZipMap) or a {@code [N, C]} float/double tensor is the class probabilities; an
 *       int64/int32/string {@code [N]} tensor is the predicted label; a float/double {@code [N]}/{@code [N, 1]} tensor
 *       alone is a regression value.
 * </ul>
 */
final class OnnxModel implements Model {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LABEL_NAMES = Set.of("output_label", "label", "labels");
    private static final Set<String> VALUE_NAMES = Set.of("variable", "output", "prediction", "predictions");

    private final String name;
    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final List<Input> inputs;
    private final boolean perColumn;
    private final List<String> columnNames;
    private final Task task;
    private final List<String> classes;
    private final Map<String, Integer> classIndex;
    private final String classSource;
    private final String labelOutput;
    private final String probabilityOutput;
    private final boolean probabilityMaps;
    private final String valueOutput;
    private final Set<String> requestedOutputs;
    private final Map<List<String>, int[]> bindings = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

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

    private OnnxModel(
            String name,
            OrtEnvironment environment,
            OrtSession.SessionOptions options,
            OrtSession session,
            List<String> signatureColumns,
            byte[] bytes)
            throws OrtException {
        this.name = name;
        this.environment = environment;
        this.options = options;
        this.session = session;
        this.inputs = readInputs(session.getInputInfo());
        this.perColumn = inputs.size() > 1;
        if (!perColumn && !signatureColumns.isEmpty()) {
            long width = inputs.get(0).width();
            if (width >= 0 && width != signatureColumns.size()) {
                throw new ModelException(name + ": its MLflow signature names " + signatureColumns.size()
                        + " input columns " + signatureColumns + ", but its input "
                        + inputs.get(0).describe()
                        + " takes " + width);
            }
        }
        this.columnNames = perColumn ? List.of() : List.copyOf(signatureColumns);

        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String maps = pick(outputs, OnnxModel::isSequenceOfMaps, Set.of("output_probability"));
        String label = pick(outputs, OnnxModel::isLabelTensor, LABEL_NAMES);
        String table = pick(outputs, OnnxModel::isProbabilityTensor, Set.of("output_probability", "probabilities"));
        String value = pick(outputs, OnnxModel::isValueTensor, VALUE_NAMES);
        if (maps != null || label != null || (table != null && value == null)) {
            this.task = Task.CLASSIFICATION;
            this.labelOutput = label;
            this.probabilityOutput = maps != null ? maps : table;
            this.probabilityMaps = maps != null;
            this.valueOutput = null;
            int width = probabilityOutput == null || probabilityMaps
                    ? -1
                    : (int) ((TensorInfo) outputs.get(probabilityOutput).getInfo()).getShape()[1];
            OnnxGraph graph = parseGraph(bytes);
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            ClassNames names = classNames(graph, metadata, width);
            this.classes = names.names();
            this.classSource = names.source();
        } else if (value != null) {
            this.task = Task.REGRESSION;
            this.labelOutput = null;
            this.probabilityOutput = null;
            this.probabilityMaps = false;
            this.valueOutput = value;
            this.classes = List.of();
            this.classSource = "";
        } else {
            throw new ModelException(name + " has no output modeltest can read as a label, class probabilities or a"
                    + " regression value; its outputs are " + describeOutputs(outputs));
        }
        this.classIndex = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            classIndex.put(classes.get(k), k);
        }
        Set<String> requested = new LinkedHashSet<>();
        for (String output : Arrays.asList(labelOutput, probabilityOutput, valueOutput)) {
            if (output != null) {
                requested.add(output);
            }
        }
        this.requestedOutputs = Set.copyOf(requested);
    }

    /**
     * Opens a model file in ONNX Runtime.
     *
     * @param name how messages name the model, e.g. {@code ONNX model iris.onnx}
     * @param file the {@code .onnx} file
     * @param signatureColumns the names of the columns of a single input tensor, in order, when known (from an MLflow
     *     signature); empty otherwise
     * @throws ModelException naming the file when it is not an ONNX model ONNX Runtime loads, or has inputs or outputs
     *     modeltest cannot use
     */
    static OnnxModel open(String name, Resource file, List<String> signatureColumns) {
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read model file '" + file.location() + "': " + e.getMessage(), e);
        }
        OrtEnvironment environment = environment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        try {
            // modeltest predicts batches on all cores at once, so each call runs on one thread: more threads per
            // call would only compete with the other batches (and tiny converted models run fastest on one).
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            Optional<Path> path = file.file();
            // A path lets ONNX Runtime find external weight files beside the model; bytes serve class-path jars.
            session = path.isPresent()
                    ? environment.createSession(path.get().toString(), options)
                    : environment.createSession(bytes, options);
            return new OnnxModel(name, environment, options, session, signatureColumns, bytes);
        } catch (OrtException e) {
            closeQuietly(session, options);
            throw new ModelException(
                    "model file '" + file.location() + "' is not an ONNX model that ONNX Runtime can load: "
                            + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            closeQuietly(session, options);
            if (e instanceof ModelTestException) {
                throw e;
            }
            throw new ModelException("model file '" + file.location() + "' cannot be used: " + e, e);
        }
    }

    private static OrtEnvironment environment() {
        try {
            // The shared default environment: asking for another name or log level logs a warning once the user's
            // own code (or a test) holds the default one.
            return OrtEnvironment.getEnvironment();
        } catch (LinkageError e) {
            throw new ModelException(
                    "ONNX Runtime's native library does not load on this machine (" + System.getProperty("os.name")
                            + ", " + System.getProperty("os.arch") + "): " + e,
                    e);
        }
    }

    private static void closeQuietly(OrtSession session, OrtSession.SessionOptions options) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException | RuntimeException ignored) {
            // Already failing; the original error is the one to report.
        }
        options.close();
    }

    private List<Input> readInputs(Map<String, NodeInfo> infos) {
        List<Input> list = new ArrayList<>();
        for (NodeInfo info : infos.values()) {
            if (!(info.getInfo() instanceof TensorInfo tensor)) {
                throw new ModelException(name + ": input '" + info.getName() + "' is a " + info.getInfo()
                        + "; modeltest feeds tensors only");
            }
            Input input = new Input(info.getName(), tensor.type, tensor.getShape());
            if (!Set.of(
                            OnnxJavaType.FLOAT,
                            OnnxJavaType.DOUBLE,
                            OnnxJavaType.INT64,
                            OnnxJavaType.INT32,
                            OnnxJavaType.BOOL,
                            OnnxJavaType.STRING)
                    .contains(input.type())) {
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

    private OnnxGraph parseGraph(byte[] bytes) {
        try {
            return OnnxGraph.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new ModelException(name + ": cannot read its graph to find the class names: " + e.getMessage(), e);
        }
    }

    /** Class names, in the order of the probabilities, and where they were found. */
    private record ClassNames(List<String> names, String source) {}

    /**
     * Finds the class names: the ZipMap keys or a classifier node's class labels; else the model's metadata property
     * {@code classes}; else the probability columns' indexes {@code 0..C-1}.
     */
    private ClassNames classNames(OnnxGraph graph, Map<String, String> metadata, int width) {
        String anchor = probabilityOutput != null ? probabilityOutput : labelOutput;
        Optional<OnnxGraph.Labels> labels = graph.classLabels(anchor, width);
        ClassNames found;
        if (labels.isPresent()) {
            found = new ClassNames(labels.get().names(), labels.get().source());
        } else if (metadata.containsKey("classes")) {
            List<String> names = parseClasses(metadata.get("classes"));
            if (width >= 0 && names.size() != width) {
                throw new ModelException(name + ": its metadata property 'classes' names " + names.size()
                        + " classes " + names + ", but its output '" + probabilityOutput + "' has " + width
                        + " probability columns");
            }
            found = new ClassNames(names, "its metadata property 'classes'");
        } else if (width >= 2) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < width; k++) {
                names.add(Integer.toString(k));
            }
            found = new ClassNames(
                    names,
                    "the column indexes of its output '" + probabilityOutput + "' (no node or metadata names"
                            + " the classes)");
        } else {
            throw new ModelException(name + " is a classifier, but nothing in it names its classes: no ZipMap or"
                    + " classifier node with class labels, no metadata property 'classes', and "
                    + (probabilityOutput == null
                            ? "no probability output to count them from"
                            : "its probability output '" + probabilityOutput + "' has no fixed number of columns")
                    + ". Add the metadata property classes, e.g. [\"setosa\", \"versicolor\", \"virginica\"]");
        }
        if (found.names().size() < 2
                || new HashSet<>(found.names()).size() != found.names().size()) {
            throw new ModelException(name + ": a classifier needs at least two distinct class names, " + found.source()
                    + " gives " + found.names());
        }
        return found;
    }

    private List<String> parseClasses(String text) {
        String trimmed = text.trim();
        List<String> names = new ArrayList<>();
        if (trimmed.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                for (JsonNode item : node) {
                    names.add(item.asText());
                }
            } catch (IOException e) {
                throw new ModelException(
                        name + ": its metadata property 'classes' is not a JSON array of names: " + e.getMessage(), e);
            }
        } else {
            for (String part : trimmed.split(",", -1)) {
                names.add(part.trim());
            }
        }
        return names;
    }

    // --------------------------------------------------------------------------------------------- outputs

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
    private static String pick(
            Map<String, NodeInfo> outputs, java.util.function.Predicate<ValueInfo> fits, Set<String> preferred) {
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
                .map(o -> o.getName() + " (" + describe(o.getInfo()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describe(ValueInfo info) {
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

    // --------------------------------------------------------------------------------------------- Model

    @Override
    public Task task() {
        return task;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public boolean hasProbabilities() {
        return probabilityOutput != null;
    }

    /** Returns the data columns the model reads: its input names (one per column), or its MLflow signature's. */
    @Override
    public List<String> requiredFeatures() {
        if (perColumn) {
            return inputs.stream().map(Input::name).toList();
        }
        return columnNames;
    }

    @Override
    public String describe() {
        return task == Task.CLASSIFICATION ? name + " (" + classes.size() + " classes)" : name;
    }

    /** Returns where the class names came from, for reports and tests. */
    String classSource() {
        return classSource;
    }

    List<Input> inputs() {
        return inputs;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelException(name + ": cannot close its ONNX Runtime session: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }

    @Override
    public void predict(Batch batch, Output out) {
        if (batch.size() == 0) {
            return;
        }
        int[] columns = bind(batch);
        boolean rowByRow = inputs.get(0).shape()[0] == 1;
        if (rowByRow) {
            for (int i = 0; i < batch.size(); i++) {
                run(batch, i, 1, columns, out);
            }
        } else {
            run(batch, 0, batch.size(), columns, out);
        }
    }

    /**
     * Maps the model's inputs to the batch's features, once per feature list, and checks every input can take its
     * column, so that a mismatch fails before anything is predicted.
     *
     * <p>Per-column models and single tensors with known column names: {@code columns[c]} is the feature feeding
     * input (or tensor column) {@code c}. A single tensor without names: the features in their configured order.
     */
    private int[] bind(Batch batch) {
        List<String> features = batch.featureNames();
        int[] bound = bindings.get(features);
        if (bound != null) {
            return bound;
        }
        int[] columns;
        List<String> wanted = requiredFeatures();
        Input single = perColumn ? null : inputs.get(0);
        if (wanted.isEmpty() && single != null && single.width() == 1 && features.contains(single.name())) {
            wanted = List.of(single.name());
        }
        if (!wanted.isEmpty()) {
            List<String> missing = new ArrayList<>();
            columns = new int[wanted.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = features.indexOf(wanted.get(c));
                if (columns[c] < 0) {
                    missing.add(wanted.get(c) + Names.didYouMean(wanted.get(c), features));
                }
            }
            if (!missing.isEmpty()) {
                throw new DataException(describe() + " expects input column(s) " + String.join(", ", missing)
                        + " that the test does not give it; the model expects " + expects() + ", the test gives "
                        + features);
            }
        } else {
            long width = single.width();
            if (width >= 0 && width != features.size()) {
                throw new DataException(describe() + " takes " + width + " feature(s) in its input "
                        + single.describe() + ", but the test gives it " + features.size() + ": " + features
                        + ". Name the model's columns, in training order, in @ModelTest(features = {...})");
            }
            columns = new int[features.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = c;
            }
        }
        checkTypes(batch, columns);
        bindings.put(List.copyOf(features), columns);
        return columns;
    }

    /** Reads the first row of every numeric input's column: a text column fails here, before any prediction. */
    private void checkTypes(Batch batch, int[] columns) {
        Row first = batch.row(0);
        for (int c = 0; c < columns.length; c++) {
            Input input = perColumn ? inputs.get(c) : inputs.get(0);
            if (!input.numeric()) {
                continue;
            }
            try {
                first.getDouble(columns[c]);
            } catch (DataException e) {
                String column = batch.featureNames().get(columns[c]);
                throw new DataException(
                        describe() + " cannot feed column '" + column + "' to its input " + input.describe()
                                + ": the column holds text, not numbers" + firstText(batch, columns[c])
                                + ". The model expects " + expects() + ", the test gives " + batch.featureNames(),
                        e);
            }
        }
    }

    /** Returns " (row 7 is 'big')" for the batch's first cell that is not a number, or "" if every cell reads as one. */
    private static String firstText(Batch batch, int column) {
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.row(i);
            String text = row.getString(column);
            if (text == null) {
                continue;
            }
            try {
                Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return " (row " + (row.index() + 1) + " is '" + text + "')";
            }
        }
        return "";
    }

    private String expects() {
        if (perColumn) {
            return inputs.stream().map(Input::describe).collect(Collectors.joining(", "));
        }
        Input input = inputs.get(0);
        return columnNames.isEmpty()
                ? input.describe()
                : input.describe() + " with the columns " + String.join(", ", columnNames);
    }

    private void run(Batch batch, int from, int n, int[] columns, Output out) {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            if (perColumn) {
                for (int c = 0; c < inputs.size(); c++) {
                    Input input = inputs.get(c);
                    feed.put(input.name(), tensor(input, batch, from, n, new int[] {columns[c]}));
                }
            } else {
                feed.put(inputs.get(0).name(), tensor(inputs.get(0), batch, from, n, columns));
            }
            try (OrtSession.Result result = session.run(feed, requestedOutputs)) {
                read(result, from, n, out);
            }
        } catch (OrtException e) {
            int first = batch.row(from).index() + 1;
            int last = batch.row(from + n - 1).index() + 1;
            throw new ModelException(describe() + " failed on rows " + first + "–" + last + ": " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** Builds the tensor of one input from rows {@code [from, from + n)}: {@code columns.length} values per row. */
    private OnnxTensor tensor(Input input, Batch batch, int from, int n, int[] columns) throws OrtException {
        int width = columns.length;
        long[] shape = input.shape().length == 1 ? new long[] {n} : new long[] {n, width};
        List<String> features = batch.featureNames();
        switch (input.type()) {
            case FLOAT -> {
                FloatBuffer buffer = direct(n * width * Float.BYTES).asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put((float) row.getDouble(columns[c]));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case DOUBLE -> {
                DoubleBuffer buffer = direct(n * width * Double.BYTES).asDoubleBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put(row.getDouble(columns[c]));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case INT64 -> {
                LongBuffer buffer = direct(n * width * Long.BYTES).asLongBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put(whole(row, columns[c], features, input, Long.MIN_VALUE, Long.MAX_VALUE));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case INT32 -> {
                IntBuffer buffer = direct(n * width * Integer.BYTES).asIntBuffer();
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put((int) whole(row, columns[c], features, input, Integer.MIN_VALUE, Integer.MAX_VALUE));
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape);
            }
            case BOOL -> {
                ByteBuffer buffer = direct(n * width);
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        buffer.put(bool(row, columns[c], features, input) ? (byte) 1 : (byte) 0);
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.rewind(), shape, OnnxJavaType.BOOL);
            }
            case STRING -> {
                String[] values = new String[n * width];
                for (int i = 0; i < n; i++) {
                    Row row = batch.row(from + i);
                    for (int c = 0; c < width; c++) {
                        String value = row.getString(columns[c]);
                        if (value == null) {
                            throw missing(row, features.get(columns[c]), input);
                        }
                        values[i * width + c] = value;
                    }
                }
                return OnnxTensor.createTensor(environment, values, shape);
            }
            default -> throw new IllegalStateException("unsupported input type " + input.type());
        }
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    private static long whole(Row row, int column, List<String> features, Input input, long min, long max) {
        double value = row.getDouble(column);
        if (Double.isNaN(value)) {
            throw missing(row, features.get(column), input);
        }
        if (value != Math.rint(value) || value < min || value > max) {
            throw new DataException("row " + (row.index() + 1) + ", column '" + features.get(column) + "' is "
                    + row.getString(column) + ", but the model's input " + input.describe()
                    + " takes whole numbers only");
        }
        return (long) value;
    }

    private static boolean bool(Row row, int column, List<String> features, Input input) {
        String text = row.getString(column);
        if (text == null) {
            throw missing(row, features.get(column), input);
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default ->
                throw new DataException("row " + (row.index() + 1) + ", column '" + features.get(column)
                        + "' is '" + text + "', but the model's input " + input.describe()
                        + " takes true/false (or 1/0) only");
        };
    }

    private static DataException missing(Row row, String column, Input input) {
        return new DataException("row " + (row.index() + 1) + ", column '" + column + "' is missing, but the model's"
                + " input " + input.describe() + " cannot take a missing value");
    }

    private void read(OrtSession.Result result, int from, int n, Output out) throws OrtException {
        if (task == Task.REGRESSION) {
            double[] values = numbers(tensor(result, valueOutput), n, 1);
            for (int i = 0; i < n; i++) {
                out.setValue(from + i, values[i]);
            }
            return;
        }
        if (labelOutput != null) {
            String[] labels = labels(tensor(result, labelOutput), n);
            for (int i = 0; i < n; i++) {
                Integer k = classIndex.get(labels[i]);
                if (k == null) {
                    throw new ModelException(describe() + ": its label output '" + labelOutput + "' gave '"
                            + labels[i] + "' for a row, which is not among its classes " + classes + " (read from "
                            + classSource + "). Add the metadata property classes to the model to name them");
                }
                out.setClass(from + i, k);
            }
        }
        if (probabilityOutput != null) {
            int count = classes.size();
            double[] p = new double[count];
            if (probabilityMaps) {
                OnnxValue value = result.get(probabilityOutput).orElseThrow();
                List<? extends OnnxValue> rows = ((OnnxSequence) value).getValue();
                if (rows.size() != n) {
                    throw new ModelException(describe() + ": its output '" + probabilityOutput + "' gave " + rows.size()
                            + " maps for " + n + " rows");
                }
                for (int i = 0; i < n; i++) {
                    Map<?, ?> map = ((OnnxMap) rows.get(i)).getValue();
                    Arrays.fill(p, Double.NaN);
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        Integer k = classIndex.get(String.valueOf(e.getKey()));
                        if (k == null) {
                            throw new ModelException(describe() + ": its output '" + probabilityOutput
                                    + "' gave a probability for class '" + e.getKey() + "', which is not among its"
                                    + " classes " + classes);
                        }
                        p[k] = ((Number) e.getValue()).doubleValue();
                    }
                    out.setProbabilities(from + i, p);
                }
            } else {
                double[] table = numbers(tensor(result, probabilityOutput), n, count);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(table, i * count, p, 0, count);
                    out.setProbabilities(from + i, p);
                }
            }
        }
    }

    private OnnxTensor tensor(OrtSession.Result result, String output) {
        return (OnnxTensor) result.get(output)
                .orElseThrow(() -> new ModelException(describe() + " returned no output '" + output + "'"));
    }

    /** Returns a float or double tensor's values as doubles, checking it has {@code n * perRow} of them. */
    private double[] numbers(OnnxTensor tensor, int n, int perRow) {
        double[] values;
        if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
            DoubleBuffer buffer = tensor.getDoubleBuffer();
            values = new double[buffer.remaining()];
            buffer.get(values);
        } else {
            FloatBuffer buffer = tensor.getFloatBuffer();
            values = new double[buffer.remaining()];
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.get(i);
            }
        }
        requireCount(tensor, values.length, n * perRow, n);
        return values;
    }

    private String[] labels(OnnxTensor tensor, int n) throws OrtException {
        String[] labels;
        switch (tensor.getInfo().type) {
            case INT64 -> {
                LongBuffer buffer = tensor.getLongBuffer();
                labels = new String[buffer.remaining()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = Long.toString(buffer.get(i));
                }
            }
            case INT32 -> {
                IntBuffer buffer = tensor.getIntBuffer();
                labels = new String[buffer.remaining()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = Integer.toString(buffer.get(i));
                }
            }
            default -> {
                List<String> flat = new ArrayList<>();
                flatten(tensor.getValue(), flat);
                labels = flat.toArray(String[]::new);
            }
        }
        requireCount(tensor, labels.length, n, n);
        return labels;
    }

    private static void flatten(Object array, List<String> into) {
        if (array instanceof String s) {
            into.add(s);
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            flatten(Array.get(array, i), into);
        }
    }

    private void requireCount(OnnxTensor tensor, int got, int wanted, int rows) {
        if (got != wanted) {
            throw new ModelException(describe() + ": its output " + describe(tensor.getInfo()) + " gave " + got
                    + " values for " + rows + " rows, expected " + wanted);
        }
    }
}
