package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link RowKeys} and {@link RowIndex}: equal rows are found, and a hash collision never makes unequal rows equal. */
class RowIndexTest {

    static {
        // Tablesaw 0.44 makes a second DoubleColumnType (IntColumnType...) when DoubleColumn is initialised before
        // ColumnType, and TestData.kind compares types with ==; touching ColumnType first keeps the instances one.
        ColumnType.values();
    }

    private static TestData data() {
        return TestData.of(
                "t",
                Table.create(
                        "t",
                        DoubleColumn.create("x", 1.0, 2.0, 1.0, Double.NaN, Double.NaN, -0.0, 0.0, 1.0),
                        StringColumn.create("s", "a", "a", "a", null, null, "z", "z", "b")));
    }

    @Test
    void findsTheFirstEqualRowComparingNumbersAsValuesAndMissingAsEqual() {
        RowKeys keys = RowKeys.of(data(), List.of("x", "s"));

        assertThat(DataQuality.firstEqualRows(keys)).containsExactly(0, 1, 0, 3, 3, 5, 5, 7);
    }

    @Test
    void collidingHashesNeverMakeUnequalRowsEqual() {
        RowKeys keys = RowKeys.of(data(), List.of("x", "s"));
        RowKeys colliding = keys.withHashes(new long[keys.rows()]);

        assertThat(DataQuality.firstEqualRows(colliding)).containsExactly(0, 1, 0, 3, 3, 5, 5, 7);
    }

    @Test
    void rowsWhoseHashesAllDifferAreEachTheirOwnFirstRow() {
        RowKeys keys = RowKeys.of(data(), List.of("x", "s"));
        long[] distinct = {1, 2, 3, 4, 5, 6, 7, 8};

        assertThat(DataQuality.mayHaveEqualRows(keys)).isTrue();
        assertThat(DataQuality.mayHaveEqualRows(keys.withHashes(distinct))).isFalse();
        assertThat(DataQuality.firstEqualRows(keys.withHashes(distinct))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void findsRowsOfAnotherDataSet() {
        TestData probe = TestData.of(
                "p",
                Table.create(
                        "p",
                        DoubleColumn.create("x", 2.0, 1.0, Double.NaN, 3.0),
                        StringColumn.create("s", "a", "b", null, "a")));
        List<RowKeys> keys = RowKeys.comparable(data(), probe, List.of("x", "s"));
        RowIndex index = new RowIndex(keys.get(0));
        for (int i = 0; i < keys.get(0).rows(); i++) {
            index.findOrAdd(i);
        }

        assertThat(index.find(keys.get(1), 0)).isEqualTo(1);
        assertThat(index.find(keys.get(1), 1)).isEqualTo(7);
        assertThat(index.find(keys.get(1), 2)).isEqualTo(3);
        assertThat(index.find(keys.get(1), 3)).isEqualTo(-1);
    }

    @Test
    void describesARowWithTextQuotedAndMissingCellsNamed() {
        RowKeys keys = RowKeys.of(data(), List.of("x", "s"));

        assertThat(keys.describe(0)).isEqualTo("x=1, s='a'");
        assertThat(keys.describe(3)).isEqualTo("x=missing, s=missing");
        assertThat(keys.describe(5)).isEqualTo("x=0, s='z'");
    }
}
