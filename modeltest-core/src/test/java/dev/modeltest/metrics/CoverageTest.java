package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small seeded run of the coverage simulation ({@link Coverage}; the full table is in docs/intervals.md): a
 * method whose 95% interval stops covering (a variance formula off by a factor, a wrong quantile) fails the build.
 * With 400 test sets a cell's Monte Carlo standard error is about 1.1 percentage points; the band [90%, 99%] (one-sided at least 93%) leaves
 * room for that and catches any real regression (half the standard error would cover about 68%).
 */
class CoverageTest {

    private static final int POPULATION = 50_000;

    private static void assertCovers(Coverage.Cell cell) {
        assertThat(cell.twoSided()).as(cell.row()).isBetween(0.90, 0.99);
        assertThat(cell.lowerHolds()).as(cell.row()).isGreaterThanOrEqualTo(0.93);
        assertThat(cell.upperHolds()).as(cell.row()).isGreaterThanOrEqualTo(0.93);
        assertThat(cell.noInterval()).as(cell.row()).isZero();
    }

    @Test
    void analyticIntervalsCoverOnABinaryClassifier() {
        Coverage.Population binary = Coverage.binary("binary", 0.3, POPULATION, 1);
        MetricOptions plain = MetricOptions.defaults();

        Coverage.Cell wilson = Coverage.run(binary, Metric.ACCURACY, plain, IntervalMethod.AUTO, 200, 400, 100, 7);
        Coverage.Cell deLong = Coverage.run(binary, Metric.ROC_AUC, plain, IntervalMethod.AUTO, 200, 400, 100, 7);
        Coverage.Cell t = Coverage.run(binary, Metric.LOG_LOSS, plain, IntervalMethod.AUTO, 200, 400, 100, 7);

        assertThat(wilson.method()).isEqualTo("Wilson");
        assertThat(deLong.method()).isEqualTo("DeLong (logit)");
        assertThat(t.method()).isEqualTo("Student-t");
        assertCovers(wilson);
        assertCovers(deLong);
        assertCovers(t);
    }

    @Test
    void studentTCoversMaeOnARegressorAndTheDeltaMethodIsFlaggedWhereSkewMakesItUnderCover() {
        Coverage.Population regression = Coverage.regression("regression", POPULATION, 5);
        MetricOptions plain = MetricOptions.defaults();

        Coverage.Cell mae = Coverage.run(regression, Metric.MAE, plain, IntervalMethod.AUTO, 200, 400, 100, 7);
        Coverage.Cell r2 = Coverage.run(regression, Metric.R2, plain, IntervalMethod.AUTO, 200, 400, 100, 7);
        int[] rows = new int[200];
        java.util.Arrays.setAll(rows, i -> i);
        MetricInterval one = Metrics.sample(regression.predictions(), Metric.R2, plain, rows)
                .interval(IntervalMethod.AUTO, 0.95, 42, 100);

        assertCovers(mae);
        // Skewed squared residuals: the delta method under-covers at 200 rows (about 91%), and says so.
        assertThat(r2.method()).isEqualTo("delta method (log ratio)");
        assertThat(r2.twoSided()).as(r2.row()).isBetween(0.85, 0.99);
        assertThat(one.how()).contains("; approximate here: the per-row values are skewed (skewness ");
    }

    @Test
    void theLargeSampleShortcutsCoverAtTenThousandRows() {
        Coverage.Population binary = Coverage.binary("binary", 0.3, POPULATION, 1);
        Coverage.Population multi = Coverage.multiclass("multi", new double[] {0.2, 0.3, 0.5}, POPULATION, 3);
        Coverage.Population regression = Coverage.regression("regression", POPULATION, 5);
        MetricOptions plain = MetricOptions.defaults();

        Coverage.Cell ap =
                Coverage.run(binary, Metric.AVERAGE_PRECISION, plain, IntervalMethod.AUTO, 10_000, 300, 100, 7);
        Coverage.Cell auc = Coverage.run(
                multi, Metric.ROC_AUC, plain.withAverage(Averaging.MACRO), IntervalMethod.AUTO, 10_000, 300, 100, 7);
        Coverage.Cell median =
                Coverage.run(regression, Metric.MEDIAN_ABSOLUTE_ERROR, plain, IntervalMethod.AUTO, 10_000, 300, 200, 7);

        assertThat(ap.method()).isEqualTo("infinitesimal jackknife (logit)");
        assertThat(auc.method()).isEqualTo("DeLong (logit)");
        assertThat(median.method()).isEqualTo("Poisson bootstrap");
        // 300 sets: a standard error of 1.3 points.
        for (Coverage.Cell cell : List.of(ap, auc, median)) {
            assertThat(cell.twoSided()).as(cell.row()).isBetween(0.90, 0.99);
            assertThat(cell.flagged()).as(cell.row()).isZero();
        }
    }

    @Test
    void theBootstrapCoversF1() {
        Coverage.Population binary = Coverage.binary("binary", 0.3, POPULATION, 1);

        Coverage.Cell bca =
                Coverage.run(binary, Metric.F1, MetricOptions.defaults(), IntervalMethod.AUTO, 200, 150, 200, 7);

        assertThat(bca.method()).isEqualTo("BCa bootstrap");
        assertThat(bca.twoSided()).as(bca.row()).isBetween(0.88, 0.99);
    }

    @Test
    void studentTOverQueriesCoversNdcgAndMapAndTheBootstrapResamplesQueries() {
        Coverage.Population ranking = Coverage.ranking("ranking", 10_000, 23);
        MetricOptions k10 = MetricOptions.defaults().withK(10);

        Coverage.Cell ndcg = Coverage.run(ranking, Metric.NDCG, k10, IntervalMethod.AUTO, 200, 400, 100, 7);
        Coverage.Cell map = Coverage.run(ranking, Metric.MAP, k10, IntervalMethod.AUTO, 200, 400, 100, 7);
        Coverage.Cell bootstrap = Coverage.run(ranking, Metric.MAP, k10, IntervalMethod.BOOTSTRAP, 200, 400, 200, 7);

        assertThat(ndcg.method()).isEqualTo("Student-t");
        assertThat(bootstrap.method()).isEqualTo("BCa bootstrap");
        assertCovers(ndcg);
        assertCovers(map);
        assertCovers(bootstrap);
    }

    @Test
    void theBootstrapCoversOneVsOneAndPartialRocAuc() {
        Coverage.Population binary = Coverage.binary("binary", 0.5, POPULATION, 1);
        Coverage.Population multi = Coverage.multiclass("multi", new double[] {0.2, 0.3, 0.5}, POPULATION, 3);
        MetricOptions plain = MetricOptions.defaults();

        Coverage.Cell ovo = Coverage.run(
                multi, Metric.ROC_AUC, plain.withMultiClass(MultiClass.OVO), IntervalMethod.AUTO, 200, 300, 1000, 7);
        Coverage.Cell partial =
                Coverage.run(binary, Metric.ROC_AUC, plain.withMaxFpr(0.5), IntervalMethod.AUTO, 200, 300, 1000, 7);

        for (Coverage.Cell cell : List.of(ovo, partial)) {
            assertThat(cell.method()).isEqualTo("BCa bootstrap");
            assertCovers(cell);
        }
    }
}
