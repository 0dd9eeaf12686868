package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Threshold;
import dev.modeltest.error.ConfigurationException;
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

/** {@link MissingRateCheck}: the fraction of missing cells per column against a threshold. */
class MissingRateCheckTest {

    private static final String WHERE = "@MissingRateAtMost on IrisTest.sparse()";

    private static final String DATA = "a,b,c\n1,,x\n2,2,\n3,3,\n4,4,z\n";

    @TempDir
    Path dir;

    private Subject subject(String csv) throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, csv);
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                path.toString(),
                "c",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null));
    }

    @Test
    void passesWhenEveryColumnIsAtOrBelowTheRate() throws IOException {
        CheckResult result = new MissingRateCheck(WHERE, 0.5, List.of()).run(subject(DATA));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("missing-rate-at-most");
        assertThat(result.family()).isEqualTo(Family.DATA);
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.n()).isEqualTo(4);
        assertThat(result.threshold()).isEqualTo("≤ 0.5000");
        assertThat(result.limit()).isEqualTo(Threshold.atMost(0.5));
        assertThat(result.key()).isEqualTo("missing-rate-at-most");
        assertThat(result.title()).isEqualTo("missing fraction ≤ 0.5000 per column of data.csv");
        assertThat(result.message())
                .isEqualTo("Expecting the fraction of missing cells in each of all 3 column(s) of data.csv (n=4) to be"
                        + " at most:\n  0.5000\nand it is; the highest is column 'c': 0.5000 (2 of 4 missing).");
    }

    @Test
    void failsListingEachColumnAboveTheRateWithItsFirstMissingRows() throws IOException {
        CheckResult result = new MissingRateCheck(WHERE, 0.2, List.of()).run(subject(DATA));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.message()).isEqualTo("""
                        Expecting the fraction of missing cells in each of all 3 column(s) of data.csv (n=4) to be at most:
                          0.2000
                        but 2 column(s) have more:
                          column 'b': 0.2500 (1 of 4 missing), e.g. row 1
                          column 'c': 0.5000 (2 of 4 missing), e.g. row 2, row 3""");
    }

    @Test
    void zeroMeansNoMissingCellAtAll() throws IOException {
        CheckResult result = new MissingRateCheck(WHERE, 0, List.of("a", "b")).run(subject(DATA));

        assertThat(result.passed()).isFalse();
        assertThat(result.title()).isEqualTo("missing fraction ≤ 0.0000 per column of a, b of data.csv");
        assertThat(result.message())
                .isEqualTo("Expecting the fraction of missing cells in each of column(s) a, b of data.csv (n=4) to be"
                        + " at most:\n  0.0000\nbut 1 column(s) have more:\n  column 'b': 0.2500 (1 of 4 missing),"
                        + " e.g. row 1");
    }

    @Test
    void checksOnlyTheNamedColumns() throws IOException {
        CheckResult result = new MissingRateCheck(WHERE, 0, List.of("a")).run(subject(DATA));

        assertThat(result.passed()).isTrue();
        assertThat(result.message()).endsWith("and it is; the highest is column 'a': 0.0000 (0 of 4 missing).");
    }

    @Test
    void putsRatesCountsAndRowsInTheDetails() throws IOException {
        CheckResult result = new MissingRateCheck(WHERE, 0.3, List.of()).run(subject(DATA));

        assertThat(result.details())
                .containsEntry("columnsChecked", List.of("a", "b", "c"))
                .containsEntry("maxRate", 0.3)
                .containsEntry("missingRateByColumn", Map.of("a", 0.0, "b", 0.25, "c", 0.5))
                .containsEntry("missingByColumn", Map.of("a", 0L, "b", 1L, "c", 2L))
                .containsEntry("columnsOver", List.of("c"))
                .containsEntry("firstMissingRows", Map.of("c", List.of(2, 3)));
    }

    @Test
    void rejectsARateAboveOne() {
        assertThatThrownBy(() -> new MissingRateCheck(WHERE, 1.5, List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MissingRateAtMost on IrisTest.sparse(): 'value' must be in [0, 1], was 1.5");
    }

    @Test
    void rejectsANegativeRate() {
        assertThatThrownBy(() -> new MissingRateCheck(WHERE, -0.1, List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MissingRateAtMost on IrisTest.sparse(): 'value' must be in [0, 1], was -0.1");
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> new MissingRateCheck(WHERE, Double.NaN, List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@MissingRateAtMost on IrisTest.sparse(): 'value' must be in [0, 1], was NaN");
    }

    @Test
    void failsOnAMisspeltColumnAndSuggestsTheNearest() throws IOException {
        Subject subject = subject(DATA);
        MissingRateCheck check = new MissingRateCheck(WHERE, 0.1, List.of("bb"));

        assertThatThrownBy(() -> check.run(subject))
                .isInstanceOf(DataException.class)
                .hasMessage(
                        "@MissingRateAtMost on IrisTest.sparse(): data set data.csv has no column 'bb' (did you mean"
                                + " 'b'?); its columns are a, b, c");
    }
}
