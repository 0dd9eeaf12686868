package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SchemaInference}: what it infers, that the file reads back as the same schema, and the command line. */
class SchemaInferenceTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            # A starting point: review every rule before relying on it (format: docs/schema.md).
            # - min/max: the observed range widened by 10% of its width on each side, rounded outward;
            #   kept at 0 when no value was negative.
            # - allowed: the values of text columns with at most 20 distinct values, each seen twice on average.
            # - nullable: false where no cell was missing; else maxNullFraction: twice the observed fraction.
            # - rows: the reference's row count divided and multiplied by 10.
            """;

    private TestData csv(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return DataLoader.load(path.toString());
    }

    private TestData reference() throws IOException {
        return csv(
                "ref.csv",
                "id,length,species,name,day,ok\n"
                        + "1,4.3,setosa,ann,2024-01-01,true\n"
                        + "2,5.0,setosa,bob,2024-01-02,false\n"
                        + "3,,virginica,cy,2024-01-03,true\n"
                        + "4,7.9,virginica,dan,,true\n");
    }

    @Test
    void infersTypesNullabilityBoundsAllowedValuesAndRowsWithAnExplanation() throws IOException {
        String yaml = SchemaInference.withDefaults().yaml(reference());

        assertThat(yaml)
                .isEqualTo(
                        "# Schema inferred from ref.csv (4 rows, 6 columns) by dev.modeltest.schema.SchemaInference.\n"
                                + HEADER
                                + """
                        table:
                          rows: {min: 1, max: 40}
                          columns: exact   # superset: the data may have more columns than these
                          ordered: false   # true: the columns must come in this order
                        columns:
                          id:
                            type: integer
                            nullable: false
                            min: 0   # observed 1
                            max: 5   # observed 4
                          length:
                            type: double
                            maxNullFraction: 0.5   # observed 1 of 4 missing
                            min: 3.9   # observed 4.3
                            max: 8.3   # observed 7.9
                          species:
                            type: string
                            nullable: false
                            allowed: [setosa, virginica]
                          name:
                            type: string
                            nullable: false
                            # 4 distinct values in 4 cells: no allowed list inferred
                          day:
                            type: date
                            maxNullFraction: 0.5   # observed 1 of 4 missing
                            # observed 2024-01-01 to 2024-01-03; no min/max inferred (later data is usually newer)
                          ok:
                            type: boolean
                            nullable: false
                        """);
    }

    @Test
    void theInferredSchemaIsWhatTheFileReadsBackAs() throws IOException {
        TestData reference = reference();
        SchemaInference inference = SchemaInference.withDefaults();
        Path file = dir.resolve("out/ref.schema.yaml");

        inference.write(reference, file);
        Schema read = Schema.load(file.toString());
        Schema inferred = inference.infer(reference);

        assertThat(read.columns()).isEqualTo(inferred.columns());
        assertThat(read.table()).isEqualTo(inferred.table());
        assertThat(inferred.name()).isEqualTo("ref.inferred.schema.yaml");
        assertThat(inferred.column("length").orElseThrow())
                .isEqualTo(new ColumnRule(
                        "length", SchemaType.DOUBLE, true, 0.5, 3.9, 8.3, java.util.List.of(), "", false, 0));
    }

    @Test
    void theReferenceMatchesItsOwnInferredSchema() throws IOException {
        TestData reference = reference();

        assertThat(SchemaInference.withDefaults()
                        .infer(reference)
                        .validate(reference)
                        .failures())
                .isEmpty();
        assertThat(SchemaInference.withDefaults()
                        .margin(0)
                        .infer(reference)
                        .validate(reference)
                        .failures())
                .isEmpty();
    }

    @Test
    void theInferredSchemaCatchesDataUnlikeTheReference() throws IOException {
        Schema schema = SchemaInference.withDefaults().infer(reference());
        TestData other = csv(
                "other.csv",
                "id,length,species,name,day,ok\n1,9.5,setosa,ann,2024-01-01,true\n2,,versicolor,,2024-01-02,maybe\n");

        assertThat(schema.validate(other).failures())
                .extracting(RuleViolations::describe)
                .containsExactly(
                        "column 'length', max 8.3: 1 row(s), e.g. row 1: 9.5",
                        "column 'species', allowed [setosa, virginica]: 1 row(s), e.g. row 2: 'versicolor'",
                        "column 'name', nullable false: 1 row(s), e.g. row 2",
                        "column 'ok', type boolean: 1 row(s), e.g. row 2: 'maybe'");
    }

    @Test
    void quotesColumnNamesAndValuesThatYamlWouldMisread() throws IOException {
        TestData odd = csv(
                "odd.csv",
                "petal width (cm),a:b,yes,at\n"
                        + "1,o'neil,true,2024-01-31T10:00:00Z\n"
                        + "1,o'neil,true,2024-01-31T10:00:00+01:00\n"
                        + "1,\"x, y\",true,2024-01-31 10:00\n"
                        + "1,\"x, y\",true,2024-01-31T11:00\n");

        String yaml = SchemaInference.withDefaults().yaml(odd);
        Schema schema = SchemaInference.withDefaults().infer(odd);

        assertThat(yaml)
                .contains("  'petal width (cm)':\n    type: integer\n")
                .contains("  'a:b':\n    type: string\n    nullable: false\n    allowed: ['o''neil', 'x, y']\n")
                .contains("  'yes':\n    type: boolean\n")
                .contains("  at:\n    type: datetime\n");
        assertThat(schema.columns())
                .extracting(ColumnRule::column)
                .containsExactly("petal width (cm)", "a:b", "yes", "at");
        assertThat(schema.column("a:b").orElseThrow().allowed()).containsExactly("o'neil", "x, y");
        assertThat(schema.validate(odd).passed()).isTrue();
    }

    @Test
    void infersDatesFromTextColumnsOfIsoDates() throws IOException {
        TestData data = csv("d.csv", "day,x\n2024-01-31,1\n2024-02-01,2\n");

        assertThat(SchemaInference.withDefaults()
                        .infer(data)
                        .column("day")
                        .orElseThrow()
                        .type())
                .isEqualTo(SchemaType.DATE);
    }

    @Test
    void keepsBoundsOfANonNegativeColumnAtZeroAndWidensAConstantColumnByItsValue() throws IOException {
        TestData data = csv("c.csv", "count,level,zero\n0,5,0\n10,5,0\n");

        Schema schema = SchemaInference.withDefaults().infer(data);

        assertThat(schema.column("count").orElseThrow().min()).isZero();
        assertThat(schema.column("count").orElseThrow().max()).isEqualTo(11);
        assertThat(schema.column("level").orElseThrow().min()).isEqualTo(4);
        assertThat(schema.column("level").orElseThrow().max()).isEqualTo(6);
        assertThat(schema.column("zero").orElseThrow().min()).isZero();
        assertThat(schema.column("zero").orElseThrow().max()).isEqualTo(1);
    }

    @Test
    void widensNegativeBoundsBelowZero() throws IOException {
        TestData data = csv("n.csv", "t\n-0.5\n1.5\n");

        Schema schema = SchemaInference.withDefaults().infer(data);

        assertThat(schema.column("t").orElseThrow().min()).isEqualTo(-0.7);
        assertThat(schema.column("t").orElseThrow().max()).isEqualTo(1.7);
    }

    @Test
    void listsNoAllowedValuesForAColumnWithManyOrRareValues() throws IOException {
        StringBuilder csv = new StringBuilder("code\n");
        for (int i = 0; i < 60; i++) {
            csv.append("c").append(i % 21).append('\n');
        }
        TestData data = csv("many.csv", csv.toString());

        assertThat(SchemaInference.withDefaults().yaml(data))
                .contains("    # more than 20 distinct values in 60 cells: no allowed list inferred\n");
        assertThat(SchemaInference.withDefaults()
                        .maxAllowedValues(21)
                        .infer(data)
                        .column("code")
                        .orElseThrow()
                        .allowed())
                .hasSize(21);
        assertThat(SchemaInference.withDefaults()
                        .maxAllowedValues(0)
                        .infer(reference())
                        .column("species")
                        .orElseThrow()
                        .allowed())
                .isEmpty();
    }

    @Test
    void boundsTheNullFractionAtTwiceTheObservedRoundedUpAndAtMostOne() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i == 0 ? "" : Integer.toString(i))
                    .append(",")
                    .append(i < 200 ? "" : "a")
                    .append('\n');
        }
        TestData data = csv("gaps.csv", csv.toString());

        Schema schema = SchemaInference.withDefaults().infer(data);

        assertThat(schema.column("x").orElseThrow().maxNullFraction()).isEqualTo(0.007);
        assertThat(schema.column("y").orElseThrow().maxNullFraction()).isEqualTo(1);
    }

    @Test
    void scalesTheRowBoundsByTheRowsFactor() throws IOException {
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < 120; i++) {
            csv.append(i).append('\n');
        }
        TestData data = csv("rows.csv", csv.toString());

        assertThat(SchemaInference.withDefaults().infer(data).table())
                .isEqualTo(new TableRule(12, 1200, TableRule.ColumnSet.EXACT, false));
        assertThat(SchemaInference.withDefaults().rowsFactor(2).infer(data).table())
                .isEqualTo(new TableRule(60, 240, TableRule.ColumnSet.EXACT, false));
    }

    @Test
    void roundsBoundsOutwardExactly() {
        assertThat(SchemaInference.rounded(3.94, -1, RoundingMode.FLOOR)).isEqualTo("3.9");
        assertThat(SchemaInference.rounded(8.26, -1, RoundingMode.CEILING)).isEqualTo("8.3");
        assertThat(SchemaInference.rounded(0.1 + 0.2, -1, RoundingMode.CEILING)).isEqualTo("0.4");
        assertThat(SchemaInference.rounded(-92.25, 2, RoundingMode.FLOOR)).isEqualTo("-100");
        assertThat(SchemaInference.rounded(2736.75, 2, RoundingMode.CEILING)).isEqualTo("2800");
        assertThat(SchemaInference.rounded(-0.0001, 0, RoundingMode.CEILING)).isEqualTo("0");
    }

    @Test
    void rejectsBadOptions() {
        SchemaInference inference = SchemaInference.withDefaults();

        assertThatThrownBy(() -> inference.margin(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("margin must be a finite number of at least 0, was -0.1");
        assertThatThrownBy(() -> inference.maxAllowedValues(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAllowedValues must be at least 0, was -1");
        assertThatThrownBy(() -> inference.rowsFactor(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rowsFactor must be a finite number of at least 1, was 0.5");
    }

    // --- the command line

    private record Run(int status, String out, String err) {}

    private static Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SchemaInference.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandWritesTheInferredFile() throws IOException {
        TestData reference = reference();
        Path data = dir.resolve("ref.csv");
        Path target = dir.resolve("ref.schema.yaml");

        Run run = command(data.toString(), target.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .isEqualTo("wrote " + target + ": 6 columns inferred from ref.csv (4 rows); review it before use\n");
        assertThat(Files.readString(target))
                .isEqualTo(SchemaInference.withDefaults().yaml(reference));
    }

    @Test
    void theCommandTakesOptions() throws IOException {
        TestData reference = reference();
        Path target = dir.resolve("ref.schema.yaml");

        Run run = command(
                dir.resolve("ref.csv").toString(),
                target.toString(),
                "--margin=0",
                "--max-allowed-values=1",
                "--rows-factor=2");

        assertThat(run.status()).isZero();
        assertThat(Files.readString(target))
                .isEqualTo(SchemaInference.withDefaults()
                        .margin(0)
                        .maxAllowedValues(1)
                        .rowsFactor(2)
                        .yaml(reference));
    }

    @Test
    void theCommandKeepsAnExistingFileUnlessForced() throws IOException {
        reference();
        Path target = dir.resolve("edited.schema.yaml");
        Files.writeString(target, "# my edits\n");

        Run kept = command(dir.resolve("ref.csv").toString(), target.toString());

        assertThat(kept.status()).isEqualTo(1);
        assertThat(kept.err())
                .isEqualTo("schema file '" + target + "' exists (" + target + "); pass --force to overwrite it\n");
        assertThat(Files.readString(target)).isEqualTo("# my edits\n");

        Run forced = command(dir.resolve("ref.csv").toString(), target.toString(), "--force");

        assertThat(forced.status()).isZero();
        assertThat(Files.readString(target)).startsWith("# Schema inferred from ref.csv");
    }

    @Test
    void theCommandReportsAMissingDataFile() {
        Path data = dir.resolve("nope.csv");

        Run run = command(data.toString(), dir.resolve("out.yaml").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("data file '" + data + "' does not exist (looked at " + data + ")\n");
    }

    @Test
    void theCommandExplainsItsUsage() {
        Run missing = command("train.csv");
        Run unknown = command("train.csv", "out.yaml", "--marign=0.2");
        Run bad = command("train.csv", "out.yaml", "--margin=lots");

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo("expected a data file and a schema file, got 1 file argument(s)\n"
                        + "usage: SchemaInference <reference data file> <schema file to write> [--margin=0.1]"
                        + " [--max-allowed-values=20] [--rows-factor=10] [--force]\n");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown option '--marign=0.2'\nusage: SchemaInference ");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).startsWith("bad option '--margin=lots': For input string: \"lots\"\nusage: ");
    }
}
