package dev.modeltest.onnx;

import dev.modeltest.data.DataLoader;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelLoaders;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The committed test models and data of {@code scripts/models/make_onnx_models.py}, and helpers to run them. */
final class OnnxFixtures {

    static final List<String> IRIS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    static final List<String> DIABETES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    private OnnxFixtures() {}

    static Model load(String location) {
        return ModelLoaders.load(Resource.resolve(location, why -> new ModelException("model " + why)));
    }

    static TestData data(String location) {
        return DataLoader.load(location);
    }

    static List<String> breastCancerFeatures(TestData data) {
        List<String> names = new ArrayList<>(data.columnNames());
        names.removeAll(List.of("diagnosis", "target"));
        return names;
    }

    static Predictions predict(Model model, TestData data, String label, List<String> features) {
        return Predictor.predict(data, label, Features.of(data, features), model);
    }

    /** Reads a numeric CSV written by the script (header, then numbers), as rows of doubles. */
    static double[][] expected(String resource) {
        try (InputStream in = OnnxFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines)
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> Arrays.stream(l.split(","))
                            .mapToDouble(Double::parseDouble)
                            .toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
