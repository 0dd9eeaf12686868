package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.MissingValues;
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

/** {@link MissingValuesCheck}: empty cells, missing-value markers and NaN, in all columns or the named ones. */
class MissingValuesCheckTest {

    private static final String WHERE = "@NoMissingValues on IrisTest.complete()";

    @TempDir
    Path dir;

    private Subject subject(String csv) throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, csv);
        return Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                path.toString(),
                "species",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null));
    }

    @Test
    void passesWhenNoCellIsMissing() throws IOException {
        CheckResult result = new MissingValuesCheck(WHERE, List.of())
                .run(subject("sepal_length,species,ok\n5.1,setosa,true\n4.9,virginica,false\n"));

        assertThat(result.passed()).isTrue();
        assertThat(result.check()).isEqualTo("no-missing-values");
        assertThat(result.family()).isEqualTo(Family.DATA);
        assertThat(result.measured()).isZero();
        // A count check: no missing value allowed, written as words.
        assertThat(result.limit()).isEqualTo(Threshold.atMost(0));
        assertThat(result.threshold()).isEqualTo("0 missing");
        assertThat(result.n()).isEqualTo(2);
        assertThat(result.message())
                .isEqualTo("Expecting no missing values in all 3 column(s) of data.csv (n=2)\nand there are none.");
    }

    @Test
    void failsListingEachColumnWithItsCountAndRows() throws IOException {
        CheckResult result = new MissingValuesCheck(WHERE, List.of())
                .run(subject("sepal_length,species,ok\n5.1,setosa,true\n,virginica,\nNaN,,false\n4.7,NA,true\n"));

        // NA in the text label column is a class (North America), not a missing value; its empty cell is missing.
        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(4);
        assertThat(result.n()).isEqualTo(4);
        assertThat(result.message()).isEqualTo("""
                        Expecting no missing values in all 3 column(s) of data.csv (n=4)
                        but found 4 missing cell(s) in 3 column(s):
                          column 'sepal_length': 2 row(s), e.g. row 2, row 3
                          column 'species': 1 row(s), e.g. row 3
                          column 'ok': 1 row(s), e.g. row 2""");
    }

    @Test
    void countsNaNAndEveryMissingValueMarker() throws IOException {
        CheckResult result = new MissingValuesCheck(WHERE, List.of("x"))
                .run(subject("x,y\n1.5,a\nNaN,b\nNA,c\nN/A,d\nnull,e\n,g\n2.5,h\n"));

        assertThat(result.measured()).isEqualTo(5);
        assertThat(result.message()).endsWith("column 'x': 5 row(s), e.g. row 2, row 3, row 4, row 5, row 6");
    }

    @Test
    void countsEveryPandasMissingValueTokenInANumericColumn() throws IOException {
        StringBuilder csv = new StringBuilder("x,species\n1.5,a\n");
        for (String token : MissingValues.PANDAS_TOKENS) {
            csv.append(token.isEmpty() ? "" : token).append(",b\n");
        }
        csv.append("2.5,c\n");

        CheckResult result = new MissingValuesCheck(WHERE, List.of("x")).run(subject(csv.toString()));

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isEqualTo(MissingValues.PANDAS_TOKENS.size());
        assertThat(result.message()).contains("column 'x': 19 row(s), e.g. row 2, row 3, row 4");
    }

    @Test
    void readsAnAsteriskAsAValueAsPandasDoes() throws IOException {
        CheckResult result = new MissingValuesCheck(WHERE, List.of("x")).run(subject("x,species\n*,a\n+,b\n"));

        assertThat(result.passed()).isTrue();
    }

    @Test
    void readsOnlyTheGivenTokensAsMissing() throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, "x,species\n1.5,a\nnan,b\n-999,c\n");
        Subject subject = Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                path.toString(),
                "species",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null,
                MissingValues.pandas().withTokens(List.of("-999"))));

        CheckResult result = new MissingValuesCheck(WHERE, List.of()).run(subject);

        // nan is then a value Java reads as a number; -999 is missing.
        assertThat(result.message()).endsWith("column 'x': 1 row(s), e.g. row 3");
    }

    @Test
    void readsALiteralColumnWithOnlyEmptyCellsMissing() throws IOException {
        Path path = dir.resolve("data.csv");
        Files.writeString(path, "country,amount,species\nNA,NA,a\nUS,2,b\n,3,c\n");
        Subject subject = Subject.of(new SubjectSpec(
                "@ModelTest on IrisTest",
                path.toString(),
                "species",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                null,
                MissingValues.pandas().withLiteralColumns(List.of("country"))));

        CheckResult result = new MissingValuesCheck(WHERE, List.of()).run(subject);

        assertThat(subject.data().strings("country")).containsExactly("NA", "US", null);
        assertThat(result.message())
                .endsWith("column 'country': 1 row(s), e.g. row 3\n  column 'amount': 1 row(s), e.g. row 1");
    }

    @Test
    void checksOnlyTheNamedColumns() throws IOException {
        Subject subject = subject("a,b,c\n1,,x\n2,,y\n");

        CheckResult named = new MissingValuesCheck(WHERE, List.of("a", "c")).run(subject);
        CheckResult all = new MissingValuesCheck(WHERE, List.of()).run(subject);

        assertThat(named.passed()).isTrue();
        assertThat(named.message())
                .isEqualTo("Expecting no missing values in column(s) a, c of data.csv (n=2)\nand there are none.");
        assertThat(named.title()).isEqualTo("no missing values in a, c of data.csv");
        assertThat(all.passed()).isFalse();
        assertThat(all.title()).isEqualTo("no missing values in data.csv");
    }

    @Test
    void listsAtMostFiveRowsPerColumnButCountsThemAll() throws IOException {
        CheckResult result =
                new MissingValuesCheck(WHERE, List.of("a")).run(subject("a,b\n,1\n,2\n,3\n,4\n,5\n,6\n,7\n8,8\n"));

        assertThat(result.measured()).isEqualTo(7);
        assertThat(result.message())
                .endsWith("but found 7 missing cell(s) in 1 column(s):\n"
                        + "  column 'a': 7 row(s), e.g. row 1, row 2, row 3, row 4, row 5");
    }

    @Test
    void putsCountsAndRowsPerColumnInTheDetails() throws IOException {
        CheckResult result = new MissingValuesCheck(WHERE, List.of()).run(subject("a,b\n,1\n2,\n,3\n"));

        assertThat(result.details())
                .containsEntry("columnsChecked", List.of("a", "b"))
                .containsEntry("missingCells", 3L)
                .containsEntry("missingByColumn", Map.of("a", 2L, "b", 1L))
                .containsEntry("firstMissingRows", Map.of("a", List.of(1, 3), "b", List.of(2)));
    }

    @Test
    void failsOnAMisspeltColumnAndSuggestsTheNearest() throws IOException {
        Subject subject = subject("sepal_length,species\n5.1,setosa\n");
        MissingValuesCheck check = new MissingValuesCheck(WHERE, List.of("sepal_lenght"));

        assertThatThrownBy(() -> check.run(subject))
                .isInstanceOf(DataException.class)
                .hasMessage("@NoMissingValues on IrisTest.complete(): data set data.csv has no column 'sepal_lenght'"
                        + " (did you mean 'sepal_length'?); its columns are sepal_length, species");
    }
}
