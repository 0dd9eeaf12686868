package dev.modeltest.onnx;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Loads {@code .onnx} files with ONNX Runtime: classifiers (label and/or probability outputs, the probabilities as a
 * {@code [N, C]} tensor or as the sequence of maps that ZipMap writes) and regressors, fed one input tensor with the
 * features in the configured order, or one input per data column, matched by name.
 *
 * <p>Found through {@link java.util.ServiceLoader} when {@code modeltest-onnx} is on the test class path. See {@code
 * docs/adapters.md} for how inputs, outputs and class names are read.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class OnnxModelLoader implements ModelLoader {

    @Override
    public String name() {
        return "ONNX";
    }

    @Override
    public List<String> fileTypes() {
        return List.of(".onnx");
    }

    @Override
    public boolean accepts(Resource model) {
        return model.fileName().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    @Override
    public Model load(Resource model) {
        return OnnxModel.open("ONNX model " + model.fileName(), model, List.of());
    }
}
