package dev.modeltest.examples;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.IntVector;

/**
 * Trains the example iris model: a Smile random forest, Java-serialized to {@code models/iris-rf.ser}.
 *
 * <p>The model is committed, so the examples need neither this program nor a training step; it is here so that the
 * file can be rebuilt and its provenance checked. The forest has 100 trees of depth at most 5, {@code mtry =
 * floor(sqrt(4)) = 2}, Gini splits and one fixed seed per tree (42 to 141), so a rerun predicts exactly the same
 * posteriors. The bytes of the file still change on every run, because Smile stores the fit time in the model's
 * metrics.
 *
 * <p>The label is {@code species}, a nominal column with the levels {@code setosa, versicolor, virginica} in this
 * order (codes 0, 1, 2); the features are {@code sepal_length, sepal_width, petal_length, petal_width}. The training
 * data is {@code src/test/resources/iris-train.csv}, written by {@code scripts/data/make_iris.py}.
 *
 * <p>To regenerate, from the repository root:
 *
 * <pre>{@code
 * mvn -q compile dependency:build-classpath -pl modeltest-examples -am -Dmdep.outputFile=target/cp.txt
 * cd modeltest-examples
 * java -cp target/classes:$(cat target/cp.txt) dev.modeltest.examples.TrainIrisModel
 * }</pre>
 *
 * <p>Arguments, both optional and relative to the working directory: the training CSV (default
 * {@code src/test/resources/iris-train.csv}) and the output file (default {@code models/iris-rf.ser}).
 */
public final class TrainIrisModel {

    static final String DEFAULT_TRAIN = "src/test/resources/iris-train.csv";
    static final String DEFAULT_OUTPUT = "models/iris-rf.ser";

    static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    static final String LABEL = "species";
    static final NominalScale SPECIES = new NominalScale("setosa", "versicolor", "virginica");

    private static final int TREES = 100;
    private static final int MAX_DEPTH = 5;
    private static final long FIRST_SEED = 42;

    private TrainIrisModel() {}

    /**
     * Trains the model and writes it.
     *
     * @param args the training CSV and the output file, both optional
     */
    public static void main(String[] args) throws IOException {
        Path train = Path.of(args.length > 0 ? args[0] : DEFAULT_TRAIN);
        Path output = Path.of(args.length > 1 ? args[1] : DEFAULT_OUTPUT);

        DataFrame data = readIris(train);
        RandomForest model = train(data);
        write(model, output);

        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (model.predict(data.get(i)) == data.getInt(i, LABEL)) {
                correct++;
            }
        }
        System.out.printf(
                "trained %d trees on %d rows of %s%n  out-of-bag accuracy: %.4f%n  training accuracy:   %.4f (%d/%d)%n"
                        + "wrote %s (%d bytes)%n",
                model.size(),
                data.size(),
                train,
                model.metrics().accuracy,
                (double) correct / data.size(),
                correct,
                data.size(),
                output.toAbsolutePath().normalize(),
                Files.size(output));
    }

    /** Fits the forest; only this overload of {@code fit} takes seeds, one per tree, each above 1. */
    static RandomForest train(DataFrame data) {
        return RandomForest.fit(
                Formula.lhs(LABEL),
                data,
                TREES,
                0, // mtry: 0 means floor(sqrt(number of features))
                SplitRule.GINI,
                MAX_DEPTH,
                Integer.MAX_VALUE, // max leaf nodes: bounded by the depth instead
                1, // node size
                1.0, // subsample: bootstrap samples of the full size
                null, // class weights: the classes are balanced
                LongStream.range(FIRST_SEED, FIRST_SEED + TREES));
    }

    /**
     * Reads an iris CSV (header, four numeric features and the species name) into a data frame with a nominal label.
     *
     * <p>Plain Java on purpose: Smile would read the species as a string column, which its random forest rejects.
     */
    static DataFrame readIris(Path csv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    "training data '" + csv.toAbsolutePath().normalize()
                            + "' does not exist; run from the modeltest-examples directory or pass the CSV as the first"
                            + " argument (scripts/data/make_iris.py writes it)");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("training data '" + csv + "' is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split(",", -1));
        int[] featureColumns = FEATURES.stream().mapToInt(header::indexOf).toArray();
        int labelColumn = header.indexOf(LABEL);
        for (int i = 0; i < FEATURES.size(); i++) {
            requireColumn(csv, header, FEATURES.get(i), featureColumns[i]);
        }
        requireColumn(csv, header, LABEL, labelColumn);

        List<String> rows = lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("training data '" + csv + "' has a header but no rows");
        }
        double[][] x = new double[rows.size()][FEATURES.size()];
        int[] y = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r).trim().split(",", -1);
            String where = "training data '" + csv + "', row " + (r + 1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(
                        where + ": expected " + header.size() + " cells, found " + cells.length);
            }
            for (int f = 0; f < featureColumns.length; f++) {
                String cell = cells[featureColumns[f]].trim();
                try {
                    x[r][f] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            where + ": " + FEATURES.get(f) + " is not a number: '" + cell + "'", e);
                }
            }
            String species = cells[labelColumn].trim();
            if (!Arrays.asList(SPECIES.levels()).contains(species)) {
                throw new IllegalArgumentException(where + ": unknown species '" + species + "', expected one of "
                        + Arrays.toString(SPECIES.levels()));
            }
            y[r] = SPECIES.valueOf(species).intValue();
        }
        // A nominal IntVector, not a StringVector: Smile's classifiers only take integer-coded labels.
        return DataFrame.of(x, FEATURES.toArray(String[]::new))
                .merge(IntVector.of(new StructField(LABEL, DataTypes.IntegerType, SPECIES), y));
    }

    private static void requireColumn(Path csv, List<String> header, String column, int index) {
        if (index < 0) {
            throw new IllegalArgumentException(
                    "training data '" + csv + "' has no column '" + column + "'; its header is " + header);
        }
    }

    /** Serializes the model through a temporary file, so a failed run never leaves half a model behind. */
    private static void write(RandomForest model, Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: its owner-only permissions would carry over to the model file.
        Path temporary = parent.resolve(output.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary);
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(model);
            }
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
