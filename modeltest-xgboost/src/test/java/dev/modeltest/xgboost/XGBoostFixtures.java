package dev.modeltest.xgboost;

import dev.modeltest.data.Resource;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** The committed test models and data, and XGBoost4J's own predictions on them. */
final class XGBoostFixtures {

    static final Path MODELS = Path.of("src/test/resources/models");
    static final Path DATA = Path.of("src/test/resources/data");

    static final Path BREAST_CANCER_JSON = MODELS.resolve("breast-cancer.json");
    static final Path BREAST_CANCER_UBJ = MODELS.resolve("breast-cancer.ubj");
    static final Path IRIS_SOFTPROB = MODELS.resolve("iris-softprob.json");
    static final Path IRIS_SOFTMAX = MODELS.resolve("iris-softmax.ubj");
    static final Path DIABETES = MODELS.resolve("diabetes.json");

    static final Path BREAST_CANCER_TEST = DATA.resolve("breast-cancer-test.csv");
    static final Path IRIS_TEST = DATA.resolve("iris-test.csv");
    static final Path DIABETES_TEST = DATA.resolve("diabetes-test.csv");

    private XGBoostFixtures() {}

    static Resource resource(Path file) {
        return resource(file.toString());
    }

    static Resource resource(String location) {
        return Resource.resolve(location, IllegalArgumentException::new);
    }

    static Model load(Path file) {
        return new XGBoostModelLoader().load(resource(file));
    }

    static Subject subject(Path model, Path data, String label, List<String> features) {
        return subject(model.toString(), data.toString(), label, features);
    }

    static Subject subject(String model, String data, String label, List<String> features) {
        return Subject.of(new SubjectSpec("test", data, label, new ModelSource.File(model), features, TaskHint.AUTO));
    }

    static Predictions predict(Path model, Path data, String label) {
        try (Subject subject = subject(model, data, label, List.of())) {
            return subject.predictions();
        }
    }

    /** Returns what XGBoost4J itself predicts for the rows of {@code csv}, loading the model file on its own. */
    static float[][] reference(Path model, Csv csv) throws XGBoostError {
        Booster booster = XGBoost.loadModel(model.toString());
        DMatrix matrix = new DMatrix(csv.floats(), csv.rows(), csv.features().size(), Float.NaN);
        try {
            return booster.predict(matrix);
        } finally {
            matrix.dispose();
            booster.dispose();
        }
    }
}
