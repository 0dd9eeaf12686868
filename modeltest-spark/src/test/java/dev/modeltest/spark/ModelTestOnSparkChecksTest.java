package dev.modeltest.spark;

import static dev.modeltest.spark.ModelTestOnSparkTest.outcomes;
import static dev.modeltest.spark.ModelTestOnSparkTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.junit.AucAtLeast;
import dev.modeltest.junit.DemographicParity;
import dev.modeltest.junit.DisparateImpactAtLeast;
import dev.modeltest.junit.EqualOpportunity;
import dev.modeltest.junit.EqualizedOdds;
import dev.modeltest.junit.MetricAtLeast;
import dev.modeltest.junit.MissingRateAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoDrift;
import dev.modeltest.junit.NoDuplicateRows;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.metrics.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @ModelTest(data = "spark:...")} with the checks beside the label gates: ranking gates on the {@code scores}
 * columns, fairness checks, missing values and duplicate rows, each passing and failing on Spark with the in-memory
 * engine's message on the same CSV (where a Dataset's lack of row numbers allows), and their bad input.
 */
class ModelTestOnSparkChecksTest {

    static final String DIR = "target/spark-junit-checks";

    /**
     * 10 000 scored loan applications (enough for average precision's interval on Spark): id, label and prediction
     * (no/yes), the score of yes, sex (F/M), city (about one in twenty empty), and a three-class label, its
     * prediction and a score per class.
     */
    @BeforeAll
    static void writeLoans() throws Exception {
        Random random = new Random(7);
        String[] cities = {"Lyon", "Oslo", "Pune"};
        String[] sizes = {"large", "medium", "small"};
        List<String> csv = new ArrayList<>(
                List.of("id,label,prediction,p_yes,sex,city,size,predicted_size,p_large,p_medium,p_small"));
        for (int i = 0; i < 10_000; i++) {
            boolean yes = random.nextDouble() < 0.3;
            boolean male = random.nextBoolean();
            double p = Math.min(1, Math.max(0, (yes ? 0.62 : 0.38) + (male ? 0.05 : 0) + 0.2 * random.nextGaussian()));
            String score = String.format(Locale.ROOT, "%.2f", p);
            String prediction = Double.parseDouble(score) >= 0.5 ? "yes" : "no";
            String city = random.nextInt(20) == 0 ? "" : cities[random.nextInt(3)];
            int size = random.nextInt(3);
            double large = Math.round(100 * (size == 0 ? 0.5 : 0.25)) / 100.0;
            csv.add(i + "," + (yes ? "yes" : "no") + "," + prediction + "," + score + "," + (male ? "M" : "F") + ","
                    + city + "," + sizes[size] + "," + sizes[size] + "," + large + ",0.25,"
                    + (Math.round(100 * (1 - large - 0.25)) / 100.0));
        }
        Files.createDirectories(Path.of(DIR));
        Files.write(Path.of(DIR, "loans.csv"), csv);
        // The reference: 5 000 training rows of the same sexes and cities, whose scores were 0.1 lower.
        List<String> train = new ArrayList<>(List.of("sex,city,p_yes"));
        for (int i = 0; i < 5_000; i++) {
            boolean yes = random.nextDouble() < 0.3;
            boolean male = random.nextBoolean();
            double p = Math.min(1, Math.max(0, (yes ? 0.52 : 0.28) + (male ? 0.05 : 0) + 0.2 * random.nextGaussian()));
            String city = random.nextInt(20) == 0 ? "" : cities[random.nextInt(3)];
            train.add((male ? "M" : "F") + "," + city + "," + String.format(Locale.ROOT, "%.2f", p));
        }
        Files.write(Path.of(DIR, "train.csv"), train);
        LocalSpark.session()
                .read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(DIR + "/train.csv")
                .repartition(3)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(DIR + "/train.parquet");
    }

    /** The outcomes on Spark with the data named as the in-memory engine names it (its file name). */
    private static Map<String, String> onSpark(Class<?> fixture) {
        Map<String, String> outcomes = outcomes(run(fixture));
        outcomes.replaceAll((test, outcome) -> outcome.replace(DIR + "/loans.csv", "loans.csv"));
        return outcomes;
    }

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction", scores = "p_yes")
    static class RankingTestCase {
        @AucAtLeast(0.7)
        void ranks() {}

        @AucAtLeast(0.9)
        void ranksWell() {}

        @AucAtLeast(value = 0.7, positiveLabel = "no")
        void ranksTheNegativeClass() {}

        @MetricAtLeast(metric = Metric.AVERAGE_PRECISION, value = 0.5)
        void precise() {}

        @MetricAtLeast(metric = Metric.AVERAGE_PRECISION, value = 0.8, confidence = 0.95)
        void preciseForSure() {}
    }

    @ModelTest(data = DIR + "/loans.csv", label = "label", predictions = "prediction", scores = "p_yes")
    static class InMemoryRankingTestCase extends RankingTestCase {}

    @Test
    void ranksTheScoresColumnAsTheInMemoryEngineDoes() {
        Map<String, String> onSpark = onSpark(RankingTestCase.class);
        assertThat(onSpark)
                .containsEntry("ranks", "SUCCESSFUL")
                .containsEntry("ranksTheNegativeClass", "SUCCESSFUL")
                .containsEntry("precise", "SUCCESSFUL");
        assertThat(onSpark.get("ranksWell")).startsWith("AssertionFailedError: Expecting model ROC AUC");
        assertThat(onSpark.get("preciseForSure")).startsWith("AssertionFailedError: Expecting model average precision");
        assertThat(onSpark).isEqualTo(outcomes(run(InMemoryRankingTestCase.class)));
    }

    @ModelTest(
            data = "spark:" + DIR + "/loans.csv",
            label = "size",
            predictions = "predicted_size",
            scores = {"p_large", "p_medium", "p_small"})
    static class ScorePerClassTestCase {
        @AucAtLeast(value = 0.5, positiveLabel = "large")
        void ranksLarge() {}
    }

    @ModelTest(
            data = DIR + "/loans.csv",
            label = "size",
            predictions = "predicted_size",
            scores = {"p_large", "p_medium", "p_small"})
    static class InMemoryScorePerClassTestCase extends ScorePerClassTestCase {}

    @Test
    void takesOneScoreColumnPerClassInTheClassesOrder() {
        Map<String, String> onSpark = onSpark(ScorePerClassTestCase.class);
        assertThat(onSpark).containsOnly(Map.entry("ranksLarge", "SUCCESSFUL"));
        assertThat(onSpark).isEqualTo(outcomes(run(InMemoryScorePerClassTestCase.class)));
    }

    @ModelTest(
            data = "spark:" + DIR + "/loans.csv",
            label = "size",
            predictions = "predicted_size",
            scores = {"p_large", "p_small"})
    static class ScoresForTooFewClassesTestCase {
        @AucAtLeast(value = 0.5, positiveLabel = "large")
        void ranksLarge() {}
    }

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction", scores = "sex")
    static class TextScoresTestCase {
        @AucAtLeast(0.7)
        void ranks() {}
    }

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class NoScoresTestCase {
        @AucAtLeast(0.7)
        void ranks() {}
    }

    @Test
    void scoresThatDoNotFitTheClassesAreNamed() {
        assertThat(outcomes(run(ScoresForTooFewClassesTestCase.class)))
                .containsOnly(Map.entry(
                        "ranksLarge",
                        "ExtensionConfigurationException: @AucAtLeast on ScoresForTooFewClassesTestCase.ranksLarge():"
                                + " @ModelTest on ScoresForTooFewClassesTestCase: 'scores' names"
                                + " 2 column(s) [p_large, p_small], but the data has 3 classes [large, medium, small];"
                                + " give one column (the positive class's probability) for binary, or one per class"
                                + " in this order"));
        assertThat(outcomes(run(TextScoresTestCase.class)))
                .containsOnly(Map.entry(
                        "ranks",
                        "ExtensionConfigurationException: @ModelTest on TextScoresTestCase: data set " + DIR
                                + "/loans.csv: scores column 'sex' holds text (string), not numbers"));
        assertThat(outcomes(run(NoScoresTestCase.class)))
                .containsOnly(Map.entry(
                        "ranks",
                        "ExtensionConfigurationException: @AucAtLeast on NoScoresTestCase.ranks(): ROC AUC ranks the"
                                + " rows by the positive class's score, but @ModelTest on NoScoresTestCase names no"
                                + " 'scores'; give the positive class's score column (or one per class, in the"
                                + " classes' order)"));
    }

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class FairnessTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.2)
        void parity() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.01)
        void strictParity() {}

        @EqualOpportunity(attribute = "sex", maxDifference = 0.2)
        void opportunity() {}

        @EqualizedOdds(attribute = "sex", maxDifference = 0.01)
        void odds() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "M", value = 0.5)
        void impact() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "M", value = 0.95)
        void strictImpact() {}
    }

    @ModelTest(data = DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class InMemoryFairnessTestCase extends FairnessTestCase {}

    @Test
    void decidesTheFairnessChecksWithTheInMemoryMessages() {
        Map<String, String> onSpark = onSpark(FairnessTestCase.class);
        assertThat(onSpark)
                .containsEntry("parity", "SUCCESSFUL")
                .containsEntry("opportunity", "SUCCESSFUL")
                .containsEntry("impact", "SUCCESSFUL");
        assertThat(onSpark.get("strictParity")).startsWith("AssertionFailedError: ");
        assertThat(onSpark.get("odds")).startsWith("AssertionFailedError: ");
        assertThat(onSpark.get("strictImpact")).startsWith("AssertionFailedError: ");
        assertThat(onSpark).isEqualTo(outcomes(run(InMemoryFairnessTestCase.class)));
    }

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class QualityTestCase {
        @NoMissingValues(columns = {"sex", "p_yes"})
        void complete() {}

        @NoMissingValues
        void allComplete() {}

        @MissingRateAtMost(value = 0.1, columns = "city")
        void mostlyComplete() {}

        @MissingRateAtMost(0.01)
        void almostComplete() {}

        @NoDuplicateRows
        void distinct() {}

        @NoDuplicateRows(columns = {"label", "sex", "city"})
        void distinctApplicants() {}
    }

    @ModelTest(data = DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class InMemoryQualityTestCase extends QualityTestCase {}

    @Test
    void decidesMissingValuesAndDuplicateRows() {
        Map<String, String> onSpark = onSpark(QualityTestCase.class);
        assertThat(onSpark)
                .containsOnly(
                        Map.entry("complete", "SUCCESSFUL"),
                        Map.entry("mostlyComplete", "SUCCESSFUL"),
                        Map.entry("distinct", "SUCCESSFUL"),
                        Map.entry("allComplete", ALL_COMPLETE),
                        Map.entry("almostComplete", ALMOST_COMPLETE),
                        Map.entry("distinctApplicants", DUPLICATE_APPLICANTS));
        // In memory the messages name example rows; a Dataset has no row numbers, else they are the same.
        Map<String, String> inMemory = outcomes(run(InMemoryQualityTestCase.class));
        assertThat(inMemory)
                .containsEntry("allComplete", ALL_COMPLETE + ", e.g. row 3, row 20, row 55, row 91, row 99")
                .containsEntry("almostComplete", ALMOST_COMPLETE + ", e.g. row 3, row 20, row 55, row 91, row 99");
        assertThat(inMemory.get("distinctApplicants"))
                .startsWith(DUPLICATE_APPLICANTS.substring(0, DUPLICATE_APPLICANTS.indexOf("rows:") + 5))
                .contains("rows 1, 4, 5, 19, 32, 50, 60, 70, 81, 82, ... (1075 rows): label='no', sex='M',"
                        + " city='Lyon'");
    }

    private static final String ALL_COMPLETE = String.format(
            "AssertionFailedError: Expecting no missing values in all 11 column(s) of loans.csv (n=10000)%n"
                    + "but found 500 missing cell(s) in 1 column(s):%n"
                    + "  column 'city': 500 row(s)");

    private static final String ALMOST_COMPLETE = String.format(
            "AssertionFailedError: Expecting the fraction of missing cells in each of all 11 column(s) of loans.csv"
                    + " (n=10000) to be at most:%n"
                    + "  0.0100%n"
                    + "but 1 column(s) have more:%n"
                    + "  column 'city': 0.0500 (500 of 10000 missing)");

    private static final String DUPLICATE_APPLICANTS = String.format(
            "AssertionFailedError: Expecting no duplicate rows in loans.csv (n=10000), comparing column(s) label, sex,"
                    + " city%n"
                    + "but found 9984 duplicate row(s) in 16 group(s) of equal rows:%n"
                    + "  1154 rows: label='no', sex='M', city='Pune'%n"
                    + "  1149 rows: label='no', sex='F', city='Lyon'%n"
                    + "  1123 rows: label='no', sex='F', city='Pune'%n"
                    + "  1096 rows: label='no', sex='F', city='Oslo'%n"
                    + "  1075 rows: label='no', sex='M', city='Lyon'%n"
                    + "  ... and 11 more group(s)");

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class BadChecksTestCase {
        @DemographicParity(attribute = "sx", maxDifference = 0.2)
        void parity() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.2, threshold = 0.5)
        void parityAtAThreshold() {}

        @NoMissingValues(columns = "cty")
        void complete() {}

        @NoDuplicateRows(columns = {"label", "sx"})
        void distinct() {}

        @DemographicParity(attribute = "city", maxDifference = 0.2)
        void parityAcrossCities() {}
    }

    @Test
    void badChecksAreNamed() {
        Map<String, String> outcomes = outcomes(run(BadChecksTestCase.class));
        String data = "data set " + DIR + "/loans.csv";
        assertThat(outcomes)
                .containsEntry(
                        "parity",
                        "ExtensionConfigurationException: @DemographicParity on BadChecksTestCase.parity(): " + data
                                + " has no attribute column 'sx' (did you mean 'sex'?); its columns are id, label,"
                                + " prediction, p_yes, sex, city, size, predicted_size, p_large, p_medium, p_small")
                .containsEntry(
                        "complete",
                        "DataException: @NoMissingValues on BadChecksTestCase.complete(): " + data + " has no column"
                                + " 'cty' (did you mean 'city'?); its columns are id, label, prediction, p_yes, sex,"
                                + " city, size, predicted_size, p_large, p_medium, p_small")
                .containsEntry(
                        "distinct",
                        "DataException: @NoDuplicateRows on BadChecksTestCase.distinct(): " + data + " has no column"
                                + " 'sx' (did you mean 'sex'?); its columns are id, label, prediction, p_yes, sex,"
                                + " city, size, predicted_size, p_large, p_medium, p_small");
        assertThat(outcomes)
                .containsEntry(
                        "parityAtAThreshold",
                        "ExtensionConfigurationException: @DemographicParity on"
                                + " BadChecksTestCase.parityAtAThreshold(): 'threshold' decides on each row's"
                                + " probability of the positive class, which counts of labels do not hold; remove"
                                + " 'threshold' to judge the predicted labels")
                .containsEntry(
                        "parityAcrossCities",
                        "DataException: " + data + ", attribute column 'city': 500 rows are empty (null); every row"
                                + " needs a value to be put in a group (fill it, e.g. with 'unknown', or drop the"
                                + " row)");
    }

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class DriftTestCase {
        @NoDrift(
                reference = DIR + "/train.csv",
                columns = {"sex", "city"})
        void stableApplicants() {}

        @NoDrift(
                reference = DIR + "/train.csv",
                columns = {"sex", "p_yes"})
        void stableScores() {}
    }

    @ModelTest(data = DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class InMemoryDriftTestCase extends DriftTestCase {}

    @ModelTest(data = "spark:" + DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class SparkReferenceTestCase {
        @NoDrift(
                reference = "spark:" + DIR + "/train.parquet",
                columns = {"sex", "city"})
        void stableApplicants() {}

        @NoDrift(
                reference = "spark:" + DIR + "/train.parquet",
                columns = {"sex", "p_yes"})
        void stableScores() {}

        @NoDrift(reference = "spark:" + DIR + "/trian.parquet", columns = "sex")
        void missingReference() {}

        @NoDrift(reference = DIR + "/train.csv", columns = "sx")
        void missingColumn() {}
    }

    @ModelTest(data = DIR + "/loans.csv", label = "label", predictions = "prediction")
    static class InMemorySparkReferenceTestCase {
        @NoDrift(
                reference = "spark:" + DIR + "/train.parquet",
                columns = {"sex", "city"})
        void stableApplicants() {}
    }

    @Test
    void decidesDriftFromAReferenceReadByTheSameSession() {
        Map<String, String> onSpark = onSpark(DriftTestCase.class);
        String drifted = onSpark.get("stableScores");
        assertThat(onSpark).containsEntry("stableApplicants", "SUCCESSFUL");
        assertThat(drifted)
                .startsWith("AssertionFailedError: Expecting no drift in 2 column(s) of loans.csv (n=10000) against"
                        + " reference " + DIR + "/train.csv (n=5000),")
                .contains("but 1 of 2 column(s) drifted: p_yes");
        // In memory the reference is named by its file name, as the data is.
        onSpark.replaceAll((test, outcome) -> outcome.replace(DIR + "/train.csv", "train.csv"));
        assertThat(onSpark).isEqualTo(outcomes(run(InMemoryDriftTestCase.class)));
        // The same reference as Parquet, read by the same session through its spark: location.
        Map<String, String> sparkReference = outcomes(run(SparkReferenceTestCase.class));
        assertThat(sparkReference)
                .containsEntry("stableApplicants", "SUCCESSFUL")
                .containsEntry(
                        "stableScores",
                        drifted.replace(DIR + "/train.csv", DIR + "/train.parquet")
                                .replace("of loans.csv", "of " + DIR + "/loans.csv"))
                .containsEntry(
                        "missingColumn",
                        "ExtensionConfigurationException: @NoDrift on SparkReferenceTestCase.missingColumn(): the"
                                + " reference " + DIR + "/train.csv has no compared column 'sx' (did you mean"
                                + " 'sex'?); its columns are sex, city, p_yes");
        assertThat(sparkReference.get("missingReference"))
                .startsWith("DataException: @NoDrift on SparkReferenceTestCase.missingReference(): 'reference' ="
                        + " 'spark:" + DIR + "/trian.parquet': Parquet path '" + DIR + "/trian.parquet' does not"
                        + " exist (looked at file:/")
                .endsWith("/modeltest-spark/" + DIR + "/trian.parquet)");
        // The in-memory engine reads no spark: reference.
        assertThat(outcomes(run(InMemorySparkReferenceTestCase.class)))
                .containsOnly(Map.entry(
                        "stableApplicants",
                        "ExtensionConfigurationException: @NoDrift on"
                                + " InMemorySparkReferenceTestCase.stableApplicants(): 'reference' = 'spark:" + DIR
                                + "/train.parquet' is read where it lives, by its engine, which decides drift only"
                                + " when the test's data is read by it too; give a file as 'reference'"));
    }
}
