package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SchemaCheck}: passing on matching data, failing with a grouped message, and its configuration errors. */
class SchemaCheckTest {

    private static final String WHERE = "@SchemaMatches on IrisTest.schema()";

    @TempDir
    Path dir;

    private static Subject subject(String data) {
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                data,
                "species",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null));
    }

    private String write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    /** 30 iris-like rows; rows 4, 9 and 17 have a sepal length above 10, and there is a colour column. */
    private String irisTestWithViolations() throws IOException {
        StringBuilder csv = new StringBuilder("sepal_length,species,colour\n");
        for (int row = 1; row <= 30; row++) {
            String length = row == 4 ? "12.5" : row == 9 ? "11.0" : row == 17 ? "10.2" : "5." + (row % 10);
            csv.append(length).append(",setosa,red\n");
        }
        return write("iris-test.csv", csv.toString());
    }

    @Test
    void passesWhenTheDataMatchesTheSchema() {
        SchemaCheck check = new SchemaCheck(WHERE, "classpath:schema/iris.schema.yaml");

        CheckResult result = check.run(subject("classpath:schema/iris-sample.csv"));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("schema-matches");
        assertThat(result.family()).isEqualTo(Family.DATA);
        assertThat(result.title()).isEqualTo("iris-sample.csv matches schema iris.schema.yaml");
        assertThat(result.measured()).isZero();
        assertThat(result.n()).isEqualTo(6);
        assertThat(result.message())
                .isEqualTo("Expecting iris-sample.csv (n=6) to match schema iris.schema.yaml\n"
                        + "and it does: 6 column(s), every rule holds on every row.");
    }

    @Test
    void failsListingEachBrokenRuleWithItsCountAndFirstRows() throws IOException {
        String schema = write(
                "iris.schema.yaml",
                "columns:\n  sepal_length: {type: double, min: 0, max: 10}\n  species: {type: string}\n");
        SchemaCheck check = new SchemaCheck(WHERE, schema);

        CheckResult result = check.run(subject(irisTestWithViolations()));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(4);
        assertThat(result.n()).isEqualTo(30);
        assertThat(result.message()).isEqualTo("""
                        Expecting iris-test.csv (n=30) to match schema iris.schema.yaml
                        but found 4 violation(s) of 2 rule(s):
                          column 'sepal_length', max 10: 3 row(s), e.g. row 4: 12.5, row 9: 11, row 17: 10.2
                          column 'colour', unknown-column: not in the schema""");
    }

    @Test
    void listsAtMostFiveRowsPerRuleButCountsThemAll() throws IOException {
        String schema = write("s.yaml", "columns:\n  n: {type: integer, min: 0}\n");
        String data = write("d.csv", "n\n-1\n-2\n-3\n-4\n-5\n-6\n-7\n1\n");

        CheckResult result = new SchemaCheck(WHERE, schema).run(subject(data));

        assertThat(result.message())
                .endsWith("but found 7 violation(s) of 1 rule(s):\n"
                        + "  column 'n', min 0: 7 row(s), e.g. row 1: -1, row 2: -2, row 3: -3, row 4: -4, row 5: -5");
    }

    @Test
    void putsCountsAndExamplesInTheDetails() throws IOException {
        String schema = write(
                "iris.schema.yaml",
                "columns:\n  sepal_length: {type: double, min: 0, max: 10}\n  species: {type: string}\n");

        CheckResult result = new SchemaCheck(WHERE, schema).run(subject(irisTestWithViolations()));

        assertThat(result.details())
                .containsEntry("schema", schema)
                .containsEntry("columns", 2)
                .containsEntry("violations", 4L)
                .containsEntry("rulesBroken", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failures =
                (List<Map<String, Object>>) result.details().get("failures");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0))
                .containsEntry("column", "sepal_length")
                .containsEntry("rule", "max")
                .containsEntry("label", "max 10")
                .containsEntry("count", 3L);
        assertThat(failures.get(0).get("examples"))
                .isEqualTo(List.of(
                        Map.of(
                                "row",
                                4,
                                "value",
                                "12.5",
                                "message",
                                "column 'sepal_length', row 4: 12.5 is above max 10"),
                        Map.of("row", 9, "value", "11", "message", "column 'sepal_length', row 9: 11 is above max 10"),
                        Map.of(
                                "row",
                                17,
                                "value",
                                "10.2",
                                "message",
                                "column 'sepal_length', row 17: 10.2 is above max 10")));
        assertThat(failures.get(1))
                .containsEntry("column", "colour")
                .containsEntry("rule", "unknown-column")
                .containsEntry("count", 1L);
    }

    @Test
    void rejectsAnEmptySchemaLocation() {
        assertThatThrownBy(() -> new SchemaCheck(WHERE, ""))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@SchemaMatches on IrisTest.schema(): 'value' must name a schema file, was ''");
    }

    @Test
    void rejectsABlankSchemaLocation() {
        assertThatThrownBy(() -> new SchemaCheck(WHERE, "  "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@SchemaMatches on IrisTest.schema(): 'value' must name a schema file, was '  '");
    }

    @Test
    void reportsAMissingSchemaFileWithWhereTheCheckWasConfigured() {
        assertThatThrownBy(() -> new SchemaCheck(WHERE, "classpath:schema/nope.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@SchemaMatches on IrisTest.schema(): schema file 'classpath:schema/nope.yaml'"
                        + " is not on the class path");
    }

    @Test
    void reportsABadSchemaWhenTheCheckIsCreatedBeforeAnyDataIsRead() throws IOException {
        String schema = write("bad.yaml", "columns:\n  species: {type: string, alowed: [setosa]}\n");

        assertThatThrownBy(() -> new SchemaCheck(WHERE, schema))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@SchemaMatches on IrisTest.schema(): schema file '" + schema + "', column 'species'"
                        + " (line 2): unknown key 'alowed' (did you mean 'allowed'?); the keys are type, nullable,"
                        + " maxNullFraction, min, max, allowed, regex, unique, maxCardinality");
    }
}
