package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks that moved out of {@code dev.modeltest.check} keep working under their first, deprecated names until
 * 0.2.0: same constants, same validation, same results.
 */
@SuppressWarnings("removal")
class DeprecatedNamesTest {

    @TempDir
    Path dir;

    private Subject regression(String predictions) throws IOException {
        Path data = Files.createTempFile(dir, "house-prices", ".csv");
        StringBuilder csv = new StringBuilder("rooms,price,pred\n");
        String[] values = predictions.split(",");
        for (int row = 0; row < values.length; row++) {
            csv.append(row + 1)
                    .append(',')
                    .append(100 + row)
                    .append(',')
                    .append(values[row])
                    .append('\n');
        }
        Files.writeString(data, csv);
        return Subject.of(new SubjectSpec(
                "@ModelTest on HouseTest",
                data.toString(),
                "price",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                TaskHint.REGRESSION));
    }

    @Test
    void outputRangeCheckUnderItsFirstNameGivesTheMovedChecksResults() throws IOException {
        String where = "@OutputRange on HouseTest.range()";
        try (Subject inside = regression("101,102,103");
                Subject outside = regression("101,5000,103")) {
            CheckResult pass = new OutputRangeCheck(where, 0, 1000).run(inside);
            CheckResult fail = new OutputRangeCheck(where, 0, 1000).run(outside);
            CheckResult moved = new dev.modeltest.gate.OutputRangeCheck(where, 0, 1000).run(outside);

            assertThat(pass.passed()).isTrue();
            assertThat(fail.passed()).isFalse();
            assertThat(fail.message()).isEqualTo(moved.message()).contains("5000");
            assertThat(OutputRangeCheck.ID).isEqualTo(dev.modeltest.gate.OutputRangeCheck.ID);
        }
    }

    @Test
    void outputRangeCheckUnderItsFirstNameValidatesItsBounds() {
        assertThatThrownBy(() -> new OutputRangeCheck("@OutputRange on HouseTest.range()", 2, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'max'");
    }

    @Test
    void latencyCheckUnderItsFirstNameKeepsItsConstantsAndValidation() {
        assertThat(LatencyCheck.ID).isEqualTo("latency-under");
        assertThat(LatencyCheck.DEFAULT_PERCENTILE).isEqualTo(dev.modeltest.latency.LatencyCheck.DEFAULT_PERCENTILE);
        assertThat(LatencyCheck.builder("@LatencyUnder on T.fast()", 5).build())
                .isInstanceOf(dev.modeltest.latency.LatencyCheck.class);
        assertThatThrownBy(() -> new LatencyCheck("@LatencyUnder on T.fast()", -1, 99, 0, 10, 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'millis'");
    }
}
