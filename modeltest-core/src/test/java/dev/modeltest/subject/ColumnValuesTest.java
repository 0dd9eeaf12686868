package dev.modeltest.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells of the label, predictions and scores columns that are missing, tokens or not finite. */
class ColumnValuesTest {

    @TempDir
    Path dir;

    private Subject subject(String csv, String predictions, List<String> scores) throws IOException {
        Path path = Files.writeString(dir.resolve("scored.csv"), csv);
        return Subject.of(new SubjectSpec(
                "@ModelTest on ScoredTest",
                path.toString(),
                "y",
                new ModelSource.Columns(predictions, scores),
                List.of(),
                null));
    }

    @Test
    void infinityInAScoreCellFailsAsNaNDoes() throws IOException {
        Subject infinite = subject("y,pred,p\n0,0,0.2\n1,1,Infinity\n1,1,0.9\n", "pred", List.of("p"));

        assertThatThrownBy(infinite::predictions)
                .isInstanceOf(DataException.class)
                .hasMessage("data set scored.csv, scores column 'p': row 2 is Infinity, not a finite number");

        // The data is read when first needed, so the second file is written after the first was read.
        Subject nan = subject("y,pred,p\n0,0,0.2\n1,1,NaN\n1,1,0.9\n", "pred", List.of("p"));
        assertThatThrownBy(nan::predictions)
                .isInstanceOf(DataException.class)
                .hasMessage("data set scored.csv, scores column 'p': row 2 is empty or not a number");
    }

    @Test
    void negativeInfinityInARegressionPredictionFails() throws IOException {
        Subject subject = subject("y,pred\n1.5,1.4\n2.5,-Infinity\n", "pred", List.of());

        assertThatThrownBy(subject::predictions)
                .isInstanceOf(DataException.class)
                .hasMessage("data set scored.csv, predictions column 'pred': row 2 is -Infinity, not a finite number");
    }

    @Test
    void textLabelNaIsAClassNotAnEmptyRow() throws IOException {
        Subject subject = subject("y,pred\nNA,NA\nEU,EU\nNA,EU\n", "pred", List.of());

        assertThat(subject.predictions().classes()).containsExactly("EU", "NA");
    }

    @Test
    void numericLabelNaIsAMissingNumber() throws IOException {
        Subject subject = subject("y,pred\n1.5,1.4\nNA,2.4\n3.5,3.3\n", "pred", List.of());

        assertThatThrownBy(subject::predictions)
                .isInstanceOf(DataException.class)
                .hasMessage("data set scored.csv, label column 'y': row 2 is empty or not a number");
    }
}
