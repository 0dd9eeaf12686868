package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
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

/** {@link DuplicateRowsCheck}: groups of equal rows over all or some columns, with their row numbers. */
class DuplicateRowsCheckTest {

    private static final String WHERE = "@NoDuplicateRows on IrisTest.distinct()";

    /** Rows 1, 3 and 6 are equal (1 and 1.0 are the same number); rows 4 and 5 too (a missing cell equals one). */
    private static final String DATA = "x1,x2,label\n0.1,1,a\n0.2,2,a\n0.1,1,a\n0.3,,b\n0.3,,b\n0.1,1.0,a\n0.2,2,b\n";

    @TempDir
    Path dir;

    private String write(String csv) throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, csv);
        return path.toString();
    }

    private Subject subject(String csv) throws IOException {
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                write(csv),
                "label",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null));
    }

    @Test
    void passesWhenEveryRowDiffers() throws IOException {
        CheckResult result = new DuplicateRowsCheck(WHERE, List.of()).run(subject("x,y\n1,a\n1,b\n2,a\n"));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("no-duplicate-rows");
        assertThat(result.family()).isEqualTo(Family.DATA);
        assertThat(result.measured()).isZero();
        assertThat(result.n()).isEqualTo(3);
        assertThat(result.title()).isEqualTo("no duplicate rows in data.csv");
        assertThat(result.message())
                .isEqualTo("Expecting no duplicate rows in data.csv (n=3), comparing all 2 column(s)\n"
                        + "and every row differs from every other.");
    }

    @Test
    void failsListingEachGroupOfEqualRows() throws IOException {
        CheckResult result = new DuplicateRowsCheck(WHERE, List.of()).run(subject(DATA));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("""
                        Expecting no duplicate rows in data.csv (n=7), comparing all 3 column(s)
                        but found 3 duplicate row(s) in 2 group(s) of equal rows:
                          rows 1, 3, 6: x1=0.1, x2=1, label='a'
                          rows 4, 5: x1=0.3, x2=missing, label='b'""");
    }

    @Test
    void comparesOnlyTheNamedColumns() throws IOException {
        CheckResult result = new DuplicateRowsCheck(WHERE, List.of("x1", "x2")).run(subject(DATA));

        assertThat(result.title()).isEqualTo("no duplicate rows in x1, x2 of data.csv");
        assertThat(result.message()).isEqualTo("""
                        Expecting no duplicate rows in data.csv (n=7), comparing column(s) x1, x2
                        but found 4 duplicate row(s) in 3 group(s) of equal rows:
                          rows 1, 3, 6: x1=0.1, x2=1
                          rows 2, 7: x1=0.2, x2=2
                          rows 4, 5: x1=0.3, x2=missing""");
    }

    @Test
    void putsTheGroupsInTheDetails() throws IOException {
        CheckResult result = new DuplicateRowsCheck(WHERE, List.of("x1")).run(subject(DATA));

        assertThat(result.details())
                .containsEntry("columnsChecked", List.of("x1"))
                .containsEntry("duplicateRows", 4L)
                .containsEntry("groups", 3L)
                .containsEntry(
                        "firstGroups",
                        List.of(
                                Map.of("rows", List.of(1, 3, 6), "size", 3, "values", "x1=0.1"),
                                Map.of("rows", List.of(2, 7), "size", 2, "values", "x1=0.2"),
                                Map.of("rows", List.of(4, 5), "size", 2, "values", "x1=0.3")));
    }

    @Test
    void listsFiveGroupsAndTenRowsPerGroupButCountsThemAll() throws IOException {
        StringBuilder csv = new StringBuilder("k\n");
        for (int i = 0; i < 12; i++) {
            csv.append("big\n");
        }
        for (int g = 0; g < 6; g++) {
            csv.append("g").append(g).append("\ng").append(g).append('\n');
        }

        CheckResult result = new DuplicateRowsCheck(WHERE, List.of()).run(subject(csv.toString()));

        assertThat(result.measured()).isEqualTo(11 + 6);
        assertThat(result.message())
                .endsWith("but found 17 duplicate row(s) in 7 group(s) of equal rows:\n"
                        + "  rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... (12 rows): k='big'\n"
                        + "  rows 13, 14: k='g0'\n"
                        + "  rows 15, 16: k='g1'\n"
                        + "  rows 17, 18: k='g2'\n"
                        + "  rows 19, 20: k='g3'\n"
                        + "  ... and 2 more group(s)");
    }

    @Test
    void runsOnADataSetWithoutAModel() throws IOException {
        TestData data = DataLoader.load(write(DATA));

        assertThat(new DuplicateRowsCheck(WHERE, List.of()).run(data).measured())
                .isEqualTo(3);
    }

    @Test
    void failsOnAMisspeltColumnAndSuggestsTheNearest() throws IOException {
        Subject subject = subject(DATA);
        DuplicateRowsCheck check = new DuplicateRowsCheck(WHERE, List.of("x1", "lable"));

        assertThatThrownBy(() -> check.run(subject))
                .isInstanceOf(DataException.class)
                .hasMessage("@NoDuplicateRows on IrisTest.distinct(): data set data.csv has no column 'lable' (did you"
                        + " mean 'label'?); its columns are x1, x2, label");
    }
}
