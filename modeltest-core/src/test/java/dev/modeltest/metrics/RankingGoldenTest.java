package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Metric#NDCG} and {@link Metric#MAP} against {@code ranking-expected.csv} from {@code
 * scripts/golden/make_ranking_golden.py}: NDCG per query is scikit-learn 1.2.1's {@code ndcg_score}, MAP@k the
 * generator's plain implementation (checked there against {@code average_precision_score} at full k without ties), on
 * all rows, the first one and two rows, each slice and single queries (one query of one row is NaN: no query to average), for k 1, 3, 5, 10 and
 * 1000. The graded set's scores have one decimal, so tied scores decide many values.
 */
class RankingGoldenTest {

    /** A golden data set: predictions with their query column, and each row's slice and query. */
    record Ranking(Predictions predictions, String[] slices, String[] queries) {

        int[] rows(String subset) {
            if (subset.equals("all")) {
                return IntStream.range(0, slices.length).toArray();
            }
            if (subset.startsWith("first=")) {
                return IntStream.range(0, Integer.parseInt(subset.substring("first=".length())))
                        .toArray();
            }
            String[] column = subset.startsWith("slice=") ? slices : queries;
            String value = subset.substring(subset.indexOf('=') + 1);
            return IntStream.range(0, column.length)
                    .filter(i -> column[i].equals(value))
                    .toArray();
        }
    }

    static Ranking ranking(String dataset) {
        List<String[]> rows = Golden.csv("ranking.csv").stream()
                .filter(r -> r[0].equals(dataset))
                .toList();
        int n = rows.size();
        double[] relevance = new double[n];
        double[] score = new double[n];
        String[] queries = new String[n];
        String[] slices = new String[n];
        for (int i = 0; i < n; i++) {
            queries[i] = rows.get(i)[1];
            relevance[i] = Double.parseDouble(rows.get(i)[2]);
            score[i] = Double.parseDouble(rows.get(i)[3]);
            slices[i] = rows.get(i)[4];
        }
        Predictions p = Predictions.regression(dataset + ".csv", "golden", relevance, score)
                .withQueries("query", queries);
        return new Ranking(p, slices, queries);
    }

    static Stream<Arguments> expected() {
        return Golden.csv("ranking-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2}@{3} = {4}")
    @MethodSource("expected")
    void matchesScikitLearnPerQueryAveragedOverQueries(
            String dataset, String subset, String metric, String k, String value, String queries) {
        Ranking data = ranking(dataset);
        MetricOptions options = MetricOptions.defaults().withK(Integer.parseInt(k));
        double expected = Golden.number(value);

        double actual = Metrics.compute(data.predictions(), Metric.valueOf(metric), options, data.rows(subset));

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    @Test
    void coversBothMetricsEveryKTiesQueriesWithoutRelevantRowsAndSingleRowQueries() {
        List<String[]> rows = Golden.csv("ranking-expected.csv");
        Map<String, Integer> perMetric = new TreeMap<>();
        rows.forEach(r -> perMetric.merge(r[2] + "@" + r[3], 1, Integer::sum));

        assertThat(perMetric)
                .containsOnlyKeys(
                        "MAP@1",
                        "MAP@3",
                        "MAP@5",
                        "MAP@10",
                        "MAP@1000",
                        "NDCG@1",
                        "NDCG@3",
                        "NDCG@5",
                        "NDCG@10",
                        "NDCG@1000");
        // Query 103 has no relevant row (0 for both metrics), query 107 has one row (NaN: nothing to average).
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("graded", "query=103", "NDCG", "10", "0.0"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("graded", "query=107", "MAP", "10", "nan"));
        List<Double> graded = new ArrayList<>();
        for (String[] r : Golden.csv("ranking.csv")) {
            if (r[0].equals("graded")) {
                graded.add(Double.parseDouble(r[3]));
            }
        }
        assertThat(graded.stream().distinct().count()).isLessThan(graded.size() / 4);
    }
}
