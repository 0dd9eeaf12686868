package dev.modeltest.tribuo;

import static dev.modeltest.testing.AdapterFixtures.resource;
import static dev.modeltest.tribuo.TribuoFixtures.DIABETES_CART;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_CART;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_FEATURES;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_LOGISTIC;
import static dev.modeltest.tribuo.TribuoFixtures.IRIS_SVM;
import static dev.modeltest.tribuo.TribuoFixtures.load;
import static dev.modeltest.tribuo.TribuoFixtures.tribuo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ModelException;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoader;
import dev.modeltest.model.ModelLoaders;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/** What the loader reads from a Tribuo model file: task, classes, features, description; which files it takes. */
class TribuoModelLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAClassifierWithItsLabelsInTribuosOrder() {
        try (Model model = load(IRIS_LOGISTIC)) {
            assertThat(model.task()).isEqualTo(Task.CLASSIFICATION);
            // Tribuo numbers the labels in the order it first met them in the training data.
            assertThat(model.classes()).containsExactly("virginica", "setosa", "versicolor");
            assertThat(model.hasProbabilities()).isTrue();
            assertThat(model.requiredFeatures()).containsExactlyElementsOf(IRIS_FEATURES);
            assertThat(model.isThreadSafe()).isTrue();
            assertThat(model.describe()).isEqualTo("Tribuo iris-logistic.tribuo (LinearSGDModel, 3 classes)");
        }
    }

    @Test
    void takesTheClassOrderFromTheModel() {
        for (Path file : List.of(IRIS_CART, IRIS_SVM)) {
            org.tribuo.Model<?> reference = tribuo(file);
            List<String> expected = new ArrayList<>();
            for (int id = 0; id < reference.getOutputIDInfo().size(); id++) {
                expected.add(((org.tribuo.classification.Label)
                                reference.getOutputIDInfo().getOutput(id))
                        .getLabel());
            }
            try (Model model = load(file)) {
                assertThat(model.classes()).as(file.toString()).hasSize(3);
                assertThat(String.join(",", model.classes())).isEqualTo(String.join(",", expected));
                assertThat(model.hasProbabilities()).isFalse();
            }
        }
    }

    @Test
    void readsARegressor() {
        try (Model model = load(DIABETES_CART)) {
            assertThat(model.task()).isEqualTo(Task.REGRESSION);
            assertThat(model.classes()).isEmpty();
            assertThat(model.hasProbabilities()).isFalse();
            assertThat(model.requiredFeatures())
                    .containsExactly("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "sex");
            assertThat(model.describe()).isEqualTo("Tribuo diabetes-cart.tribuo (IndependentRegressionTreeModel)");
        }
    }

    @Test
    void isFoundThroughTheServiceLoaderForTribuoFilesOnly() throws IOException {
        ModelLoader loader = new TribuoModelLoader();
        assertThat(loader.name()).isEqualTo("Tribuo");
        assertThat(loader.fileTypes()).containsExactly(".tribuo");
        assertThat(loader.isAvailable()).isTrue();
        assertThat(loader.accepts(resource(IRIS_LOGISTIC))).isTrue();
        assertThat(loader.accepts(resource(Files.copy(IRIS_LOGISTIC, dir.resolve("IRIS.TRIBUO")))))
                .isTrue();
        assertThat(loader.accepts(resource(Files.copy(IRIS_LOGISTIC, dir.resolve("iris.ser")))))
                .isFalse();
        assertThat(loader.accepts(resource(Files.copy(IRIS_LOGISTIC, dir.resolve("iris.pb")))))
                .isFalse();

        assertThat(ModelLoaders.all()).anyMatch(TribuoModelLoader.class::isInstance);
        try (Model model = ModelLoaders.load(resource(IRIS_LOGISTIC))) {
            assertThat(model.describe()).startsWith("Tribuo iris-logistic.tribuo");
        }
    }

    @Test
    void refusesAFileThatNamesAClassOutsideTribuo() throws IOException {
        Path model = proto("date.tribuo", "java.util.Date");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' names the class java.util.Date, which is not a Tribuo model, so"
                        + " modeltest does not let Tribuo build it");
    }

    @Test
    void refusesAFileThatNamesATribuoClassThatIsNotAModel() throws IOException {
        Path model = proto("label.tribuo", "org.tribuo.classification.Label");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' names the class org.tribuo.classification.Label, which is not a"
                        + " Tribuo model, so modeltest does not let Tribuo build it");
    }

    @Test
    void namesTheTribuoModuleToAddForAModelClassNotOnTheClassPath() throws IOException {
        Path model = proto("xgb.tribuo", "org.tribuo.classification.xgboost.XGBoostClassificationModel");

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' holds a"
                        + " org.tribuo.classification.xgboost.XGBoostClassificationModel, which is not on the class"
                        + " path: add the Tribuo module that has it (for example"
                        + " org.tribuo:tribuo-classification-xgboost:${tribuo.version}) to the test dependencies");
    }

    @Test
    void refusesAClusteringModel() throws IOException {
        List<Example<ClusterID>> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(new ArrayExample<>(
                    ClusteringFactory.UNASSIGNED_CLUSTER_ID, new String[] {"x", "y"}, new double[] {i % 2, i}));
        }
        ClusteringFactory factory = new ClusteringFactory();
        var kmeans = new KMeansTrainer(2, 5, KMeansTrainer.Distance.EUCLIDEAN, 1, 1L)
                .train(new MutableDataset<>(
                        new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("points", factory))));
        Path model = dir.resolve("kmeans.tribuo");
        kmeans.serializeToFile(model);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("model file '" + model + "' holds a Tribuo KMeansModel with outputs of type ClusterID;"
                        + " modeltest gates classification (Label) and regression (Regressor) models");
    }

    @Test
    void refusesARegressorWithSeveralOutputs() throws IOException {
        List<Example<Regressor>> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(new ArrayExample<>(
                    new Regressor(new String[] {"a", "b"}, new double[] {i, -i}), new String[] {"x"}, new double[] {i
                    }));
        }
        RegressionFactory factory = new RegressionFactory();
        var tree = new CARTRegressionTrainer(2)
                .train(new MutableDataset<>(new ListDataSource<>(
                        examples, factory, new SimpleDataSourceProvenance("two targets", factory))));
        Path model = dir.resolve("two-targets.tribuo");
        tree.serializeToFile(model);

        assertThatThrownBy(() -> load(model))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model file '" + model + "' holds a Tribuo regressor with 2 outputs ")
                .hasMessageEndingWith("; modeltest gates models with one output");
    }

    private Path proto(String name, String className) throws IOException {
        Path model = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(model)) {
            ModelProto.newBuilder()
                    .setVersion(0)
                    .setClassName(className)
                    .build()
                    .writeTo(out);
        }
        return model;
    }
}
