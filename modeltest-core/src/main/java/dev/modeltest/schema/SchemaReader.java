package dev.modeltest.schema;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.Resource;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.Names;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a schema file into a {@link Schema}.
 *
 * <p>The file is only composed into YAML nodes, never constructed into objects: snakeyaml-engine's node tree holds
 * mappings, sequences and scalar text, and this class reads the text itself. That makes loading safe whatever the file
 * says, keeps the text exactly as written (so {@code allowed: [01]} stays {@code 01} for a string column) and gives
 * every key a line number for messages.
 */
final class SchemaReader {

    static final String COLUMNS = "columns";
    static final List<String> TOP_LEVEL_KEYS = List.of(COLUMNS);
    static final List<String> KEYS = List.of("type", "nullable", "min", "max", "allowed", "regex");

    private static final String EXAMPLE = "columns: {species: {type: string}}";

    // Tags the YAML 1.2 resolver gives plain values; anything else was written explicitly (!!set, !!binary, !foo).
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.ENV_TAG);

    // Names people reach for from other schema languages; suggested, never accepted.
    private static final Map<String, String> TYPE_HINTS = Map.of(
            "float", "double",
            "number", "double",
            "decimal", "double",
            "real", "double",
            "int", "integer",
            "long", "integer",
            "str", "string",
            "text", "string",
            "bool", "boolean");

    private SchemaReader() {}

    static Schema read(Resource resource) {
        String file = "schema file '" + resource.location() + "'";
        Node root = compose(resource, file);
        MappingNode top =
                mapping(file, root, "the file must be a mapping with a '" + COLUMNS + "' key, e.g. " + EXAMPLE);
        Node columnsNode = null;
        for (NodeTuple entry : top.getValue()) {
            String key = key(entry.getKeyNode(), file);
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new ConfigurationException(at(file, entry.getKeyNode()) + ": unknown key '" + key + "'"
                        + Names.didYouMean(key, TOP_LEVEL_KEYS) + "; the only top-level key is '" + COLUMNS + "'");
            }
            if (columnsNode != null) {
                throw new ConfigurationException(
                        at(file, entry.getKeyNode()) + ": key '" + COLUMNS + "' is given twice");
            }
            columnsNode = entry.getValueNode();
        }
        if (columnsNode == null) {
            throw new ConfigurationException(file + " has no '" + COLUMNS + "' key; it needs one, e.g. " + EXAMPLE);
        }
        MappingNode columns = mapping(
                file, columnsNode, "'" + COLUMNS + "' must be a mapping of column names to rules, e.g. " + EXAMPLE);
        if (columns.getValue().isEmpty()) {
            throw new ConfigurationException(at(file, columnsNode) + ": '" + COLUMNS + "' declares no columns");
        }
        List<ColumnRule> rules = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple entry : columns.getValue()) {
            Node keyNode = entry.getKeyNode();
            String name = key(keyNode, file);
            if (name.isEmpty()) {
                throw new ConfigurationException(at(file, keyNode) + ": a column name must not be empty");
            }
            Node first = seen.putIfAbsent(name, keyNode);
            if (first != null) {
                throw new ConfigurationException(at(file, keyNode) + ": column '" + name + "' is declared twice"
                        + line(first).map(l -> " (first on line " + l + ")").orElse(""));
            }
            rules.add(column(file + ", column '" + name + "'", name, keyNode, entry.getValueNode()));
        }
        return new Schema(resource.location(), resource.fileName(), rules);
    }

    private static Node compose(Resource resource, String file) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(resource.location())
                .setAllowRecursiveKeys(false)
                // YAML 1.2 core: ~, null and an empty value are null, as users expect from other YAML tools.
                .setSchema(new CoreSchema())
                .build();
        Optional<Node> root;
        try (InputStream in = resource.open()) {
            root = new Compose(settings).composeInputStream(in);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML: " + syntaxError(e), e);
        } catch (YamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return root.orElseThrow(() ->
                new ConfigurationException(file + " is empty; it needs a '" + COLUMNS + "' mapping, e.g. " + EXAMPLE));
    }

    private static String syntaxError(MarkedYamlEngineException e) {
        StringBuilder text = new StringBuilder();
        e.getProblemMark().ifPresent(m -> text.append(position(m)).append(": "));
        text.append(e.getProblem());
        String context = e.getContext();
        if (context != null && !context.isBlank()) {
            text.append(" (").append(context.strip());
            e.getContextMark().ifPresent(m -> text.append(" at ").append(position(m)));
            text.append(')');
        }
        return text.toString();
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static ColumnRule column(String where, String name, Node nameNode, Node value) {
        MappingNode node = mapping(where, value, "the rules must be a mapping such as {type: double}");
        Map<String, NodeTuple> given = new LinkedHashMap<>();
        for (NodeTuple entry : node.getValue()) {
            String key = key(entry.getKeyNode(), where);
            if (!KEYS.contains(key)) {
                throw new ConfigurationException(at(where, entry.getKeyNode()) + ": unknown key '" + key + "'"
                        + Names.didYouMean(key, KEYS) + "; the keys are " + String.join(", ", KEYS));
            }
            if (given.put(key, entry) != null) {
                throw new ConfigurationException(at(where, entry.getKeyNode()) + ": key '" + key + "' is given twice");
            }
        }
        NodeTuple typeEntry = given.get("type");
        if (typeEntry == null) {
            throw new ConfigurationException(at(where, nameNode) + ": 'type' is required; give one of "
                    + ColumnRule.typeNames() + ", e.g. {type: double}");
        }
        ColumnKind type = type(where, typeEntry);
        boolean nullable = given.containsKey("nullable") ? bool(where, given.get("nullable")) : true;
        double min = given.containsKey("min") ? number(where, given.get("min")) : Double.NEGATIVE_INFINITY;
        double max = given.containsKey("max") ? number(where, given.get("max")) : Double.POSITIVE_INFINITY;
        List<String> allowed = given.containsKey("allowed") ? list(where, given.get("allowed")) : List.of();
        String regex = given.containsKey("regex") ? regex(where, given.get("regex")) : "";
        try {
            return new ColumnRule(name, type, nullable, min, max, allowed, regex);
        } catch (ColumnRule.Invalid e) {
            NodeTuple culprit = given.get(e.key());
            throw new ConfigurationException(
                    at(where, culprit == null ? nameNode : culprit.getKeyNode()) + ": " + e.getMessage(), e);
        }
    }

    private static ColumnKind type(String where, NodeTuple entry) {
        String text = scalar(where, entry).trim();
        for (ColumnKind kind : ColumnRule.TYPES) {
            if (kind.displayName().equals(text)) {
                return kind;
            }
        }
        String hint = TYPE_HINTS.containsKey(text.toLowerCase(Locale.ROOT))
                ? " (did you mean '" + TYPE_HINTS.get(text.toLowerCase(Locale.ROOT)) + "'?)"
                : Names.didYouMean(
                        text,
                        ColumnRule.TYPES.stream().map(ColumnKind::displayName).toList());
        throw bad(where, entry, "must be one of " + ColumnRule.typeNames() + hint, entry.getValueNode());
    }

    private static boolean bool(String where, NodeTuple entry) {
        Boolean value = Cells.parseYamlBoolean(scalar(where, entry));
        if (value == null) {
            throw bad(where, entry, "must be true or false", entry.getValueNode());
        }
        return value;
    }

    private static double number(String where, NodeTuple entry) {
        double value = Cells.parseYamlNumber(scalar(where, entry));
        if (Double.isNaN(value)) {
            throw bad(where, entry, "must be a finite number such as 0 or 2.5", entry.getValueNode());
        }
        return value;
    }

    private static List<String> list(String where, NodeTuple entry) {
        Node value = entry.getValueNode();
        checkTag(where, value);
        if (!(value instanceof SequenceNode sequence)) {
            throw bad(where, entry, "must be a list such as [setosa, versicolor]", value);
        }
        if (sequence.getValue().isEmpty()) {
            throw bad(where, entry, "must list at least one value", "[]");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            checkTag(where, item);
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigurationException(
                        at(where, item) + ": 'allowed' values must be plain values, was " + describe(item));
            }
            if (scalar.getTag().equals(Tag.NULL)) {
                throw new ConfigurationException(at(where, item)
                        + ": 'allowed' must not contain null (use 'nullable' for missing cells), was "
                        + describe(item));
            }
            values.add(scalar.getValue());
        }
        return values;
    }

    private static String regex(String where, NodeTuple entry) {
        String text = scalar(where, entry);
        if (text.isEmpty()) {
            throw bad(where, entry, "must not be empty", entry.getValueNode());
        }
        return text;
    }

    /** Returns the text of a key's value, which must be a single value (not a list or mapping). */
    private static String scalar(String where, NodeTuple entry) {
        Node value = entry.getValueNode();
        checkTag(where, value);
        if (!(value instanceof ScalarNode scalar)) {
            throw bad(where, entry, "must be a single value", value);
        }
        return scalar.getValue();
    }

    private static String key(Node node, String where) {
        checkTag(where, node);
        if (!(node instanceof ScalarNode scalar) || node.getTag().equals(Tag.NULL)) {
            throw new ConfigurationException(at(where, node) + ": keys must be names, was " + describe(node));
        }
        return scalar.getValue();
    }

    private static MappingNode mapping(String where, Node node, String rule) {
        checkTag(where, node);
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new ConfigurationException(at(where, node) + ": " + rule + ", was " + describe(node));
    }

    private static void checkTag(String where, Node node) {
        Tag tag = node.getTag();
        boolean plain = node instanceof ScalarNode
                ? SCALAR_TAGS.contains(tag)
                : node instanceof MappingNode ? tag.equals(Tag.MAP) : tag.equals(Tag.SEQ);
        if (!plain) {
            throw new ConfigurationException(at(where, node) + ": unsupported YAML tag '" + tag.getValue()
                    + "'; schema files hold plain mappings, lists and values only");
        }
    }

    private static ConfigurationException bad(String where, NodeTuple entry, String rule, Node value) {
        return bad(where, entry, rule, describe(value));
    }

    private static ConfigurationException bad(String where, NodeTuple entry, String rule, String value) {
        String key = ((ScalarNode) entry.getKeyNode()).getValue();
        return new ConfigurationException(at(where, entry.getKeyNode()) + ": '" + key + "' " + rule + ", was " + value);
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) && scalar.getValue().isEmpty()
                    ? "empty"
                    : "'" + scalar.getValue() + "'";
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    private static String at(String where, Node node) {
        return where + line(node).map(l -> " (line " + l + ")").orElse("");
    }

    private static Optional<Integer> line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1);
    }
}
