package dev.modeltest.xgboost;

import dev.modeltest.testing.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the XGBoost test models with XGBoost4J and saves them in XGBoost's JSON and UBJ formats. Run from the module
 * directory (see scripts/README.md); the data comes from {@code scripts/models/make_xgboost_tribuo_data.py}.
 *
 * <p>Every fit is seeded and single-threaded, so a rerun gives the same trees.
 *
 * <ul>
 *   <li>{@code breast-cancer.json}, {@code breast-cancer.ubj}: {@code binary:logistic}, 30 named features, class names
 *       in the booster attribute {@code class_names}; also copied to {@code modeltest-examples/models/} as {@code
 *       breast-cancer-xgb.json} when that directory exists;
 *   <li>{@code iris-softprob.json}: {@code multi:softprob}, named features, class names in the side file {@code
 *       iris-softprob.json.classes};
 *   <li>{@code iris-softmax.ubj}: {@code multi:softmax}, no feature names, no class names;
 *   <li>{@code diabetes.json}: {@code reg:squarederror}, named features.
 * </ul>
 */
public final class TrainXGBoostModels {

    static final List<String> DIAGNOSES = List.of("malignant", "benign");
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    private TrainXGBoostModels() {}

    /**
     * Trains and writes the models.
     *
     * @param args optional: the data directory (default {@code src/test/resources/data}), the model directory
     *     (default {@code src/test/resources/models}) and the examples' model directory (default {@code
     *     ../modeltest-examples/models})
     */
    public static void main(String[] args) throws XGBoostError, IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "src/test/resources/data");
        Path models = Path.of(args.length > 1 ? args[1] : "src/test/resources/models");
        Path examples = Path.of(args.length > 2 ? args[2] : "../modeltest-examples/models");
        Files.createDirectories(models);

        Csv cancer = Csv.read(data.resolve("breast-cancer-train.csv"));
        Booster binary = train(
                matrix(cancer, XGBoostFixtures.codes(cancer, DIAGNOSES), true), params("binary:logistic", 3, 0.3), 30);
        binary.setAttr(ClassNames.ATTRIBUTE, "[\"malignant\", \"benign\"]");
        binary.saveModel(models.resolve("breast-cancer.json").toString());
        binary.saveModel(models.resolve("breast-cancer.ubj").toString());
        if (Files.isDirectory(examples)) {
            binary.saveModel(examples.resolve("breast-cancer-xgb.json").toString());
        }

        Csv iris = Csv.read(data.resolve("iris-train.csv"));
        Map<String, Object> softprob = params("multi:softprob", 2, 0.3);
        softprob.put("num_class", 3);
        train(matrix(iris, XGBoostFixtures.codes(iris, SPECIES), true), softprob, 20)
                .saveModel(models.resolve("iris-softprob.json").toString());
        Files.writeString(
                models.resolve("iris-softprob.json" + ClassNames.SIDECAR_SUFFIX), String.join("\n", SPECIES) + "\n");
        Map<String, Object> softmax = params("multi:softmax", 2, 0.3);
        softmax.put("num_class", 3);
        train(matrix(iris, XGBoostFixtures.codes(iris, SPECIES), false), softmax, 20)
                .saveModel(models.resolve("iris-softmax.ubj").toString());

        Csv diabetes = Csv.read(data.resolve("diabetes-train.csv"));
        train(matrix(diabetes, XGBoostFixtures.values(diabetes), true), params("reg:squarederror", 3, 0.1), 60)
                .saveModel(models.resolve("diabetes.json").toString());

        try (var files = Files.list(models)) {
            files.sorted().forEach(f -> {
                try {
                    System.out.printf("%-40s %8d bytes%n", f, Files.size(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static Map<String, Object> params(String objective, int depth, double eta) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", objective);
        params.put("max_depth", depth);
        params.put("eta", eta);
        params.put("seed", 42);
        // One thread: XGBoost's sums then run in a fixed order, so the trees are the same on every machine.
        params.put("nthread", 1);
        params.put("tree_method", "hist");
        return params;
    }

    private static DMatrix matrix(Csv csv, float[] labels, boolean named) throws XGBoostError {
        DMatrix matrix = new DMatrix(
                XGBoostFixtures.floats(csv), csv.rows(), csv.features().size(), Float.NaN);
        matrix.setLabel(labels);
        if (named) {
            matrix.setFeatureNames(csv.features().toArray(String[]::new));
        }
        return matrix;
    }

    private static Booster train(DMatrix matrix, Map<String, Object> params, int rounds) throws XGBoostError {
        return XGBoost.train(matrix, params, rounds, Map.of(), null, null);
    }
}
