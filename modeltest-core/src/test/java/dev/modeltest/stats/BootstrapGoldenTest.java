package dev.modeltest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Golden;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Percentile and BCa intervals against {@code scipy.stats.bootstrap} (SciPy 1.10.1), fed the very resamples SciPy
 * drew ({@code scripts/golden/make_metrics_golden.py} reproduces and checks them), for a mean and for metrics whose
 * resampled value this library computes from counts.
 */
class BootstrapGoldenTest {

    static Stream<Arguments> cases() {
        return Golden.csv("bootstrap/cases.csv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesScipy(
            String name,
            String method,
            String confidence,
            String resamples,
            String data,
            String estimate,
            String low,
            String high,
            String standardError) {
        int[][] draws = Golden.csv("bootstrap/" + name + "-resamples.csv").stream()
                .map(r -> Stream.of(r).mapToInt(Integer::parseInt).toArray())
                .toArray(int[][]::new);
        int n = draws[0].length;
        Bootstrap.Statistic statistic = statistic(name);
        Bootstrap bootstrap = Bootstrap.seeded(0)
                .withReplicates(Integer.parseInt(resamples))
                .withMethod(Bootstrap.Method.valueOf(method));

        Bootstrap.Result result = bootstrap.interval(n, statistic, Double.parseDouble(confidence), draws);

        close(result.estimate(), estimate);
        close(result.interval().lower(), low);
        close(result.interval().upper(), high);
        close(result.standardError(), standardError);
        assertThat(result.method()).isEqualTo(Bootstrap.Method.valueOf(method));
        assertThat(result.undefinedReplicates()).isZero();
    }

    private static Bootstrap.Statistic statistic(String name) {
        MetricOptions defaults = MetricOptions.defaults();
        switch (name) {
            case "mean": {
                double[] x = Golden.csv("bootstrap/mean-sample.csv").stream()
                        .mapToDouble(r -> Double.parseDouble(r[0]))
                        .toArray();
                return counts -> {
                    double sum = 0;
                    long total = 0;
                    for (int j = 0; j < x.length; j++) {
                        sum += counts[j] * x[j];
                        total += counts[j];
                    }
                    return sum / total;
                };
            }
            case "mae": {
                List<String[]> rows = Golden.csv("bootstrap/mae-sample.csv");
                double[] actual =
                        rows.stream().mapToDouble(r -> Double.parseDouble(r[0])).toArray();
                double[] predicted =
                        rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
                Predictions p = Predictions.regression("mae-sample.csv", "golden", actual, predicted);
                return Metrics.sample(p, Metric.MAE, defaults)::value;
            }
            case "auc":
                return Metrics.sample(predictions("binary"), Metric.ROC_AUC, defaults, first(80))::value;
            case "f1_macro":
                return Metrics.sample(
                        predictions("multiclass"), Metric.F1, defaults.withAverage(Averaging.MACRO), first(100))::value;
            case "log_loss":
                return Metrics.sample(predictions("multiclass"), Metric.LOG_LOSS, defaults, first(100))::value;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static Predictions predictions(String dataset) {
        return Golden.dataset(dataset).predictions();
    }

    private static int[] first(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static void close(double actual, String expected) {
        double e = Double.parseDouble(expected);
        assertThat(actual).isCloseTo(e, within(Golden.tolerance(e)));
    }
}
