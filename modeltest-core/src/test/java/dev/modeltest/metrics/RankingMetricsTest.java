package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * NDCG@k and MAP@k on hand-made queries: ties, cut-offs, queries without relevant rows, queries of one row, the
 * intervals over queries and the refusals. The values in comments are scikit-learn 1.2.1's where it has the metric.
 */
class RankingMetricsTest {

    private static Predictions ranking(String[] queries, double[] relevance, double[] score) {
        return Predictions.regression("rank.csv", "m", relevance, score).withQueries("qid", queries);
    }

    private static double ndcg(Predictions p, int k) {
        return Metrics.compute(p, Metric.NDCG, MetricOptions.defaults().withK(k));
    }

    private static double map(Predictions p, int k) {
        return Metrics.compute(p, Metric.MAP, MetricOptions.defaults().withK(k));
    }

    @Test
    void ndcgAveragesTheRelevanceOfTiedScoresAsScikitLearn() {
        // ndcg_score's own example: ndcg_score([[10, 0, 0, 1, 5]], [[1, 0, 0, 0, 1]], k=1) = 0.75.
        Predictions p = ranking(
                new String[] {"q", "q", "q", "q", "q"}, new double[] {10, 0, 0, 1, 5}, new double[] {1, 0, 0, 0, 1});

        assertThat(ndcg(p, 1)).isEqualTo(0.75);
    }

    @Test
    void isTheMeanOverQueriesNotOverRows() {
        // Query a: perfect (1.0); query b of four rows ranked worst first: its NDCG@10 with
        // ndcg_score([[0, 0, 0, 1]], [[4, 3, 2, 1]]) = 1/log2(5) = 0.43067655807339306.
        Predictions p =
                ranking(new String[] {"a", "a", "b", "b", "b", "b"}, new double[] {1, 0, 0, 0, 0, 1}, new double[] {
                    2, 1, 4, 3, 2, 1
                });

        assertThat(ndcg(p, 10)).isCloseTo((1 + 0.43067655807339306) / 2, within(1e-15));
        // MAP@10: a 1.0, b 1/4.
        assertThat(map(p, 10)).isEqualTo((1 + 0.25) / 2);
    }

    @Test
    void mapOrdersTiedScoresPessimisticallyWhateverTheRowOrder() {
        Predictions relevantFirst = ranking(new String[] {"q", "q"}, new double[] {1, 0}, new double[] {0.5, 0.5});
        Predictions relevantLast = ranking(new String[] {"q", "q"}, new double[] {0, 1}, new double[] {0.5, 0.5});

        // The irrelevant row first: the relevant one at rank 2, AP = 1/2 (average_precision_score gives 0.5 too).
        assertThat(map(relevantFirst, 10)).isEqualTo(0.5);
        assertThat(map(relevantLast, 10)).isEqualTo(0.5);
        // At k = 1 the relevant row is cut off.
        assertThat(map(relevantFirst, 1)).isEqualTo(0.0);
        // NDCG@1 averages the tie: (1 + 0) / 2 over an ideal of 1.
        assertThat(ndcg(relevantLast, 1)).isEqualTo(0.5);
    }

    @Test
    void mapDividesByTheSmallerOfKAndTheRelevantRows() {
        Predictions p =
                ranking(new String[] {"q", "q", "q", "q"}, new double[] {1, 1, 1, 0}, new double[] {4, 3, 2, 1});

        assertThat(map(p, 2)).isEqualTo(1.0);
        assertThat(map(p, 10)).isEqualTo(1.0);
    }

    @Test
    void aQueryWithoutRelevantRowsCountsZeroAndAQueryOfOneRowIsLeftOut() {
        Predictions p = ranking(
                new String[] {"good", "good", "none", "none", "single"},
                new double[] {2, 0, 0, 0, 3},
                new double[] {1, 0, 1, 0, 0});

        // good: 1.0, none: 0 (scikit-learn 1.2's ndcg_score gives 0 where the ideal DCG is 0); single: left out.
        assertThat(ndcg(p, 5)).isEqualTo(0.5);
        assertThat(map(p, 5)).isEqualTo(0.5);
        MetricInterval interval = Metrics.sample(
                        p, Metric.NDCG, MetricOptions.defaults().withK(5))
                .interval(IntervalMethod.AUTO, 0.95, 42, 2000);
        assertThat(interval.how()).isEqualTo("Student-t over 2 queries, 1 df (1 query of one row left out)");
    }

    @Test
    void aRowCountedTwiceIsARowCopiedIntoItsQuery() {
        Predictions p = ranking(new String[] {"q", "q", "q"}, new double[] {0, 2, 1}, new double[] {3, 2, 1});
        Predictions copied =
                ranking(new String[] {"q", "q", "q", "q"}, new double[] {0, 0, 2, 1}, new double[] {3, 3, 2, 1});
        MetricSample sample =
                Metrics.sample(p, Metric.NDCG, MetricOptions.defaults().withK(3));

        assertThat(sample.value(new int[] {2, 1, 1})).isEqualTo(ndcg(copied, 3));
        assertThat(sample.value(new int[] {0, 1, 0})).isNaN();
    }

    @Test
    void theIntervalIsStudentTOverQueriesAndTheBootstrapResamplesQueries() {
        Predictions p = simulated(200, 8, 1);
        MetricSample sample =
                Metrics.sample(p, Metric.NDCG, MetricOptions.defaults().withK(5));

        MetricInterval t = sample.interval(IntervalMethod.AUTO, 0.95, 42, 2000);
        MetricInterval exact = sample.interval(IntervalMethod.EXACT, 0.95, 42, 2000);
        MetricInterval bootstrap = sample.interval(IntervalMethod.BOOTSTRAP, 0.95, 42, 2000);

        assertThat(sample.exactMethod()).contains("Student-t");
        assertThat(t.how()).isEqualTo("Student-t over 200 queries, 199 df");
        assertThat(exact).isEqualTo(t);
        assertThat(bootstrap.how()).isEqualTo("BCa bootstrap over 200 queries, 2000 resamples, seed 42");
        assertThat(t.interval().contains(sample.value())).isTrue();
        assertThat(bootstrap.interval().contains(sample.value())).isTrue();
        // Both estimate the spread of one mean over 200 queries: their widths agree within a fifth.
        assertThat(bootstrap.interval().upper() - bootstrap.interval().lower())
                .isCloseTo(
                        t.interval().upper() - t.interval().lower(),
                        within(0.2 * (t.interval().upper() - t.interval().lower())));
    }

    @Test
    void everyQueryAtOneHasNoSpread() {
        Predictions p =
                ranking(new String[] {"a", "a", "b", "b"}, new double[] {1, 0, 2, 1}, new double[] {2, 1, 2, 1});

        MetricInterval t = Metrics.sample(
                        p, Metric.NDCG, MetricOptions.defaults().withK(10))
                .interval(IntervalMethod.AUTO, 0.95, 42, 2000);

        assertThat(t.interval()).isNull();
        assertThat(t.none()).isEqualTo("every query's NDCG@10 is 1.0000, so there is no spread to estimate");
    }

    @Test
    void aNegativeRelevanceFailsNamingTheRow() {
        Predictions p = ranking(new String[] {"a", "a"}, new double[] {1, -1}, new double[] {2, 1});

        assertThatThrownBy(() -> ndcg(p, 3))
                .isInstanceOf(ModelException.class)
                .hasMessage("the true value at row 2 of rank.csv is -1; NDCG needs relevance labels that are finite and"
                        + " at least 0 (scikit-learn's ndcg_score refuses negative y_true) (model m)");
    }

    @Test
    void aNaNScoreFailsNamingTheRow() {
        Predictions p = ranking(new String[] {"a", "a"}, new double[] {1, 0}, new double[] {Double.NaN, 1});

        assertThatThrownBy(() -> map(p, 3))
                .isInstanceOf(ModelException.class)
                .hasMessage("the predicted value at row 1 of rank.csv is NaN; MAP ranks rows by finite predicted scores"
                        + " (model m)");
    }

    @Test
    void aMissingQueryValueFailsNamingTheColumnAndRow() {
        Predictions p = Predictions.regression("rank.csv", "m", new double[] {1, 0}, new double[] {2, 1});

        assertThatThrownBy(() -> p.withQueries("qid", new String[] {"a", null}))
                .isInstanceOf(DataException.class)
                .hasMessage("the query column 'qid' has no value at row 2 of rank.csv; every row of a ranking must name"
                        + " its query");
    }

    @Test
    void isRefusedWithoutQueriesWithOneRowPerQueryOnAClassifierAndKElsewhere() {
        Predictions plain = Predictions.regression("rank.csv", "m", new double[] {1, 0}, new double[] {2, 1});
        Predictions singles = plain.withQueries("qid", new String[] {"a", "b"});
        Predictions classifier =
                Predictions.classification("c.csv", "m", List.of("a", "b"), new int[] {0, 1}, new int[] {0, 1}, null);
        MetricOptions k5 = MetricOptions.defaults().withK(5);

        assertThat(Metrics.notApplicable(plain, Metric.NDCG, k5))
                .contains("NDCG ranks the rows of each query, but no query column was given for rank.csv; give"
                        + " 'query', the column that names each row's query");
        assertThat(Metrics.notApplicable(singles, Metric.MAP, k5))
                .contains("'query' must name a column in which some query has at least two rows, but each of the 2"
                        + " queries of rank.csv has one row, and MAP of one row is the same whatever the model, was"
                        + " 'qid'");
        assertThat(Metrics.notApplicable(classifier, Metric.NDCG, k5))
                .contains("NDCG ranks rows by a predicted score, so it needs a regressor's values (or a predictions"
                        + " column of scores) and the graded relevance as the label, but m is a classifier (a"
                        + " predictions column of whole numbers reads as classes unless task is REGRESSION)");
        assertThat(Metrics.notApplicable(singles, Metric.MAE, k5))
                .contains("'k' applies to top-k accuracy, NDCG and MAP only, not to mean absolute error, was 5");
        assertThat(Metrics.applicable(singles, MetricOptions.defaults())).doesNotContain(Metric.NDCG, Metric.MAP);
    }

    @Test
    void takesWellUnderASecondAtAMillionRows() {
        Predictions p = simulated(100_000, 10, 2);
        MetricOptions k10 = MetricOptions.defaults().withK(10);
        Metrics.compute(p, Metric.NDCG, k10);

        long start = System.nanoTime();
        double ndcg = Metrics.compute(p, Metric.NDCG, k10);
        double map = Metrics.compute(p, Metric.MAP, k10);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(ndcg).isBetween(0.0, 1.0);
        assertThat(map).isBetween(0.0, 1.0);
        // About 0.2 s for both on a shared two-core machine; the bound leaves room for a loaded one.
        assertThat(millis).isLessThan(2000);
    }

    /** {@code queries} queries of {@code size} rows: relevance 0..3, scores that follow it with noise, one decimal. */
    static Predictions simulated(int queries, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = queries * size;
        String[] ids = new String[n];
        double[] relevance = new double[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i / size);
            relevance[i] = random.nextInt(4);
            score[i] = Math.round((relevance[i] + 2 * random.nextGaussian()) * 10) / 10.0;
        }
        return Predictions.regression("sim.csv", "m", relevance, score).withQueries("qid", ids);
    }
}
