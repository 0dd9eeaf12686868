package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-vs-one and partial {@link Metric#ROC_AUC} against scikit-learn 1.2.1's {@code roc_auc_score(multi_class='ovo',
 * average=...)} and {@code roc_auc_score(y_true == positive, p_positive, max_fpr=...)} ({@code roc-auc.csv} from
 * {@code scripts/golden/make_metrics_golden.py}): 2 to 5 classes, scores with many ties (two decimals; a 0.1 grid in
 * {@code ties3}), slices without a class, one class only, and the first rows; ROC points that fall exactly on {@code
 * max_fpr}, where scikit-learn's {@code searchsorted(side='right')} decides which segment is cut, occur in nine
 * cases (e.g. {@code edge}, all rows, class {@code a} at 0.5, where two points share that rate).
 */
class RocAucGoldenTest {

    static Stream<Arguments> expected() {
        return Golden.csv("roc-auc.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2} max_fpr {3} {4} {5} = {6}")
    @MethodSource("expected")
    void matchesScikitLearn(
            String dataset,
            String subset,
            String multiClass,
            String maxFpr,
            String average,
            String positive,
            String value) {
        Golden.Dataset data = Golden.dataset(dataset);
        MetricOptions options = Golden.options(average, positive, "", "")
                .withMultiClass(MultiClass.valueOf(multiClass))
                .withMaxFpr(Double.parseDouble(maxFpr));
        double expected = Golden.number(value);

        double actual = Metrics.compute(data.predictions(), Metric.ROC_AUC, options, data.rows(subset));

        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(Golden.tolerance(expected)));
        }
    }

    @Test
    void coversOneVsOneAndEveryMaxFprOnTwoToFiveClasses() {
        List<String[]> rows = Golden.csv("roc-auc.csv");

        assertThat(rows.stream().map(r -> r[0]).distinct())
                .containsExactlyInAnyOrder("binary", "multiclass", "edge", "ties3", "five");
        assertThat(rows.stream().map(r -> r[3]).distinct())
                .containsExactlyInAnyOrder("0.1", "0.3", "0.5", "0.8", "1.0");
        assertThat(rows.stream().filter(r -> r[2].equals("OVO")).map(r -> r[4]).distinct())
                .containsExactlyInAnyOrder("AUTO", "MACRO", "WEIGHTED");
        assertThat(rows).anySatisfy(r -> assertThat(r[6]).isEqualTo("nan"));
    }

    /**
     * The bootstrap evaluates with multiplicities: they must give what the same rows copied give, including
     * multiplicities of 0 that remove a class (one-vs-one then averages the pairs of the classes left).
     */
    @Test
    void countedRowsGiveWhatCopiedRowsGive() {
        Predictions p = Golden.dataset("five").predictions();
        int n = p.size();
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = p.actualClasses()[i] == 4 ? 0 : (i * 7) % 3;
        }
        int[] copied = IntStream.range(0, n)
                .flatMap(i -> IntStream.generate(() -> i).limit(counts[i]))
                .toArray();
        for (MetricOptions options : List.of(
                MetricOptions.defaults().withMultiClass(MultiClass.OVO),
                MetricOptions.defaults().withMultiClass(MultiClass.OVO).withAverage(Averaging.WEIGHTED),
                MetricOptions.defaults().withPositiveLabel("c2").withMaxFpr(0.3))) {
            double weighted = Metrics.sample(p, Metric.ROC_AUC, options).value(counts);

            assertThat(weighted)
                    .as(options.toString())
                    .isCloseTo(Metrics.compute(p, Metric.ROC_AUC, options, copied), within(1e-12));
        }
    }

    @Test
    void oneVsOneOnTwoClassesIsTheBinaryAuc() {
        Predictions p = Golden.dataset("binary").predictions();

        assertThat(Metrics.compute(p, Metric.ROC_AUC, MetricOptions.defaults().withMultiClass(MultiClass.OVO)))
                .isEqualTo(Metrics.compute(p, Metric.ROC_AUC, MetricOptions.defaults()));
    }

    @Test
    void maxFprOneIsTheWholeCurve() {
        Predictions p = Golden.dataset("binary").predictions();

        assertThat(Metrics.compute(p, Metric.ROC_AUC, MetricOptions.defaults().withMaxFpr(1)))
                .isEqualTo(Metrics.compute(p, Metric.ROC_AUC, MetricOptions.defaults()));
    }
}
