package dev.modeltest.examples;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.OutputRange;

/**
 * A slow model: predicting the {@value SlowScorerData#TEST_ROWS} rows takes some 4–6 seconds on one thread, so
 * modeltest prints its progress line on {@code System.err} while it predicts, e.g. {@code modeltest: predicting
 * slow-scorer-test.csv: 8 192 / 16 384 rows (50 %), 2 730 rows/s, about 4 s left}, and a last one when it is done.
 * The checks are ordinary ones; the model is built by {@link SlowScorerProvider}.
 */
@ModelTest(provider = SlowScorerProvider.class, data = "src/test/resources/slow-scorer-test.csv", label = "colour")
class SlowScorerTest {

    @AccuracyAtLeast(0.80)
    void accurateEnough() {}

    @OutputRange
    void probabilitiesAreProbabilities() {}
}
