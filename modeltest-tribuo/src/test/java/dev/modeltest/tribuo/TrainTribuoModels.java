package dev.modeltest.tribuo;

import dev.modeltest.testing.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/**
 * Trains the Tribuo test models and saves them in Tribuo's protobuf format ({@code Model.serializeToFile}). Run from
 * the module directory (see scripts/README.md); the data comes from {@code
 * scripts/models/make_xgboost_tribuo_data.py}.
 *
 * <ul>
 *   <li>{@code iris-logistic.tribuo}: logistic regression (linear SGD), class probabilities; also copied to {@code
 *       modeltest-examples/models/} when that directory exists;
 *   <li>{@code iris-cart.tribuo}: a CART classification tree of depth 3 (its scores are not flagged as
 *       probabilities: {@code generatesProbabilities()} is false);
 *   <li>{@code iris-svm.tribuo}: a linear SVM (hinge loss), labels and scores but no probabilities;
 *   <li>{@code diabetes-cart.tribuo}: a CART regression tree of depth 4.
 * </ul>
 *
 * <p>Every trainer is seeded, so a rerun makes the same predictions. The files' bytes differ between runs all the
 * same: Tribuo records in each model when, where and with which JVM it was trained.
 */
public final class TrainTribuoModels {

    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    private TrainTribuoModels() {}

    /**
     * Trains and writes the models.
     *
     * @param args optional: the data directory (default {@code src/test/resources/data}), the model directory
     *     (default {@code src/test/resources/models}) and the examples' model directory (default {@code
     *     ../modeltest-examples/models})
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "src/test/resources/data");
        Path models = Path.of(args.length > 1 ? args[1] : "src/test/resources/models");
        Path examples = Path.of(args.length > 2 ? args[2] : "../modeltest-examples/models");
        Files.createDirectories(models);

        Csv iris = Csv.read(data.resolve("iris-train.csv"));
        MutableDataset<Label> irisTrain = dataset(TribuoFixtures.labelled(iris), new LabelFactory(), "iris-train.csv");
        Model<Label> logistic = train(new LogisticRegressionTrainer(), irisTrain);
        logistic.serializeToFile(models.resolve("iris-logistic.tribuo"));
        if (Files.isDirectory(examples)) {
            logistic.serializeToFile(examples.resolve("iris-tribuo.tribuo"));
        }
        train(new CARTClassificationTrainer(3), irisTrain).serializeToFile(models.resolve("iris-cart.tribuo"));
        train(new LinearSGDTrainer(new Hinge(), new AdaGrad(0.1, 0.1), 10, 1L), irisTrain)
                .serializeToFile(models.resolve("iris-svm.tribuo"));

        Csv diabetes = Csv.read(data.resolve("diabetes-train.csv"));
        MutableDataset<Regressor> diabetesTrain =
                dataset(TribuoFixtures.targets(diabetes), new RegressionFactory(), "diabetes-train.csv");
        train(new CARTRegressionTrainer(4), diabetesTrain).serializeToFile(models.resolve("diabetes-cart.tribuo"));

        try (var files = Files.list(models)) {
            files.sorted().forEach(f -> {
                try {
                    System.out.printf("%-45s %8d bytes%n", f, Files.size(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Builds a dataset whose provenance names only the file, so that no absolute path of the machine that trained the
     * model ends up in the committed file.
     */
    private static <T extends Output<T>> MutableDataset<T> dataset(
            List<org.tribuo.Example<T>> examples, OutputFactory<T> factory, String name) {
        SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance(
                name, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory);
        return new MutableDataset<>(new ListDataSource<>(examples, factory, provenance));
    }

    private static <T extends Output<T>> Model<T> train(Trainer<T> trainer, MutableDataset<T> dataset) {
        return trainer.train(dataset);
    }
}
