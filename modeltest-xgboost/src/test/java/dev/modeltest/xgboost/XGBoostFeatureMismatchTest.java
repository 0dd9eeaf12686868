package dev.modeltest.xgboost;

import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_JSON;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTMAX;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTPROB;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.load;
import static dev.modeltest.xgboost.XGBoostFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.subject.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that wants a column the data lacks, or gets a column it cannot read, fails before anything is predicted,
 * saying what the model expects and what the data offers.
 */
class XGBoostFeatureMismatchTest {

    private static final String IRIS_MODEL = "XGBoost iris-softprob.json (multi:softprob, 3 classes)";
    private static final List<String> IRIS_FEATURES =
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    @TempDir
    Path dir;

    @Test
    void failsWhenTheDataLacksAColumnTheModelNames() throws IOException {
        Path data = withoutColumn(BREAST_CANCER_TEST, "worst_radius", "cancer-without-worst-radius.csv");
        List<String> offered = new ArrayList<>(Csv.read(BREAST_CANCER_TEST).features());
        offered.remove("worst_radius");
        offered.add("diagnosis");
        List<String> expected = Csv.read(BREAST_CANCER_TEST).features();

        try (Subject subject = subject(BREAST_CANCER_JSON, data, "diagnosis", List.of())) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage("data set cancer-without-worst-radius.csv lacks column(s) [worst_radius] that XGBoost"
                            + " breast-cancer.json (binary:logistic, 2 classes) expects; the model expects " + expected
                            + ", the data offers " + offered);
        }
    }

    @Test
    void failsBeforePredictingWhenTheConfiguredFeaturesLackAModelInput() {
        List<String> given = List.of("sepal_length", "petal_length", "petal_width");
        String message = IRIS_MODEL + " expects input column(s) [sepal_width] that the test does not give it; the model"
                + " expects " + IRIS_FEATURES + ", the test gives " + given;

        try (Subject subject = subject(IRIS_SOFTPROB, IRIS_TEST, "species", given)) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage(message);
        }
        assertNothingPredicted(IRIS_SOFTPROB, DataLoader.load(IRIS_TEST.toString()), given, message);
    }

    @Test
    void matchesNamedInputsByNameInAnyOrderAndIgnoresExtraColumns() {
        TestData data = DataLoader.load(IRIS_TEST.toString());
        try (Model model = load(IRIS_SOFTPROB)) {
            RecordingOutput inOrder = new RecordingOutput(30, 3);
            RecordingOutput shuffled = new RecordingOutput(30, 3);

            model.predict(Features.of(data, IRIS_FEATURES).batch(0, 30), inOrder);
            model.predict(
                    Features.of(data, List.of("petal_width", "species", "sepal_width", "petal_length", "sepal_length"))
                            .batch(0, 30),
                    shuffled);

            assertThat(shuffled.probabilities).isDeepEqualTo(inOrder.probabilities);
        }
    }

    @Test
    void failsBeforePredictingWhenAnInputColumnIsText() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(IRIS_TEST));
        lines.set(7, lines.get(7).replaceFirst(",[0-9.]+,([a-z]+)$", ",wide,$1"));
        Path data = Files.write(dir.resolve("iris-text.csv"), lines);
        String message = IRIS_MODEL + " reads every input as a number, but the test gives it non-numeric column(s)"
                + " 'petal_width' (row 7 is 'wide'); the model expects numbers for " + IRIS_FEATURES
                + ", the test gives " + IRIS_FEATURES;

        try (Subject subject = subject(IRIS_SOFTPROB, data, "species", List.of())) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage(message);
        }
        assertNothingPredicted(IRIS_SOFTPROB, DataLoader.load(data.toString()), IRIS_FEATURES, message);
    }

    @Test
    void failsBeforePredictingWhenAModelWithoutNamesGetsAnotherNumberOfColumns() {
        List<String> given = Csv.read(BREAST_CANCER_TEST).features();
        String message = "XGBoost iris-softmax.ubj (multi:softmax, 3 classes) takes 4 features by position (the model"
                + " file stores no feature names), but the test gives it 30: " + given
                + ". Name the model's inputs, in training order, in @ModelTest(features = ...)";

        assertNothingPredicted(IRIS_SOFTMAX, DataLoader.load(BREAST_CANCER_TEST.toString()), given, message);
    }

    @Test
    void failsBeforePredictingWhenAModelWithoutNamesGetsATextColumn() {
        TestData data = DataLoader.load(IRIS_TEST.toString());
        List<String> given = List.of("sepal_length", "sepal_width", "petal_length", "species");
        String message = "XGBoost iris-softmax.ubj (multi:softmax, 3 classes) reads every input as a number, but the"
                + " test gives it non-numeric column(s) 'species' (row 1 is 'setosa'); the model expects 4 numeric"
                + " features, the test gives " + given;

        assertNothingPredicted(IRIS_SOFTMAX, data, given, message);
    }

    /** Calls the model directly and checks that it fails with {@code message} without writing a single prediction. */
    private static void assertNothingPredicted(Path model, TestData data, List<String> features, String message) {
        try (Model loaded = load(model)) {
            RecordingOutput out = new RecordingOutput(data.rowCount(), 3);

            assertThatThrownBy(() -> loaded.predict(Features.of(data, features).batch(0, data.rowCount()), out))
                    .isInstanceOf(DataException.class)
                    .hasMessage(message);
            assertThat(out.writes).isZero();
        }
    }

    private Path withoutColumn(Path source, String column, String name) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int drop = List.of(lines.get(0).split(",")).indexOf(column);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(drop);
            out.add(String.join(",", cells));
        }
        return Files.write(dir.resolve(name), out);
    }
}
