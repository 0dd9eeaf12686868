package dev.modeltest.tribuo;

import static dev.modeltest.testing.AdapterFixtures.DATA;
import static dev.modeltest.testing.AdapterFixtures.MODELS;

import dev.modeltest.model.Model;
import dev.modeltest.testing.AdapterFixtures;
import dev.modeltest.testing.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

/** The committed Tribuo test models and data, and Tribuo's own examples of a CSV file's rows. */
final class TribuoFixtures {

    static final Path IRIS_LOGISTIC = MODELS.resolve("iris-logistic.tribuo");
    static final Path IRIS_CART = MODELS.resolve("iris-cart.tribuo");
    static final Path IRIS_SVM = MODELS.resolve("iris-svm.tribuo");
    static final Path DIABETES_CART = MODELS.resolve("diabetes-cart.tribuo");

    static final Path IRIS_TEST = DATA.resolve("iris-test.csv");
    static final Path DIABETES_TEST = DATA.resolve("diabetes-test.csv");

    static final List<String> IRIS_FEATURES = List.of("petal_length", "petal_width", "sepal_length", "sepal_width");

    private TribuoFixtures() {}

    static Model load(Path file) {
        return new TribuoModelLoader().load(AdapterFixtures.resource(file));
    }

    /** Returns Tribuo's own model, read the way Tribuo's documentation shows. */
    static org.tribuo.Model<?> tribuo(Path file) {
        try {
            return org.tribuo.Model.deserializeFromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns one example per row, labelled with the label column's text. */
    static List<Example<Label>> labelled(Csv csv) {
        return examples(csv, r -> new Label(csv.y()[r]));
    }

    /** Returns one example per row, with the label column as the regression target. */
    static List<Example<Regressor>> targets(Csv csv) {
        return examples(csv, r -> new Regressor(csv.label(), Double.parseDouble(csv.y()[r])));
    }

    /** Returns one example per row with the given output, built by Tribuo and not by modeltest. */
    private static <T extends Output<T>> List<Example<T>> examples(Csv csv, IntFunction<T> output) {
        String[] names = csv.features().toArray(String[]::new);
        List<Example<T>> examples = new ArrayList<>(csv.rows());
        for (int r = 0; r < csv.rows(); r++) {
            examples.add(new ArrayExample<>(output.apply(r), names, csv.x()[r]));
        }
        return examples;
    }
}
