package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.CheckResult;
import dev.modeltest.data.MissingValues;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Sampling;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Checks the fairness statistics on rows with fractional sample weights (one row in eight weighing 0) against golden
 * values computed by {@code scripts/golden/make_fairness_weights_golden.py}: Fairlearn's documented formulas with
 * {@code sample_weight} re-implemented with NumPy, and scikit-learn's metrics with {@code sample_weight}.
 */
class FairnessWeightsGoldenTest {

    private static final double RELATIVE = 1e-9;

    private static final double ABSOLUTE_NEAR_ZERO = 1e-12;

    private static final Map<String, List<String>> PRIVILEGED =
            Map.of("sex", List.of("M"), "sex+age_band", List.of("M", "26-40"));

    private static Subject weighted;
    private static Subject unweighted;
    private static final Map<String, CheckResult> RESULTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void loadGoldenData() {
        weighted = Subject.of(spec("w"));
        unweighted = Subject.of(spec(null));
    }

    private static SubjectSpec spec(String weights) {
        return new SubjectSpec(
                "FairnessWeightsGoldenTest",
                "classpath:golden/fairness/fairness-weights-data.csv",
                "y_true",
                new ModelSource.Columns("y_pred", List.of("p_yes")),
                List.of(),
                TaskHint.CLASSIFICATION,
                MissingValues.pandas(),
                Sampling.EVERY_ROW,
                weights);
    }

    @AfterAll
    static void close() {
        weighted.close();
        unweighted.close();
    }

    @ParameterizedTest(name = "{0} / {1}: {2} of {3} = {4}")
    @CsvFileSource(resources = "/golden/fairness/fairness-weights-expected.csv", numLinesToSkip = 1)
    void matchesFairlearnsWeightedDefinitions(
            String attributes, String decision, String quantity, String group, double expected) {
        double actual = "*".equals(group)
                ? aggregate(attributes, decision, quantity)
                : perGroup(attributes, decision, quantity, group);

        assertThat(actual).isCloseTo(expected, within(tolerance(expected)));
    }

    @Test
    void theWeightsChangeTheValues() {
        // Guards the golden test against passing because the weights were ignored.
        FairnessOptions options = FairnessOptions.of("sex").withResamples(FairnessOptions.MIN_RESAMPLES);
        double withWeights = new DemographicParityCheck("golden", options, 1, Double.NaN)
                .run(weighted)
                .measured();
        double withoutWeights = new DemographicParityCheck("golden", options, 1, Double.NaN)
                .run(unweighted)
                .measured();

        assertThat(Math.abs(withWeights - withoutWeights)).isGreaterThan(0.05);
    }

    private static double aggregate(String attributes, String decision, String quantity) {
        FairnessOptions options = options(attributes, decision);
        String where = "golden " + attributes + " " + decision;
        if (quantity.startsWith("group_min_")) {
            GroupMetric metric = metric(quantity.substring("group_min_".length()));
            if (metric.lowerIsBetter()) {
                return judgedGroups(attributes, decision).stream()
                        .mapToDouble(row -> (Double) row.get("fpr"))
                        .min()
                        .orElseThrow();
            }
            return run(
                            key(attributes, decision, quantity),
                            () -> new GroupMetricAtLeastCheck(where, options, metric, 0))
                    .measured();
        }
        if (quantity.startsWith("gap_to_overall_")) {
            GroupMetric metric = metric(quantity.substring("gap_to_overall_".length()));
            return run(
                            key(attributes, decision, quantity),
                            () -> new GroupMetricGapAtMostCheck(where, options, metric, 1))
                    .measured();
        }
        Supplier<GroupCheck> check = switch (quantity) {
            case "demographic_parity_difference" -> () -> new DemographicParityCheck(where, options, 1, Double.NaN);
            case "demographic_parity_ratio" -> () -> new DemographicParityCheck(where, options, Double.NaN, 0);
            case "equalized_odds_difference" -> () -> new EqualizedOddsCheck(where, options, 1);
            case "equal_opportunity_difference" -> () -> new EqualOpportunityCheck(where, options, 1);
            case "disparate_impact_min" -> () -> disparateImpact(attributes, decision);
            default -> throw new IllegalArgumentException("unknown golden quantity " + quantity);
        };
        return run(key(attributes, decision, quantity), check).measured();
    }

    @SuppressWarnings("unchecked")
    private static double perGroup(String attributes, String decision, String quantity, String group) {
        if ("impact_ratio".equals(quantity)) {
            CheckResult result =
                    run(key(attributes, decision, "disparate_impact_min"), () -> disparateImpact(attributes, decision));
            return value(row((List<Map<String, Object>>) result.details().get("groups"), group), "impactRatio");
        }
        String column = switch (quantity) {
            case "accuracy", "precision", "f1", "n", "weight" -> quantity;
            case "recall", "tpr" -> "tpr";
            case "false_positive_rate", "fpr" -> "fpr";
            case "selection_rate" -> "selectionRate";
            default -> throw new IllegalArgumentException("unknown golden quantity " + quantity);
        };
        GroupMetric metric = switch (quantity) {
            case "accuracy" -> GroupMetric.ACCURACY;
            case "precision" -> GroupMetric.PRECISION;
            default -> GroupMetric.F1;
        };
        CheckResult result = run(
                key(attributes, decision, "group_min_" + metric.name().toLowerCase(Locale.ROOT)),
                () -> new GroupMetricAtLeastCheck("golden", options(attributes, decision), metric, 0));
        return value(row((List<Map<String, Object>>) result.details().get("groups"), group), column);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> judgedGroups(String attributes, String decision) {
        CheckResult result = run(
                key(attributes, decision, "equalized_odds_difference"),
                () -> new EqualizedOddsCheck("golden", options(attributes, decision), 1));
        return ((List<Map<String, Object>>) result.details().get("groups"))
                .stream().filter(row -> (Boolean) row.get("judged")).toList();
    }

    private static GroupMetric metric(String name) {
        return GroupMetric.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String group) {
        return rows.stream()
                .filter(r -> group.equals(r.get("group")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + group + " in " + rows));
    }

    private static double value(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static GroupCheck disparateImpact(String attributes, String decision) {
        return new DisparateImpactCheck("golden", options(attributes, decision), PRIVILEGED.get(attributes), 0.8);
    }

    private static FairnessOptions options(String attributes, String decision) {
        FairnessOptions options =
                FairnessOptions.of(attributes.split("\\+")).withResamples(FairnessOptions.MIN_RESAMPLES);
        return "label".equals(decision) ? options : options.withThreshold(Double.parseDouble(decision));
    }

    private static String key(String attributes, String decision, String quantity) {
        return attributes + "/" + decision + "/" + quantity;
    }

    private static CheckResult run(String key, Supplier<? extends GroupCheck> check) {
        return RESULTS.computeIfAbsent(key, k -> check.get().run(weighted));
    }

    private static double tolerance(double expected) {
        return Math.abs(expected) < ABSOLUTE_NEAR_ZERO ? ABSOLUTE_NEAR_ZERO : RELATIVE * Math.abs(expected);
    }
}
