package dev.modeltest.benchmarks;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.util.List;

/**
 * A logistic model over {@code f1..f50} in plain Java: the model {@link WideEndToEndData} draws its labels from, so
 * predicting costs little and the end-to-end time is modeltest's own.
 */
public final class WideModelProvider implements ModelProvider {

    static final List<String> CLASSES = List.of("negative", "positive");

    @Override
    public Model load() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            p[1] = WideEndToEndData.probability(row::getDouble);
            p[0] = 1 - p[1];
        });
    }
}
