package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.drift.DriftCheck;
import dev.modeltest.drift.DriftMethod;
import dev.modeltest.drift.DriftOptions;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift on Spark gives the in-memory result on core's drift golden sets (continuous, tied, categorical, text, binary
 * and integer columns; 37 to 12,000 values, KS exact and asymptotic): the same per-column table, statistics, p-values,
 * verdict, message and CSV, with every method, the rows as read and shuffled into several partitions.
 */
class SparkDriftEqualityTest {

    private static final String WHERE = "nightly drift";
    private static final String GOLDEN = "../modeltest-core/src/test/resources/golden/drift/";
    private static final List<String> VALUE = List.of("value");

    /**
     * The golden cases but {@code gaps}, whose missing values are blank lines of a one-column CSV: a missing value to
     * modeltest's reader, no row at all to Spark's (missing values are tested on a Dataset with nulls instead).
     */
    private static final List<String> CASES = List.of(
            "shift",
            "identical",
            "sizes",
            "equal-sizes",
            "ties",
            "ties-continuous",
            "exact-boundary",
            "asymptotic",
            "wider",
            "categories",
            "binary",
            "integers");

    /** Every method on these, shuffled: continuous, tied, KS asymptotic, text. */
    private static final List<String> EVERY_METHOD = List.of("shift", "ties", "asymptotic", "categories");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : CASES) {
            out.add(Arguments.of(name, DriftMethod.AUTO, "as read"));
        }
        for (String name : EVERY_METHOD) {
            boolean text = name.equals("categories") || name.equals("binary");
            for (DriftMethod method : DriftMethod.values()) {
                if (method != DriftMethod.AUTO && !(text && method.needsNumbers())) {
                    out.add(Arguments.of(name, method, "shuffled into 3 and 5 partitions"));
                }
            }
        }
        return out.stream();
    }

    /** Each file read once (its schema inferred once), and each partitioning of it computed once, and cached. */
    private static final Map<String, Dataset<Row>> READ = new ConcurrentHashMap<>();

    private static Dataset<Row> read(String file, String partitioning, long seed, int partitions) {
        return READ.computeIfAbsent(file + "|" + partitioning, key -> {
            Dataset<Row> rows = LocalSpark.session()
                    .read()
                    .option("header", "true")
                    .option("inferSchema", "true")
                    .csv(GOLDEN + file);
            return (partitioning.equals("as read")
                            ? rows
                            : rows.repartition(partitions, functions.rand(seed))
                                    .sortWithinPartitions(functions.rand(seed + 1)))
                    .cache();
        });
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("cases")
    void driftGivesTheInMemoryResult(String name, DriftMethod method, String partitioning) {
        DriftOptions options = DriftOptions.defaults().withMethod(method);
        CheckResult expected = new DriftCheck(WHERE, GOLDEN + name + "-reference.csv", VALUE, options)
                .run(subject(GOLDEN + name + "-current.csv"));

        CheckResult actual = SparkChecks.drift(
                WHERE,
                read(name + "-reference.csv", partitioning, 1, 3),
                name + "-reference.csv",
                read(name + "-current.csv", partitioning, 5, 5),
                name + "-current.csv",
                VALUE,
                options);

        assertThat(actual)
                .usingRecursiveComparison()
                .ignoringFields("attachments", "details")
                .isEqualTo(expected);
        // The reference is a Dataset, not a file: named by the name given, with no file hash.
        Map<String, Object> details = new LinkedHashMap<>(expected.details());
        details.put("reference", name + "-reference.csv");
        details.put("referenceSha256", "");
        assertThat(actual.details()).isEqualTo(details);
        assertThat(actual.attachments())
                .extracting(Attachment::name)
                .isEqualTo(expected.attachments().stream().map(Attachment::name).toList());
        assertThat(actual.attachments().get(0).content().get())
                .isEqualTo(expected.attachments().get(0).content().get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textCases")
    void aMethodThatNeedsNumbersIsRefusedOnTextAsInMemory(String name, DriftMethod method) {
        DriftOptions options = DriftOptions.defaults().withMethod(method);
        String inMemory = org.assertj.core.api.Assertions.catchThrowableOfType(
                        ConfigurationException.class,
                        () -> new DriftCheck(WHERE, GOLDEN + name + "-reference.csv", VALUE, options)
                                .run(subject(GOLDEN + name + "-current.csv")))
                .getMessage();

        assertThatThrownBy(() -> SparkChecks.drift(
                        WHERE,
                        read(name + "-reference.csv", "as read", 0, 1),
                        name + "-reference.csv",
                        read(name + "-current.csv", "as read", 0, 1),
                        name + "-current.csv",
                        VALUE,
                        options))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(inMemory);
    }

    static Stream<Arguments> textCases() {
        return Stream.of(
                Arguments.of("categories", DriftMethod.KOLMOGOROV_SMIRNOV),
                Arguments.of("binary", DriftMethod.WASSERSTEIN));
    }

    @org.junit.jupiter.api.Test
    void theCasesPassAndFail() {
        List<Verdict> verdicts = new ArrayList<>();
        for (String name : List.of("shift", "identical")) {
            verdicts.add(SparkChecks.drift(
                            WHERE,
                            read(name + "-reference.csv", "as read", 0, 1),
                            name + "-reference.csv",
                            read(name + "-current.csv", "as read", 0, 1),
                            name + "-current.csv",
                            VALUE,
                            DriftOptions.defaults())
                    .verdict());
        }
        assertThat(verdicts).containsExactly(Verdict.FAIL, Verdict.PASS);
    }

    @org.junit.jupiter.api.Test
    void severalColumnsWithMissingCellsGiveTheInMemoryResult() {
        String quality = "../modeltest-core/src/test/resources/golden/data-quality/";
        List<String> columns = List.of("x1", "x2", "colour", "label");
        DriftOptions options =
                DriftOptions.defaults().withCorrection(dev.modeltest.drift.Correction.BENJAMINI_HOCHBERG);
        CheckResult expected =
                new DriftCheck(WHERE, quality + "train.csv", columns, options).run(subject(quality + "test.csv"));
        Dataset<Row> train = LocalSpark.session()
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(quality + "train.csv")
                .repartition(4, functions.rand(11));
        Dataset<Row> test = LocalSpark.session()
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(quality + "test.csv")
                .repartition(3, functions.rand(12));

        CheckResult actual = SparkChecks.drift(WHERE, train, "train.csv", test, "test.csv", columns, options);

        assertThat(actual)
                .usingRecursiveComparison()
                .ignoringFields("attachments", "details")
                .isEqualTo(expected);
        Map<String, Object> details = new LinkedHashMap<>(expected.details());
        details.put("reference", "train.csv");
        details.put("referenceSha256", "");
        assertThat(actual.details()).isEqualTo(details);
        assertThat(actual.message()).contains("x1", "x2", "colour", "label");
    }

    private static Subject subject(String data) {
        return Subject.of(new SubjectSpec(
                "SparkDriftEqualityTest", data, "label", new ModelSource.Columns("pred", List.of()), List.of(), null));
    }
}
