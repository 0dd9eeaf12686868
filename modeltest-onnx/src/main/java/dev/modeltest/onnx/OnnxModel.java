package dev.modeltest.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

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
 *
 * <p>This class owns the session and runs it; {@link OnnxSignature} reads the inputs and outputs, {@link OnnxColumns}
 * maps data columns to inputs, {@link OnnxInputs} builds the input tensors and {@link OnnxOutputs} decodes the results.
 */
final class OnnxModel implements Model {

    private final String name;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final OnnxSignature signature;
    private final OnnxColumns columns;
    private final OnnxInputs inputs;
    private final OnnxOutputs outputs;
    private final Set<String> requestedOutputs;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxModel(
            String name,
            OrtEnvironment environment,
            OrtSession.SessionOptions options,
            OrtSession session,
            List<String> signatureColumns,
            byte[] bytes)
            throws OrtException {
        this.name = name;
        this.options = options;
        this.session = session;
        this.signature = OnnxSignature.read(name, session, signatureColumns, bytes);
        this.columns = new OnnxColumns(signature);
        this.inputs = new OnnxInputs(environment, signature.inputs());
        this.outputs = new OnnxOutputs(signature.describe(), signature.outputs(), signature.classes());
        this.requestedOutputs = signature.outputs().requested();
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

    // --------------------------------------------------------------------------------------------- Model

    @Override
    public Task task() {
        return signature.task();
    }

    @Override
    public List<String> classes() {
        return signature.classes().names();
    }

    @Override
    public boolean hasProbabilities() {
        return signature.outputs().probabilities() != null;
    }

    /** Returns the data columns the model reads: its input names (one per column), or its MLflow signature's. */
    @Override
    public List<String> requiredFeatures() {
        return signature.requiredFeatures();
    }

    /**
     * Returns true: ONNX Runtime guarantees that several threads may call {@code Run} on one session at once
     * (microsoft/onnxruntime#19301), and every call here builds its own input tensors and reads its own results.
     */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public String describe() {
        return signature.describe();
    }

    /** Returns where the class names came from, for reports and tests. */
    String classSource() {
        return signature.classes().source();
    }

    List<OnnxSignature.Input> inputs() {
        return signature.inputs();
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
        int[] bound = columns.bind(batch);
        boolean rowByRow = signature.inputs().get(0).shape()[0] == 1;
        if (rowByRow) {
            for (int i = 0; i < batch.size(); i++) {
                run(batch, i, 1, bound, out);
            }
        } else {
            run(batch, 0, batch.size(), bound, out);
        }
    }

    private void run(Batch batch, int from, int n, int[] bound, Output out) {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            inputs.feed(feed, batch, from, n, bound);
            try (OrtSession.Result result = session.run(feed, requestedOutputs)) {
                outputs.read(result::get, from, n, out);
            }
        } catch (OrtException e) {
            int first = batch.row(from).index() + 1;
            int last = batch.row(from + n - 1).index() + 1;
            throw new ModelException(describe() + " failed on rows " + first + "–" + last + ": " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }
}
