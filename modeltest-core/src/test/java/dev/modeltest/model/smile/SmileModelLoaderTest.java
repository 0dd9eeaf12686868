package dev.modeltest.model.smile;

import static dev.modeltest.model.smile.SmileFixtures.IRIS_FEATURES;
import static dev.modeltest.model.smile.SmileFixtures.IRIS_TEST;
import static dev.modeltest.model.smile.SmileFixtures.SPECIES;
import static dev.modeltest.model.smile.SmileFixtures.irisForest;
import static dev.modeltest.model.smile.SmileFixtures.irisFrame;
import static dev.modeltest.model.smile.SmileFixtures.irisTest;
import static dev.modeltest.model.smile.SmileFixtures.irisTrain;
import static dev.modeltest.model.smile.SmileFixtures.load;
import static dev.modeltest.model.smile.SmileFixtures.matrix;
import static dev.modeltest.model.smile.SmileFixtures.serialize;
import static dev.modeltest.model.smile.SmileFixtures.speciesCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Hashing;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Predictor;
import dev.modeltest.model.Task;
import dev.modeltest.model.smile.SmileFixtures.Blobs;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.base.cart.SplitRule;
import smile.classification.AdaBoost;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Loading Java-serialized Smile models and predicting with them: every prediction must be exactly the one Smile itself
 * makes on the same row.
 */
class SmileModelLoaderTest {

    private static RandomForest trainedIrisForest;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainIrisForest() {
        trainedIrisForest = irisForest();
    }

    private Path irisForestFile() throws IOException {
        return serialize(trainedIrisForest, dir.resolve("iris-rf.ser"));
    }

    @Test
    void namesTheClassesOfAFormulaForestByTheLevelsOfItsNominalLabel() throws IOException {
        Model model = load(irisForestFile());

        assertThat(model.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(model.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(model.requiredFeatures()).containsExactlyElementsOf(IRIS_FEATURES);
        assertThat(model.hasProbabilities()).isTrue();
        assertThat(model.describe()).isEqualTo("Smile RandomForest (3 classes)");
    }

    @Test
    void predictsExactlyTheClassesAndProbabilitiesSmileGivesForAFormulaForest() throws IOException {
        Model model = load(irisForestFile());
        TestData test = irisTest();

        Predictions predictions =
                Predictor.predict(test, "species", Features.of(test, model.requiredFeatures()), model);

        double[][] x = matrix(test, List.of(trainedIrisForest.schema().names()));
        for (int r = 0; r < test.rowCount(); r++) {
            double[] posteriori = new double[3];
            int label = trainedIrisForest.predict(Tuple.of(x[r], trainedIrisForest.schema()), posteriori);
            assertThat(predictions.predictedLabel(r)).as("row %d", r + 1).isEqualTo(SPECIES.get(label));
            assertThat(probabilities(predictions, r)).as("row %d", r + 1).containsExactly(posteriori);
            assertThat(predictions.actualLabel(r)).isEqualTo(test.strings("species")[r]);
        }
        // The comparison means something only if the forest tells the species apart.
        assertThat(Arrays.stream(predictions.predictedClasses()).distinct().count())
                .isEqualTo(3);
    }

    @Test
    void namesTheClassesOfAnIntLabelForestByTheirNumbersAndMapsANumericLabelColumn() throws IOException {
        Blobs train = Blobs.of(300, 1);
        DataFrame df = DataFrame.of(train.x(), "x1", "x2").merge(IntVector.of("y", train.y()));
        RandomForest forest = RandomForest.fit(
                Formula.lhs("y"),
                df,
                20,
                0,
                SplitRule.GINI,
                5,
                Integer.MAX_VALUE,
                1,
                1.0,
                null,
                LongStream.range(42, 62));
        Model model = load(serialize(forest, dir.resolve("blobs-rf.ser")));
        // Enough rows for several batches, so that the parallel path (and Smile's formula binding) is exercised.
        Blobs test = Blobs.of(3000, 2);
        TestData data = test.testData("blobs-test");

        Predictions predictions = Predictor.predict(data, "y", Features.of(data, model.requiredFeatures()), model);

        assertThat(model.classes()).containsExactly("0", "1", "2");
        assertThat(model.requiredFeatures()).containsExactly("x1", "x2");
        for (int r = 0; r < data.rowCount(); r++) {
            double[] posteriori = new double[3];
            int label = forest.predict(Tuple.of(test.x()[r], forest.schema()), posteriori);
            assertThat(predictions.actualLabel(r)).as("row %d", r + 1).isEqualTo(Integer.toString(test.y()[r]));
            assertThat(predictions.predictedLabel(r)).as("row %d", r + 1).isEqualTo(Integer.toString(label));
            assertThat(probabilities(predictions, r)).as("row %d", r + 1).containsExactly(posteriori);
        }
    }

    @Test
    void namesTheClassesByTheLabelsLevelsWhereTheModelKeepsThem() throws IOException {
        // AdaBoost's trees keep the nominal response, so the species' names come back; GradientTreeBoost's regression
        // trees do not, and no public accessor gives the levels: its classes are Smile's integer labels (as
        // docs/models.md says).
        Model ada = load(serialize(AdaBoost.fit(Formula.lhs("species"), irisFrame()), dir.resolve("iris-ada.ser")));
        Model boost = load(
                serialize(GradientTreeBoost.fit(Formula.lhs("species"), irisFrame()), dir.resolve("iris-gbm.ser")));

        assertThat(ada.classes()).containsExactlyElementsOf(SPECIES);
        assertThat(boost.classes()).containsExactly("0", "1", "2");
    }

    @Test
    void takesTheClassesOfAnArrayClassifierFromItsLabels() throws IOException {
        TestData train = irisTrain();
        // Labels need not be 0..k-1: the model's classes are its own label values, as text.
        int[] labels = Arrays.stream(speciesCodes(train)).map(c -> 10 * c + 3).toArray();
        LogisticRegression logit = LogisticRegression.fit(matrix(train, IRIS_FEATURES), labels);
        Model model = load(serialize(logit, dir.resolve("iris-logit.ser")));
        TestData test = withCodedSpecies(irisTest(), c -> 10 * c + 3);

        Predictions predictions = Predictor.predict(test, "label", Features.of(test, IRIS_FEATURES), model);

        assertThat(model.classes()).containsExactly("3", "13", "23");
        assertThat(model.requiredFeatures()).isEmpty();
        assertThat(model.hasProbabilities()).isTrue();
        double[][] x = matrix(test, IRIS_FEATURES);
        for (int r = 0; r < test.rowCount(); r++) {
            double[] posteriori = new double[3];
            int label = logit.predict(x[r], posteriori);
            assertThat(predictions.predictedLabel(r)).as("row %d", r + 1).isEqualTo(Integer.toString(label));
            assertThat(probabilities(predictions, r)).as("row %d", r + 1).containsExactly(posteriori);
            assertThat(Arrays.stream(probabilities(predictions, r)).sum())
                    .as("row %d", r + 1)
                    .isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void feedsAnArrayClassifierTheFeaturesInTheConfiguredOrder() throws IOException {
        TestData train = irisTrain();
        LogisticRegression logit = LogisticRegression.fit(matrix(train, IRIS_FEATURES), speciesCodes(train));
        Model model = load(serialize(logit, dir.resolve("iris-logit.ser")));
        TestData test = withCodedSpecies(irisTest(), c -> c);
        // A double[] model has no column names: it reads the features as configured, even in the wrong order.
        List<String> reversed = List.of("petal_width", "petal_length", "sepal_width", "sepal_length");

        Predictions inOrder = Predictor.predict(test, "label", Features.of(test, IRIS_FEATURES), model);
        Predictions inReverse = Predictor.predict(test, "label", Features.of(test, reversed), model);

        double[][] x = matrix(test, reversed);
        for (int r = 0; r < test.rowCount(); r++) {
            double[] posteriori = new double[3];
            logit.predict(x[r], posteriori);
            assertThat(probabilities(inReverse, r)).as("row %d", r + 1).containsExactly(posteriori);
        }
        assertThat(inReverse.probabilities(0)).isNotEqualTo(inOrder.probabilities(0));
    }

    @Test
    void predictsExactlyTheValuesSmileGivesForAFormulaRegressor() throws IOException {
        Random random = new Random(3);
        int n = 400;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble() * 10;
            x[i][1] = random.nextDouble() * 10;
            y[i] = 3 * x[i][0] - 2 * x[i][1] + random.nextGaussian();
        }
        DataFrame df = DataFrame.of(x, "x1", "x2").merge(DoubleVector.of("y", y));
        smile.regression.RandomForest forest = smile.regression.RandomForest.fit(
                Formula.lhs("y"), df, 20, 0, 5, Integer.MAX_VALUE, 5, 1.0, LongStream.range(42, 62));
        Model model = load(serialize(forest, dir.resolve("regressor.ser")));
        // Rows in the regressor's own column order would hide a mapping error; give them as x2, y, x1.
        Blobs rows = Blobs.of(2000, 4);
        double[] actual = Arrays.stream(rows.x()).mapToDouble(r -> r[0] + r[1]).toArray();
        TestData test = TestData.of(
                "regression-test",
                Table.create(
                        "regression-test",
                        DoubleColumn.create("x2", Arrays.stream(rows.x()).mapToDouble(r -> r[1])),
                        DoubleColumn.create("y", actual),
                        DoubleColumn.create("x1", Arrays.stream(rows.x()).mapToDouble(r -> r[0]))));

        Predictions predictions = Predictor.predict(test, "y", Features.of(test, model.requiredFeatures()), model);

        assertThat(model.task()).isEqualTo(Task.REGRESSION);
        assertThat(model.classes()).isEmpty();
        assertThat(model.hasProbabilities()).isFalse();
        assertThat(model.requiredFeatures()).containsExactly("x1", "x2");
        double[] expected = Arrays.stream(rows.x())
                .mapToDouble(r -> forest.predict(Tuple.of(r, forest.schema())))
                .toArray();
        assertThat(predictions.predictedValues()).containsExactly(expected);
        assertThat(predictions.actualValues()).containsExactly(actual);
    }

    @Test
    void mapsFeaturesGivenInAnotherOrderToTheModelSchemaByName() throws IOException {
        Model model = load(irisForestFile());
        TestData test = irisTest();
        List<String> shuffled = List.of("petal_width", "sepal_length", "petal_length", "sepal_width");
        TestData reordered = TestData.of(
                "iris-test-reordered",
                test.table().selectColumns("species", "petal_width", "sepal_length", "petal_length", "sepal_width"));

        Predictions inSchemaOrder =
                Predictor.predict(test, "species", Features.of(test, model.requiredFeatures()), model);
        Predictions byName = Predictor.predict(reordered, "species", Features.of(reordered, shuffled), model);

        assertThat(byName).isEqualTo(inSchemaOrder);
        assertThat(byName.hasProbabilities()).isTrue();
        // The model keeps the last mapping: it must follow the columns as they change, back and forth.
        assertThat(Predictor.predict(test, "species", Features.of(test, model.requiredFeatures()), model))
                .isEqualTo(inSchemaOrder);
        List<String> three = List.of("sepal_length", "petal_length", "petal_width");
        assertThatThrownBy(() -> Predictor.predict(test, "species", Features.of(test, three), model))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("expects input column(s) [sepal_width] that the test does not give it");
        assertThat(Predictor.predict(reordered, "species", Features.of(reordered, shuffled), model))
                .isEqualTo(inSchemaOrder);
    }

    @Test
    void loadsAModelFileThroughASubjectAndTakesTheFeaturesTheModelDeclares() throws IOException {
        Path file = irisForestFile();
        SubjectSpec spec = new SubjectSpec(
                "SmileModelLoaderTest", IRIS_TEST, "species", new ModelSource.File(file.toString()), List.of(), null);

        try (Subject subject = Subject.of(spec)) {
            Model model = load(file);
            TestData test = irisTest();

            assertThat(subject.features().names()).containsExactlyElementsOf(IRIS_FEATURES);
            assertThat(subject.predictions())
                    .isEqualTo(Predictor.predict(test, "species", Features.of(test, IRIS_FEATURES), model));
            assertThat(subject.modelSha256()).isEqualTo(Hashing.sha256(file));
        }
    }

    @Test
    void failsThroughASubjectNamingWhatTheModelExpectsAndWhatTheDataOffersWhenAColumnIsMissing() throws IOException {
        Path data = dir.resolve("iris-no-petal-width.csv");
        List<String> lines = Files.readAllLines(Path.of(IRIS_TEST)).stream()
                .map(line -> line.replaceFirst("^([^,]*,[^,]*,[^,]*),[^,]*,", "$1,"))
                .collect(Collectors.toList());
        Files.write(data, lines);
        SubjectSpec spec = new SubjectSpec(
                "SmileModelLoaderTest",
                data.toString(),
                "species",
                new ModelSource.File(irisForestFile().toString()),
                List.of(),
                null);

        try (Subject subject = Subject.of(spec)) {
            assertThat(subject.data().columnNames())
                    .containsExactly("sepal_length", "sepal_width", "petal_length", "species");
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage("data set iris-no-petal-width.csv lacks column(s) [petal_width] that Smile RandomForest"
                            + " (3 classes) expects; the model expects [sepal_length, sepal_width, petal_length,"
                            + " petal_width], the data offers [sepal_length, sepal_width, petal_length, species]");
        }
    }

    @Test
    void failsNamingWhatTheModelExpectsAndWhatTheTestGivesWhenTheConfiguredFeaturesLackOne() throws IOException {
        Model model = load(irisForestFile());
        TestData test = irisTest();
        List<String> three = List.of("sepal_length", "petal_length", "petal_width");

        assertThatThrownBy(() -> Predictor.predict(test, "species", Features.of(test, three), model))
                .isInstanceOf(DataException.class)
                .hasMessage("Smile RandomForest (3 classes) expects input column(s) [sepal_width] that the test does"
                        + " not give it; the model expects [sepal_length, sepal_width, petal_length, petal_width],"
                        + " the test gives [sepal_length, petal_length, petal_width]");
    }

    @Test
    void encodesANominalFeatureByItsLevelNames() throws IOException {
        RandomForest forest = colorForest();
        Model model = load(serialize(forest, dir.resolve("color-rf.ser")));
        String[] colors = {"red", "green", "blue", "blue", "green", "red", "green"};
        double[] sizes = {0.5, 2.5, 1.0, 3.5, 0.2, 3.9, 1.7};
        TestData test = colorTest(colors, sizes);

        Predictions predictions = Predictor.predict(test, "y", Features.of(test, model.requiredFeatures()), model);

        assertThat(model.requiredFeatures()).containsExactly("size", "color");
        List<String> levels = List.of("red", "green", "blue");
        StructType schema = forest.schema();
        for (int r = 0; r < colors.length; r++) {
            double[] posteriori = new double[2];
            int label =
                    forest.predict(Tuple.of(new Object[] {sizes[r], levels.indexOf(colors[r])}, schema), posteriori);
            assertThat(predictions.predictedLabel(r)).as("row %d", r + 1).isEqualTo(Integer.toString(label));
            assertThat(probabilities(predictions, r)).as("row %d", r + 1).containsExactly(posteriori);
        }
        assertThat(Arrays.stream(predictions.predictedClasses()).distinct().count())
                .isEqualTo(2);
    }

    @Test
    void failsNamingTheRowAndTheKnownLevelsForANominalFeatureValueTheModelNeverSaw() throws IOException {
        Model model = load(serialize(colorForest(), dir.resolve("color-rf.ser")));
        TestData test = colorTest(new String[] {"red", "green", "purple"}, new double[] {1, 2, 3});

        assertThatThrownBy(() -> Predictor.predict(test, "y", Features.of(test, model.requiredFeatures()), model))
                .isInstanceOf(DataException.class)
                .hasMessage("row 3, column 'color' has value 'purple', which is not one of the levels the model was"
                        + " trained on: [red, green, blue]");
    }

    @Test
    void readsAFileOfAnyNameThatStartsWithTheJavaSerializationHeader() throws IOException {
        Path file = serialize(trainedIrisForest, dir.resolve("iris-forest.model"));
        SmileModelLoader loader = new SmileModelLoader();

        assertThat(loader.isAvailable()).isTrue();
        assertThat(loader.accepts(SmileFixtures.resource(file))).isTrue();
        assertThat(load(file).classes()).containsExactlyElementsOf(SPECIES);
    }

    /** A forest whose label is 1 for red or large items: {@code size} is numeric, {@code color} nominal. */
    private static RandomForest colorForest() {
        Random random = new Random(5);
        int n = 300;
        double[][] size = new double[n][1];
        int[] color = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            size[i][0] = random.nextDouble() * 4;
            color[i] = i % 3;
            y[i] = color[i] == 0 || size[i][0] > 3 ? 1 : 0;
        }
        StructField colorField =
                new StructField("color", DataTypes.IntegerType, new NominalScale("red", "green", "blue"));
        DataFrame df = DataFrame.of(size, "size").merge(IntVector.of(colorField, color), IntVector.of("y", y));
        return RandomForest.fit(
                Formula.lhs("y"),
                df,
                20,
                0,
                SplitRule.GINI,
                5,
                Integer.MAX_VALUE,
                1,
                1.0,
                null,
                LongStream.range(42, 62));
    }

    private static TestData colorTest(String[] colors, double[] sizes) {
        int[] y = new int[colors.length];
        return TestData.of(
                "colors",
                Table.create(
                        "colors",
                        StringColumn.create("color", colors),
                        DoubleColumn.create("size", sizes),
                        IntColumn.create("y", y)));
    }

    /** Returns the iris test data with the species replaced by a numeric {@code label} column. */
    private static TestData withCodedSpecies(TestData iris, IntUnaryOperator code) {
        int[] labels = Arrays.stream(speciesCodes(iris)).map(code).toArray();
        Table table = iris.table().copy().removeColumns("species").addColumns(IntColumn.create("label", labels));
        return TestData.of(iris.name(), table);
    }

    private static double[] probabilities(Predictions predictions, int row) {
        double[] p = new double[predictions.classes().size()];
        for (int c = 0; c < p.length; c++) {
            p[c] = predictions.probability(row, c);
        }
        return p;
    }
}
