package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Metric#NDCG} on weighted rows against {@code ndcg-weights-expected.csv} from {@code
 * scripts/golden/make_ndcg_weights_golden.py}: scikit-learn 1.2.1's {@code ndcg_score(sample_weight=...)}, one weight per
 * query (the weight its rows share), fractional, some queries weighing 0, with tied scores.
 */
class NdcgWeightsGoldenTest {

    private static Predictions weighted() {
        List<String[]> rows = Golden.csv("ndcg-weights.csv");
        int n = rows.size();
        String[] queries = new String[n];
        double[] relevance = new double[n];
        double[] score = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            queries[i] = rows.get(i)[0];
            relevance[i] = Double.parseDouble(rows.get(i)[1]);
            score[i] = Double.parseDouble(rows.get(i)[2]);
            weight[i] = Double.parseDouble(rows.get(i)[3]);
        }
        return Predictions.regression("ndcg-weights.csv", "golden", relevance, score)
                .withQueries("query", queries)
                .withWeights("w", weight);
    }

    static Stream<Arguments> expected() {
        return Golden.csv("ndcg-weights-expected.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} NDCG@{1} = {2}")
    @MethodSource("expected")
    void matchesScikitLearnWithOneWeightPerQuery(String subset, String k, String value) {
        Predictions p = weighted();
        int rows = subset.equals("all") ? p.size() : Integer.parseInt(subset.substring("first=".length()));
        double expected = Golden.number(value);

        double actual = Metrics.compute(
                p,
                Metric.NDCG,
                MetricOptions.defaults().withK(Integer.parseInt(k)),
                IntStream.range(0, rows).toArray());

        assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
    }

    @Test
    void theWeightsChangeTheValue() {
        Predictions p = weighted();
        Predictions unweighted = p.withoutWeights();

        assertThat(Metrics.compute(p, Metric.NDCG, MetricOptions.defaults()))
                .isNotCloseTo(Metrics.compute(unweighted, Metric.NDCG, MetricOptions.defaults()), within(1e-3));
    }

    @Test
    void rowsOfOneQueryWithDifferentWeightsAreRefusedNamingTheQueryAndRows() {
        Predictions ranked = Predictions.regression(
                        "q.csv", "m", new double[] {1, 0, 2, 1}, new double[] {0.9, 0.1, 0.8, 0.3})
                .withQueries("query", new String[] {"a", "a", "b", "b"})
                .withWeights("w", new double[] {1, 1, 2, 0.5});

        assertThatThrownBy(() -> Metrics.compute(ranked, Metric.NDCG, MetricOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("NDCG weighs whole queries, as scikit-learn's ndcg_score(sample_weight=...): the rows of a"
                        + " query need one weight, but the weight column 'w' has 2 at row 3 of q.csv and 0.5 at row 4"
                        + " of q.csv, both of query 'b' (column 'query')");
    }

    @Test
    void theIntervalIsTheBootstrapOverQueriesCarryingTheirWeights() {
        MetricSample sample = Metrics.sample(weighted(), Metric.NDCG, MetricOptions.defaults());

        assertThat(sample.exactMethod()).isEmpty();
        assertThatThrownBy(() -> sample.interval(IntervalMethod.EXACT, 0.95, 42, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no exact or analytic interval applies to NDCG on rows weighted by column 'w': Wilson,"
                        + " DeLong, Student-t and the delta method count rows; use 'interval' AUTO or BOOTSTRAP (the"
                        + " bootstrap carries the weights)");
        MetricInterval auto = sample.interval(IntervalMethod.AUTO, 0.95, 42, 500);
        assertThat(auto.how())
                .isEqualTo("BCa bootstrap over 40 queries, 500 resamples, seed 42, queries weighted by their sample"
                        + " weight; approximate here: a bootstrap over fewer than 10000 queries with sample weights"
                        + " (40) covers less than its level when the weights are skewed, see docs/intervals.md");
        assertThat(auto.interval().lower()).isLessThan(sample.value());
        assertThat(auto.interval().upper()).isGreaterThan(sample.value());
    }
}
