package dev.modeltest.tribuo;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The committed Tribuo test models and data. */
final class TribuoFixtures {

    static final Path MODELS = Path.of("src/test/resources/models");
    static final Path DATA = Path.of("src/test/resources/data");

    static final Path IRIS_LOGISTIC = MODELS.resolve("iris-logistic.tribuo");
    static final Path IRIS_CART = MODELS.resolve("iris-cart.tribuo");
    static final Path IRIS_SVM = MODELS.resolve("iris-svm.tribuo");
    static final Path DIABETES_CART = MODELS.resolve("diabetes-cart.tribuo");

    static final Path IRIS_TEST = DATA.resolve("iris-test.csv");
    static final Path DIABETES_TEST = DATA.resolve("diabetes-test.csv");

    static final List<String> IRIS_FEATURES = List.of("petal_length", "petal_width", "sepal_length", "sepal_width");

    private TribuoFixtures() {}

    static Resource resource(Path file) {
        return Resource.resolve(file.toString(), IllegalArgumentException::new);
    }

    static Model load(Path file) {
        return new TribuoModelLoader().load(resource(file));
    }

    /** Returns Tribuo's own model, read the way Tribuo's documentation shows. */
    static org.tribuo.Model<?> tribuo(Path file) {
        try {
            return org.tribuo.Model.deserializeFromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Subject subject(Path model, Path data, String label, List<String> features) {
        return Subject.of(new SubjectSpec(
                "test", data.toString(), label, new ModelSource.File(model.toString()), features, TaskHint.AUTO));
    }

    static Predictions predict(Path model, Path data, String label) {
        try (Subject subject = subject(model, data, label, List.of())) {
            return subject.predictions();
        }
    }
}
