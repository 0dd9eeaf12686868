package dev.modeltest.gate;

import dev.modeltest.check.Interval;
import dev.modeltest.metrics.MetricSample;
import dev.modeltest.stats.DeLong;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Paired comparisons of a model with a baseline on the same rows. Each test asks whether the model is worse than the
 * baseline by more than a tolerance: its p-value is that of the null hypothesis "the drop is at most the tolerance"
 * against "the drop is larger", one-sided.
 */
final class PairedTests {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private PairedTests() {}

    /**
     * A one-sided p-value with a short description of the test.
     *
     * @param pValue the p-value
     * @param description e.g. {@code exact McNemar test on 3 discordant rows}
     */
    record Test(double pValue, String description) {}

    /** A test with the interval of the difference {@code model − baseline} that goes with it. */
    record Outcome(Test test, Interval interval) {}

    /**
     * The exact McNemar test of accuracy: only the discordant rows carry information, {@code b} that only the model
     * gets right and {@code c} that only the baseline gets right. Given {@code m = b + c}, {@code c} is binomial; a
     * drop of accuracy by exactly {@code tolerance} means {@code E[c − b] = tolerance·n}, so the test is the exact
     * binomial test of {@code c} against {@code π0 = (m + tolerance·n) / 2m} ({@code π0 = ½}, the textbook exact
     * McNemar test, when the tolerance is 0; the margin form conditions on {@code m}, as the exact test does).
     * Same as {@code scipy.stats.binomtest(c, b + c, π0, alternative='greater')}.
     */
    static Test mcNemar(long b, long c, int n, double tolerance) {
        long m = b + c;
        String description = "exact McNemar test on " + m + " discordant rows: " + b + " only the model gets right, "
                + c + " only the baseline";
        if (m == 0) {
            return new Test(1.0, description);
        }
        double pi0 = (m + tolerance * n) / (2.0 * m);
        if (pi0 >= 1) {
            // Even if every discordant row went the baseline's way, the drop could not exceed the tolerance.
            return new Test(1.0, description);
        }
        double p = BinomialTest.withDefaults()
                .with(AlternativeHypothesis.GREATER_THAN)
                .test(Math.toIntExact(m), Math.toIntExact(c), pi0)
                .getPValue();
        return new Test(p, description);
    }

    /**
     * DeLong's covariance of two correlated ROC AUCs on the same rows, from {@link DeLong}'s structural components.
     *
     * @param positive whether each row is of the positive class
     * @param scoresA the first model's positive-class scores
     * @param scoresB the second model's
     * @return {@code {aucA, aucB, varA, varB, covAB}}
     */
    static double[] deLong(boolean[] positive, double[] scoresA, double[] scoresB) {
        DeLong.Components a = DeLong.components(positive, scoresA);
        DeLong.Components b = DeLong.components(positive, scoresB);
        return new double[] {a.auc(), b.auc(), a.variance(), b.variance(), DeLong.covariance(a, b)};
    }

    /**
     * The DeLong z test of {@code improvement = aucModel − aucBaseline} against {@code −tolerance}: {@code z =
     * (improvement + tolerance) / se}, p-value {@code Φ(z)}; and the normal interval {@code improvement ± z·se}.
     */
    static Outcome deLongTest(double[] d, double tolerance, double level) {
        double improvement = d[0] - d[1];
        double variance = Math.max(0, d[2] + d[3] - 2 * d[4]);
        double se = Math.sqrt(variance);
        double p;
        if (se == 0) {
            p = improvement + tolerance < 0 ? 0 : 1;
        } else {
            p = STANDARD_NORMAL.cumulativeProbability((improvement + tolerance) / se);
        }
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
        Interval interval = new Interval(improvement - z * se, improvement + z * se, level, "DeLong");
        String description = "DeLong test, z = "
                + (se == 0
                        ? "undefined (no variance)"
                        : dev.modeltest.check.Format.number((improvement + tolerance) / se));
        return new Outcome(new Test(p, description), interval);
    }

    /**
     * The paired bootstrap: each replicate draws the same rows for model and baseline and records the difference
     * {@code model − baseline}. The interval is the percentile interval of the differences; the p-value the share of
     * replicates where the drop is within the tolerance (the achieved significance level of Efron and Tibshirani
     * 1993, §16.4), counted as {@code (1 + k) / (1 + B)} so that it is never 0. Replicate {@code b} draws from its own
     * stream split from the seed, so the result is the same bit for bit on any number of cores.
     *
     * @param higherIsBetter the metric's direction: a drop is {@code baseline − model} when higher is better
     * @return the test and the percentile interval
     */
    static Outcome pairedBootstrap(
            MetricSample model,
            MetricSample baseline,
            boolean higherIsBetter,
            double tolerance,
            double level,
            long seed,
            int resamples) {
        int n = model.size();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        double[] differences = new double[resamples];
        IntStream.range(0, resamples).parallel().forEach(b -> {
            int[] counts = new int[n];
            SplittableRandom random = streams[b];
            for (int t = 0; t < n; t++) {
                counts[random.nextInt(n)]++;
            }
            differences[b] = model.value(counts) - baseline.value(counts);
        });
        double[] defined = Arrays.stream(differences)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (defined.length == 0) {
            throw new IllegalStateException("the metric is undefined on all " + resamples + " paired resamples");
        }
        long within = 0;
        for (double d : defined) {
            double drop = higherIsBetter ? -d : d;
            if (drop <= tolerance) {
                within++;
            }
        }
        double p = (1.0 + within) / (1.0 + defined.length);
        double alpha = (1 - level) / 2;
        Interval interval = new Interval(
                percentile(defined, alpha * 100), percentile(defined, (1 - alpha) * 100), level, "paired bootstrap");
        String description = "paired bootstrap, " + resamples + " resamples, seed " + seed;
        return new Outcome(new Test(p, description), interval);
    }

    /** {@code numpy.percentile(sorted, q)}, linear interpolation; {@code sorted} ascending, {@code q} in percent. */
    static double percentile(double[] sorted, double q) {
        double position = q / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }
}
