package dev.modeltest.schema;

import dev.modeltest.data.Resource;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.internal.YamlLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.YamlUnicodeReader;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
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
    static final String TABLE = "table";
    static final List<String> TOP_LEVEL_KEYS = List.of(COLUMNS, TABLE);
    static final List<String> KEYS = List.of(
            "type", "nullable", "maxNullFraction", "min", "max", "allowed", "regex", "unique", "maxCardinality");
    static final List<String> TABLE_KEYS = List.of("rows", "columns", "ordered");
    static final List<String> ROWS_KEYS = List.of("min", "max");

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
            "bool", "boolean",
            "timestamp", "datetime");

    private SchemaReader() {}

    static Schema read(Resource resource) {
        String file = "schema file '" + resource.location() + "'";
        Node root = compose(resource.location(), file, () -> new YamlUnicodeReader(resource.open()));
        return read(root, file, resource.location(), resource.fileName());
    }

    /** Reads a schema from text, e.g. one just written by {@link SchemaInference}; {@code name} is for messages. */
    static Schema read(String yaml, String name) {
        String file = "schema file '" + name + "'";
        Node root = compose(name, file, () -> new StringReader(yaml));
        return read(root, file, name, name);
    }

    private static Schema read(Node root, String file, String location, String fileName) {
        MappingNode top =
                mapping(file, root, "the file must be a mapping with a '" + COLUMNS + "' key, e.g. " + EXAMPLE);
        Node columnsNode = null;
        TableRule table = TableRule.DEFAULT;
        Map<String, Node> topSeen = new LinkedHashMap<>();
        for (NodeTuple entry : top.getValue()) {
            String key = key(entry.getKeyNode(), file);
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new ConfigurationException(at(file, entry.getKeyNode()) + ": unknown key '" + Echo.text(key) + "'"
                        + Names.didYouMean(key, TOP_LEVEL_KEYS) + "; the top-level keys are "
                        + String.join(", ", TOP_LEVEL_KEYS));
            }
            if (topSeen.put(key, entry.getKeyNode()) != null) {
                throw new ConfigurationException(at(file, entry.getKeyNode()) + ": key '" + key + "' is given twice");
            }
            if (key.equals(COLUMNS)) {
                columnsNode = entry.getValueNode();
            } else {
                table = table(file + ", " + TABLE, entry);
            }
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
                throw new ConfigurationException(at(file, keyNode) + ": column '" + Echo.text(name)
                        + "' is declared twice"
                        + line(first).map(l -> " (first on line " + l + ")").orElse(""));
            }
            rules.add(column(file + ", column '" + Echo.text(name) + "'", name, keyNode, entry.getValueNode()));
        }
        return new Schema(location, fileName, table, rules);
    }

    /** Opens the file's text; called twice, once to check its nesting and once to compose it. */
    private interface Source {
        Reader open() throws IOException;
    }

    private static Node compose(String label, String file, Source source) {
        LoadSettings settings = YamlLimits.settings(label)
                // YAML 1.2 core: ~, null and an empty value are null, as users expect from other YAML tools.
                .setSchema(new CoreSchema())
                .build();
        Optional<Node> root;
        try {
            try (Reader reader = source.open()) {
                Optional<String> deep = YamlLimits.tooDeep(new Parse(settings).parseReader(reader));
                if (deep.isPresent()) {
                    throw new ConfigurationException(file + " is refused: " + deep.get());
                }
            }
            try (Reader reader = source.open()) {
                root = new Compose(settings).composeReader(reader);
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML: " + syntaxError(e), e);
        } catch (YamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML: " + Echo.text(e.getMessage()), e);
        }
        return root.orElseThrow(() ->
                new ConfigurationException(file + " is empty; it needs a '" + COLUMNS + "' mapping, e.g. " + EXAMPLE));
    }

    private static TableRule table(String where, NodeTuple tableEntry) {
        MappingNode node = mapping(
                where,
                tableEntry.getValueNode(),
                "'" + TABLE + "' must be a mapping such as {rows: {min: 10}, columns: superset}");
        Map<String, NodeTuple> given = entries(where, node, TABLE_KEYS);
        long minRows = 0;
        long maxRows = Long.MAX_VALUE;
        NodeTuple rowsEntry = given.get("rows");
        Map<String, NodeTuple> rows = Map.of();
        if (rowsEntry != null) {
            String rowsWhere = where + ", rows";
            MappingNode rowsNode = mapping(
                    rowsWhere, rowsEntry.getValueNode(), "'rows' must be a mapping such as {min: 10, max: 1000}");
            rows = entries(rowsWhere, rowsNode, ROWS_KEYS);
            if (rows.isEmpty()) {
                throw new ConfigurationException(at(where, rowsEntry.getKeyNode()) + ": 'rows' must give 'min', 'max'"
                        + " or both, e.g. {min: 10, max: 1000}");
            }
            if (rows.containsKey("min")) {
                minRows = count(rowsWhere, rows.get("min"), 0);
            }
            if (rows.containsKey("max")) {
                maxRows = count(rowsWhere, rows.get("max"), 0);
            }
        }
        TableRule.ColumnSet columns = TableRule.ColumnSet.EXACT;
        NodeTuple columnsEntry = given.get("columns");
        if (columnsEntry != null) {
            String text = scalar(where, columnsEntry).trim();
            List<String> names = new ArrayList<>();
            TableRule.ColumnSet found = null;
            for (TableRule.ColumnSet set : TableRule.ColumnSet.values()) {
                names.add(set.displayName());
                if (set.displayName().equals(text)) {
                    found = set;
                }
            }
            if (found == null) {
                throw bad(
                        where,
                        columnsEntry,
                        "must be " + String.join(" or ", names) + Names.didYouMean(text, names),
                        columnsEntry.getValueNode());
            }
            columns = found;
        }
        boolean ordered = given.containsKey("ordered") && bool(where, given.get("ordered"));
        try {
            return new TableRule(minRows, maxRows, columns, ordered);
        } catch (ColumnRule.Invalid e) {
            NodeTuple culprit = rows.get(e.key());
            throw new ConfigurationException(
                    at(where + ", rows", culprit == null ? rowsEntry.getKeyNode() : culprit.getKeyNode()) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Returns the entries of a mapping by key, failing on an unknown key or a key given twice. */
    private static Map<String, NodeTuple> entries(String where, MappingNode node, List<String> keys) {
        Map<String, NodeTuple> given = new LinkedHashMap<>();
        for (NodeTuple entry : node.getValue()) {
            String key = key(entry.getKeyNode(), where);
            if (!keys.contains(key)) {
                throw new ConfigurationException(at(where, entry.getKeyNode()) + ": unknown key '" + Echo.text(key)
                        + "'" + Names.didYouMean(key, keys) + "; the keys are " + String.join(", ", keys));
            }
            if (given.put(key, entry) != null) {
                throw new ConfigurationException(at(where, entry.getKeyNode()) + ": key '" + key + "' is given twice");
            }
        }
        return given;
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
        Map<String, NodeTuple> given = entries(where, node, KEYS);
        NodeTuple typeEntry = given.get("type");
        if (typeEntry == null) {
            throw new ConfigurationException(at(where, nameNode) + ": 'type' is required; give one of "
                    + SchemaType.names() + ", e.g. {type: double}");
        }
        SchemaType type = type(where, typeEntry);
        for (String bound : List.of("min", "max")) {
            NodeTuple entry = given.get(bound);
            if (entry != null && !type.isOrdered()) {
                throw new ConfigurationException(at(where, entry.getKeyNode()) + ": '" + bound
                        + "' applies to integer, double, date and datetime columns, not to " + type.withArticle()
                        + " column");
            }
        }
        boolean nullable = given.containsKey("nullable") ? bool(where, given.get("nullable")) : true;
        double maxNullFraction =
                given.containsKey("maxNullFraction") ? fraction(where, given.get("maxNullFraction")) : Double.NaN;
        double min = given.containsKey("min") ? bound(where, given.get("min"), type) : Double.NEGATIVE_INFINITY;
        double max = given.containsKey("max") ? bound(where, given.get("max"), type) : Double.POSITIVE_INFINITY;
        List<String> allowed = given.containsKey("allowed") ? list(where, given.get("allowed")) : List.of();
        String regex = given.containsKey("regex") ? regex(where, given.get("regex")) : "";
        boolean unique = given.containsKey("unique") && bool(where, given.get("unique"));
        int maxCardinality = given.containsKey("maxCardinality")
                ? (int) Math.min(Integer.MAX_VALUE, count(where, given.get("maxCardinality"), 1))
                : 0;
        try {
            return new ColumnRule(
                    name, type, nullable, maxNullFraction, min, max, allowed, regex, unique, maxCardinality);
        } catch (ColumnRule.Invalid e) {
            NodeTuple culprit = given.get(e.key());
            throw new ConfigurationException(
                    at(where, culprit == null ? nameNode : culprit.getKeyNode()) + ": " + e.getMessage(), e);
        }
    }

    private static SchemaType type(String where, NodeTuple entry) {
        String text = scalar(where, entry).trim();
        Optional<SchemaType> type = SchemaType.byName(text);
        if (type.isPresent()) {
            return type.get();
        }
        String hint = TYPE_HINTS.containsKey(text.toLowerCase(Locale.ROOT))
                ? " (did you mean '" + TYPE_HINTS.get(text.toLowerCase(Locale.ROOT)) + "'?)"
                : Names.didYouMean(
                        text,
                        SchemaType.ALL.stream().map(SchemaType::displayName).toList());
        throw bad(where, entry, "must be one of " + SchemaType.names() + hint, entry.getValueNode());
    }

    private static boolean bool(String where, NodeTuple entry) {
        Boolean value = Cells.parseYamlBoolean(scalar(where, entry));
        if (value == null) {
            throw bad(where, entry, "must be true or false", entry.getValueNode());
        }
        return value;
    }

    /** Reads {@code min} or {@code max}: a number, or an ISO date or datetime for temporal columns. */
    private static double bound(String where, NodeTuple entry, SchemaType type) {
        double value = Cells.parseSchemaValue(type, scalar(where, entry));
        if (Double.isNaN(value)) {
            String rule = switch (type) {
                case DATE -> "must be a date such as 2024-01-31";
                case DATETIME -> "must be a datetime such as 2024-01-31T09:30:00";
                case INTEGER, DOUBLE, STRING, BOOLEAN -> "must be a finite number such as 0 or 2.5";
            };
            throw bad(where, entry, rule, entry.getValueNode());
        }
        return value;
    }

    private static double fraction(String where, NodeTuple entry) {
        double value = Cells.parseYamlNumber(scalar(where, entry));
        if (!(value >= 0 && value <= 1)) {
            throw bad(where, entry, "must be a fraction in [0, 1] such as 0.05", entry.getValueNode());
        }
        return value;
    }

    /** Reads a whole number of at least {@code least}. */
    private static long count(String where, NodeTuple entry, long least) {
        double value = Cells.parseYamlNumber(scalar(where, entry));
        if (!Cells.isWhole(value) || value < least || value >= 0x1p63) {
            throw bad(where, entry, "must be a whole number of at least " + least, entry.getValueNode());
        }
        return (long) value;
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
                    : "'" + Echo.text(scalar.getValue()) + "'";
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
