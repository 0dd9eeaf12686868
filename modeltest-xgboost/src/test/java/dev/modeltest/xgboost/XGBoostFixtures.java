package dev.modeltest.xgboost;

import static dev.modeltest.testing.AdapterFixtures.DATA;
import static dev.modeltest.testing.AdapterFixtures.MODELS;

import dev.modeltest.model.Model;
import dev.modeltest.testing.AdapterFixtures;
import dev.modeltest.testing.Csv;
import java.nio.file.Path;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** The committed test models and data, the data as XGBoost4J takes it, and XGBoost4J's own predictions on them. */
final class XGBoostFixtures {

    static final Path BREAST_CANCER_JSON = MODELS.resolve("breast-cancer.json");
    static final Path BREAST_CANCER_UBJ = MODELS.resolve("breast-cancer.ubj");
    static final Path IRIS_SOFTPROB = MODELS.resolve("iris-softprob.json");
    static final Path IRIS_SOFTMAX = MODELS.resolve("iris-softmax.ubj");
    static final Path DIABETES = MODELS.resolve("diabetes.json");

    static final Path BREAST_CANCER_TEST = DATA.resolve("breast-cancer-test.csv");
    static final Path IRIS_TEST = DATA.resolve("iris-test.csv");
    static final Path DIABETES_TEST = DATA.resolve("diabetes-test.csv");

    private XGBoostFixtures() {}

    static Model load(Path file) {
        return new XGBoostModelLoader().load(AdapterFixtures.resource(file));
    }

    /** Returns what XGBoost4J itself predicts for the rows of {@code csv}, loading the model file on its own. */
    static float[][] reference(Path model, Csv csv) throws XGBoostError {
        Booster booster = XGBoost.loadModel(model.toString());
        DMatrix matrix = new DMatrix(floats(csv), csv.rows(), csv.features().size(), Float.NaN);
        try {
            return booster.predict(matrix);
        } finally {
            matrix.dispose();
            booster.dispose();
        }
    }

    /** Returns the features as XGBoost takes them: float32, row-major. */
    static float[] floats(Csv csv) {
        int features = csv.features().size();
        float[] data = new float[csv.rows() * features];
        for (int r = 0; r < csv.rows(); r++) {
            for (int f = 0; f < features; f++) {
                data[r * features + f] = (float) csv.x()[r][f];
            }
        }
        return data;
    }

    /** Returns the label as class indexes into {@code classes}. */
    static float[] codes(Csv csv, List<String> classes) {
        float[] codes = new float[csv.rows()];
        for (int r = 0; r < csv.rows(); r++) {
            int code = classes.indexOf(csv.y()[r]);
            if (code < 0) {
                throw new IllegalArgumentException("unknown label " + csv.y()[r] + ", classes " + classes);
            }
            codes[r] = code;
        }
        return codes;
    }

    /** Returns the label as numbers. */
    static float[] values(Csv csv) {
        float[] values = new float[csv.rows()];
        for (int r = 0; r < csv.rows(); r++) {
            values[r] = (float) Double.parseDouble(csv.y()[r]);
        }
        return values;
    }
}
