package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Checking data against a schema: every rule passing on good data and failing, with its message, on bad data. */
class SchemaValidationTest {

    static {
        // Tablesaw 0.44 makes a second DoubleColumnType (IntColumnType...) when DoubleColumn is initialised before
        // ColumnType, and TestData.kind compares types with ==; touching ColumnType first keeps the instances one.
        ColumnType.values();
    }

    @TempDir
    Path dir;

    private TestData csv(String text) throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, text);
        return DataLoader.load(path.toString());
    }

    private Schema schema(String yaml) throws IOException {
        Path path = dir.resolve("test.schema.yaml");
        Files.writeString(path, yaml);
        return Schema.load(path.toString());
    }

    private SchemaValidation validate(String yaml, String csv) throws IOException {
        return schema(yaml).validate(csv(csv));
    }

    private static List<String> lines(SchemaValidation validation) {
        List<String> lines = new ArrayList<>();
        validation.failures().forEach(f -> lines.add(f.describe()));
        return lines;
    }

    // --- the whole schema

    @Test
    void passesWhenTheDataMatchesEveryRule() {
        Schema schema = Schema.load("classpath:schema/iris.schema.yaml");
        TestData data = DataLoader.load("classpath:schema/iris-sample.csv");

        SchemaValidation validation = schema.validate(data);

        assertThat(validation.passed()).isTrue();
        assertThat(validation.violationCount()).isZero();
        assertThat(validation.violations()).isEmpty();
        assertThat(validation.schema()).isEqualTo("iris.schema.yaml");
        assertThat(validation.data()).isEqualTo("iris-sample.csv");
        assertThat(validation.rows()).isEqualTo(6);
    }

    @Test
    void reportsEveryBrokenRuleInSchemaOrderThenTheUnknownColumns() {
        Schema schema = Schema.load("classpath:schema/iris.schema.yaml");
        TestData data = DataLoader.load("classpath:schema/iris-broken.csv");

        SchemaValidation validation = schema.validate(data);

        assertThat(validation.passed()).isFalse();
        assertThat(lines(validation))
                .containsExactly(
                        "column 'sepal_length', nullable false: 1 row(s), e.g. row 4",
                        "column 'sepal_length', max 10: 1 row(s), e.g. row 2: 12.5",
                        "column 'petal_width', max 3: 1 row(s), e.g. row 6: 3.5",
                        "column 'species', allowed [setosa, versicolor, virginica]: 1 row(s), e.g. row 3:"
                                + " 'versicolour'",
                        "column 'code', regex '[A-Z]{2}-[0-9]+': 1 row(s), e.g. row 2: 'se-2'",
                        "column 'verified', type boolean: 1 row(s), e.g. row 5: 'maybe'",
                        "column 'colour', unknown-column: not in the schema");
        assertThat(validation.violationCount()).isEqualTo(7);
    }

    // --- columns

    @Test
    void reportsASchemaColumnMissingFromTheDataAndSuggestsTheNearest() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  id: {type: integer}\n  petal_width: {type: double}\n", "id,petal_wdith\n1,0.2\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'petal_width', missing-column: not in the data set (did you mean 'petal_wdith'?)",
                        "column 'petal_wdith', unknown-column: not in the schema (did you mean 'petal_width'?)");
        assertThat(validation.violations())
                .containsExactly(
                        new SchemaViolation(
                                "petal_width",
                                "missing-column",
                                0,
                                "",
                                "column 'petal_width' is in schema test.schema.yaml but not in data set data.csv"
                                        + " (did you mean 'petal_wdith'?)"),
                        new SchemaViolation(
                                "petal_wdith",
                                "unknown-column",
                                0,
                                "",
                                "column 'petal_wdith' is in data set data.csv but not in schema test.schema.yaml"
                                        + " (did you mean 'petal_width'?)"));
        assertThat(validation.violations()).allMatch(SchemaViolation::columnLevel);
    }

    @Test
    void reportsADataColumnThatTheSchemaDoesNotDeclare() throws IOException {
        SchemaValidation validation = validate("columns:\n  id: {type: integer}\n", "id,colour\n1,red\n");

        assertThat(lines(validation)).containsExactly("column 'colour', unknown-column: not in the schema");
    }

    // --- type: integer

    @Test
    void integerAcceptsWholeNumbers() throws IOException {
        assertThat(validate("columns:\n  n: {type: integer}\n", "n\n1\n-2\n3000000000\n")
                        .passed())
                .isTrue();
    }

    @Test
    void integerAcceptsWholeNumbersWrittenWithADecimalPoint() throws IOException {
        assertThat(validate("columns:\n  n: {type: integer}\n", "n\n1.0\n2.0\n").passed())
                .isTrue();
    }

    @Test
    void integerAcceptsADecimalColumnWhoseValuesAreAllWhole() throws IOException {
        Table table = Table.create("t", DoubleColumn.create("n", 1.0, 2.0, Double.NaN, 4.0));
        TestData data = TestData.of("in-memory", table);
        assertThat(data.kind("n")).isEqualTo(ColumnKind.DOUBLE);

        assertThat(schema("columns:\n  n: {type: integer}\n").validate(data).passed())
                .isTrue();
    }

    @Test
    void integerReportsEachFractionInADecimalColumn() throws IOException {
        SchemaValidation validation = validate("columns:\n  n: {type: integer}\n", "n\n1\n2.5\n3\n4.25\n");

        assertThat(lines(validation))
                .containsExactly("column 'n', type integer: 2 row(s), e.g. row 2: 2.5, row 4: 4.25");
        assertThat(validation.violations())
                .extracting(SchemaViolation::message)
                .containsExactly(
                        "column 'n', row 2: 2.5 is not an integer", "column 'n', row 4: 4.25 is not an integer");
    }

    @Test
    void integerReportsEachCellThatIsNotANumber() throws IOException {
        SchemaValidation validation = validate("columns:\n  n: {type: integer}\n", "n\n1\nx\n3\n");

        assertThat(lines(validation)).containsExactly("column 'n', type integer: 1 row(s), e.g. row 2: 'x'");
        assertThat(validation.violations())
                .containsExactly(new SchemaViolation("n", "type", 2, "x", "column 'n', row 2: 'x' is not an integer"));
    }

    // --- type: double

    @Test
    void doubleAcceptsDecimalAndIntegerColumns() throws IOException {
        assertThat(validate("columns:\n  a: {type: double}\n  b: {type: double}\n", "a,b\n1.5,1\n2.5,2\n")
                        .passed())
                .isTrue();
    }

    @Test
    void doubleReportsEachCellThatIsNotANumberRatherThanTheWholeColumn() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  sepal_length: {type: double}\n", "sepal_length\n5.1\nabc\n4.9\nfive\n6.0\n");

        assertThat(lines(validation))
                .containsExactly("column 'sepal_length', type double: 2 row(s), e.g. row 2: 'abc', row 4: 'five'");
        assertThat(validation.violations())
                .extracting(SchemaViolation::message)
                .containsExactly(
                        "column 'sepal_length', row 2: 'abc' is not a double",
                        "column 'sepal_length', row 4: 'five' is not a double");
    }

    @Test
    void doubleReportsDatesAsNotNumbers() throws IOException {
        SchemaValidation validation = validate("columns:\n  d: {type: double}\n", "d\n2024-01-02\n2024-01-03\n");

        assertThat(lines(validation))
                .containsExactly("column 'd', type double: 2 row(s), e.g. row 1: '2024-01-02', row 2: '2024-01-03'");
    }

    @Test
    void numericRulesStillApplyToTheCellsThatAreNumbers() throws IOException {
        SchemaValidation validation = validate("columns:\n  x: {type: double, max: 10}\n", "x\n5\nabc\n12.5\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'x', type double: 1 row(s), e.g. row 2: 'abc'",
                        "column 'x', max 10: 1 row(s), e.g. row 3: 12.5");
    }

    // --- type: boolean

    @Test
    void booleanAcceptsTheSpellingsTheLoaderReadsAsBooleans() throws IOException {
        assertThat(validate("columns:\n  a: {type: boolean}\n  b: {type: boolean}\n", "a,b\ntrue,T\nFALSE,N\n")
                        .passed())
                .isTrue();
    }

    @Test
    void booleanReportsEachCellThatIsNotABoolean() throws IOException {
        SchemaValidation validation = validate("columns:\n  ok: {type: boolean}\n", "ok\ntrue\nmaybe\nfalse\n1\n");

        assertThat(lines(validation))
                .containsExactly("column 'ok', type boolean: 2 row(s), e.g. row 2: 'maybe', row 4: '1'");
        assertThat(validation.violations().get(0).message()).isEqualTo("column 'ok', row 2: 'maybe' is not a boolean");
    }

    @Test
    void booleanRejectsAZeroOneColumn() throws IOException {
        SchemaValidation validation = validate("columns:\n  ok: {type: boolean}\n", "ok\n0\n1\n");

        assertThat(lines(validation))
                .containsExactly("column 'ok', type boolean: 2 row(s), e.g. row 1: '0', row 2: '1'");
    }

    // --- type: string

    @Test
    void stringAcceptsNumbersBooleansAndDates() throws IOException {
        assertThat(validate(
                                "columns:\n  a: {type: string}\n  b: {type: string}\n  c: {type: string}\n"
                                        + "  d: {type: string}\n",
                                "a,b,c,d\n1,1.5,true,2024-01-02\n2,2.5,false,2024-01-03\n")
                        .passed())
                .isTrue();
    }

    // --- nullable

    @Test
    void missingCellsAreAllowedByDefault() throws IOException {
        assertThat(validate("columns:\n  a: {type: double}\n  b: {type: string}\n", "a,b\n1.5,x\n,\nNA,NA\nNaN,y\n")
                        .passed())
                .isTrue();
    }

    @Test
    void nonNullableReportsEachMissingCell() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  a: {type: double, nullable: false}\n  b: {type: string, nullable: false}\n",
                "a,b\n1.5,x\n,y\nNA,\nNaN,z\n2.5,N/A\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'a', nullable false: 3 row(s), e.g. row 2, row 3, row 4",
                        "column 'b', nullable false: 2 row(s), e.g. row 3, row 5");
        assertThat(validation.violations().get(0))
                .isEqualTo(new SchemaViolation(
                        "a", "nullable", 2, "", "column 'a', row 2: missing, but the column is not nullable"));
    }

    @Test
    void nonNullablePassesWhenNoCellIsMissing() throws IOException {
        assertThat(validate("columns:\n  a: {type: double, nullable: false}\n", "a\n1\n2\n")
                        .passed())
                .isTrue();
    }

    // --- min and max

    @Test
    void boundsIncludeTheirValues() throws IOException {
        assertThat(validate("columns:\n  a: {type: double, min: 0, max: 10}\n", "a\n0\n10\n5.5\n")
                        .passed())
                .isTrue();
    }

    @Test
    void minReportsValuesBelowIt() throws IOException {
        SchemaValidation validation = validate("columns:\n  a: {type: integer, min: 1}\n", "a\n1\n0\n-3\n");

        assertThat(lines(validation)).containsExactly("column 'a', min 1: 2 row(s), e.g. row 2: 0, row 3: -3");
        assertThat(validation.violations().get(1))
                .isEqualTo(new SchemaViolation("a", "min", 3, "-3", "column 'a', row 3: -3 is below min 1"));
    }

    @Test
    void maxReportsValuesAboveIt() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  sepal_length: {type: double, max: 10}\n", "sepal_length\n9.9\n12.5\n10.2\n");

        assertThat(lines(validation))
                .containsExactly("column 'sepal_length', max 10: 2 row(s), e.g. row 2: 12.5, row 3: 10.2");
        assertThat(validation.violations().get(0).message())
                .isEqualTo("column 'sepal_length', row 2: 12.5 is above max 10");
    }

    @Test
    void boundsWithFractionsPrintExactly() throws IOException {
        SchemaValidation validation = validate("columns:\n  p: {type: double, max: 0.125}\n", "p\n0.1\n0.5\n");

        assertThat(lines(validation)).containsExactly("column 'p', max 0.125: 1 row(s), e.g. row 2: 0.5");
    }

    // --- allowed

    @Test
    void allowedPassesOnListedStrings() throws IOException {
        assertThat(validate(
                                "columns:\n  id: {type: integer}\n  species: {type: string, allowed: [setosa, virginica]}\n",
                                "id,species\n1,setosa\n2,virginica\n3,\n")
                        .passed())
                .isTrue();
    }

    @Test
    void allowedComparesStringsAsExactText() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  species: {type: string, allowed: [setosa, virginica]}\n",
                "species\nsetosa\nSetosa\nsetosaa\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'species', allowed [setosa, virginica]: 2 row(s), e.g. row 2: 'Setosa', row 3: 'setosaa'");
        assertThat(validation.violations().get(0).message())
                .isEqualTo("column 'species', row 2: 'Setosa' is not in allowed [setosa, virginica]");
    }

    @Test
    void allowedComparesNumbersNumerically() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  grade: {type: double, allowed: [1, 2.50, 3]}\n", "grade\n1.0\n2.5\n3\n4\n");

        assertThat(lines(validation)).containsExactly("column 'grade', allowed [1, 2.50, 3]: 1 row(s), e.g. row 4: 4");
    }

    @Test
    void allowedAppliesToBooleans() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  ok: {type: boolean, allowed: [true]}\n", "ok\ntrue\nfalse\n");

        assertThat(lines(validation)).containsExactly("column 'ok', allowed [true]: 1 row(s), e.g. row 2: 'false'");
    }

    @Test
    void allowedAbbreviatesALongListInTheLabel() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  n: {type: integer, allowed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}\n", "n\n13\n");

        assertThat(validation.failures().get(0).label())
                .isEqualTo("allowed [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... (12 values)]");
    }

    // --- regex

    @Test
    void regexPassesWhenEveryCellMatches() throws IOException {
        assertThat(validate(
                                "columns:\n  id: {type: integer}\n  code: {type: string, regex: '[A-Z]{2}-[0-9]+'}\n",
                                "id,code\n1,SE-1\n2,VI-22\n3,\n")
                        .passed())
                .isTrue();
    }

    @Test
    void regexMustMatchTheWholeCell() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  code: {type: string, regex: '[A-Z]{2}-[0-9]+'}\n", "code\nSE-1\nxSE-1\nSE-1x\nse-1\n");

        assertThat(lines(validation))
                .containsExactly("column 'code', regex '[A-Z]{2}-[0-9]+': 3 row(s), e.g. row 2: 'xSE-1', row 3:"
                        + " 'SE-1x', row 4: 'se-1'");
        assertThat(validation.violations().get(0).message())
                .isEqualTo("column 'code', row 2: 'xSE-1' does not match regex '[A-Z]{2}-[0-9]+'");
    }

    // --- many violations

    @Test
    void keepsTheFirstFiveExamplesButCountsEveryViolation() throws IOException {
        StringBuilder csv = new StringBuilder("a\n");
        for (int i = 1; i <= 12; i++) {
            csv.append(100 + i).append('\n');
        }

        SchemaValidation validation = validate("columns:\n  a: {type: integer, max: 10}\n", csv.toString());

        RuleViolations max = validation.failures().get(0);
        assertThat(max.count()).isEqualTo(12);
        assertThat(max.examples()).hasSize(RuleViolations.MAX_EXAMPLES);
        assertThat(max.examples()).extracting(SchemaViolation::row).containsExactly(1, 2, 3, 4, 5);
        assertThat(max.describe())
                .isEqualTo("column 'a', max 10: 12 row(s), e.g. row 1: 101, row 2: 102, row 3: 103, row 4: 104,"
                        + " row 5: 105");
        assertThat(validation.violationCount()).isEqualTo(12);
        assertThat(validation.violations()).hasSize(5);
    }
}
