package dev.modeltest.tribuo;

import static dev.modeltest.testing.AdapterAssertions.assertNothingPredicted;
import static dev.modeltest.testing.AdapterAssertions.assertSamePredictionsInAnyColumnOrder;
import static dev.modeltest.testing.AdapterAssertions.assertSubjectRefuses;
import static dev.modeltest.tribuo.TribuoFixtures.DIABETES_CART;
import static dev.modeltest.tribuo.TribuoFixtures.DIABETES_TEST;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_FEATURES;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_LOGISTIC;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_TEST;
import static dev.modeltest.tribuo.TribuoFixtures.load;

import dev.modeltest.data.DataLoader;
import dev.modeltest.testing.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that wants a column the data lacks, or gets a value it cannot take, fails before anything is predicted,
 * saying what the model expects and what the data offers.
 */
class TribuoFeatureMismatchTest {

    private static final String IRIS_MODEL = "Tribuo iris-logistic.tribuo (LinearSGDModel, 3 classes)";

    @TempDir
    Path dir;

    @Test
    void failsWhenTheDataLacksAColumnTheModelNames() throws IOException {
        Path data = Csv.withoutColumn(DIABETES_TEST, "bmi", dir.resolve("diabetes-without-bmi.csv"));

        assertSubjectRefuses(
                DIABETES_CART,
                data,
                "progression",
                List.of(),
                "data set diabetes-without-bmi.csv lacks column(s) [bmi] that Tribuo diabetes-cart.tribuo"
                        + " (IndependentRegressionTreeModel) expects; the model expects [age, bmi, bp, s1, s2, s3, s4,"
                        + " s5, s6, sex], the data offers [age, sex, bp, s1, s2, s3, s4, s5, s6, progression]");
    }

    @Test
    void failsBeforePredictingWhenTheConfiguredFeaturesLackAModelInput() {
        List<String> given = List.of("sepal_length", "petal_length", "petal_width");
        String message = IRIS_MODEL + " expects input column(s) [sepal_width] that the test does not give it; the model"
                + " expects " + IRIS_FEATURES + ", the test gives " + given;

        assertSubjectRefuses(IRIS_LOGISTIC, IRIS_TEST, "species", given, message);
        assertNothingPredicted(load(IRIS_LOGISTIC), DataLoader.load(IRIS_TEST.toString()), given, message);
    }

    @Test
    void matchesInputsByNameInAnyOrderAndIgnoresExtraColumns() {
        assertSamePredictionsInAnyColumnOrder(
                load(IRIS_LOGISTIC),
                DataLoader.load(IRIS_TEST.toString()),
                IRIS_FEATURES,
                List.of("species", "sepal_width", "petal_width", "sepal_length", "petal_length"));
    }

    @Test
    void failsBeforePredictingWhenAnInputColumnIsText() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(IRIS_TEST));
        lines.set(5, lines.get(5).replaceFirst("^[0-9.]+,", "long,"));
        Path data = Files.write(dir.resolve("iris-text.csv"), lines);
        String message = IRIS_MODEL + " reads every input as a number, but the test gives it non-numeric column(s)"
                + " 'sepal_length' (row 5 is 'long'); the model expects numbers for " + IRIS_FEATURES
                + ", the test gives " + IRIS_FEATURES;

        assertSubjectRefuses(IRIS_LOGISTIC, data, "species", List.of(), message);
        assertNothingPredicted(load(IRIS_LOGISTIC), DataLoader.load(data.toString()), IRIS_FEATURES, message);
    }

    @Test
    void failsBeforePredictingOnAnEmptyCell() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(IRIS_TEST));
        lines.set(30, lines.get(30).replaceFirst(",[0-9.]+,([a-z]+)$", ",,$1"));
        Path data = Files.write(dir.resolve("iris-gap.csv"), lines);
        String message = IRIS_MODEL + " cannot take the empty cell in row 30, column 'petal_width': Tribuo has no"
                + " missing values (it reads a feature left out of an example as 0), so modeltest does not pass gaps to"
                + " it. Fill the gap or drop the row";

        assertSubjectRefuses(IRIS_LOGISTIC, data, "species", List.of(), message);
        // The gap is in the last row: no row before it was predicted either.
        assertNothingPredicted(load(IRIS_LOGISTIC), DataLoader.load(data.toString()), IRIS_FEATURES, message);
    }
}
