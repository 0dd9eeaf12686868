package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.DataLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of the {@code table:} section: row count, exact or superset columns, column order. */
class SchemaTableRulesTest {

    @TempDir
    Path dir;

    private SchemaValidation validate(String yaml, String csv) throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        Path schema = dir.resolve("test.schema.yaml");
        Files.writeString(schema, yaml);
        return Schema.load(schema.toString()).validate(DataLoader.load(data.toString()));
    }

    private static List<String> lines(SchemaValidation validation) {
        List<String> lines = new ArrayList<>();
        validation.failures().forEach(f -> lines.add(f.describe()));
        return lines;
    }

    private static final String ABC = "columns:\n  a: {type: integer}\n  b: {type: integer}\n  c: {type: integer}\n";

    // --- rows

    @Test
    void rowBoundsIncludeTheirValues() throws IOException {
        assertThat(validate("table:\n  rows: {min: 2, max: 3}\n" + ABC, "a,b,c\n1,2,3\n4,5,6\n")
                        .passed())
                .isTrue();
        assertThat(validate("table:\n  rows: {min: 2, max: 3}\n" + ABC, "a,b,c\n1,2,3\n4,5,6\n7,8,9\n")
                        .passed())
                .isTrue();
    }

    @Test
    void tooFewRowsIsATableViolation() throws IOException {
        SchemaValidation validation = validate("table:\n  rows: {min: 10}\n" + ABC, "a,b,c\n1,2,3\n4,5,6\n7,8,9\n");

        assertThat(lines(validation)).containsExactly("table, rows at least 10: the data set has 3 row(s)");
        assertThat(validation.violations())
                .containsExactly(new SchemaViolation(
                        "",
                        "rows",
                        0,
                        "",
                        "data set data.csv has 3 row(s), but schema test.schema.yaml asks for at least 10"));
        assertThat(validation.violations().get(0).columnLevel()).isTrue();
    }

    @Test
    void tooManyRowsIsATableViolation() throws IOException {
        assertThat(lines(validate("table:\n  rows: {max: 1}\n" + ABC, "a,b,c\n1,2,3\n4,5,6\n")))
                .containsExactly("table, rows at most 1: the data set has 2 row(s)");
        assertThat(lines(validate("table:\n  rows: {min: 5, max: 9}\n" + ABC, "a,b,c\n1,2,3\n")))
                .containsExactly("table, rows between 5 and 9: the data set has 1 row(s)");
    }

    // --- columns: exact | superset

    @Test
    void exactColumnsIsTheDefaultAndReportsExtraColumns() throws IOException {
        assertThat(lines(validate(ABC, "a,b,c,d\n1,2,3,4\n")))
                .containsExactly("column 'd', unknown-column: not in the schema");
        assertThat(lines(validate("table:\n  columns: exact\n" + ABC, "a,b,c,d\n1,2,3,4\n")))
                .containsExactly("column 'd', unknown-column: not in the schema");
    }

    @Test
    void supersetAllowsExtraColumns() throws IOException {
        assertThat(validate("table:\n  columns: superset\n" + ABC, "d,a,b,e,c\n0,1,2,9,3\n")
                        .passed())
                .isTrue();
    }

    @Test
    void supersetStillNeedsEveryDeclaredColumnAndSuggestsAnExtraOne() throws IOException {
        assertThat(lines(validate("table:\n  columns: superset\n" + ABC, "a,b,d\n1,2,4\n")))
                .containsExactly("column 'c', missing-column: not in the data set (did you mean 'd'?)");
    }

    @Test
    void columnNamesAreCaseSensitive() throws IOException {
        assertThat(lines(validate("columns:\n  Species: {type: string}\n", "species\nsetosa\n")))
                .containsExactly(
                        "column 'Species', missing-column: not in the data set (did you mean 'species'?)",
                        "column 'species', unknown-column: not in the schema (did you mean 'Species'?)");
    }

    // --- ordered

    @Test
    void columnOrderIsFreeByDefault() throws IOException {
        assertThat(validate(ABC, "c,a,b\n3,1,2\n").passed()).isTrue();
    }

    @Test
    void orderedPassesWhenTheColumnsComeInSchemaOrder() throws IOException {
        assertThat(validate("table:\n  ordered: true\n" + ABC, "a,b,c\n1,2,3\n").passed())
                .isTrue();
    }

    @Test
    void orderedReportsTheFirstColumnOutOfPlace() throws IOException {
        SchemaValidation validation = validate("table:\n  ordered: true\n" + ABC, "a,c,b\n1,3,2\n");

        assertThat(lines(validation))
                .containsExactly("table, ordered true: 'c' comes before 'b', unlike in the schema; the declared columns"
                        + " come in the order a, c, b");
        assertThat(validation.violations().get(0).message())
                .isEqualTo("data set data.csv: column 'c' comes before 'b', but schema test.schema.yaml orders the"
                        + " columns a, b, c");
    }

    @Test
    void orderedWithSupersetIgnoresTheExtraColumns() throws IOException {
        assertThat(validate("table:\n  ordered: true\n  columns: superset\n" + ABC, "x,a,y,b,c,z\n0,1,0,2,3,0\n")
                        .passed())
                .isTrue();
    }

    // --- all together

    @Test
    void reportsRowsFirstThenColumnsThenUnknownColumnsThenOrder() throws IOException {
        SchemaValidation validation = validate(
                "table:\n  rows: {min: 5}\n  ordered: true\ncolumns:\n  a: {type: integer, max: 1}\n"
                        + "  b: {type: integer}\n",
                "b,x,a\n1,0,2\n");

        assertThat(lines(validation))
                .containsExactly(
                        "table, rows at least 5: the data set has 1 row(s)",
                        "column 'a', max 1: 1 row(s), e.g. row 1: 2",
                        "column 'x', unknown-column: not in the schema",
                        "table, ordered true: 'b' comes before 'a', unlike in the schema; the declared columns come in"
                                + " the order b, a");
    }
}
