package dev.modeltest.gate;

import dev.modeltest.model.Predictions;
import java.util.List;

/** Small constructed predictions with known metric values. */
final class MetricFixtures {

    private MetricFixtures() {}

    /**
     * Binary predictions on {@code n} rows, half of class a and half of class b, with the first {@code wrong} rows
     * of each class predicted as the other class; the probability of b is 0.9 for predicted b and 0.1 for predicted
     * a, except that row i also carries a small rank so that scores are not all tied.
     */
    static Predictions binary(String data, int n, int wrongPerClass) {
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[] pb = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = i < n / 2 ? 0 : 1;
            int within = i < n / 2 ? i : i - n / 2;
            predicted[i] = within < wrongPerClass ? 1 - actual[i] : actual[i];
            pb[i] = (predicted[i] == 1 ? 0.6 : 0.1) + 0.3 * within / n;
        }
        double[] pa = new double[n];
        for (int i = 0; i < n; i++) {
            pa[i] = 1 - pb[i];
        }
        return Predictions.classification(
                data, "test model", List.of("a", "b"), actual, predicted, new double[][] {pa, pb});
    }

    /** Binary predictions without probabilities. */
    static Predictions labelsOnly(String data, int n, int wrongPerClass) {
        Predictions p = binary(data, n, wrongPerClass);
        return Predictions.classification(
                data, "labels model", p.classes(), p.actualClasses(), p.predictedClasses(), null);
    }

    /** Regression predictions {@code y = i}, {@code ŷ = i + error} with the error alternating in sign. */
    static Predictions regression(String data, int n, double error) {
        double[] actual = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = i;
            predicted[i] = i + (i % 2 == 0 ? error : -error) * (1 + (i % 3) / 2.0);
        }
        return Predictions.regression(data, "regressor", actual, predicted);
    }
}
