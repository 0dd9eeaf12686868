package dev.modeltest.benchmarks;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.util.List;

/**
 * A logistic churn model over {@code x1..x10} in plain Java: the model {@link EndToEndData} draws its labels from, so
 * predicting costs a few nanoseconds a row and the end-to-end time is modeltest's own.
 */
public final class ChurnModelProvider implements ModelProvider {

    static final List<String> CLASSES = List.of("stay", "churn");

    @Override
    public Model load() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            p[1] = EndToEndData.churnProbability(row::getDouble);
            p[0] = 1 - p[1];
        });
    }
}
