package dev.modeltest.examples;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.OutputRange;

/** A model built in code by a {@link dev.modeltest.model.ModelProvider}: any library's model can be gated. */
@ModelTest(
        provider = IrisLogisticRegressionProvider.class,
        data = "src/test/resources/iris-test.csv",
        label = "species")
class IrisProviderModelTest {

    @AccuracyAtLeast(0.90)
    void accurateEnough() {}

    @OutputRange
    void probabilitiesAreProbabilities() {}

    @LatencyUnder(millis = 2, percentile = 99, batchSize = 1)
    void fastEnough() {}
}
