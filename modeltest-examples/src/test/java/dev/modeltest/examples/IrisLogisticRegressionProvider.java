package dev.modeltest.examples;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import smile.classification.LogisticRegression;

/**
 * Builds a model in code, the way a team wraps a model of any library for modeltest: here a Smile logistic regression
 * trained on the iris training set, adapted with {@link Model#probabilisticClassifier}.
 */
public class IrisLogisticRegressionProvider implements ModelProvider {

    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    @Override
    public Model load() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/iris-train.csv"));
        double[][] x = new double[lines.size() - 1][];
        int[] y = new int[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            x[i - 1] = new double[] {
                Double.parseDouble(cells[0]),
                Double.parseDouble(cells[1]),
                Double.parseDouble(cells[2]),
                Double.parseDouble(cells[3])
            };
            y[i - 1] = SPECIES.indexOf(cells[4]);
        }
        LogisticRegression model = LogisticRegression.fit(x, y);
        return Model.probabilisticClassifier(
                SPECIES,
                (row, probabilities) -> model.predict(
                        new double[] {
                            row.getDouble("sepal_length"),
                            row.getDouble("sepal_width"),
                            row.getDouble("petal_length"),
                            row.getDouble("petal_width")
                        },
                        probabilities));
    }
}
