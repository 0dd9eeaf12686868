package dev.modeltest.examples;

import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Output;
import dev.modeltest.model.Row;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a model that is slow on purpose, the way a naive model is slow: a brute-force k-nearest-neighbour classifier
 * over the {@value SlowScorerData#TRAIN_ROWS} rows of {@code slow-scorer-train.csv}. For each row it computes the
 * distance to every training row and sorts them all to find the {@value #K} nearest, some 0.3 ms of CPU a
 * row; nothing waits or sleeps.
 */
public class SlowScorerProvider implements ModelProvider {

    /** The number of neighbours that vote. */
    static final int K = 15;

    @Override
    public Model load() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources", SlowScorerData.TRAIN));
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] colour = new int[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            x[i] = Double.parseDouble(cells[0]);
            y[i] = Double.parseDouble(cells[1]);
            colour[i] = SlowScorerData.COLOURS.indexOf(cells[2]);
        }
        return new NearestNeighbours(x, y, colour);
    }

    /**
     * The classifier. It keeps one pair of scratch arrays (the distances of a row, and a sorted copy) for all rows
     * instead of allocating two arrays of {@value SlowScorerData#TRAIN_ROWS} doubles a row, so two threads must not
     * predict at once: {@link #isThreadSafe()} is false and modeltest predicts on the test's thread only. That also
     * makes the example as slow on a machine of many cores as on one of two.
     */
    private static final class NearestNeighbours implements Model {

        private final double[] x;
        private final double[] y;
        private final int[] colour;
        private final double[] distances;
        private final double[] sorted;

        NearestNeighbours(double[] x, double[] y, int[] colour) {
            this.x = x;
            this.y = y;
            this.colour = colour;
            this.distances = new double[x.length];
            this.sorted = new double[x.length];
        }

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public List<String> classes() {
            return SlowScorerData.COLOURS;
        }

        @Override
        public boolean hasProbabilities() {
            return true;
        }

        @Override
        public boolean isThreadSafe() {
            return false;
        }

        /** Writes the share of the votes of each colour; training rows tied at the k-th distance all vote. */
        @Override
        public void predict(Batch batch, Output out) {
            double[] votes = new double[SlowScorerData.COLOURS.size()];
            for (int r = 0; r < batch.size(); r++) {
                Row row = batch.row(r);
                double px = row.getDouble("x");
                double py = row.getDouble("y");
                for (int i = 0; i < x.length; i++) {
                    double dx = px - x[i];
                    double dy = py - y[i];
                    distances[i] = dx * dx + dy * dy;
                }
                System.arraycopy(distances, 0, sorted, 0, distances.length);
                Arrays.sort(sorted);
                double radius = sorted[K - 1];
                Arrays.fill(votes, 0);
                int voters = 0;
                for (int i = 0; i < x.length; i++) {
                    if (distances[i] <= radius) {
                        votes[colour[i]]++;
                        voters++;
                    }
                }
                for (int c = 0; c < votes.length; c++) {
                    votes[c] /= voters;
                }
                out.setProbabilities(r, votes);
            }
        }

        @Override
        public String describe() {
            return "brute-force " + K + "-nearest-neighbour classifier (" + x.length + " training rows)";
        }
    }
}
