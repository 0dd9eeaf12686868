package dev.modeltest.examples;

import dev.modeltest.junit.MapAtLeast;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NdcgAtLeast;
import dev.modeltest.junit.NoMissingValues;
import dev.modeltest.subject.TaskHint;

/**
 * A search-ranking model scored elsewhere (a scikit-learn gradient-boosting regressor, pointwise, see {@code
 * scripts/data/make_ranking_scored.py}) and gated here on 60 held-out queries: each row is one (query, document), the
 * label is the document's graded relevance (0 to 3), the {@code score} column the model's output, and {@code
 * query_id} the query the rows are ranked within. The script prints scikit-learn's {@code ndcg_score} per query
 * averaged, NDCG@10 0.9036, and MAP@10 0.8936.
 */
@ModelTest(
        predictions = "score",
        task = TaskHint.REGRESSION,
        data = "src/test/resources/ranking-scored.csv",
        label = "relevance")
class RankingScoredTest {

    @NdcgAtLeast(value = 0.85, k = 10, query = "query_id")
    void topTenIsWellOrdered() {}

    @MapAtLeast(value = 0.8, k = 10, query = "query_id", confidence = 0.95)
    void relevantDocumentsComeFirstEvenAtTheLowerBound() {}

    @NoMissingValues
    void everyDocumentIsScored() {}
}
