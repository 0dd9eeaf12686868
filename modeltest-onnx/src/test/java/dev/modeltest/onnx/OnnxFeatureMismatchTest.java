package dev.modeltest.onnx;

import static dev.modeltest.onnx.OnnxFixtures.DIABETES;
import static dev.modeltest.onnx.OnnxFixtures.IRIS;
import static dev.modeltest.onnx.OnnxFixtures.data;
import static dev.modeltest.onnx.OnnxFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Output;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that wants a column the data lacks, or a value its input cannot take, fails before anything is predicted,
 * saying what the model expects and what the test gives it.
 */
class OnnxFeatureMismatchTest {

    @TempDir
    Path dir;

    /** An output that fails the test if the model writes anything into it. */
    private static final class NothingWritten implements Output {
        final List<String> writes = new ArrayList<>();

        @Override
        public void setClass(int row, int classIndex) {
            writes.add("class " + row);
        }

        @Override
        public void setProbabilities(int row, double[] probabilities) {
            writes.add("probabilities " + row);
        }

        @Override
        public void setValue(int row, double value) {
            writes.add("value " + row);
        }

        @Override
        public void setClasses(int[] classIndexes) {
            writes.add("classes");
        }

        @Override
        public void setValues(double[] values) {
            writes.add("values");
        }
    }

    private static void assertFailsBeforePredicting(Model model, Batch batch, String message) {
        NothingWritten out = new NothingWritten();
        assertThatThrownBy(() -> model.predict(batch, out))
                .isInstanceOf(DataException.class)
                .hasMessage(message);
        assertThat(out.writes).isEmpty();
    }

    @Test
    void oneTensorModelFailsWhenTheTestGivesMoreColumnsThanItTakes() {
        TestData data = data("classpath:onnx/iris.csv");
        List<String> five = new ArrayList<>(IRIS);
        five.add("species_code");
        try (Model model = load("classpath:onnx/iris-zipmap.onnx")) {
            assertFailsBeforePredicting(
                    model,
                    Features.of(data, five).batch(0, 30),
                    "ONNX model iris-zipmap.onnx (3 classes) takes 4 feature(s) in its input float_input (float [N,"
                            + " 4]), but the test gives it 5: [sepal_length, sepal_width, petal_length, petal_width,"
                            + " species_code]. Name the model's columns, in training order, in @ModelTest(features ="
                            + " {...})");
        }
    }

    @Test
    void perColumnModelFailsWhenAnInputColumnIsNotGiven() {
        TestData data = data("classpath:onnx/diabetes.csv");
        List<String> nine = new ArrayList<>(DIABETES);
        nine.remove("s6");
        try (Model model = load("classpath:onnx/diabetes-columns.onnx")) {
            assertFailsBeforePredicting(
                    model,
                    Features.of(data, nine).batch(0, 10),
                    "ONNX model diabetes-columns.onnx expects input column(s) s6 (did you mean 's1'?) that the test"
                            + " does not give it; the model expects age (double [N, 1]), sex (int64 [N, 1]), bmi (float"
                            + " [N, 1]), bp (float [N, 1]), s1 (double [N, 1]), s2 (double [N, 1]), s3 (double [N,"
                            + " 1]), s4 (double [N, 1]), s5 (double [N, 1]), s6 (double [N, 1]), the test gives [age,"
                            + " sex, bmi, bp, s1, s2, s3, s4, s5]");
        }
    }

    @Test
    void perColumnModelFailsBeforePredictingWhenTheDataLacksAColumn() throws IOException {
        // Without configured features, the test reads the model's input names from the data; one is missing.
        Path csv = dir.resolve("diabetes-no-s6.csv");
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/onnx/diabetes.csv"));
        List<String> cut = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",");
            List<String> kept = new ArrayList<>(List.of(cells));
            kept.remove(9);
            cut.add(String.join(",", kept));
        }
        Files.write(csv, cut);
        SubjectSpec spec = new SubjectSpec(
                "@ModelTest on DiabetesTest",
                csv.toString(),
                "progression",
                new ModelSource.File("src/test/resources/onnx/diabetes-columns.onnx"),
                List.of(),
                null);
        try (Subject subject = Subject.of(spec)) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage("data set diabetes-no-s6.csv lacks column(s) [s6] that ONNX model"
                            + " diabetes-columns.onnx expects; the model expects [age, sex, bmi, bp, s1, s2, s3, s4,"
                            + " s5, s6], the data offers [age, sex, bmi, bp, s1, s2, s3, s4, s5, progression]");
        }
    }

    @Test
    void numericInputFailsOnATextColumnBeforePredicting() throws IOException {
        Path csv = dir.resolve("colours-text-size.csv");
        Files.writeString(csv, "colour,size,value\nred,1.5,2.5\ngreen,big,3\n");
        TestData data = TestData.of(
                "colours-text-size.csv", DataLoader.load(csv.toString()).table());
        try (Model model = load("classpath:onnx/colours.onnx")) {
            assertFailsBeforePredicting(
                    model,
                    Features.of(data, List.of("colour", "size")).batch(0, 2),
                    "ONNX model colours.onnx cannot feed column 'size' to its input size (double [N, 1]): the"
                            + " column holds text, not numbers (row 2 is 'big'). The model expects colour (string"
                            + " [N, 1]), size (double [N, 1]), the test gives [colour, size]");
        }
    }

    @Test
    void integerInputFailsOnAFraction() throws IOException {
        TestData data = data("classpath:onnx/diabetes.csv");
        Path csv = dir.resolve("diabetes-fraction.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("src/test/resources/onnx/diabetes.csv")));
        lines.set(3, lines.get(3).replaceFirst("^(\\d+),\\d+,", "$1,1.5,"));
        Files.write(csv, lines);
        TestData broken = DataLoader.load(csv.toString());
        assertThat(data.rowCount()).isEqualTo(broken.rowCount());
        try (Model model = load("classpath:onnx/diabetes-columns.onnx")) {
            assertFailsBeforePredicting(
                    model,
                    Features.of(broken, DIABETES).batch(0, 10),
                    "row 3, column 'sex' is 1.5, but the model's input sex (int64 [N, 1]) takes whole numbers only");
        }
    }

    @Test
    void stringInputFailsOnAMissingCell() throws IOException {
        Path csv = dir.resolve("colours-gap.csv");
        Files.writeString(csv, "colour,size,value\nred,1.5,2.5\n,2,2\n");
        TestData data = DataLoader.load(csv.toString());
        try (Model model = load("classpath:onnx/colours.onnx")) {
            assertFailsBeforePredicting(
                    model,
                    Features.of(data, List.of("colour", "size")).batch(0, 2),
                    "row 2, column 'colour' is missing, but the model's input colour (string [N, 1]) cannot take a"
                            + " missing value");
        }
    }
}
