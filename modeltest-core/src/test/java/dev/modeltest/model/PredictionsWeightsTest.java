package dev.modeltest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sample weights on predictions: kept beside the queries, and refused when a metric could not count them. */
class PredictionsWeightsTest {

    private static Predictions threeRows() {
        return Predictions.classification(
                "d.csv", "m", List.of("a", "b"), new int[] {0, 1, 1}, new int[] {0, 1, 0}, null);
    }

    @Test
    void keepsACopyOfTheWeightsAndTheColumn() {
        double[] w = {0.5, 2, 0};
        Predictions weighted = threeRows().withWeights("w", w);
        w[0] = 9;

        assertThat(weighted.weightColumn()).contains("w");
        assertThat(weighted.internalWeights()).containsExactly(0.5, 2, 0);
        assertThat(threeRows().weightColumn()).isEmpty();
        assertThat(threeRows().internalWeights()).isNull();
    }

    @Test
    void queriesAndWeightsSurviveEachOther() {
        Predictions both =
                threeRows().withWeights("w", new double[] {1, 2, 3}).withQueries("q", new String[] {"x", "x", "y"});
        Predictions other =
                threeRows().withQueries("q", new String[] {"x", "x", "y"}).withWeights("w", new double[] {1, 2, 3});

        for (Predictions p : List.of(both, other)) {
            assertThat(p.weightColumn()).contains("w");
            assertThat(p.internalWeights()).containsExactly(1, 2, 3);
            assertThat(p.queryColumn()).contains("q");
            assertThat(p.queryNames()).containsExactly("x", "y");
        }
    }

    @Test
    void refusesAMissingWeightNamingTheColumnAndRow() {
        assertThatThrownBy(() -> threeRows().withWeights("w", new double[] {1, Double.NaN, 1}))
                .isInstanceOf(DataException.class)
                .hasMessage("the weight column 'w' has no value at row 2 of d.csv; every row needs a weight");
    }

    @Test
    void refusesANegativeWeight() {
        assertThatThrownBy(() -> threeRows().withWeights("w", new double[] {1, 1, -0.5}))
                .isInstanceOf(DataException.class)
                .hasMessage("the weight column 'w' is -0.5 at row 3 of d.csv; weights must be finite numbers ≥ 0");
    }

    @Test
    void refusesAnInfiniteWeight() {
        assertThatThrownBy(() -> threeRows().withWeights("w", new double[] {Double.POSITIVE_INFINITY, 1, 1}))
                .isInstanceOf(DataException.class)
                .hasMessage("the weight column 'w' is Infinity at row 1 of d.csv; weights must be finite numbers ≥ 0");
    }

    @Test
    void refusesWeightsThatAreAllZero() {
        assertThatThrownBy(() -> threeRows().withWeights("w", new double[] {0, 0, 0}))
                .isInstanceOf(DataException.class)
                .hasMessage(
                        "the weight column 'w' is 0 on all 3 rows of d.csv; at least one row must weigh more than 0");
    }

    @Test
    void refusesAWrongCount() {
        assertThatThrownBy(() -> threeRows().withWeights("w", new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 weights for the 3 rows of d.csv");
    }
}
