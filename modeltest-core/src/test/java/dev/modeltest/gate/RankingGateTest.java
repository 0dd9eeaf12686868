package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.model.Predictions;
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
 * NDCG@k and MAP@k through the builder: the query column, the message, the key, the interval over queries and the
 * refusals. Three queries of four rows; the model ranks query 1 perfectly, query 2 with its best row second and
 * query 3 worst first.
 */
class RankingGateTest {

    private static final String WHERE = "@NdcgAtLeast on T.m()";

    private static final String CSV = "qid,rel,score\n"
            + "1,3,0.9\n1,2,0.8\n1,0,0.2\n1,0,0.1\n"
            + "2,1,0.9\n2,3,0.8\n2,0,0.5\n2,0,0.4\n"
            + "3,0,0.9\n3,0,0.8\n3,1,0.3\n3,2,0.1\n";

    @TempDir
    Path dir;

    private Subject subject(String csv) throws IOException {
        Path data = dir.resolve("ranks.csv");
        Files.writeString(data, csv);
        return Subject.of(new SubjectSpec(
                "@ModelTest on T",
                data.toString(),
                "rel",
                new ModelSource.Columns("score", List.of()),
                List.of(),
                TaskHint.REGRESSION));
    }

    private static MetricGate.Builder ndcg(double value, int k) {
        return MetricGate.builder(WHERE, Metric.NDCG, Bound.AT_LEAST, value)
                .options(MetricOptions.defaults().withK(k))
                .query("qid");
    }

    @Test
    void passesOnTheMeanOverQueriesWithTheStudentTIntervalOverQueries() throws IOException {
        CheckResult result = ndcg(0.5, 3).build().run(subject(CSV));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.key()).endsWith("ndcg:k=3:query=qid");
        assertThat((String) result.details().get("intervalMethod"))
                .startsWith("Student-t over 3 queries, 2 df; approximate here: the per-query values are skewed");
    }

    @Test
    void failsWithTheValueItsIntervalAndTheGap() throws IOException {
        CheckResult result = ndcg(0.9, 3).build().run(subject(CSV));

        // Per query: 1, (1 + 3/log2(3)) / (3 + 1/log2(3)) = 0.7967 and (1/log2(4)) / (2 + 1/log2(3)) = 0.1901.
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model NDCG@3 on ranks.csv (n=12):\n"
                        + "  0.6623 (95% CI 0.0000–1.0000, Student-t over 3 queries, 2 df; approximate here: the"
                        + " per-query values are skewed (skewness -0.526509), and Cochran's rule with the skewness"
                        + " doubled asks for 28 queries, see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.2377 below.");
    }

    @Test
    void mapFailsWithItsOwnLabel() throws IOException {
        CheckResult result = MetricGate.builder("@MapAtLeast on T.m()", Metric.MAP, Bound.AT_LEAST, 0.9)
                .options(MetricOptions.defaults().withK(2))
                .query("qid")
                .build()
                .run(subject(CSV));

        // AP@2 per query: 1, 1 and 0 (query 3's two relevant rows are ranked last).
        assertThat(result.message())
                .isEqualTo("Expecting model MAP@2 on ranks.csv (n=12):\n"
                        + "  0.6667 (95% CI 0.0000–1.0000, Student-t over 3 queries, 2 df; approximate here: the"
                        + " per-query values are skewed (skewness -0.707107), and Cochran's rule with the skewness"
                        + " doubled asks for 50 queries, see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.2333 below.");
    }

    @Test
    void aMissingQueryColumnNamesTheNearestColumn() {
        assertThatThrownBy(() -> MetricGate.builder(WHERE, Metric.NDCG, Bound.AT_LEAST, 0.5)
                        .options(MetricOptions.defaults().withK(3))
                        .query("qdi")
                        .build()
                        .run(subject(CSV)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NdcgAtLeast on T.m(): 'query' must name a column of ranks.csv (did you mean 'qid'?); its"
                        + " columns are qid, rel, score, was 'qdi'");
    }

    @Test
    void oneRowPerQueryIsRefusedNamingTheQueryAttribute() {
        assertThatThrownBy(() -> ndcg(0.5, 3).build().run(subject("qid,rel,score\n1,3,0.9\n2,0,0.1\n3,1,0.5\n")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NdcgAtLeast on T.m(): 'query' must name a column in which some query has at least two"
                        + " rows, but each of the 3 queries of ranks.csv has one row, and NDCG of one row is the same"
                        + " whatever the model, was 'qid'");
    }

    @Test
    void theQueryAppliesToTheRankingMetricsOnlyAndNeedsTheData() {
        assertThatThrownBy(() -> MetricGate.builder(WHERE, Metric.MAE, Bound.AT_MOST, 0.5)
                        .query("qid")
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NdcgAtLeast on T.m(): 'query' applies to NDCG and MAP only, not to mean absolute error,"
                        + " was 'qid'");
        Predictions plain = Predictions.regression("p.csv", "m", new double[] {1, 0}, new double[] {2, 1});
        assertThatThrownBy(() -> ndcg(0.5, 3).build().evaluate(plain))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@NdcgAtLeast on T.m(): query 'qid' needs the test data; evaluate"
                        + " predictions.withQueries(\"qid\", values) or run the gate on a Subject");
    }

    @Test
    void theBootstrapResamplesQueries() throws IOException {
        CheckResult result =
                ndcg(0.5, 3).interval(IntervalMethod.BOOTSTRAP).build().run(subject(CSV));

        assertThat(result.details())
                .containsEntry("intervalMethod", "BCa bootstrap over 3 queries, 2000 resamples, seed 42");
    }

    @Test
    void slicesRankWithinTheirQueries() throws IOException {
        String sliced = "qid,rel,score,market\n"
                + "1,3,0.9,eu\n1,2,0.8,eu\n1,0,0.2,eu\n"
                + "2,0,0.9,us\n2,3,0.8,us\n2,0,0.1,us\n";
        CheckResult result =
                ndcg(0.9, 3).slicedBy("market").minSliceSize(1).build().run(subject(sliced));

        // One query per slice, so no interval; us: (3/log2(3)) / 3 = 0.6309.
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model NDCG@3 on ranks.csv (n=6) in every slice of 'market' to be at least:\n"
                        + "  0.9000\n"
                        + "but 1 of 2 judged slices is below it (us):\n"
                        + "  market  rows  NDCG@3  95% CI  verdict\n"
                        + "  eu      3     1.0000  -       PASS\n"
                        + "  us      3     0.6309  -       FAIL");
    }
}
