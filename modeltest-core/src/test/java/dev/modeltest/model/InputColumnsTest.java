package dev.modeltest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class InputColumnsTest {

    private static final String MODEL = "Lib model.bin (3 classes)";

    /** Column {@code width} is numeric; {@code size} and {@code colour} are text. */
    private static final TestData DATA = TestData.of(
            "in-memory",
            Table.create(
                    "t",
                    DoubleColumn.create("width", 1.0, 2.0, 3.0),
                    StringColumn.create("size", "1", "wide", "narrow"),
                    StringColumn.create("colour", "red", "green", "blue")));

    @Test
    void mapsTheModelsInputsByNameInAnyOrderIgnoringExtraColumns() {
        assertThat(InputColumns.byName(MODEL, List.of("c", "a"), List.of("a", "b", "c")))
                .containsExactly(2, 0);
    }

    @Test
    void failsNamingTheInputsTheTestDoesNotGive() {
        assertThatThrownBy(() -> InputColumns.byName(MODEL, List.of("a", "z", "y"), List.of("a", "b")))
                .isInstanceOf(DataException.class)
                .hasMessage("Lib model.bin (3 classes) expects input column(s) [z, y] that the test does not give it;"
                        + " the model expects [a, z, y], the test gives [a, b]");
    }

    @Test
    void keepsTheLastMatchAndFollowsTheColumnsWhenTheyChange() {
        InputColumns.ByName inputs = new InputColumns.ByName(List.of("c", "a"));
        AtomicInteger described = new AtomicInteger();
        Supplier<String> model = () -> {
            described.incrementAndGet();
            return MODEL;
        };

        int[] first = inputs.map(model, List.of("a", "b", "c"));
        int[] again = inputs.map(model, List.of("a", "b", "c"));

        assertThat(first).containsExactly(2, 0);
        assertThat(again).isSameAs(first);
        assertThat(described).hasValue(1);
        assertThat(inputs.map(model, List.of("c", "a"))).containsExactly(0, 1);
        assertThatThrownBy(() -> inputs.map(model, List.of("a", "b")))
                .isInstanceOf(DataException.class)
                .hasMessage("Lib model.bin (3 classes) expects input column(s) [c] that the test does not give it;"
                        + " the model expects [c, a], the test gives [a, b]");
        assertThat(inputs.map(model, List.of("a", "b", "c"))).containsExactly(2, 0);
        assertThat(described).hasValue(4);
    }

    @Test
    void acceptsNumericInputsAndIgnoresTextColumnsTheModelDoesNotRead() {
        Batch batch = Features.of(DATA, List.of("colour", "width")).batch(0, 3);

        assertThatCode(() -> InputColumns.requireNumeric(MODEL, batch, new int[] {1}, "numbers for [width]"))
                .doesNotThrowAnyException();
    }

    @Test
    void failsNamingEachTextInputWithItsFirstCellThatIsNotANumber() {
        Batch batch = Features.of(DATA, List.of("width", "size", "colour")).batch(0, 3);
        int[] inputs = InputColumns.byName(MODEL, List.of("colour", "width", "size"), batch.featureNames());

        assertThatThrownBy(() -> InputColumns.requireNumeric(MODEL, batch, inputs, "3 numeric features"))
                .isInstanceOf(DataException.class)
                .hasMessage("Lib model.bin (3 classes) reads every input as a number, but the test gives it"
                        + " non-numeric column(s) 'colour' (row 1 is 'red'), 'size' (row 2 is 'wide'); the model"
                        + " expects 3 numeric features, the test gives [colour, width, size]");
    }

    @Test
    void numbersTheRowsOfABatchAsTheDataSetDoes() {
        Batch batch = Features.of(DATA, List.of("size")).batch(1, 3);

        assertThatThrownBy(() -> InputColumns.requireNumeric(MODEL, batch, new int[] {0}, "numbers for [size]"))
                .isInstanceOf(DataException.class)
                .hasMessage("Lib model.bin (3 classes) reads every input as a number, but the test gives it"
                        + " non-numeric column(s) 'size' (row 2 is 'wide'); the model expects numbers for [size], the"
                        + " test gives [size]");
    }
}
