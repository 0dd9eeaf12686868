package dev.modeltest.metrics;

import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random predictions with ties, for properties that do not need golden values. */
final class RandomPredictions {

    private RandomPredictions() {}

    /** A classifier over {@code k} classes; probabilities rounded to 1/64 so that scores tie often. */
    static Predictions classification(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add("c" + c);
        }
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[k][n];
        for (int i = 0; i < n; i++) {
            actual[i] = random.nextInt(k);
            double[] raw = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                raw[c] = random.nextDouble() + (c == actual[i] ? 0.8 : 0);
                sum += raw[c];
            }
            double rest = 1;
            int best = 0;
            for (int c = 0; c < k; c++) {
                double v = c == k - 1 ? rest : Math.min(rest, Math.floor(raw[c] / sum * 64) / 64);
                p[c][i] = v;
                rest -= v;
                if (v > p[best][i]) {
                    best = c;
                }
            }
            predicted[i] = random.nextInt(10) == 0 ? random.nextInt(k) : best;
        }
        return Predictions.classification("random.csv", "random model", classes, actual, predicted, p);
    }

    /** A regressor with tied true values, a zero target and a few outliers. */
    static Predictions regression(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] actual = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = Math.rint(random.nextGaussian() * 100) / 10 + 50;
            predicted[i] = actual[i] + Math.rint(random.nextGaussian() * 30) / 10;
            if (random.nextInt(50) == 0) {
                predicted[i] += 400;
            }
        }
        actual[0] = 0;
        return Predictions.regression("random.csv", "random model", actual, predicted);
    }
}
