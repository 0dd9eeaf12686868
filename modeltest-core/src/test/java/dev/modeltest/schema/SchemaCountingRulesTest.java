package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The rules that count over a whole column: maxNullFraction, unique and maxCardinality, passing and failing. */
class SchemaCountingRulesTest {

    static {
        // Tablesaw 0.44 makes a second DoubleColumnType (IntColumnType...) when DoubleColumn is initialised before
        // ColumnType, and TestData.kind compares types with ==; touching ColumnType first keeps the instances one.
        ColumnType.values();
    }

    @TempDir
    Path dir;

    private SchemaValidation validate(String yaml, String csv) throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        return schema(yaml).validate(DataLoader.load(data.toString()));
    }

    private Schema schema(String yaml) throws IOException {
        Path path = dir.resolve("test.schema.yaml");
        Files.writeString(path, yaml);
        return Schema.load(path.toString());
    }

    private static List<String> lines(SchemaValidation validation) {
        List<String> lines = new ArrayList<>();
        validation.failures().forEach(f -> lines.add(f.describe()));
        return lines;
    }

    private static final String GAPS = "x,y\n1,a\n,b\n3,c\nNA,d\n5,e\n,f\n";

    // --- maxNullFraction

    @Test
    void maxNullFractionPassesAtTheBound() throws IOException {
        assertThat(validate("columns:\n  x: {type: double, maxNullFraction: 0.5}\n  y: {type: string}\n", GAPS)
                        .passed())
                .isTrue();
    }

    @Test
    void maxNullFractionFailsAboveTheBoundWithTheFractionAndTheFirstRows() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  x: {type: double, maxNullFraction: 0.25}\n  y: {type: string}\n", GAPS);

        assertThat(lines(validation))
                .containsExactly(
                        "column 'x', maxNullFraction 0.25: 3 of 6 row(s) missing (0.5), e.g. row 2, row 4, row 6");
        assertThat(validation.violationCount()).isEqualTo(3);
        assertThat(validation.violations().get(0))
                .isEqualTo(new SchemaViolation(
                        "x",
                        "maxNullFraction",
                        2,
                        "",
                        "column 'x', row 2: missing; the column allows at most a fraction 0.25 of missing cells"));
    }

    @Test
    void maxNullFractionZeroAllowsNoMissingCell() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  x: {type: double}\n  y: {type: string, maxNullFraction: 0}\n", "x,y\n1,a\n2,\n");

        assertThat(lines(validation))
                .containsExactly("column 'y', maxNullFraction 0: 1 of 2 row(s) missing (0.5), e.g. row 2");
    }

    // --- unique

    @Test
    void uniqueReportsEachRepeatWithTheRowItRepeats() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  id: {type: integer, unique: true}\n  v: {type: string}\n",
                "id,v\n1,a\n2,b\n1,c\n3,d\n2,e\n1,f\n");

        assertThat(lines(validation))
                .containsExactly("column 'id', unique true: 3 row(s), e.g. row 3: 1 (as row 1), row 5: 2 (as row 2),"
                        + " row 6: 1 (as row 1)");
        assertThat(validation.violations().get(0))
                .isEqualTo(new SchemaViolation(
                        "id",
                        "unique",
                        3,
                        "1",
                        "column 'id', row 3: 1 repeats the value of row 1, but the column is" + " unique"));
    }

    @Test
    void uniqueComparesTextExactlyAndSkipsMissingCells() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  code: {type: string, unique: true}\n  x: {type: integer}\n",
                "code,x\nA,1\n,2\nB,3\n,4\nA,5\na,6\n");

        assertThat(lines(validation))
                .containsExactly("column 'code', unique true: 1 row(s), e.g. row 5: 'A' (as row 1)");
    }

    @Test
    void uniqueComparesNumbersAsValues() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  x: {type: double, unique: true}\n  y: {type: string}\n",
                "x,y\n1.5,a\n0.0,b\n-0.0,c\n1.50,d\n");

        assertThat(lines(validation))
                .containsExactly("column 'x', unique true: 2 row(s), e.g. row 3: 0 (as row 2), row 4: 1.5 (as row 1)");
    }

    @Test
    void uniqueChecksTheNumbersOfAStringColumnAsText() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  zip: {type: string, unique: true}\n", "zip\n1000\n2000\n1000\n");

        assertThat(lines(validation))
                .containsExactly("column 'zip', unique true: 1 row(s), e.g. row 3: '1000' (as row 1)");
    }

    @Test
    void uniqueHoldsOverTenThousandDistinctValuesAndCatchesTheOneRepeat() throws IOException {
        int[] ids = new int[10_001];
        for (int i = 0; i < 10_000; i++) {
            ids[i] = i * 7919;
        }
        ids[10_000] = 4242 * 7919;
        Schema schema = schema("columns:\n  id: {type: integer, unique: true}\n");
        TestData distinct = TestData.of(
                "ids", Table.create("ids", IntColumn.create("id", ids).first(10_000)));
        TestData repeated = TestData.of("ids", Table.create("ids", IntColumn.create("id", ids)));

        assertThat(schema.validate(distinct).passed()).isTrue();
        assertThat(lines(schema.validate(repeated)))
                .containsExactly("column 'id', unique true: 1 row(s), e.g. row 10001: 33592398 (as row 4243)");
    }

    // --- maxCardinality

    @Test
    void maxCardinalityPassesAtTheLimit() throws IOException {
        assertThat(validate("columns:\n  c: {type: string, maxCardinality: 3}\n", "c\na\nb\na\nc\nc\n")
                        .passed())
                .isTrue();
    }

    @Test
    void maxCardinalityReportsTheFirstRowOfEachValueBeyondTheLimit() throws IOException {
        SchemaValidation validation =
                validate("columns:\n  c: {type: string, maxCardinality: 2}\n", "c\na\nb\na\nc\nd\nc\n");

        assertThat(lines(validation))
                .containsExactly("column 'c', maxCardinality 2: 4 distinct value(s), 2 more than allowed, e.g."
                        + " row 4: 'c', row 5: 'd'");
        assertThat(validation.violationCount()).isEqualTo(2);
        assertThat(validation.violations().get(0).message())
                .isEqualTo("column 'c', row 4: 'c' is a distinct value beyond maxCardinality 2");
    }

    @Test
    void maxCardinalityCountsNumbersAndIgnoresMissingCells() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  n: {type: integer, maxCardinality: 1}\n  s: {type: string}\n",
                "n,s\n7,a\n,b\n" + "7,c\n8,d\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'n', maxCardinality 1: 2 distinct value(s), 1 more than allowed, e.g. row 4: 8");
    }

    @Test
    void maxCardinalityAndUniqueWorkOnAnInMemoryStringColumn() throws IOException {
        Schema schema = schema("columns:\n  s: {type: string, unique: true, maxCardinality: 2}\n");
        TestData data = TestData.of("t", Table.create("t", StringColumn.create("s", "x", "y", "x", "z")));

        assertThat(lines(schema.validate(data)))
                .containsExactly(
                        "column 's', unique true: 1 row(s), e.g. row 3: 'x' (as row 1)",
                        "column 's', maxCardinality 2: 3 distinct value(s), 1 more than allowed, e.g. row 4: 'z'");
    }
}
