package dev.modeltest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Labels encode as indexes into the model's classes, whatever column type holds them; bad labels name their row. */
class LabelEncodingTest {

    @TempDir
    Path dir;

    @Test
    void encodesTextLabelsReadFromAFile() throws IOException {
        TestData data = load("species\nsetosa\nvirginica\nsetosa\n");

        assertThat(Predictor.encodeLabels(data, "species", List.of("virginica", "setosa")))
                .containsExactly(1, 0, 1);
    }

    @Test
    void encodesNumberLabelsHoweverTheFileWritesThem() throws IOException {
        TestData data = load("y\n1.0\n0.0\n1.0\n");

        assertThat(Predictor.encodeLabels(data, "y", List.of("0", "1"))).containsExactly(1, 0, 1);
    }

    @Test
    void encodesLabelsOfInMemoryTablesOfEveryColumnType() {
        Table table = Table.create(
                "t",
                IntColumn.create("i", 2, 0, 2),
                DoubleColumn.create("d", 2.0, 0.0, 2.0),
                StringColumn.create("s", "2", "0", "2"));
        TestData data = TestData.of("t", table);

        for (String column : List.of("i", "d", "s")) {
            assertThat(Predictor.encodeLabels(data, column, List.of("0", "2")))
                    .as(column)
                    .containsExactly(1, 0, 1);
        }
    }

    @Test
    void namesTheRowWithoutALabel() throws IOException {
        TestData data = load("y,x\nyes,1\n,2\n");

        assertThatThrownBy(() -> Predictor.encodeLabels(data, "y", List.of("no", "yes")))
                .isInstanceOf(DataException.class)
                .hasMessage("data set labels.csv, label column 'y': row 2 has no label");
    }

    @Test
    void namesTheRowWithALabelTheModelNeverSaw() throws IOException {
        TestData data = load("y\nyes\nno\nmaybe\n");

        assertThatThrownBy(() -> Predictor.encodeLabels(data, "y", List.of("no", "yes")))
                .isInstanceOf(DataException.class)
                .hasMessage("data set labels.csv, label column 'y': row 3 has label 'maybe', which the model never"
                        + " saw; its classes are no, yes");
    }

    private TestData load(String csv) throws IOException {
        return DataLoader.load(Files.writeString(dir.resolve("labels.csv"), csv).toString());
    }
}
