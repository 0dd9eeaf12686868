package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading schema files: the format, the defaults, and every configuration error with its message. */
class SchemaLoadTest {

    @TempDir
    Path dir;

    private String file(String yaml) throws IOException {
        Path path = dir.resolve("test.schema.yaml");
        Files.writeString(path, yaml);
        return path.toString();
    }

    private String errorOf(String yaml) throws IOException {
        String location = file(yaml);
        try {
            Schema.load(location);
        } catch (ConfigurationException e) {
            return e.getMessage().replace(location, "test.schema.yaml");
        }
        throw new AssertionError("expected a ConfigurationException for:\n" + yaml);
    }

    @Test
    void readsColumnsInFileOrderWithTheirRules() {
        Schema schema = Schema.load("classpath:schema/iris.schema.yaml");

        assertThat(schema.name()).isEqualTo("iris.schema.yaml");
        assertThat(schema.location()).isEqualTo("classpath:schema/iris.schema.yaml");
        assertThat(schema.columns())
                .extracting(ColumnRule::column)
                .containsExactly("id", "sepal_length", "petal_width", "species", "code", "verified");
        assertThat(schema.column("sepal_length"))
                .contains(new ColumnRule("sepal_length", ColumnKind.DOUBLE, false, 0, 10, List.of(), ""));
        assertThat(schema.column("species").orElseThrow().allowed())
                .containsExactly("setosa", "versicolor", "virginica");
        assertThat(schema.column("code").orElseThrow().regex()).isEqualTo("[A-Z]{2}-[0-9]+");
    }

    @Test
    void appliesDefaultsToRulesNotGiven() throws IOException {
        Schema schema = Schema.load(file("columns:\n  x: {type: double}\n"));

        ColumnRule x = schema.columns().get(0);
        assertThat(x.nullable()).isTrue();
        assertThat(x.hasMin()).isFalse();
        assertThat(x.hasMax()).isFalse();
        assertThat(x.min()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(x.max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(x.allowed()).isEmpty();
        assertThat(x.regex()).isEmpty();
    }

    @Test
    void keepsAllowedValuesExactlyAsWritten() throws IOException {
        Schema schema = Schema.load(file("columns:\n  zip: {type: string, allowed: [01, '1.0', true, ~x]}\n"));

        assertThat(schema.columns().get(0).allowed()).containsExactly("01", "1.0", "true", "~x");
    }

    @Test
    void readsEveryType() throws IOException {
        Schema schema = Schema.load(file(
                "columns:\n  a: {type: integer}\n  b: {type: double}\n  c: {type: string}\n  d: {type: boolean}\n"));

        assertThat(schema.columns())
                .extracting(ColumnRule::type)
                .containsExactly(ColumnKind.INTEGER, ColumnKind.DOUBLE, ColumnKind.STRING, ColumnKind.BOOLEAN);
    }

    @Test
    void failsWhenTheFileDoesNotExist() {
        String location = dir.resolve("nowhere.yaml").toString();

        assertThatThrownBy(() -> Schema.load(location))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("schema file '" + location + "' does not exist (looked at ");
    }

    @Test
    void failsWhenTheClasspathResourceDoesNotExist() {
        assertThatThrownBy(() -> Schema.load("classpath:schema/nowhere.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("schema file 'classpath:schema/nowhere.yaml' is not on the class path");
    }

    @Test
    void reportsTheLineAndColumnOfASyntaxError() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: double\n  b: {type: string}\n"))
                .startsWith("schema file 'test.schema.yaml' is not valid YAML: line 3, column 4: ")
                .contains("(while parsing a flow mapping at line 2, column 6)");
    }

    @Test
    void reportsAMisplacedColonWithItsPosition() throws IOException {
        assertThat(errorOf("columns:\n  a: type: double\n"))
                .isEqualTo("schema file 'test.schema.yaml' is not valid YAML: line 2, column 10:"
                        + " mapping values are not allowed here");
    }

    @Test
    void failsOnAnEmptyFile() throws IOException {
        assertThat(errorOf("# nothing yet\n"))
                .isEqualTo("schema file 'test.schema.yaml' is empty; it needs a 'columns' mapping,"
                        + " e.g. columns: {species: {type: string}}");
    }

    @Test
    void failsWhenTheFileIsNotAMapping() throws IOException {
        assertThat(errorOf("- sepal_length\n- species\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 1): the file must be a mapping with a 'columns' key,"
                        + " e.g. columns: {species: {type: string}}, was a list");
    }

    @Test
    void failsOnAnUnknownTopLevelKeyAndSuggestsTheNearest() throws IOException {
        assertThat(errorOf("colums:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 1): unknown key 'colums' (did you mean 'columns'?);"
                        + " the only top-level key is 'columns'");
    }

    @Test
    void failsWhenTheColumnsKeyIsAbsent() throws IOException {
        assertThat(errorOf("{}\n"))
                .isEqualTo("schema file 'test.schema.yaml' has no 'columns' key; it needs one,"
                        + " e.g. columns: {species: {type: string}}");
    }

    @Test
    void failsWhenTheColumnsKeyIsGivenTwice() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: double}\ncolumns:\n  b: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 3): key 'columns' is given twice");
    }

    @Test
    void failsWhenColumnsIsNotAMapping() throws IOException {
        assertThat(errorOf("columns: [a, b]\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 1): 'columns' must be a mapping of column names to"
                        + " rules, e.g. columns: {species: {type: string}}, was a list");
    }

    @Test
    void failsWhenNoColumnIsDeclared() throws IOException {
        assertThat(errorOf("columns: {}\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 1): 'columns' declares no columns");
    }

    @Test
    void failsWhenAColumnIsDeclaredTwice() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: double}\n  a: {type: string}\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 3): column 'a' is declared twice (first on line 2)");
    }

    @Test
    void failsWhenAColumnHasNoRulesMapping() throws IOException {
        assertThat(errorOf("columns:\n  a: double\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): the rules must be a mapping such as"
                        + " {type: double}, was 'double'");
    }

    @Test
    void failsOnAnUnknownKeyNamingFileColumnKeyAndTheNearestKey() throws IOException {
        assertThat(errorOf("columns:\n  sepal_length: {type: double, nullabel: false}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'sepal_length' (line 2): unknown key 'nullabel'"
                        + " (did you mean 'nullable'?); the keys are type, nullable, min, max, allowed, regex");
    }

    @Test
    void failsOnAKeyGivenTwice() throws IOException {
        assertThat(errorOf("columns:\n  a:\n    type: double\n    min: 0\n    min: 1\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 5): key 'min' is given twice");
    }

    @Test
    void failsWhenTheTypeIsMissing() throws IOException {
        assertThat(errorOf("columns:\n  a: {min: 0}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'type' is required; give one of"
                        + " integer, double, string, boolean, e.g. {type: double}");
    }

    @Test
    void failsOnAnUnknownTypeNamingTheValue() throws IOException {
        assertThat(errorOf("columns:\n  sepal_length: {type: float}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'sepal_length' (line 2): 'type' must be one of"
                        + " integer, double, string, boolean (did you mean 'double'?), was 'float'");
    }

    @Test
    void suggestsTheNearestTypeForATypo() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: strng}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'type' must be one of"
                        + " integer, double, string, boolean (did you mean 'string'?), was 'strng'");
    }

    @Test
    void rejectsTemporalAsAType() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: temporal}\n"))
                .startsWith("schema file 'test.schema.yaml', column 'a' (line 2): 'type' must be one of"
                        + " integer, double, string, boolean")
                .endsWith(", was 'temporal'");
    }

    @Test
    void failsWhenNullableIsNotABoolean() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: double, nullable: no}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'nullable' must be true or false,"
                        + " was 'no'");
    }

    @Test
    void failsWhenMinIsNotANumber() throws IOException {
        assertThat(errorOf("columns:\n  sepal_length: {type: double, min: abc}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'sepal_length' (line 2): 'min' must be a finite"
                        + " number such as 0 or 2.5, was 'abc'");
    }

    @Test
    void failsWhenMaxIsNotFinite() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: double, max: .inf}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'max' must be a finite"
                        + " number such as 0 or 2.5, was '.inf'");
    }

    @Test
    void failsWhenMinIsEmpty() throws IOException {
        assertThat(errorOf("columns:\n  a:\n    type: double\n    min:\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 4): 'min' must be a finite"
                        + " number such as 0 or 2.5, was empty");
    }

    @Test
    void failsWhenMinIsAboveMax() throws IOException {
        assertThat(errorOf("columns:\n  a:\n    type: double\n    min: 10\n    max: 5\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 5): 'max' must not be below 'min' (10),"
                        + " was 5");
    }

    @Test
    void failsOnBoundsForAStringColumn() throws IOException {
        assertThat(errorOf("columns:\n  species: {type: string, min: 0}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'species' (line 2): 'min' applies to numeric"
                        + " columns (integer, double), not to a string column");
    }

    @Test
    void failsOnARegexForANumericColumn() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: integer, regex: '[0-9]+'}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'regex' applies to string columns,"
                        + " not to an integer column");
    }

    @Test
    void failsOnAnInvalidRegex() throws IOException {
        assertThat(errorOf("columns:\n  code: {type: string, regex: '[A-Z'}\n"))
                .startsWith("schema file 'test.schema.yaml', column 'code' (line 2): 'regex' must be a valid regular"
                        + " expression (Unclosed character class near index 3), was '[A-Z'");
    }

    @Test
    void failsOnAnEmptyRegex() throws IOException {
        assertThat(errorOf("columns:\n  code: {type: string, regex: ''}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'code' (line 2): 'regex' must not be empty,"
                        + " was ''");
    }

    @Test
    void failsWhenAllowedIsNotAList() throws IOException {
        assertThat(errorOf("columns:\n  species: {type: string, allowed: setosa}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'species' (line 2): 'allowed' must be a list such as"
                        + " [setosa, versicolor], was 'setosa'");
    }

    @Test
    void failsWhenAllowedIsEmpty() throws IOException {
        assertThat(errorOf("columns:\n  species: {type: string, allowed: []}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'species' (line 2): 'allowed' must list at least"
                        + " one value, was []");
    }

    @Test
    void failsWhenAllowedHoldsNull() throws IOException {
        assertThat(errorOf("columns:\n  species: {type: string, allowed: [setosa, ~]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'species' (line 2): 'allowed' must not contain null"
                        + " (use 'nullable' for missing cells), was '~'");
    }

    @Test
    void failsWhenAllowedHoldsANestedList() throws IOException {
        assertThat(errorOf("columns:\n  species: {type: string, allowed: [[a, b]]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'species' (line 2): 'allowed' values must be plain"
                        + " values, was a list");
    }

    @Test
    void failsWhenAllowedHoldsTextForANumericColumn() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: double, allowed: [1, two]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'allowed' values must be numbers for"
                        + " a double column, was 'two'");
    }

    @Test
    void failsWhenAllowedHoldsAFractionForAnIntegerColumn() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: integer, allowed: [1, 1.5]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'allowed' values must be whole numbers"
                        + " for an integer column, was '1.5'");
    }

    @Test
    void failsWhenAllowedHoldsANonBooleanForABooleanColumn() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: boolean, allowed: [yes]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'allowed' values must be true or false"
                        + " for a boolean column, was 'yes'");
    }

    @Test
    void failsOnAListWhereASingleValueBelongs() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: [double, string]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'type' must be a single value,"
                        + " was a list");
    }

    @Test
    void neverConstructsObjectsFromTags() throws IOException {
        assertThat(errorOf("columns: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://example.com\"]]\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 1): unsupported YAML tag"
                        + " 'tag:yaml.org,2002:javax.script.ScriptEngineManager'; schema files hold plain mappings,"
                        + " lists and values only");
    }

    @Test
    void rejectsLocalTagsOnValues() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: !custom double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): unsupported YAML tag '!custom';"
                        + " schema files hold plain mappings, lists and values only");
    }
}
