package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
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

/** {@link ConflictingLabelsCheck}: rows with the same features and different labels. */
class ConflictingLabelsCheckTest {

    private static final String WHERE = "@NoConflictingLabels on IrisTest.consistent()";

    /** Rows 1, 2 and 7 share features but not labels; rows 5 and 6 share features, and row 6 has no label. */
    private static final String DATA =
            "x1,x2,label,pred\n0.1,1,a,a\n0.1,1,b,a\n0.2,2,a,a\n0.2,2,a,a\n0.3,3,a,a\n" + "0.3,3,,a\n0.1,1.0,a,a\n";

    @TempDir
    Path dir;

    private Subject subject(String csv, List<String> features) throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, csv);
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                path.toString(),
                "label",
                new ModelSource.Columns("pred", List.of()),
                features,
                null));
    }

    @Test
    void passesWhenRowsWithTheSameFeaturesAgree() throws IOException {
        CheckResult result = new ConflictingLabelsCheck(WHERE)
                .run(subject("x1,x2,label,pred\n0.1,1,a,a\n0.1,1,a,b\n0.2,1,b,b\n", List.of()));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("no-conflicting-labels");
        assertThat(result.measured()).isZero();
        assertThat(result.n()).isEqualTo(3);
        assertThat(result.message())
                .isEqualTo("Expecting rows of data.csv (n=3) with the same features (x1, x2) to have the same label"
                        + " (column 'label')\nand they do.");
    }

    @Test
    void failsListingEachGroupWithTheLabelOfEachRow() throws IOException {
        CheckResult result = new ConflictingLabelsCheck(WHERE).run(subject(DATA, List.of()));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("""
                        Expecting rows of data.csv (n=7) with the same features (x1, x2) to have the same label \
                        (column 'label')
                        but found 1 group(s) of rows, 3 row(s) in all, with the same features and different labels:
                          rows 1 ('a'), 2 ('b'), 7 ('a'): x1=0.1, x2=1""");
    }

    @Test
    void usesTheSubjectsFeatures() throws IOException {
        CheckResult result = new ConflictingLabelsCheck(WHERE).run(subject(DATA, List.of("x2")));

        assertThat(result.message())
                .endsWith("with the same features (x2) to have the same label (column 'label')\n"
                        + "but found 1 group(s) of rows, 3 row(s) in all, with the same features and different"
                        + " labels:\n  rows 1 ('a'), 2 ('b'), 7 ('a'): x2=1");
    }

    @Test
    void leavesRowsWithoutALabelOutOfTheConflicts() throws IOException {
        CheckResult result = new ConflictingLabelsCheck(WHERE)
                .run(subject("x1,label,pred\n5,a,a\n5,,a\n6,,a\n6,b,a\n6,c,a\n", List.of()));

        assertThat(result.measured()).isEqualTo(2);
        assertThat(result.message()).endsWith("\n  rows 4 ('b'), 5 ('c'): x1=6");
    }

    @Test
    void putsTheGroupsInTheDetails() throws IOException {
        CheckResult result = new ConflictingLabelsCheck(WHERE).run(subject(DATA, List.of()));

        assertThat(result.details())
                .containsEntry("features", List.of("x1", "x2"))
                .containsEntry("label", "label")
                .containsEntry("conflictingRows", 3L)
                .containsEntry("groups", 1L)
                .containsEntry(
                        "firstGroups",
                        List.of(Map.of(
                                "rows",
                                List.of(
                                        Map.of("row", 1, "label", "a"),
                                        Map.of("row", 2, "label", "b"),
                                        Map.of("row", 7, "label", "a")),
                                "size",
                                3,
                                "features",
                                "x1=0.1, x2=1")));
    }
}
