package dev.modeltest.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.error.ModelException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The class names of an ONNX classifier, in the order of its probabilities, and where they were found: the ZipMap keys
 * or a classifier node's class labels; else the model's metadata property {@code classes}; else the probability
 * columns' indexes {@code 0..C-1}. A regressor has none.
 */
final class OnnxClassNames {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OnnxClassNames NONE = new OnnxClassNames(List.of(), "");

    private final List<String> names;
    private final String source;
    private final Map<String, Integer> index = new HashMap<>();

    OnnxClassNames(List<String> names, String source) {
        this.names = List.copyOf(names);
        this.source = source;
        for (int k = 0; k < this.names.size(); k++) {
            index.put(this.names.get(k), k);
        }
    }

    /** Returns the class names of a model without classes (a regressor). */
    static OnnxClassNames none() {
        return NONE;
    }

    /**
     * Finds the class names of a classifier.
     *
     * @param model how messages name the model
     * @param labels the class labels its graph names for the probability (or else label) output, if any
     * @param metadata the model's custom metadata properties
     * @param probabilityOutput the name of the probability output, or null when it has none
     * @param width the number of probability columns, or -1 when unknown (a ZipMap, a free dimension, no output)
     * @throws ModelException when nothing names the classes, the metadata disagrees with the probability columns, or
     *     fewer than two distinct names are found
     */
    static OnnxClassNames find(
            String model,
            Optional<OnnxGraph.Labels> labels,
            Map<String, String> metadata,
            String probabilityOutput,
            int width) {
        OnnxClassNames found;
        if (labels.isPresent()) {
            found = new OnnxClassNames(labels.get().names(), labels.get().source());
        } else if (metadata.containsKey("classes")) {
            List<String> names = parse(model, metadata.get("classes"));
            if (width >= 0 && names.size() != width) {
                throw new ModelException(model + ": its metadata property 'classes' names " + names.size()
                        + " classes " + names + ", but its output '" + probabilityOutput + "' has " + width
                        + " probability columns");
            }
            found = new OnnxClassNames(names, "its metadata property 'classes'");
        } else if (width >= 2) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < width; k++) {
                names.add(Integer.toString(k));
            }
            found = new OnnxClassNames(
                    names,
                    "the column indexes of its output '" + probabilityOutput + "' (no node or metadata names"
                            + " the classes)");
        } else {
            throw new ModelException(model + " is a classifier, but nothing in it names its classes: no ZipMap or"
                    + " classifier node with class labels, no metadata property 'classes', and "
                    + (probabilityOutput == null
                            ? "no probability output to count them from"
                            : "its probability output '" + probabilityOutput + "' has no fixed number of columns")
                    + ". Add the metadata property classes, e.g. [\"setosa\", \"versicolor\", \"virginica\"]");
        }
        if (found.names.size() < 2 || new HashSet<>(found.names).size() != found.names.size()) {
            throw new ModelException(model + ": a classifier needs at least two distinct class names, " + found.source
                    + " gives " + found.names);
        }
        return found;
    }

    /** Reads the metadata property {@code classes}: a JSON array of names, or names separated by commas. */
    private static List<String> parse(String model, String text) {
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
                        model + ": its metadata property 'classes' is not a JSON array of names: " + e.getMessage(), e);
            }
        } else {
            for (String part : trimmed.split(",", -1)) {
                names.add(part.trim());
            }
        }
        return names;
    }

    /** Returns the names, in the order of the probabilities. */
    List<String> names() {
        return names;
    }

    /** Returns where the names were found, for messages, reports and tests. */
    String source() {
        return source;
    }

    /** Returns the index of a class name, or null when the model has no such class. */
    Integer indexOf(String name) {
        return index.get(name);
    }

    int size() {
        return names.size();
    }
}
