package dev.modeltest.xgboost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.error.ModelException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What modeltest reads from an XGBoost model file before XGBoost sees it: the objective, the class count, the feature
 * names and types and the attributes, after checking that the file is well-formed and that its trees cannot send
 * XGBoost's native prediction code out of bounds.
 *
 * <p>XGBoost checks little of a model it loads: a child index past the end of a tree, or a tree assigned to an
 * output group that does not exist, makes its native code read or write outside its arrays during prediction and can
 * crash the JVM instead of failing a test. A corrupt file must fail with a message, so the checks that keep prediction
 * in bounds are done here, in Java.
 *
 * @param objectiveName the objective as XGBoost names it, e.g. {@code binary:logistic}
 * @param objective how modeltest reads the objective's predictions
 * @param numClass {@code num_class} of the model (0 for binary classifiers and regressors)
 * @param numFeature the number of input features
 * @param featureNames the feature names stored in the model, in input order; empty when it has none
 * @param featureTypes the feature types stored in the model ({@code float}, {@code int}, {@code i}, {@code q}, {@code
 *     c}); empty when it has none
 * @param attributes the booster's attributes ({@code Booster.set_attr} in Python, {@code setAttr} in Java)
 */
record BoosterDocument(
        String objectiveName,
        Objective objective,
        int numClass,
        int numFeature,
        List<String> featureNames,
        List<String> featureTypes,
        Map<String, String> attributes) {

    /**
     * Reads JSON strictly: a key twice in one object is an error (XGBoost keeps the first, Jackson the last, so such a
     * file could be checked with one tree and predicted with another), and nesting is limited as in {@link UbjReader}.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(UbjReader.MAX_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The parent XGBoost records for the root of a tree (its {@code kInvalidNodeId}, written as a signed int). */
    private static final int ROOT_PARENT = Integer.MAX_VALUE;

    /** The file formats XGBoost saves models in. */
    enum Format {
        JSON,
        UBJ
    }

    /**
     * Parses and checks a model file.
     *
     * @param bytes the file's content
     * @param format the format its name says it is in
     * @param location the file, for messages
     * @throws ModelException naming the file when it is malformed, inconsistent or of a kind modeltest does not check
     */
    static BoosterDocument parse(byte[] bytes, Format format, String location) {
        JsonNode root;
        try {
            root = format == Format.UBJ ? UbjReader.read(bytes) : JSON.readTree(bytes);
        } catch (MalformedModelException e) {
            throw corrupt(location, e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw corrupt(location, "invalid JSON: " + e.getOriginalMessage() + locationOf(e), e);
        } catch (IOException e) {
            throw corrupt(location, "invalid JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw corrupt(location, "the file is empty", null);
        }
        return new Reader(root, location).read();
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (byte " + e.getLocation().getByteOffset() + ")";
    }

    private static ModelException corrupt(String location, String why, Throwable cause) {
        return new ModelException(
                "model file '" + location + "' is corrupt or not an XGBoost model: " + why
                        + ". Save boosters with save_model(\"model.json\") or save_model(\"model.ubj\")",
                cause);
    }

    /** Walks the parsed document; every problem is reported with the path to the JSON value that has it. */
    private static final class Reader {
        private final JsonNode root;
        private final String location;

        Reader(JsonNode root, String location) {
            this.root = root;
            this.location = location;
        }

        BoosterDocument read() {
            JsonNode learner = object(root, "learner", "");
            String objectiveName = text(object(learner, "objective", "learner"), "name", "learner.objective");
            Objective objective = Objective.of(objectiveName)
                    .orElseThrow(() -> new ModelException("model file '" + location + "' holds an XGBoost model"
                            + " with objective '" + objectiveName + "', which modeltest does not gate: it reads"
                            + " classifiers (binary:logistic, binary:logitraw, binary:hinge, multi:softprob,"
                            + " multi:softmax) and regressors (reg:*, count:poisson, survival:*)"));
            JsonNode params = object(learner, "learner_model_param", "learner");
            int numClass = integer(params, "num_class", "learner.learner_model_param", 0);
            int numFeature = integer(params, "num_feature", "learner.learner_model_param", null);
            int numTarget = integer(params, "num_target", "learner.learner_model_param", 1);
            if (numTarget != 1) {
                throw new ModelException("model file '" + location + "' holds an XGBoost model with " + numTarget
                        + " targets; modeltest gates models with one target");
            }
            if (objective.isMulticlass() && numClass < 2) {
                throw inconsistent("objective " + objectiveName + " with num_class " + numClass
                        + " (a multiclass model has at least 2 classes)");
            }
            checkBaseScore(params.get("base_score"), objective.outputGroups(numClass));
            List<String> names = strings(learner, "feature_names", numFeature);
            List<String> types = strings(learner, "feature_types", numFeature);
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode attrs = learner.path("attributes");
            if (attrs.isObject()) {
                attrs.fields()
                        .forEachRemaining(
                                e -> attributes.put(e.getKey(), e.getValue().asText()));
            }
            JsonNode gb = object(learner, "gradient_booster", "learner");
            String booster = text(gb, "name", "learner.gradient_booster");
            int groups = objective.outputGroups(numClass);
            switch (booster) {
                case "gbtree" -> checkTrees(object(gb, "model", "learner.gradient_booster"), numFeature, groups, "");
                case "dart" ->
                    checkTrees(
                            object(
                                    object(gb, "gbtree", "learner.gradient_booster"),
                                    "model",
                                    "learner.gradient_booster.gbtree"),
                            numFeature,
                            groups,
                            "gbtree.");
                case "gblinear" -> checkLinear(object(gb, "model", "learner.gradient_booster"), numFeature, groups);
                default ->
                    throw new ModelException("model file '" + location + "' holds an XGBoost model with booster '"
                            + booster + "'; modeltest reads gbtree, dart and gblinear boosters");
            }
            return new BoosterDocument(
                    objectiveName,
                    objective,
                    numClass,
                    numFeature,
                    List.copyOf(names),
                    List.copyOf(types),
                    Map.copyOf(attributes));
        }

        private void checkTrees(JsonNode model, int numFeature, int groups, String prefix) {
            String where = "learner.gradient_booster." + prefix + "model";
            JsonNode trees = array(model, "trees", where);
            JsonNode treeInfo = array(model, "tree_info", where);
            if (treeInfo.size() != trees.size()) {
                throw inconsistent(
                        where + ".tree_info has " + treeInfo.size() + " entries for " + trees.size() + " trees");
            }
            int numTrees = integer(object(model, "gbtree_model_param", where), "num_trees", where, null);
            if (numTrees != trees.size()) {
                throw inconsistent(where + ".gbtree_model_param.num_trees is " + numTrees + ", but there are "
                        + trees.size() + " trees");
            }
            if (model.has("iteration_indptr")) {
                checkIterations(ints(model, "iteration_indptr", where, -1), trees.size(), where);
            }
            JsonNode cats = model.path("cats");
            if (cats.isObject()) {
                cats.fields().forEachRemaining(e -> {
                    if (!e.getValue().isArray() || !e.getValue().isEmpty()) {
                        throw categorical(where + ".cats." + e.getKey());
                    }
                });
            }
            for (int t = 0; t < trees.size(); t++) {
                int group = treeInfo.get(t).asInt(-1);
                if (!treeInfo.get(t).isIntegralNumber() || group < 0 || group >= groups) {
                    throw inconsistent(where + ".tree_info[" + t + "] is " + treeInfo.get(t) + ", but the model has "
                            + groups + " output group(s)");
                }
                checkTree(trees.get(t), t, where + ".trees[" + t + "]", numFeature);
            }
        }

        /** The trees of boosting round {@code i} are {@code [indptr[i], indptr[i + 1])}: a range inside the trees. */
        private void checkIterations(int[] indptr, int trees, String where) {
            boolean valid = indptr.length >= 1 && indptr[0] == 0 && indptr[indptr.length - 1] == trees;
            for (int i = 1; valid && i < indptr.length; i++) {
                valid = indptr[i] >= indptr[i - 1];
            }
            if (!valid) {
                throw inconsistent(where + ".iteration_indptr must rise from 0 to the number of trees (" + trees
                        + "), was " + abbreviate(java.util.Arrays.toString(indptr)));
            }
        }

        /**
         * Checks what XGBoost reads without checking it itself: the length of every per-node array, the parent of every
         * node, and that prediction, which follows child indexes from node 0, stays inside the tree and terminates.
         */
        private void checkTree(JsonNode tree, int index, String where, int numFeature) {
            JsonNode id = tree.get("id");
            if (id == null || !id.isIntegralNumber() || id.asLong() != index) {
                throw inconsistent(where + ".id should be " + index + ", but is " + id);
            }
            JsonNode param = object(tree, "tree_param", where);
            int nodes = integer(param, "num_nodes", where + ".tree_param", null);
            int leafVector = integer(param, "size_leaf_vector", where + ".tree_param", 1);
            if (leafVector > 1) {
                throw new ModelException("model file '" + location + "' holds an XGBoost model with vector leaves"
                        + " (size_leaf_vector " + leafVector + "); modeltest gates models with one target");
            }
            if (nodes < 1) {
                throw inconsistent(where + " has " + nodes + " nodes");
            }
            int[] left = ints(tree, "left_children", where, nodes);
            int[] right = ints(tree, "right_children", where, nodes);
            int[] parents = ints(tree, "parents", where, nodes);
            int[] split = ints(tree, "split_indices", where, nodes);
            for (String perNode : List.of("split_conditions", "default_left", "loss_changes", "sum_hessian")) {
                array(tree, perNode, where, nodes);
            }
            if (tree.has("base_weights")) {
                array(tree, "base_weights", where, nodes);
            }
            int[] splitType = tree.has("split_type") ? ints(tree, "split_type", where, nodes) : new int[nodes];
            for (String categories :
                    List.of("categories", "categories_nodes", "categories_segments", "categories_sizes")) {
                JsonNode node = tree.get(categories);
                if (node != null && (!node.isArray() || !node.isEmpty())) {
                    throw categorical(where + "." + categories);
                }
            }
            for (int node = 0; node < nodes; node++) {
                boolean root = parents[node] == ROOT_PARENT;
                if (!root && (parents[node] < 0 || parents[node] >= nodes) || node == 0 && !root) {
                    throw inconsistent(where + ": node " + node + " has parent " + parents[node]);
                }
            }
            boolean[] seen = new boolean[nodes];
            Deque<Integer> pending = new ArrayDeque<>();
            pending.push(0);
            seen[0] = true;
            while (!pending.isEmpty()) {
                int node = pending.pop();
                if (left[node] == -1 && right[node] == -1) {
                    continue;
                }
                for (int child : new int[] {left[node], right[node]}) {
                    if (child <= 0 || child >= nodes || seen[child] || parents[child] != node) {
                        throw inconsistent(where + ": node " + node + " has child " + child + " (children must be"
                                + " distinct nodes in 1.." + (nodes - 1) + ", each with one parent)");
                    }
                    seen[child] = true;
                    pending.push(child);
                }
                if (split[node] < 0 || split[node] >= numFeature) {
                    throw inconsistent(where + ": node " + node + " splits on feature " + split[node]
                            + ", but the model has " + numFeature + " features");
                }
                if (splitType[node] != 0) {
                    throw categorical(where + ", node " + node);
                }
            }
        }

        private ModelException categorical(String where) {
            return new ModelException("model file '" + location + "' holds an XGBoost model with categorical"
                    + " splits (" + where + "); modeltest passes numbers only: load such a model with"
                    + " @ModelTest(provider = ...)");
        }

        /** XGBoost 3 stores one base score per output group as a text list, {@code "[6.2676054E-1]"}. */
        private void checkBaseScore(JsonNode baseScore, int groups) {
            if (baseScore == null
                    || !baseScore.isTextual()
                    || !baseScore.textValue().startsWith("[")) {
                return;
            }
            String list = baseScore.textValue();
            int entries = list.equals("[]") ? 0 : list.split(",", -1).length;
            if (entries != groups) {
                throw inconsistent("learner.learner_model_param.base_score " + abbreviate(list) + " has " + entries
                        + " entries, but the model has " + groups + " output group(s)");
            }
        }

        private void checkLinear(JsonNode model, int numFeature, int groups) {
            JsonNode weights = array(model, "weights", "learner.gradient_booster.model");
            long expected = (numFeature + 1L) * groups;
            if (weights.size() != expected) {
                throw inconsistent("learner.gradient_booster.model.weights has " + weights.size()
                        + " values, but a linear model of " + numFeature + " features and " + groups
                        + " output group(s) has " + expected);
            }
        }

        private JsonNode object(JsonNode parent, String field, String where) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isObject()) {
                throw missing(where, field, "an object", node);
            }
            return node;
        }

        private JsonNode array(JsonNode parent, String field, String where) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isArray()) {
                throw missing(where, field, "an array", node);
            }
            return node;
        }

        private JsonNode array(JsonNode parent, String field, String where, int length) {
            JsonNode node = array(parent, field, where);
            if (node.size() != length) {
                throw inconsistent(where + "." + field + " has " + node.size() + " entries for " + length + " nodes");
            }
            return node;
        }

        /** Reads an array of ints of the given length, or of any length when {@code length} is negative. */
        private int[] ints(JsonNode parent, String field, String where, int length) {
            JsonNode node = length < 0 ? array(parent, field, where) : array(parent, field, where, length);
            int[] values = new int[node.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = node.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw inconsistent(where + "." + field + "[" + i + "] is " + v + ", not an integer");
                }
                values[i] = v.intValue();
            }
            return values;
        }

        private String text(JsonNode parent, String field, String where) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isTextual()) {
                throw missing(where, field, "a string", node);
            }
            return node.textValue();
        }

        /** Reads a count that XGBoost stores as text ({@code "num_class": "3"}); {@code fallback} when absent. */
        private int integer(JsonNode parent, String field, String where, Integer fallback) {
            JsonNode node = parent.get(field);
            if (node == null && fallback != null) {
                return fallback;
            }
            if (node != null && (node.isTextual() || node.isIntegralNumber())) {
                try {
                    int value = Integer.parseInt(node.asText().trim());
                    if (value >= 0) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw missing(where, field, "a count", node);
        }

        private List<String> strings(JsonNode learner, String field, int numFeature) {
            JsonNode node = learner.get(field);
            List<String> values = new ArrayList<>();
            if (node == null) {
                return values;
            }
            if (!node.isArray()) {
                throw missing("learner", field, "an array of strings", node);
            }
            for (JsonNode v : node) {
                if (!v.isTextual()) {
                    throw missing("learner", field, "an array of strings", node);
                }
                values.add(v.textValue());
            }
            if (!values.isEmpty() && values.size() != numFeature) {
                throw inconsistent(
                        "learner." + field + " has " + values.size() + " entries, but num_feature is " + numFeature);
            }
            return values;
        }

        private ModelException missing(String where, String field, String what, JsonNode found) {
            String path = where.isEmpty() ? field : where + "." + field;
            return corrupt(
                    location,
                    path + " should be " + what + ", but "
                            + (found == null ? "is missing" : "is " + abbreviate(found.toString())),
                    null);
        }

        private ModelException inconsistent(String why) {
            return corrupt(location, why, null);
        }

        private static String abbreviate(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }
}
