package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @NdcgAtLeast} and {@code @MapAtLeast} end to end, on 40 queries of 6 rows (relevance 0 to 3, the scores in a
 * predictions column). scikit-learn's {@code ndcg_score} per query, averaged, gives NDCG@3 0.8506068534068462; MAP@3
 * is 0.9243055555555554 and MAP@10 0.9418819444444445 (scripts/golden/make_ranking_golden.py's definition).
 */
class RankingAnnotationTest {

    static final String DATA = "src/test/resources/fixtures/ranking.csv";

    @ModelTest(data = DATA, label = "rel", predictions = "score")
    static class RankingTestCase {
        @NdcgAtLeast(value = 0.8, k = 3, query = "qid")
        void ndcgHolds() {}

        @NdcgAtLeast(value = 0.8, k = 3, query = "query_name")
        void ndcgHoldsWithTextQueries() {}

        @NdcgAtLeast(value = 0.9, k = 3, query = "qid")
        void ndcgFails() {}

        @MapAtLeast(value = 0.9, k = 10, query = "qid", interval = IntervalMethod.BOOTSTRAP)
        void mapHolds() {}

        @MapAtLeast(value = 0.99, k = 3, query = "qid", confidence = 0.95)
        void mapFails() {}

        @NdcgAtLeast(value = 0.8, k = 0, query = "qid")
        void kOfZero() {}

        @NdcgAtLeast(value = 0.8, k = 3, query = "qdi")
        void misspelledQuery() {}

        @MapAtLeast(value = 0.8, k = 3, query = "row_id")
        void oneRowPerQuery() {}

        @MetricAtLeast(metric = Metric.NDCG, value = 0.8)
        void ndcgThroughMetricAtLeast() {}

        @NoRegressionVs(metric = Metric.MAP, baselinePredictions = "score")
        void mapAgainstABaseline() {}
    }

    @Test
    void passesWhereTheMeanOverQueriesClearsTheThreshold() {
        assertThat(succeeded(run(RankingTestCase.class)))
                .containsExactlyInAnyOrder("ndcgHolds()", "ndcgHoldsWithTextQueries()", "mapHolds()");
    }

    @Test
    void failsWithTheValueItsIntervalOverQueriesAndTheGap() {
        EngineExecutionResults results = run(RankingTestCase.class);

        assertThat(failureOf(results, "ndcgFails"))
                .isEqualTo("Expecting model NDCG@3 on ranking.csv (n=240):\n"
                        + "  0.8506 (95% CI 0.8027–0.8985, Student-t over 40 queries, 39 df; approximate here: the"
                        + " per-query values are skewed (skewness -0.657581), and Cochran's rule with the skewness"
                        + " doubled asks for 44 queries, see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.0494 below.");
        assertThat(failureOf(results, "mapFails"))
                .isEqualTo("Expecting model MAP@3 on ranking.csv (n=240):\n"
                        + "  0.9243 (95% CI 0.8647–0.9839, Student-t over 40 queries, 39 df; approximate here: the"
                        + " per-query values are skewed (skewness -2.14625), and Cochran's rule with the skewness"
                        + " doubled asks for 461 queries, see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9900\n"
                        + "but the whole 95% interval is below it.");
        assertThat(TestKit.throwableOf(results, "ndcgFails")).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void badAttributesAreConfigurationErrorsNamingThem() {
        EngineExecutionResults results = run(RankingTestCase.class);

        assertThat(failureOf(results, "kOfZero"))
                .isEqualTo("@NdcgAtLeast on RankingTestCase.kOfZero(): 'k' must be at least 1, was 0");
        assertThat(failureOf(results, "misspelledQuery"))
                .isEqualTo("@NdcgAtLeast on RankingTestCase.misspelledQuery(): 'query' must name a column of"
                        + " ranking.csv (did you mean 'qid'?); its columns are qid, query_name, row_id, rel, score,"
                        + " was 'qdi'");
        assertThat(failureOf(results, "oneRowPerQuery"))
                .isEqualTo("@MapAtLeast on RankingTestCase.oneRowPerQuery(): 'query' must name a column in which some"
                        + " query has at least two rows, but each of the 240 queries of ranking.csv has one row, and"
                        + " MAP of one row is the same whatever the model, was 'row_id'");
        assertThat(failureOf(results, "ndcgThroughMetricAtLeast"))
                .isEqualTo("@MetricAtLeast on RankingTestCase.ndcgThroughMetricAtLeast(): 'metric' NDCG ranks the"
                        + " rows of each query: use @NdcgAtLeast(value = ..., k = ..., query = \"<query column>\")");
        assertThat(failureOf(results, "mapAgainstABaseline"))
                .isEqualTo("@NoRegressionVs on RankingTestCase.mapAgainstABaseline(): 'metric' MAP ranks the rows of"
                        + " each query: use @MapAtLeast(value = ..., k = ..., query = \"<query column>\")");
        assertThat(TestKit.throwableOf(results, "oneRowPerQuery")).isInstanceOf(ExtensionConfigurationException.class);
    }
}
