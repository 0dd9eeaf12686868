package dev.modeltest.xgboost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.data.Resource;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the class names of an XGBoost classifier, which XGBoost itself does not store: it trains on class indexes
 * {@code 0..k-1}.
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li>the booster attribute {@value #ATTRIBUTE}, a JSON array of names in class-index order (set before saving:
 *       {@code booster.set_attr(class_names='["malignant", "benign"]')});
 *   <li>a side file named like the model plus {@value #SIDECAR_SUFFIX} ({@code model.json.classes}), one name per line
 *       in class-index order;
 *   <li>otherwise the indexes as text, {@code "0"}, {@code "1"}, ..., which match a label column of integer codes.
 * </ol>
 *
 * <p>When both the attribute and the side file are there they must agree, so that the file a reviewer reads is the one
 * that is used. The attribute is the one to prefer: it travels inside the model file, whose SHA-256 the run record
 * holds.
 */
final class ClassNames {

    /** The booster attribute that holds the class names. */
    static final String ATTRIBUTE = "class_names";

    /** What is appended to the model's location to find the side file of class names. */
    static final String SIDECAR_SUFFIX = ".classes";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassNames() {}

    /** Returns the class names of the model in {@code file}, or an empty list for a regressor. */
    static List<String> of(Resource file, BoosterDocument document) {
        Optional<List<String>> fromAttribute = fromAttribute(file, document);
        Optional<Resource> sidecar = sidecar(file);
        Optional<List<String>> fromSidecar = sidecar.map(ClassNames::fromSidecar);
        Objective objective = document.objective();
        if (objective.task() == Task.REGRESSION) {
            if (fromAttribute.isPresent() || fromSidecar.isPresent()) {
                throw new ModelException("model file '" + file.location() + "' is an XGBoost regressor ("
                        + document.objectiveName() + "), but class names are given for it in "
                        + (fromAttribute.isPresent() ? "its attribute '" + ATTRIBUTE + "'" : "")
                        + (fromAttribute.isPresent() && fromSidecar.isPresent() ? " and " : "")
                        + (fromSidecar.isPresent() ? "'" + sidecar.get().location() + "'" : "")
                        + ": remove them, or check that the right model was saved");
            }
            return List.of();
        }
        int count = objective.classCount(document.numClass());
        if (fromAttribute.isPresent()) {
            requireCount(fromAttribute.get(), count, document, "its attribute '" + ATTRIBUTE + "'", file);
        }
        if (fromSidecar.isPresent()) {
            requireCount(fromSidecar.get(), count, document, "'" + sidecar.get().location() + "'", file);
        }
        if (fromAttribute.isPresent() && fromSidecar.isPresent() && !fromAttribute.equals(fromSidecar)) {
            throw new ModelException("model file '" + file.location() + "' names its classes "
                    + fromAttribute.get() + " in its attribute '" + ATTRIBUTE + "', but '"
                    + sidecar.get().location() + "' names them " + fromSidecar.get()
                    + ": keep one, or make them agree");
        }
        if (fromAttribute.isPresent()) {
            return fromAttribute.get();
        }
        if (fromSidecar.isPresent()) {
            return fromSidecar.get();
        }
        List<String> indexes = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            indexes.add(Integer.toString(k));
        }
        return List.copyOf(indexes);
    }

    private static Optional<List<String>> fromAttribute(Resource file, BoosterDocument document) {
        String value = document.attributes().get(ATTRIBUTE);
        if (value == null) {
            return Optional.empty();
        }
        String problem = "model file '" + file.location() + "': its attribute '" + ATTRIBUTE
                + "' must be a JSON array of class names such as [\"malignant\", \"benign\"], was " + value;
        JsonNode names;
        try {
            names = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new ModelException(problem, e);
        }
        List<String> list = new ArrayList<>();
        if (names == null || !names.isArray()) {
            throw new ModelException(problem);
        }
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw new ModelException(problem);
            }
            list.add(name.textValue());
        }
        return Optional.of(List.copyOf(list));
    }

    /** Signals that there is no side file; never leaves this class. */
    private static final class NoSidecar extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSidecar() {
            super(null, null, false, false);
        }
    }

    private static Optional<Resource> sidecar(Resource file) {
        try {
            return Optional.of(Resource.resolve(file.location() + SIDECAR_SUFFIX, why -> new NoSidecar()));
        } catch (NoSidecar e) {
            return Optional.empty();
        }
    }

    /** Reads one name per line; a trailing newline and Windows line ends are allowed, blank names are not. */
    private static List<String> fromSidecar(Resource sidecar) {
        String text;
        try (InputStream in = sidecar.open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot read class names file '" + sidecar.location() + "': " + e, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> names = new ArrayList<>(text.lines().toList());
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw new ModelException("class names file '" + sidecar.location() + "': line " + (i + 1)
                        + " is blank; write one class name per line, in class-index order");
            }
        }
        return List.copyOf(names);
    }

    private static void requireCount(
            List<String> names, int count, BoosterDocument document, String source, Resource file) {
        if (names.size() != count) {
            throw new ModelException("model file '" + file.location() + "' is an XGBoost classifier with " + count
                    + " classes (" + document.objectiveName()
                    + (document.objective().isMulticlass() ? ", num_class " + document.numClass() : "") + "), but "
                    + source + " names " + names.size() + ": " + names);
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new ModelException("model file '" + file.location() + "': " + source + " names a class twice: "
                    + names + "; class names must be distinct");
        }
    }
}
