package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.YamlBombs;
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
                .contains(new ColumnRule(
                        "sepal_length", SchemaType.DOUBLE, false, Double.NaN, 0, 10, List.of(), "", false, 0));
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
        assertThat(x.hasMaxNullFraction()).isFalse();
        assertThat(x.unique()).isFalse();
        assertThat(x.hasMaxCardinality()).isFalse();
        assertThat(x).isEqualTo(ColumnRule.of("x", SchemaType.DOUBLE));
        assertThat(schema.table()).isEqualTo(TableRule.DEFAULT);
    }

    @Test
    void keepsAllowedValuesExactlyAsWritten() throws IOException {
        Schema schema = Schema.load(file("columns:\n  zip: {type: string, allowed: [01, '1.0', true, ~x]}\n"));

        assertThat(schema.columns().get(0).allowed()).containsExactly("01", "1.0", "true", "~x");
    }

    @Test
    void readsEveryType() throws IOException {
        Schema schema = Schema.load(file("columns:\n  a: {type: integer}\n  b: {type: double}\n  c: {type: string}\n"
                + "  d: {type: boolean}\n  e: {type: date}\n  f: {type: datetime}\n"));

        assertThat(schema.columns())
                .extracting(ColumnRule::type)
                .containsExactly(
                        SchemaType.INTEGER,
                        SchemaType.DOUBLE,
                        SchemaType.STRING,
                        SchemaType.BOOLEAN,
                        SchemaType.DATE,
                        SchemaType.DATETIME);
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
                        + " the top-level keys are columns, table");
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
                        + " (did you mean 'nullable'?); the keys are type, nullable, maxNullFraction, min, max, allowed,"
                        + " regex, unique, maxCardinality");
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
                        + " integer, double, string, boolean, date, datetime, e.g. {type: double}");
    }

    @Test
    void failsOnAnUnknownTypeNamingTheValue() throws IOException {
        assertThat(errorOf("columns:\n  sepal_length: {type: float}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'sepal_length' (line 2): 'type' must be one of"
                        + " integer, double, string, boolean, date, datetime (did you mean 'double'?), was 'float'");
    }

    @Test
    void suggestsTheNearestTypeForATypo() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: strng}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'a' (line 2): 'type' must be one of"
                        + " integer, double, string, boolean, date, datetime (did you mean 'string'?), was 'strng'");
    }

    @Test
    void rejectsTemporalAsAType() throws IOException {
        assertThat(errorOf("columns:\n  a: {type: temporal}\n"))
                .startsWith("schema file 'test.schema.yaml', column 'a' (line 2): 'type' must be one of"
                        + " integer, double, string, boolean, date, datetime")
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
                .isEqualTo("schema file 'test.schema.yaml', column 'species' (line 2): 'min' applies to integer,"
                        + " double, date and datetime columns, not to a string column");
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

    // --- the rules added for data quality: maxNullFraction, unique, maxCardinality, dates

    @Test
    void readsMaxNullFractionUniqueAndMaxCardinality() throws IOException {
        Schema schema = Schema.load(file("columns:\n  id: {type: integer, unique: true, nullable: false}\n"
                + "  x: {type: double, maxNullFraction: 0.05}\n  colour: {type: string, maxCardinality: 12}\n"));

        assertThat(schema.column("id").orElseThrow().unique()).isTrue();
        assertThat(schema.column("x").orElseThrow().maxNullFraction()).isEqualTo(0.05);
        assertThat(schema.column("x").orElseThrow().nullable()).isTrue();
        assertThat(schema.column("colour").orElseThrow().maxCardinality()).isEqualTo(12);
    }

    @Test
    void readsDateAndDatetimeBoundsAsEpochDaysAndMicroseconds() throws IOException {
        Schema schema = Schema.load(file("columns:\n  day: {type: date, min: 1970-01-02, max: '2024-01-31'}\n"
                + "  at: {type: datetime, min: 1969-12-31T23:59:59, max: 1970-01-01 01:00+01:00}\n"));

        ColumnRule day = schema.column("day").orElseThrow();
        assertThat(day.min()).isEqualTo(1);
        assertThat(day.max()).isEqualTo(19753);
        ColumnRule at = schema.column("at").orElseThrow();
        assertThat(at.min()).isEqualTo(-1_000_000);
        assertThat(at.max()).isZero();
    }

    @Test
    void failsWhenMaxNullFractionIsOutsideZeroToOne() throws IOException {
        assertThat(errorOf("columns:\n  x: {type: double, maxNullFraction: 1.5}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'x' (line 2): 'maxNullFraction' must be a fraction"
                        + " in [0, 1] such as 0.05, was '1.5'");
    }

    @Test
    void failsWhenMaxNullFractionContradictsNullableFalse() throws IOException {
        assertThat(errorOf("columns:\n  x:\n    type: double\n    nullable: false\n    maxNullFraction: 0.1\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'x' (line 5): 'maxNullFraction' allows missing"
                        + " cells, but 'nullable' is false; give one of the two");
    }

    @Test
    void failsWhenUniqueIsNotABoolean() throws IOException {
        assertThat(errorOf("columns:\n  id: {type: integer, unique: yes}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'id' (line 2): 'unique' must be true or false,"
                        + " was 'yes'");
    }

    @Test
    void failsWhenMaxCardinalityIsZero() throws IOException {
        assertThat(errorOf("columns:\n  c: {type: string, maxCardinality: 0}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'c' (line 2): 'maxCardinality' must be a whole"
                        + " number of at least 1, was '0'");
    }

    @Test
    void failsWhenMaxCardinalityHasAFraction() throws IOException {
        assertThat(errorOf("columns:\n  c: {type: string, maxCardinality: 2.5}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'c' (line 2): 'maxCardinality' must be a whole"
                        + " number of at least 1, was '2.5'");
    }

    @Test
    void failsWhenADateBoundIsNotAnIsoDate() throws IOException {
        assertThat(errorOf("columns:\n  day: {type: date, min: 01/31/2024}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'day' (line 2): 'min' must be a date such as"
                        + " 2024-01-31, was '01/31/2024'");
    }

    @Test
    void failsWhenADateBoundIsNotARealDay() throws IOException {
        assertThat(errorOf("columns:\n  day: {type: date, max: 2023-02-29}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'day' (line 2): 'max' must be a date such as"
                        + " 2024-01-31, was '2023-02-29'");
    }

    @Test
    void failsWhenADatetimeBoundHasNoTime() throws IOException {
        assertThat(errorOf("columns:\n  at: {type: datetime, max: 2024-01-31}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'at' (line 2): 'max' must be a datetime such as"
                        + " 2024-01-31T09:30:00, was '2024-01-31'");
    }

    @Test
    void failsWhenADateMinIsAfterItsMax() throws IOException {
        assertThat(errorOf("columns:\n  day:\n    type: date\n    min: 2024-02-01\n    max: 2024-01-01\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'day' (line 5): 'max' must not be below 'min'"
                        + " (2024-02-01), was 2024-01-01");
    }

    @Test
    void failsWhenAllowedHoldsANonDateForADateColumn() throws IOException {
        assertThat(errorOf("columns:\n  day: {type: date, allowed: [2024-01-31, soon]}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'day' (line 2): 'allowed' values must be dates such"
                        + " as 2024-01-31 for a date column, was 'soon'");
    }

    @Test
    void failsOnBoundsForABooleanColumn() throws IOException {
        assertThat(errorOf("columns:\n  ok: {type: boolean, max: 2024-01-01}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'ok' (line 2): 'max' applies to integer, double,"
                        + " date and datetime columns, not to a boolean column");
    }

    @Test
    void failsOnARegexForADateColumn() throws IOException {
        assertThat(errorOf("columns:\n  day: {type: date, regex: '2024-.*'}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'day' (line 2): 'regex' applies to string columns,"
                        + " not to a date column");
    }

    @Test
    void suggestsDatetimeForTimestamp() throws IOException {
        assertThat(errorOf("columns:\n  at: {type: timestamp}\n"))
                .isEqualTo("schema file 'test.schema.yaml', column 'at' (line 2): 'type' must be one of integer,"
                        + " double, string, boolean, date, datetime (did you mean 'datetime'?), was 'timestamp'");
    }

    // --- the table section

    @Test
    void readsTheTableSection() throws IOException {
        Schema schema = Schema.load(file("table:\n  rows: {min: 100, max: 1000000}\n  columns: superset\n"
                + "  ordered: true\ncolumns:\n  a: {type: double}\n"));

        assertThat(schema.table()).isEqualTo(new TableRule(100, 1_000_000, TableRule.ColumnSet.SUPERSET, true));
        assertThat(schema.table().hasMinRows()).isTrue();
        assertThat(schema.table().hasMaxRows()).isTrue();
    }

    @Test
    void leavesUnsetRowBoundsOpen() throws IOException {
        Schema schema = Schema.load(file("table:\n  rows: {max: 50}\ncolumns:\n  a: {type: double}\n"));

        assertThat(schema.table()).isEqualTo(new TableRule(0, 50, TableRule.ColumnSet.EXACT, false));
        assertThat(schema.table().hasMinRows()).isFalse();
    }

    @Test
    void failsWhenTheTableSectionIsNotAMapping() throws IOException {
        assertThat(errorOf("table: big\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table (line 1): 'table' must be a mapping such as"
                        + " {rows: {min: 10}, columns: superset}, was 'big'");
    }

    @Test
    void failsOnAnUnknownTableKeyAndSuggestsTheNearest() throws IOException {
        assertThat(errorOf("table:\n  row: {min: 10}\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table (line 2): unknown key 'row' (did you mean 'rows'?);"
                        + " the keys are rows, columns, ordered");
    }

    @Test
    void failsWhenTheTableSectionIsGivenTwice() throws IOException {
        assertThat(errorOf("table: {ordered: true}\ncolumns:\n  a: {type: double}\ntable: {ordered: false}\n"))
                .isEqualTo("schema file 'test.schema.yaml' (line 4): key 'table' is given twice");
    }

    @Test
    void failsWhenRowsIsNotAMapping() throws IOException {
        assertThat(errorOf("table:\n  rows: 150\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table, rows (line 2): 'rows' must be a mapping such as"
                        + " {min: 10, max: 1000}, was '150'");
    }

    @Test
    void failsOnAnUnknownRowsKey() throws IOException {
        assertThat(errorOf("table:\n  rows: {mni: 10}\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table, rows (line 2): unknown key 'mni' (did you mean"
                        + " 'min'?); the keys are min, max");
    }

    @Test
    void failsWhenRowsGivesNoBound() throws IOException {
        assertThat(errorOf("table:\n  rows: {}\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table (line 2): 'rows' must give 'min', 'max' or both,"
                        + " e.g. {min: 10, max: 1000}");
    }

    @Test
    void failsWhenARowBoundIsNegative() throws IOException {
        assertThat(errorOf("table:\n  rows: {min: -1}\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table, rows (line 2): 'min' must be a whole number of at"
                        + " least 0, was '-1'");
    }

    @Test
    void failsWhenTheRowMaxIsBelowTheMin() throws IOException {
        assertThat(errorOf("table:\n  rows:\n    min: 100\n    max: 10\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table, rows (line 4): 'max' must not be below 'min'"
                        + " (100), was 10");
    }

    @Test
    void failsOnAnUnknownColumnSetAndSuggestsTheNearest() throws IOException {
        assertThat(errorOf("table:\n  columns: supreset\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table (line 2): 'columns' must be exact or superset"
                        + " (did you mean 'superset'?), was 'supreset'");
    }

    @Test
    void failsWhenOrderedIsNotABoolean() throws IOException {
        assertThat(errorOf("table:\n  ordered: sometimes\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table (line 2): 'ordered' must be true or false,"
                        + " was 'sometimes'");
    }

    @Test
    void rejectsTagsInTheTableSection() throws IOException {
        assertThat(errorOf("table:\n  rows: !!java.util.HashMap {min: 1}\ncolumns:\n  a: {type: double}\n"))
                .isEqualTo("schema file 'test.schema.yaml', table, rows (line 2): unsupported YAML tag"
                        + " 'tag:yaml.org,2002:java.util.HashMap'; schema files hold plain mappings, lists and values"
                        + " only");
    }

    @Test
    void schemaNestedTwentyThousandDeepIsRefusedNamingIt() throws IOException {
        assertThat(errorOf("columns:\n" + YamlBombs.nested("  x", 20_000)))
                .isEqualTo("schema file 'test.schema.yaml' is refused: it nests mappings and lists more than 100 levels"
                        + " deep (line 2)");
    }

    @Test
    void longValuesAreEchoedCapped() throws IOException {
        String type = "t".repeat(100_000);

        assertThat(errorOf("columns:\n  x: {type: " + type + "}\n"))
                .startsWith("schema file 'test.schema.yaml', column 'x' (line 2): 'type' must be")
                .contains("was '" + "t".repeat(200) + "… (100000 characters)'")
                .hasSizeLessThan(1000);
    }
}
