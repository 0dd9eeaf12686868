package dev.modeltest.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.MissingValues;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's weight column: read into the predictions, never a model input, and refused when it is bad. */
class SubjectWeightsTest {

    /** Predicts the first input, whatever it is named, so the test sees which columns were inputs. */
    static final class FirstInput implements ModelProvider {
        @Override
        public Model load() {
            return Model.regressor(row -> row.getDouble(0));
        }
    }

    private static SubjectSpec spec(Path csv, String weights) {
        return new SubjectSpec(
                "@ModelTest on T",
                csv.toString(),
                "y",
                new ModelSource.Provider(FirstInput.class),
                List.of(),
                null,
                MissingValues.pandas(),
                Sampling.EVERY_ROW,
                weights);
    }

    @Test
    void readsTheWeightsAndLeavesTheColumnOutOfTheInputs(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "w,x,y\n0.5,1,1\n2,2,2\n0,3,3\n");

        try (Subject subject = Subject.of(spec(csv, "w"))) {
            assertThat(subject.features().names()).containsExactly("x");
            assertThat(subject.predictions().weightColumn()).contains("w");
            assertThat(subject.predictions().internalWeights()).containsExactly(0.5, 2, 0);
            assertThat(subject.predictions().internalPredictedValues()).containsExactly(1, 2, 3);
        }
        try (Subject subject = Subject.of(spec(csv, ""))) {
            assertThat(subject.spec().weightColumn()).isEmpty();
            assertThat(subject.features().names()).containsExactly("w", "x");
            assertThat(subject.predictions().internalWeights()).isNull();
        }
    }

    @Test
    void aMissingWeightColumnIsNamedWithTheNearestName(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "weight,x,y\n1,1,1\n");

        try (Subject subject = Subject.of(spec(csv, "weigth"))) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessageStartingWith("data set rows.csv has no weight column 'weigth'")
                    .hasMessageContaining("'weight'");
        }
    }

    @Test
    void anEmptyWeightCellNamesTheRow(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "w,x,y\n1,1,1\n,2,2\n");

        try (Subject subject = Subject.of(spec(csv, "w"))) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage("the weight column 'w' has no value at row 2 of rows.csv; every row needs a weight");
        }
    }
}
