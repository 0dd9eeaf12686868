package dev.modeltest.xgboost;

import static dev.modeltest.testing.AdapterAssertions.assertNothingPredicted;
import static dev.modeltest.testing.AdapterAssertions.assertSamePredictionsInAnyColumnOrder;
import static dev.modeltest.testing.AdapterAssertions.assertSubjectRefuses;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_JSON;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTMAX;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTPROB;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_TEST;
import static dev.modeltest.xgboost.XGBoostFixtures.load;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.testing.Csv;
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
        Path data =
                Csv.withoutColumn(BREAST_CANCER_TEST, "worst_radius", dir.resolve("cancer-without-worst-radius.csv"));
        List<String> offered = new ArrayList<>(Csv.read(BREAST_CANCER_TEST).features());
        offered.remove("worst_radius");
        offered.add("diagnosis");
        List<String> expected = Csv.read(BREAST_CANCER_TEST).features();

        assertSubjectRefuses(
                BREAST_CANCER_JSON,
                data,
                "diagnosis",
                List.of(),
                "data set cancer-without-worst-radius.csv lacks column(s) [worst_radius] that XGBoost"
                        + " breast-cancer.json (binary:logistic, 2 classes) expects; the model expects " + expected
                        + ", the data offers " + offered);
    }

    @Test
    void failsBeforePredictingWhenTheConfiguredFeaturesLackAModelInput() {
        List<String> given = List.of("sepal_length", "petal_length", "petal_width");
        String message = IRIS_MODEL + " expects input column(s) [sepal_width] that the test does not give it; the model"
                + " expects " + IRIS_FEATURES + ", the test gives " + given;

        assertSubjectRefuses(IRIS_SOFTPROB, IRIS_TEST, "species", given, message);
        assertNothingPredicted(load(IRIS_SOFTPROB), DataLoader.load(IRIS_TEST.toString()), given, message);
    }

    @Test
    void matchesNamedInputsByNameInAnyOrderAndIgnoresExtraColumns() {
        assertSamePredictionsInAnyColumnOrder(
                load(IRIS_SOFTPROB),
                DataLoader.load(IRIS_TEST.toString()),
                IRIS_FEATURES,
                List.of("petal_width", "species", "sepal_width", "petal_length", "sepal_length"));
    }

    @Test
    void failsBeforePredictingWhenAnInputColumnIsText() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(IRIS_TEST));
        lines.set(7, lines.get(7).replaceFirst(",[0-9.]+,([a-z]+)$", ",wide,$1"));
        Path data = Files.write(dir.resolve("iris-text.csv"), lines);
        String message = IRIS_MODEL + " reads every input as a number, but the test gives it non-numeric column(s)"
                + " 'petal_width' (row 7 is 'wide'); the model expects numbers for " + IRIS_FEATURES
                + ", the test gives " + IRIS_FEATURES;

        assertSubjectRefuses(IRIS_SOFTPROB, data, "species", List.of(), message);
        assertNothingPredicted(load(IRIS_SOFTPROB), DataLoader.load(data.toString()), IRIS_FEATURES, message);
    }

    @Test
    void failsBeforePredictingWhenAModelWithoutNamesGetsAnotherNumberOfColumns() {
        List<String> given = Csv.read(BREAST_CANCER_TEST).features();
        String message = "XGBoost iris-softmax.ubj (multi:softmax, 3 classes) takes 4 features by position (the model"
                + " file stores no feature names), but the test gives it 30: " + given
                + ". Name the model's inputs, in training order, in @ModelTest(features = ...)";

        assertNothingPredicted(load(IRIS_SOFTMAX), DataLoader.load(BREAST_CANCER_TEST.toString()), given, message);
    }

    @Test
    void failsBeforePredictingWhenAModelWithoutNamesGetsATextColumn() {
        TestData data = DataLoader.load(IRIS_TEST.toString());
        List<String> given = List.of("sepal_length", "sepal_width", "petal_length", "species");
        String message = "XGBoost iris-softmax.ubj (multi:softmax, 3 classes) reads every input as a number, but the"
                + " test gives it non-numeric column(s) 'species' (row 1 is 'setosa'); the model expects 4 numeric"
                + " features, the test gives " + given;

        assertNothingPredicted(load(IRIS_SOFTMAX), data, given, message);
    }
}
