package dev.modeltest.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Drift decided from counted values is the drift of the rows they were counted from. */
class ValueCountsTest {

    private static final String WHERE = "@NoDrift on IrisTest.stable()";
    private static final String GOLDEN = "src/test/resources/golden/drift/";
    private static final List<String> VALUE = List.of("value");

    /** Counts a file's one column as a Spark job would: per distinct value, missing cells left out. */
    private static ValueCounts count(String file) {
        TestData data = DataLoader.load(GOLDEN + file);
        ValueCounts.Builder counts = ValueCounts.builder(data.name(), data.rowCount());
        if (data.kind("value").isNumeric()) {
            Map<Double, Long> values = new HashMap<>();
            for (double v : data.doubles("value")) {
                if (Double.isFinite(v)) {
                    values.merge(v, 1L, Long::sum);
                }
            }
            counts.numbers("value", values);
        } else {
            Map<String, Long> values = new HashMap<>();
            for (String v : data.strings("value")) {
                if (v != null) {
                    values.merge(v, 1L, Long::sum);
                }
            }
            counts.text("value", values);
        }
        return counts.build();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "shift, AUTO",
        "shift, PSI",
        "ties, KOLMOGOROV_SMIRNOV",
        "gaps, WASSERSTEIN",
        "gaps, AUTO",
        "categories, AUTO",
        "categories, JENSEN_SHANNON",
        "integers, CHI_SQUARE",
        "asymptotic, AUTO"
    })
    void countsGiveTheResultOfTheRows(String name, DriftMethod method) {
        DriftOptions options = DriftOptions.defaults().withMethod(method);
        CheckResult rows = new DriftCheck(WHERE, GOLDEN + name + "-reference.csv", VALUE, options)
                .run(Subject.of(new SubjectSpec(
                        "ValueCountsTest",
                        GOLDEN + name + "-current.csv",
                        "label",
                        new ModelSource.Columns("pred", List.of()),
                        List.of(),
                        null)));

        CheckResult counts = DriftCheck.evaluate(
                WHERE, count(name + "-reference.csv"), count(name + "-current.csv"), VALUE, options);

        assertThat(counts)
                .usingRecursiveComparison()
                .ignoringFields("attachments", "details")
                .isEqualTo(rows);
        Map<String, Object> details = new LinkedHashMap<>(rows.details());
        details.put("reference", name + "-reference.csv");
        details.put("referenceSha256", "");
        assertThat(counts.details()).isEqualTo(details);
        assertThat(counts.attachments().get(0).content().get())
                .isEqualTo(rows.attachments().get(0).content().get());
    }

    @Test
    void spreadsOutSortedValuesThenMissingCells() {
        TestData data = ValueCounts.builder("d", 6)
                .numbers("x", Map.of(2.0, 2L, -0.0, 1L, 1.5, 1L))
                .text("t", Map.of("b", 1L, "a", 2L))
                .build()
                .spreadOut();

        assertThat(data.rowCount()).isEqualTo(6);
        assertThat(data.doubles("x")).containsExactly(0.0, 1.5, 2.0, 2.0, Double.NaN, Double.NaN);
        assertThat(data.strings("t")).containsExactly("a", "a", "b", null, null, null);
    }

    @Test
    void refusesCountsThatCannotBeTheData() {
        ValueCounts.Builder counts = ValueCounts.builder("d", 3);

        assertThatThrownBy(() -> counts.numbers("x", Map.of(1.0, 4L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x': the counts add up to 4 rows, more than the 3 rows of d");
        assertThatThrownBy(() -> counts.numbers("x", Map.of(Double.NaN, 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x': NaN is not a finite value");
        assertThatThrownBy(() -> counts.text("t", Map.of("a", 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 't': a count must be at least 1, was 0");
        counts.text("t", Map.of("a", 1L));
        assertThatThrownBy(() -> counts.text("t", Map.of("a", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 't' is counted twice");
        assertThatThrownBy(() -> ValueCounts.builder("d", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set d: rowCount must be in [1, 2147483647], was 0");
    }

    @Test
    void refusesAColumnThatIsNotCounted() {
        ValueCounts counts = count("shift-reference.csv");

        assertThatThrownBy(() -> DriftCheck.evaluate(WHERE, counts, counts, List.of("valeu"), DriftOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": 'columns' names 'valeu', which the counts of shift-reference.csv do not hold"
                        + " (did you mean 'value'?)");
    }
}
