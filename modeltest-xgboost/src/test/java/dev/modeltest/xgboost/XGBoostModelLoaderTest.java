package dev.modeltest.xgboost;

import static dev.modeltest.testing.AdapterFixtures.resource;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_JSON;
import static dev.modeltest.xgboost.XGBoostFixtures.BREAST_CANCER_UBJ;
import static dev.modeltest.xgboost.XGBoostFixtures.DIABETES;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTMAX;
import static dev.modeltest.xgboost.XGBoostFixtures.IRIS_SOFTPROB;
import static dev.modeltest.xgboost.XGBoostFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ModelException;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import dev.modeltest.model.ModelLoaders;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader reads from a model file: task, classes, features, description; which files it takes. */
class XGBoostModelLoaderTest {

    private static final List<String> CANCER_FEATURES = List.of(
            "mean_radius",
            "mean_texture",
            "mean_perimeter",
            "mean_area",
            "mean_smoothness",
            "mean_compactness",
            "mean_concavity",
            "mean_concave_points",
            "mean_symmetry",
            "mean_fractal_dimension",
            "radius_error",
            "texture_error",
            "perimeter_error",
            "area_error",
            "smoothness_error",
            "compactness_error",
            "concavity_error",
            "concave_points_error",
            "symmetry_error",
            "fractal_dimension_error",
            "worst_radius",
            "worst_texture",
            "worst_perimeter",
            "worst_area",
            "worst_smoothness",
            "worst_compactness",
            "worst_concavity",
            "worst_concave_points",
            "worst_symmetry",
            "worst_fractal_dimension");

    @TempDir
    Path dir;

    @Test
    void readsABinaryClassifierWithClassNamesFromItsAttribute() {
        try (Model model = load(BREAST_CANCER_JSON)) {
            assertThat(model.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(model.classes()).containsExactly("malignant", "benign");
            assertThat(model.hasProbabilities()).isTrue();
            assertThat(model.requiredFeatures()).containsExactlyElementsOf(CANCER_FEATURES);
            assertThat(model.isThreadSafe()).isTrue();
            assertThat(model.describe()).isEqualTo("XGBoost breast-cancer.json (binary:logistic, 2 classes)");
        }
    }

    @Test
    void readsTheSameModelFromUbj() {
        try (Model model = load(BREAST_CANCER_UBJ)) {
            assertThat(model.classes()).containsExactly("malignant", "benign");
            assertThat(model.requiredFeatures()).containsExactlyElementsOf(CANCER_FEATURES);
            assertThat(model.describe()).isEqualTo("XGBoost breast-cancer.ubj (binary:logistic, 2 classes)");
        }
    }

    @Test
    void readsClassNamesFromASideFileNextToTheModel() {
        try (Model model = load(IRIS_SOFTPROB)) {
            assertThat(model.classes()).containsExactly("setosa", "versicolor", "virginica");
            assertThat(model.hasProbabilities()).isTrue();
            assertThat(model.requiredFeatures())
                    .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
            assertThat(model.describe()).isEqualTo("XGBoost iris-softprob.json (multi:softprob, 3 classes)");
        }
    }

    @Test
    void readsClassNamesFromASideFileOnTheClassPath() {
        try (Model model = new XGBoostModelLoader().load(resource("classpath:models/iris-softprob.json"))) {
            assertThat(model.classes()).containsExactly("setosa", "versicolor", "virginica");
        }
    }

    @Test
    void namesClassesByTheirIndexesWhenTheModelHasNoNames() {
        try (Model model = load(IRIS_SOFTMAX)) {
            assertThat(model.classes()).containsExactly("0", "1", "2");
            assertThat(model.hasProbabilities()).isFalse();
            assertThat(model.requiredFeatures()).isEmpty();
            assertThat(model.describe()).isEqualTo("XGBoost iris-softmax.ubj (multi:softmax, 3 classes)");
        }
    }

    @Test
    void readsARegressor() {
        try (Model model = load(DIABETES)) {
            assertThat(model.task()).isEqualTo(Task.REGRESSION);
            assertThat(model.classes()).isEmpty();
            assertThat(model.hasProbabilities()).isFalse();
            assertThat(model.requiredFeatures())
                    .containsExactly("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
            assertThat(model.describe()).isEqualTo("XGBoost diabetes.json (reg:squarederror)");
        }
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ModelLoaders.all()).anyMatch(XGBoostModelLoader.class::isInstance);
        try (Model model = ModelLoaders.load(resource(BREAST_CANCER_UBJ))) {
            assertThat(model.describe()).startsWith("XGBoost breast-cancer.ubj");
        }
    }

    @Test
    void takesUbjFilesAndOnlyTheJsonFilesThatHoldAnXGBoostModel() throws IOException {
        ModelLoader loader = new XGBoostModelLoader();
        assertThat(loader.name()).isEqualTo("XGBoost");
        assertThat(loader.fileTypes()).containsExactly(".json", ".ubj");
        assertThat(loader.isAvailable()).isTrue();

        assertThat(loader.accepts(resource(BREAST_CANCER_JSON))).isTrue();
        assertThat(loader.accepts(resource(BREAST_CANCER_UBJ))).isTrue();
        assertThat(loader.accepts(resource(write("other.json", "{\"name\": \"not a model\"}"))))
                .isFalse();
        assertThat(loader.accepts(resource(write("empty.json", "")))).isFalse();
        assertThat(loader.accepts(resource(write("MODEL.UBJ", "anything")))).isTrue();
        assertThat(loader.accepts(resource(write("model.bin", "{\"learner\": {}}"))))
                .isFalse();
        // Pretty-printed JSON, as json.dump(indent=2) leaves it after editing an attribute by hand.
        assertThat(loader.accepts(resource(write("pretty.json", "\n  {\n    \"learner\": {\n"))))
                .isTrue();
    }

    @Test
    void leavesOtherJsonFilesToOtherLoaders() throws IOException {
        Path other = write("metrics.json", "{\"accuracy\": 0.9}");

        assertThatThrownBy(() -> ModelLoaders.load(resource(other)))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("no model loader reads '" + other + "'; loaders on the class path: ")
                .hasMessageContaining("XGBoost [.json, .ubj]");
    }

    @Test
    void prefersTheAttributeAndSideFileWhenTheyAgree() throws IOException {
        Path model = copy(BREAST_CANCER_JSON, "agree.json");
        Files.writeString(dir.resolve("agree.json.classes"), "malignant\r\nbenign\r\n");

        try (Model loaded = load(model)) {
            assertThat(loaded.classes()).containsExactly("malignant", "benign");
        }
    }

    @Test
    void failsWhenTheAttributeAndTheSideFileDisagree() throws IOException {
        Path model = copy(BREAST_CANCER_JSON, "disagree.json");
        Files.writeString(dir.resolve("disagree.json.classes"), "benign\nmalignant\n");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' names its classes [malignant, benign] in its attribute"
                        + " 'class_names', but '" + model + ".classes' names them [benign, malignant]: keep one, or"
                        + " make them agree");
    }

    @Test
    void failsWhenTheSideFileNamesTooFewClasses() throws IOException {
        Path model = copy(IRIS_SOFTPROB, "short.json");
        Files.writeString(dir.resolve("short.json.classes"), "setosa\nversicolor\n");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' is an XGBoost classifier with 3 classes (multi:softprob,"
                        + " num_class 3), but '" + model + ".classes' names 2: [setosa, versicolor]");
    }

    @Test
    void failsWhenTheSideFileNamesAClassTwice() throws IOException {
        Path model = copy(IRIS_SOFTPROB, "twice.json");
        Files.writeString(dir.resolve("twice.json.classes"), "setosa\nsetosa\nvirginica\n");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "': '" + model + ".classes' names a class twice: [setosa,"
                        + " setosa, virginica]; class names must be distinct");
    }

    @Test
    void failsOnABlankLineInTheSideFile() throws IOException {
        Path model = copy(IRIS_SOFTPROB, "blank.json");
        Files.writeString(dir.resolve("blank.json.classes"), "setosa\n\nvirginica\n");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("class names file '" + model + ".classes': line 2 is blank; write one class name per"
                        + " line, in class-index order");
    }

    @Test
    void failsWhenTheAttributeIsNotAJsonArrayOfNames() throws XGBoostError {
        Path model = withAttribute(DIABETES, "class_names", "malignant,benign", "bad-attribute.json");
        Path binary = withAttribute(BREAST_CANCER_JSON, "class_names", "malignant,benign", "bad-binary.json");

        assertThatThrownBy(() -> load(binary))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + binary + "': its attribute 'class_names' must be a JSON array of class"
                        + " names such as [\"malignant\", \"benign\"], was malignant,benign");
        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + model + "': its attribute 'class_names' must be");
    }

    @Test
    void failsWhenARegressorHasClassNames() throws XGBoostError {
        Path model = withAttribute(DIABETES, "class_names", "[\"low\", \"high\"]", "named-regressor.json");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' is an XGBoost regressor (reg:squarederror), but class names"
                        + " are given for it in its attribute 'class_names': remove them, or check that the right"
                        + " model was saved");
    }

    @Test
    void refusesARankingModel() throws XGBoostError, IOException {
        Path model = dir.resolve("rank.json");
        Files.writeString(model, Files.readString(DIABETES).replace("\"reg:squarederror\"", "\"rank:pairwise\""));

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' holds an XGBoost model with objective 'rank:pairwise', which"
                        + " modeltest does not gate: it reads classifiers (binary:logistic, binary:logitraw,"
                        + " binary:hinge, multi:softprob, multi:softmax) and regressors (reg:*, count:poisson,"
                        + " survival:*)");
    }

    @Test
    void refusesAModelWithCategoricalFeatures() throws XGBoostError {
        Booster booster = XGBoost.loadModel(IRIS_SOFTPROB.toString());
        booster.setFeatureTypes(new String[] {"q", "q", "c", "q"});
        Path model = dir.resolve("categorical.json");
        booster.saveModel(model.toString());
        booster.dispose();

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' holds an XGBoost model with the categorical feature"
                        + " 'petal_length' (feature type 'c'); modeltest passes numbers only: load such a model with"
                        + " @ModelTest(provider = ...)");
    }

    private Path withAttribute(Path source, String key, String value, String name) throws XGBoostError {
        Booster booster = XGBoost.loadModel(source.toString());
        booster.setAttrs(Map.of(key, value));
        Path model = dir.resolve(name);
        booster.saveModel(model.toString());
        booster.dispose();
        return model;
    }

    private Path copy(Path source, String name) throws IOException {
        return Files.copy(source, dir.resolve(name));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
