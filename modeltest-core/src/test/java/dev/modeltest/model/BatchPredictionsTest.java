package dev.modeltest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.TestData;
import dev.modeltest.error.ModelException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * {@link BatchPredictions} predicts rows that are not the test data in batches, finds the rows a model fails on by
 * predicting a failed batch row by row, and keeps invalid outputs by row instead of stopping.
 */
class BatchPredictionsTest {

    private static final int ROWS = 10_000;
    private static final Features INPUTS = inputs();

    private static Features inputs() {
        double[] x = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            x[r] = r;
        }
        return Features.of(TestData.of("rows", Table.create(DoubleColumn.create("x", x))), List.of("x"));
    }

    @Test
    void predictsEveryRowInBatches() {
        BatchPredictions p = BatchPredictions.predict(
                Model.regressor(row -> 2 * row.getDouble("x")), ROWS, INPUTS::batch, "10000 rows");

        assertThat(p.size()).isEqualTo(ROWS);
        assertThat(p.value(0)).isZero();
        assertThat(p.value(9_999)).isEqualTo(19_998);
        assertThat(p.failures()).isEmpty();
        p.requireValid("@M on T.m()");
    }

    @Test
    void findsEachRowTheModelFailsOnAlone() {
        Model failsOnTwoRows = Model.regressor(row -> {
            double x = row.getDouble("x");
            if (x == 5000 || x == 5002) {
                throw new IllegalArgumentException("bad x " + x);
            }
            return x;
        });

        BatchPredictions p = BatchPredictions.predict(failsOnTwoRows, ROWS, INPUTS::batch, "10000 rows");

        assertThat(p.failedRows()).containsExactly(5000, 5002);
        assertThat(p.predicted(5001)).isTrue();
        assertThat(p.value(5001)).isEqualTo(5001);
        assertThat(p.predicted(5000)).isFalse();
        assertThatThrownBy(() -> p.requireValid("@M on T.m()"))
                .isInstanceOf(ModelException.class)
                .hasMessage("@M on T.m(): regressor failed on row 5001 of 10000 rows:"
                        + " java.lang.IllegalArgumentException: bad x 5000.0");
    }

    @Test
    void reportsABatchThatFailsOnlyAsAWhole() {
        Model failsOnBigBatches = new FunctionModel(Task.REGRESSION, List.of(), false, "batch-shy") {
            @Override
            public void predict(Batch batch, Output out) {
                if (batch.size() > 1000) {
                    throw new IllegalStateException("batch too big");
                }
                for (int i = 0; i < batch.size(); i++) {
                    out.setValue(i, 1);
                }
            }
        };

        BatchPredictions p = BatchPredictions.predict(failsOnBigBatches, ROWS, INPUTS::batch, "10000 rows");

        assertThat(p.failedRows()).isEmpty();
        assertThat(p.failures()).hasSize(3);
        assertThat(p.describe(p.failures().firstEntry().getValue()))
                .isEqualTo("batch-shy failed on rows 1–4096 of 10000 rows as one batch, though each row alone"
                        + " predicted: java.lang.IllegalStateException: batch too big");
    }

    @Test
    void keepsInvalidOutputsByRow() {
        BatchPredictions p = BatchPredictions.predict(
                Model.regressor(row -> row.getDouble("x") == 7 ? Double.NaN : 1), ROWS, INPUTS::batch, "10000 rows");

        assertThat(p.invalid()).containsExactly(java.util.Map.entry(7, "the value NaN"));
        assertThatThrownBy(() -> p.requireValid("@M on T.m()"))
                .hasMessage("@M on T.m(): regressor returned the value NaN at row 8 of 10000 rows");
    }
}
