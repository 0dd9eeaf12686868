package dev.modeltest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Rows cut from the feature columns give numbers and text, whatever the column's type. */
class FeaturesTest {

    private static final TestData DATA = TestData.of(
            "rows.csv",
            Table.create(
                    DoubleColumn.create("x", 1.0, 2.5, Double.NaN), StringColumn.create("colour", "red", "", "blue")));

    @Test
    void givesTheTextOfNumberColumnsAsTheDataPrintsThem() {
        Features features = Features.of(DATA, List.of("x", "colour"));
        Batch batch = features.batch(0, 3);

        assertThat(batch.row(0).getString(0)).isEqualTo("1");
        assertThat(batch.row(1).getString(0)).isEqualTo("2.5");
        assertThat(batch.row(2).getString(0)).isNull();
        assertThat(batch.row(0).getDouble(0)).isEqualTo(1.0);
        assertThat(batch.row(2).getDouble(0)).isNaN();
        assertThat(batch.row(0).getString(1)).isEqualTo("red");
        assertThat(batch.row(1).getString(1)).isNull();
        assertThat(features.batch(new int[] {2, 0}).row(1).getString("x")).isEqualTo("1");
    }

    @Test
    void refusesToReadATextColumnAsNumbersNamingTheFirstCellThatIsNotOne() {
        Batch batch = Features.of(DATA, List.of("x", "colour")).batch(0, 3);

        assertThatThrownBy(() -> batch.row(0).getDouble(1))
                .isInstanceOf(DataException.class)
                .hasMessage("data set rows.csv, feature column 'colour' is not numeric (row 1 is 'red'), but the model"
                        + " reads it as a number");
    }

    @Test
    void columnsGivenAsArraysAreReadAsTheyAreWhenABatchIsRead() {
        double[] x = {1.0, 2.5, Double.NaN};
        String[] colour = {"red", null, "blue"};
        Features features = Features.ofColumns(
                "copies of rows.csv",
                List.of("x", "colour"),
                new double[][] {x, null},
                new String[][] {null, colour},
                3);
        Batch batch = features.batch(0, 3);
        x[0] = 3;
        colour[0] = "green";

        assertThat(batch.row(0).getDouble("x")).isEqualTo(3.0);
        assertThat(batch.row(0).getString("x")).isEqualTo("3");
        assertThat(batch.row(1).getString("x")).isEqualTo("2.5");
        assertThat(batch.row(2).getString("x")).isNull();
        assertThat(batch.row(0).getString("colour")).isEqualTo("green");
        assertThatThrownBy(() -> batch.row(0).getDouble(1))
                .isInstanceOf(DataException.class)
                .hasMessage("copies of rows.csv, feature column 'colour' is not numeric (row 1 is 'green'), but the"
                        + " model reads it as a number");
    }

    @Test
    void columnsGivenAsArraysMustBeOneKindEachAndLongEnough() {
        assertThatThrownBy(() ->
                        Features.ofColumns("rows", List.of("x"), new double[][] {{1.0}}, new String[][] {{"1"}}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 0 ('x') of rows must be either numbers or text, of at least 1 rows");
        assertThatThrownBy(() ->
                        Features.ofColumns("rows", List.of("x"), new double[][] {{1.0}}, new String[][] {null}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 0 ('x') of rows must be either numbers or text, of at least 2 rows");
    }
}
