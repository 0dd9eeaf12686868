package dev.modeltest.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;

/**
 * An MLflow {@code MLmodel} file: the flavours a logged model can be loaded as, and its signature.
 *
 * <p>The YAML is read by snakeyaml-engine into plain maps, lists and strings (YAML 1.2 core schema): it never creates
 * Java objects named in the file, so an MLmodel cannot run code. The format is MLflow's (mlflow.org, "MLflow Models",
 * storage format): {@code flavors.onnx.data} is the ONNX file relative to the MLmodel's directory;
 * {@code signature.inputs} is a JSON string, a list of {@code {"name": ..., "type": ...}} for a column-based
 * signature.
 */
final class MlModel {

    static final String FILE_NAME = "MLmodel";

    /** The longest path accepted for the ONNX file (Linux's PATH_MAX); a longer one is no file path anywhere. */
    static final int MAX_PATH_CHARS = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Resource file;
    private final Map<?, ?> root;

    private MlModel(Resource file, Map<?, ?> root) {
        this.file = file;
        this.root = root;
    }

    /** Returns whether the resource is an MLmodel file (MLflow always names it exactly {@code MLmodel}). */
    static boolean isMlModelFile(Resource resource) {
        return resource.fileName().equals(FILE_NAME)
                || resource.file()
                        .map(p -> p.getFileName() != null
                                && p.getFileName().toString().equals(FILE_NAME))
                        .orElse(false);
    }

    /** Returns whether the MLmodel lists the onnx flavour, or empty when it cannot be read as an MLmodel. */
    static Optional<Boolean> peekHasOnnxFlavour(Resource resource) {
        try {
            MlModel model = read(resource);
            return Optional.of(model.flavours().containsKey("onnx"));
        } catch (ModelException e) {
            return Optional.empty();
        }
    }

    static MlModel read(Resource resource) {
        Object root;
        LoadSettings settings = YamlLimits.settings(resource.location()).build();
        try {
            try (InputStream in = resource.open()) {
                Optional<String> deep = YamlLimits.tooDeep(new Parse(settings).parseInputStream(in));
                if (deep.isPresent()) {
                    throw new ModelException("MLmodel file '" + resource.location() + "' is refused: " + deep.get());
                }
            }
            try (InputStream in = resource.open()) {
                root = new Load(settings).loadFromInputStream(in);
            }
        } catch (IOException e) {
            throw new ModelException("cannot read MLmodel file '" + resource.location() + "': " + e.getMessage(), e);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException(
                    "MLmodel file '" + resource.location() + "' is not valid YAML: " + Echo.text(e.getMessage()), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("flavors") instanceof Map<?, ?>)) {
            throw new ModelException("MLmodel file '" + resource.location()
                    + "' has no 'flavors' mapping, so it is not an MLflow model's MLmodel file");
        }
        return new MlModel(resource, map);
    }

    private Map<?, ?> flavours() {
        return (Map<?, ?>) root.get("flavors");
    }

    /** Returns the model's name for messages: the name of the directory holding the MLmodel file. */
    String name() {
        String base = directoryLocation();
        String path =
                base.startsWith(Resource.CLASSPATH_PREFIX) ? base.substring(Resource.CLASSPATH_PREFIX.length()) : base;
        path = path.replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty() || path.equals(".")) {
            return file.file()
                    .map(p -> p.toAbsolutePath().getParent())
                    .map(p -> p.getFileName() == null
                            ? FILE_NAME
                            : p.getFileName().toString())
                    .orElse(FILE_NAME);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Returns the location of the model directory as written, ending with a slash (or empty for the working
     * directory): the MLmodel file's location without its name, or the location itself when it names the directory.
     */
    private String directoryLocation() {
        String own = file.location();
        if (own.endsWith(FILE_NAME)) {
            return own.substring(0, own.length() - FILE_NAME.length());
        }
        return own.endsWith("/") || own.endsWith("\\") ? own : own + "/";
    }

    /**
     * Resolves the onnx flavour's {@code data} file, which must lie inside the MLmodel's directory.
     *
     * @throws ModelException naming the MLmodel file when there is no onnx flavour or the file is not there
     */
    Resource onnxFile() {
        Object flavour = flavours().get("onnx");
        if (!(flavour instanceof Map<?, ?> onnx)) {
            throw new ModelException("MLmodel file '" + file.location() + "' has no onnx flavour (its flavours are "
                    + Echo.of(flavours().keySet()) + "); modeltest-onnx loads MLflow models logged with mlflow.onnx");
        }
        Object data = onnx.get("data");
        if (!(data instanceof String relative) || relative.isBlank()) {
            throw new ModelException("MLmodel file '" + file.location()
                    + "': its onnx flavour has no 'data' entry naming the ONNX file, was " + Echo.of(data));
        }
        Path normalized;
        try {
            normalized = relative.length() > MAX_PATH_CHARS
                    ? null
                    : Path.of(relative).normalize();
        } catch (InvalidPathException e) {
            normalized = null;
        }
        if (normalized == null) {
            throw new ModelException("MLmodel file '" + file.location() + "': the onnx flavour's data '"
                    + Echo.text(relative) + "' is not a file path");
        }
        if (normalized.isAbsolute() || normalized.startsWith("..")) {
            throw new ModelException("MLmodel file '" + file.location() + "': the onnx flavour's data '"
                    + Echo.text(relative) + "' must be a path inside the model directory");
        }
        // Resolved against the location as written (not an absolute path), so messages and reports stay readable.
        String location = directoryLocation() + normalized.toString().replace('\\', '/');
        return Resource.resolve(
                location,
                why -> new ModelException(
                        "MLmodel file '" + file.location() + "': the onnx flavour's data file " + why));
    }

    /**
     * Returns the input column names of a column-based signature, in order; empty without a signature or with a
     * tensor-based one.
     */
    List<String> signatureColumns() {
        if (!(root.get("signature") instanceof Map<?, ?> signature) || !(signature.get("inputs") instanceof String)) {
            return List.of();
        }
        String inputs = (String) signature.get("inputs");
        JsonNode node;
        try {
            node = JSON.readTree(inputs);
        } catch (IOException e) {
            throw new ModelException(
                    "MLmodel file '" + file.location() + "': its signature's inputs are not valid JSON: "
                            + Echo.text(e.getMessage()),
                    e);
        }
        List<String> names = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return List.of();
        }
        for (JsonNode column : node) {
            if (!column.hasNonNull("name")
                    || "tensor".equals(column.path("type").asText())) {
                return List.of();
            }
            names.add(column.get("name").asText());
        }
        return List.copyOf(names);
    }
}
