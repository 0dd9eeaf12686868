package dev.modeltest.model.smile;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoaders;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.IntVector;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Small Smile models trained on the iris files of modeltest-examples and on seeded synthetic data. */
final class SmileFixtures {

    /** Relative to the modeltest-core module directory, surefire's working directory. */
    static final String IRIS_TRAIN = "../modeltest-examples/src/test/resources/iris-train.csv";

    static final String IRIS_TEST = "../modeltest-examples/src/test/resources/iris-test.csv";

    static final List<String> IRIS_FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    private SmileFixtures() {}

    static TestData irisTrain() {
        return DataLoader.load(IRIS_TRAIN);
    }

    static TestData irisTest() {
        return DataLoader.load(IRIS_TEST);
    }

    /** Returns the named columns of the data as a row-major matrix, in the order given. */
    static double[][] matrix(TestData data, List<String> columns) {
        double[][] x = new double[data.rowCount()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] column = data.doubles(columns.get(j));
            for (int i = 0; i < x.length; i++) {
                x[i][j] = column[i];
            }
        }
        return x;
    }

    /** Returns the species of each row as its index in {@link #SPECIES}. */
    static int[] speciesCodes(TestData data) {
        String[] species = data.strings("species");
        int[] codes = new int[species.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = SPECIES.indexOf(species[i]);
            if (codes[i] < 0) {
                throw new IllegalStateException("unknown species '" + species[i] + "' in row " + (i + 1));
            }
        }
        return codes;
    }

    /** Trains a seeded forest with a formula on the iris training set, the species as a nominal label. */
    /** The iris training set as a Smile data frame whose {@code species} is nominal, with the species' names. */
    static DataFrame irisFrame() {
        TestData train = irisTrain();
        StructField species =
                new StructField("species", DataTypes.IntegerType, new NominalScale(SPECIES.toArray(String[]::new)));
        return DataFrame.of(matrix(train, IRIS_FEATURES), IRIS_FEATURES.toArray(String[]::new))
                .merge(IntVector.of(species, speciesCodes(train)));
    }

    static RandomForest irisForest() {
        return RandomForest.fit(
                Formula.lhs("species"),
                irisFrame(),
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

    /** Three seeded Gaussian blobs in the plane, labelled 0, 1 and 2. */
    record Blobs(double[][] x, int[] y) {

        static Blobs of(int n, long seed) {
            Random random = new Random(seed);
            double[][] x = new double[n][2];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3;
                x[i][0] = 2.0 * y[i] + random.nextGaussian();
                x[i][1] = 2.0 * (y[i] % 2) + random.nextGaussian();
            }
            return new Blobs(x, y);
        }

        /** Returns the blobs as test data with the columns {@code x1, x2, y}. */
        TestData testData(String name) {
            double[] x1 = new double[y.length];
            double[] x2 = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x1[i] = x[i][0];
                x2[i] = x[i][1];
            }
            return TestData.of(
                    name,
                    Table.create(
                            name,
                            DoubleColumn.create("x1", x1),
                            DoubleColumn.create("x2", x2),
                            IntColumn.create("y", y)));
        }
    }

    /** Writes the object with plain Java serialization, as a user saving a trained model would. */
    static Path serialize(Object object, Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                ObjectOutputStream out = new ObjectOutputStream(raw)) {
            out.writeObject(object);
        }
        return file;
    }

    static Resource resource(Path file) {
        return Resource.resolve(file.toString(), RuntimeException::new);
    }

    /** Loads the file the way modeltest does: through the model loaders on the class path. */
    static Model load(Path file) {
        return ModelLoaders.load(resource(file));
    }
}
