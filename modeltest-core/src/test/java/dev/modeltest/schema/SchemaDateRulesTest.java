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

/** The {@code date} and {@code datetime} types: ISO values, bounds, allowed values and uniqueness. */
class SchemaDateRulesTest {

    @TempDir
    Path dir;

    private TestData csv(String text) throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, text);
        return DataLoader.load(data.toString());
    }

    private SchemaValidation validate(String yaml, String csv) throws IOException {
        Path schema = dir.resolve("test.schema.yaml");
        Files.writeString(schema, yaml);
        return Schema.load(schema.toString()).validate(csv(csv));
    }

    private static List<String> lines(SchemaValidation validation) {
        List<String> lines = new ArrayList<>();
        validation.failures().forEach(f -> lines.add(f.describe()));
        return lines;
    }

    // --- date

    @Test
    void dateAcceptsAColumnOfIsoDates() throws IOException {
        assertThat(csv("day\n2024-01-31\n2024-02-29\n").kind("day")).isEqualTo(ColumnKind.TEMPORAL);
        assertThat(validate("columns:\n  day: {type: date}\n", "day\n2024-01-31\n2024-02-29\n")
                        .passed())
                .isTrue();
    }

    @Test
    void dateReportsEachCellThatIsNotAnIsoDate() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  day: {type: date, max: 2024-12-31}\n",
                "day\n2024-01-31\nsoon\n2024-02-30\n01/31/2024\n2025-01-01\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'day', type date: 3 row(s), e.g. row 2: 'soon', row 3: '2024-02-30', row 4:"
                                + " '01/31/2024'",
                        "column 'day', max 2024-12-31: 1 row(s), e.g. row 5: '2025-01-01'");
        assertThat(validation.violations().get(0).message()).isEqualTo("column 'day', row 2: 'soon' is not a date");
    }

    @Test
    void dateChecksItsBoundsOnAColumnTheLoaderReadAsDates() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  day: {type: date, min: 2024-01-01, max: 2024-02-29}\n",
                "day\n2024-01-01\n2023-12-31\n2024-03-01\n2024-02-29\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'day', min 2024-01-01: 1 row(s), e.g. row 2: '2023-12-31'",
                        "column 'day', max 2024-02-29: 1 row(s), e.g. row 3: '2024-03-01'");
        assertThat(validation.violations().get(0).message())
                .isEqualTo("column 'day', row 2: '2023-12-31' is below min 2024-01-01");
    }

    @Test
    void dateComparesAllowedValuesAsDates() throws IOException {
        assertThat(lines(validate(
                        "columns:\n  day: {type: date, allowed: [2024-01-01, 2024-01-02]}\n",
                        "day\n2024-01-01\n2024-01-03\n2024-01-02\n")))
                .containsExactly("column 'day', allowed [2024-01-01, 2024-01-02]: 1 row(s), e.g. row 2: '2024-01-03'");
    }

    @Test
    void dateRejectsDatetimes() throws IOException {
        assertThat(lines(validate("columns:\n  day: {type: date}\n", "day\n2024-01-31T10:00:00\n")))
                .containsExactly("column 'day', type date: 1 row(s), e.g. row 1: '2024-01-31T10:00:00.000'");
    }

    @Test
    void dateReportsMissingCellsOfANonNullableColumn() throws IOException {
        assertThat(lines(validate(
                        "columns:\n  day: {type: date, nullable: false}\n  x: {type: integer}\n",
                        "day,x\n2024-01-01,1\n,2\n")))
                .containsExactly("column 'day', nullable false: 1 row(s), e.g. row 2");
    }

    @Test
    void dateUniqueReportsRepeatedDays() throws IOException {
        assertThat(lines(validate(
                        "columns:\n  day: {type: date, unique: true}\n", "day\n2024-01-01\n2024-01-02\n2024-01-01\n")))
                .containsExactly("column 'day', unique true: 1 row(s), e.g. row 3: '2024-01-01' (as row 1)");
    }

    /**
     * The loader (Tablesaw) reads a column whose every cell is a date in one of its spellings as dates and keeps no
     * text, so the spelling of such a column is not checked. Documented in docs/schema.md.
     */
    @Test
    void dateAcceptsAColumnTheLoaderReadAsDatesWhateverItsSpelling() throws IOException {
        assertThat(validate("columns:\n  day: {type: date}\n", "day\n01/31/2024\n02/01/2024\n")
                        .passed())
                .isTrue();
    }

    // --- datetime

    @Test
    void datetimeAcceptsTOrSpaceSecondsFractionsAndOffsets() throws IOException {
        assertThat(validate(
                                "columns:\n  at: {type: datetime}\n",
                                "at\n2024-01-31T10:15:30\n2024-01-31 10:15\n2024-01-31T10:15:30.25Z\n"
                                        + "2024-01-31T10:15:30+02:00\n")
                        .passed())
                .isTrue();
    }

    @Test
    void datetimeReportsCellsThatAreNotIsoDatetimes() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  at: {type: datetime}\n",
                "at\n2024-01-31T10:15:30\n2024-01-31\n2024-01-31T25:00\n31.01.2024 10:15\n");

        assertThat(lines(validation))
                .containsExactly("column 'at', type datetime: 3 row(s), e.g. row 2: '2024-01-31', row 3:"
                        + " '2024-01-31T25:00', row 4: '31.01.2024 10:15'");
        assertThat(validation.violations().get(0).message())
                .isEqualTo("column 'at', row 2: '2024-01-31' is not a datetime");
    }

    @Test
    void datetimeComparesValuesWithAnOffsetInUtc() throws IOException {
        SchemaValidation validation = validate(
                "columns:\n  at: {type: datetime, min: 2024-01-31T09:00:00}\n",
                "at\n2024-01-31T09:30:00Z\n2024-01-31T10:00:00+02:00\n2024-01-31 09:00\n");

        assertThat(lines(validation))
                .containsExactly(
                        "column 'at', min 2024-01-31T09:00: 1 row(s), e.g. row 2: '2024-01-31T10:00:00+02:00'");
    }

    @Test
    void datetimeChecksItsBoundsOnAColumnTheLoaderReadAsDatetimes() throws IOException {
        assertThat(csv("at\n2024-01-31T10:15:30\n2024-02-01T00:00:00\n").kind("at"))
                .isEqualTo(ColumnKind.TEMPORAL);

        assertThat(lines(validate(
                        "columns:\n  at: {type: datetime, max: '2024-01-31 23:59:59.999'}\n",
                        "at\n2024-01-31T10:15:30\n2024-02-01T00:00:00\n")))
                .containsExactly(
                        "column 'at', max 2024-01-31T23:59:59.999: 1 row(s), e.g. row 2: '2024-02-01T00:00:00.000'");
    }

    @Test
    void datetimeRejectsDatesWithoutATime() throws IOException {
        assertThat(lines(validate("columns:\n  at: {type: datetime}\n", "at\n2024-01-31\n")))
                .containsExactly("column 'at', type datetime: 1 row(s), e.g. row 1: '2024-01-31'");
    }

    @Test
    void datetimeRejectsNumbers() throws IOException {
        assertThat(lines(validate("columns:\n  at: {type: datetime}\n", "at\n1706695200\n")))
                .containsExactly("column 'at', type datetime: 1 row(s), e.g. row 1: '1706695200'");
    }
}
