package dev.modeltest.onnx;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Loads an MLflow model whose {@code MLmodel} file lists the {@code onnx} flavour, as the ONNX model it contains, so a
 * model logged with {@code mlflow.onnx.log_model} can be gated in {@code mvn test}:
 * {@code @ModelTest(model = "models/my-model/MLmodel", ...)}.
 *
 * <p>The ONNX file is the flavour's {@code data} path, relative to the MLmodel file's directory. A column-based
 * {@code signature} names the columns of a model with a single input tensor, in order, so the test reads those columns
 * whatever the data file's order. An MLmodel without the onnx flavour is left to other loaders.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MlflowModelLoader implements ModelLoader {

    @Override
    public String name() {
        return "MLflow (onnx flavour)";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(MlModel.FILE_NAME);
    }

    @Override
    public boolean accepts(Resource model) {
        if (!MlModel.isMlModelFile(model)) {
            return false;
        }
        // A readable MLmodel without the onnx flavour belongs to another loader; a broken one is ours to report.
        Optional<Boolean> hasOnnx = MlModel.peekHasOnnxFlavour(model);
        return hasOnnx.orElse(true);
    }

    @Override
    public Model load(Resource model) {
        MlModel mlModel = MlModel.read(model);
        Resource onnx = mlModel.onnxFile();
        try {
            return OnnxModel.open(
                    "MLflow model " + mlModel.name() + " (ONNX " + onnx.fileName() + ")",
                    onnx,
                    mlModel.signatureColumns());
        } catch (ModelException e) {
            throw new ModelException("MLflow model '" + model.location() + "': " + e.getMessage(), e);
        }
    }
}
