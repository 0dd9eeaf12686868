package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Golden;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MultiClass;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One-vs-one and partial ROC AUC through the builder: value, message, key, interval and the options they refuse. The
 * values are scikit-learn's on the golden data sets ({@code roc-auc.csv}): one-vs-one macro on {@code multiclass.csv}
 * 0.950662892085632, partial AUC of {@code spam} up to FPR 0.1 on {@code binary.csv} 0.6350144337266398.
 */
class RocAucOptionsGateTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    private final Predictions binary = Golden.dataset("binary").predictions();
    private final Predictions multiclass = Golden.dataset("multiclass").predictions();

    private static MetricGate.Builder gate(double value, MetricOptions options) {
        return MetricGate.builder(WHERE, Metric.ROC_AUC, Bound.AT_LEAST, value).options(options);
    }

    private static MetricOptions ovo() {
        return MetricOptions.defaults().withMultiClass(MultiClass.OVO);
    }

    private static MetricOptions partial(double maxFpr) {
        return MetricOptions.defaults().withMaxFpr(maxFpr);
    }

    @Test
    void oneVsOnePassesWithTheBootstrapAsItsAutoInterval() {
        CheckResult result = gate(0.9, ovo()).build().evaluate(multiclass);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(0.950662892085632, within(1e-12));
        assertThat(result.interval().method()).isEqualTo("BCa bootstrap");
        assertThat(result.key()).endsWith("roc_auc:multiClass=OVO");
    }

    @Test
    void oneVsOneFailsNamingTheSchemeAndTheAveraging() {
        CheckResult result =
                gate(0.96, ovo().withAverage(Averaging.WEIGHTED)).build().evaluate(multiclass);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message())
                .isEqualTo("Expecting model ROC AUC (one-vs-one, weighted) on multiclass.csv (n=500):\n"
                        + "  0.9484 (95% CI 0.9335–0.9615, BCa bootstrap, 2000 resamples, seed 42; approximate here:"
                        + " fewer than 20 rows of the rarer class (11), see docs/intervals.md)\n"
                        + "to be at least:\n"
                        + "  0.9600\n"
                        + "but it was 0.0116 below.");
    }

    @Test
    void partialAucFailsNamingItsLimit() {
        CheckResult result = gate(0.8, partial(0.1)).build().evaluate(binary);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.6350144337266398, within(1e-12));
        assertThat(result.message())
                .isEqualTo("Expecting model partial ROC AUC (FPR ≤ 0.1, McClish, positive class 'spam') on binary.csv"
                        + " (n=400):\n"
                        + "  0.6350 (95% CI 0.5733–0.6929, BCa bootstrap, 2000 resamples, seed 42)\n"
                        + "to be at least:\n"
                        + "  0.8000\n"
                        + "but it was 0.1650 below.");
        assertThat(result.key()).endsWith("roc_auc:maxFpr=0.1");
    }

    @Test
    void partialAucOfOneClassAgainstTheRestOnMoreClasses() {
        CheckResult result =
                gate(0.5, partial(0.3).withPositiveLabel("fish")).build().evaluate(multiclass);

        assertThat(result.measured()).isEqualTo(0.9628183677263431, within(1e-12));
        assertThat(result.message())
                .startsWith("Expecting model partial ROC AUC (FPR ≤ 0.3, McClish, positive class 'fish') on"
                        + " multiclass.csv (n=500):\n");
    }

    @Test
    void oneVsOneOnTwoClassesIsTheBinaryAucWithDeLong() {
        CheckResult ovo = gate(0.5, ovo()).build().evaluate(binary);
        CheckResult plain = gate(0.5, MetricOptions.defaults()).build().evaluate(binary);

        assertThat(ovo.measured()).isEqualTo(plain.measured());
        assertThat(ovo.interval()).isEqualTo(plain.interval());
        assertThat(ovo.message()).startsWith("Expecting model ROC AUC (positive class 'spam') on binary.csv (n=400):");
    }

    @Test
    void exactIsRefusedForPartialAucWhenBuilt() {
        assertThatThrownBy(() ->
                        gate(0.7, partial(0.5)).interval(IntervalMethod.EXACT).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("@MetricAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for partial ROC"
                        + " AUC (FPR ≤ 0.5): no exact or analytic interval applies to it, so the bootstrap does (BCa"
                        + " below 10000 rows, Poisson bootstrap from there); exact or analytic intervals exist for");
    }

    @Test
    void exactIsRefusedForOneVsOneOnMoreThanTwoClasses() {
        MetricGate check = gate(0.7, ovo()).interval(IntervalMethod.EXACT).build();

        assertThatThrownBy(() -> check.evaluate(multiclass))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("@MetricAtLeast on T.m(): 'interval' must be AUTO or BOOTSTRAP for ROC AUC"
                        + " (one-vs-one, macro): no exact or analytic interval applies to it, so the bootstrap does");
        assertThat(check.evaluate(binary).interval().method()).isEqualTo("DeLong (logit)");
    }

    @Test
    void refusesWhatScikitLearnRefuses() {
        List<String> messages = List.of(
                problem(multiclass, Metric.ROC_AUC, partial(0.5)),
                problem(multiclass, Metric.ROC_AUC, ovo().withAverage(Averaging.MICRO)),
                problem(multiclass, Metric.ROC_AUC, ovo().withAverage(Averaging.NONE)),
                problem(multiclass, Metric.ROC_AUC, ovo().withPositiveLabel("cat")),
                problem(multiclass, Metric.ROC_AUC, ovo().withAverage(Averaging.BINARY)),
                problem(multiclass, Metric.F1, ovo()),
                problem(binary, Metric.AVERAGE_PRECISION, partial(0.5)),
                problem(MetricFixtures.labelsOnly("labels.csv", 40, 3), Metric.ROC_AUC, ovo()));

        String at = WHERE + ": ";
        assertThat(messages)
                .containsExactly(
                        at + "'maxFpr' (partial ROC AUC) applies to one positive class, but the predictions have the 4"
                                + " classes [bird, cat, dog, fish] (scikit-learn's roc_auc_score refuses max_fpr on more"
                                + " than two classes); leave it at 1 or give 'average' BINARY and a 'positiveLabel', was"
                                + " 0.5",
                        at + "'average' MICRO does not apply with 'multiClass' OVO: one-vs-one ROC AUC averages its"
                                + " pairs of classes MACRO or WEIGHTED, as scikit-learn's"
                                + " roc_auc_score(multi_class='ovo')",
                        at + "'average' NONE does not apply with 'multiClass' OVO: one value per class is one-vs-rest,"
                                + " as scikit-learn's roc_auc_score takes average=None with multi_class='ovr' only",
                        at + "'multiClass' OVO averages over pairs of classes, but 'positiveLabel' \"cat\" asks for"
                                + " one class against the rest; use OVR for that",
                        at + "'multiClass' OVO averages over pairs of classes, but 'average' BINARY asks for one class"
                                + " against the rest; use OVR for that",
                        at + "'multiClass' applies to ROC AUC only, not to F1, was OVO",
                        at + "'maxFpr' applies to ROC AUC only, not to average precision, was 0.5",
                        at + "ROC AUC needs class probabilities, but labels model gives none");
    }

    @Test
    void oneVsOneNeedsProbabilitiesThatSumToOne() {
        Predictions p = Predictions.classification(
                "sums.csv",
                "m",
                List.of("a", "b", "c"),
                new int[] {0, 1, 2, 0},
                new int[] {0, 1, 2, 0},
                new double[][] {{0.8, 0.1, 0.1, 0.5}, {0.1, 0.8, 0.1, 0.2}, {0.1, 0.1, 0.8, 0.2}});

        assertThatThrownBy(() -> gate(0.5, ovo()).build().evaluate(p))
                .isInstanceOf(ModelException.class)
                .hasMessage(
                        "one-vs-one ROC AUC needs each row's probabilities to sum to 1 (as scikit-learn's"
                                + " roc_auc_score(multi_class='ovo') does), but at row 4 of sums.csv they sum to 0.9 (model m)");
    }

    @Test
    void fromTenThousandRowsBothTakeThePoissonBootstrap() {
        Predictions large = threeClasses(12_000);

        CheckResult ovo = gate(0.5, ovo()).resamples(200).build().evaluate(large);
        CheckResult partial = gate(0.5, partial(0.2).withPositiveLabel("c"))
                .resamples(200)
                .build()
                .evaluate(large);

        for (CheckResult result : List.of(ovo, partial)) {
            assertThat(result.interval().method()).isEqualTo("Poisson bootstrap");
            assertThat(result.details()).containsEntry("intervalMethod", "Poisson bootstrap, 200 resamples, seed 42");
            assertThat(result.interval().contains(result.measured())).isTrue();
            assertThat(result.interval().upper() - result.interval().lower()).isBetween(0.001, 0.1);
        }
    }

    /** Three balanced classes whose true class gets a higher, noisy probability; rows sum to 1. */
    private static Predictions threeClasses(int n) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int[] actual = new int[n];
        double[][] p = new double[3][n];
        for (int i = 0; i < n; i++) {
            actual[i] = i % 3;
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                p[c][i] = Math.exp((c == actual[i] ? 1.0 : 0) + random.nextGaussian());
                sum += p[c][i];
            }
            for (int c = 0; c < 3; c++) {
                p[c][i] /= sum;
            }
        }
        return Predictions.classification("large.csv", "m", List.of("a", "b", "c"), actual, actual.clone(), p);
    }

    @Test
    void oneVsOneWithOneTrueClassIsUndefinedAndInconclusive() {
        Predictions oneClass = Predictions.classification(
                "one.csv", "m", List.of("a", "b", "c"), new int[] {0, 0, 0}, new int[] {0, 1, 2}, new double[][] {
                    {0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}
                });

        CheckResult result = gate(0.5, ovo()).build().evaluate(oneClass);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.measured()).isNaN();
        assertThat(result.message())
                .contains("but it is undefined (NaN) on these rows: it is NaN when fewer than two classes occur among"
                        + " the true labels (one-vs-one has no pair of classes to average)");
    }

    @Test
    void maxFprMustBeInZeroToOne() {
        for (double maxFpr : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> MetricOptions.defaults().withMaxFpr(maxFpr))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxFpr must be in (0, 1], was " + maxFpr);
        }
    }

    private static String problem(Predictions p, Metric metric, MetricOptions options) {
        try {
            MetricGate.builder(WHERE, metric, Bound.AT_LEAST, 0.5)
                    .options(options)
                    .build()
                    .evaluate(p);
            return "no problem";
        } catch (ConfigurationException e) {
            return e.getMessage();
        }
    }
}
