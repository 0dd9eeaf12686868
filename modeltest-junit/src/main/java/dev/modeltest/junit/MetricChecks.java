package dev.modeltest.junit;

import static dev.modeltest.junit.AnnotationAttributes.read;

import dev.modeltest.check.Check;
import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.gate.NoRegressionCheck;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.Direction;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MultiClass;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.subject.ModelSource;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The factories of the metric check annotations: each translates attributes into a core {@link MetricGate}. */
final class MetricChecks {

    private MetricChecks() {}

    /**
     * A factory of a metric check annotation: one that declares every attribute of {@link MetricCheckAttributes} (a
     * test checks names, types and defaults) and builds its check with {@link #check}.
     */
    interface MetricCheckFactory<A extends Annotation> extends CheckFactory<A> {}

    /**
     * Builds the check from the attributes every metric check annotation declares alike ({@link MetricCheckAttributes}):
     * {@code value}, {@code confidence}, {@code slicedBy}, {@code minSliceSize}, {@code seed}, {@code resamples} and
     * {@code interval}. The check validates them, naming the annotation and the attribute.
     */
    static MetricGate gate(Annotation a, String where, Metric metric, Bound bound, MetricOptions options) {
        return builder(a, where, metric, bound, options).build();
    }

    /** As {@link #check}, the builder before {@code build()}, for a factory that adds a setting of its own. */
    static MetricGate.Builder builder(Annotation a, String where, Metric metric, Bound bound, MetricOptions options) {
        return MetricGate.builder(where, metric, bound, read(a, "value", Double.class))
                .options(options)
                .confidence(read(a, "confidence", Double.class))
                .slicedBy(read(a, "slicedBy", String.class))
                .minSliceSize(read(a, "minSliceSize", Integer.class))
                .seed(read(a, "seed", Long.class))
                .resamples(read(a, "resamples", Integer.class))
                .interval(read(a, "interval", IntervalMethod.class));
    }

    static MetricOptions options(String where, Averaging average, String positiveLabel, int bins, Binning binning) {
        if (bins < 1 || bins > MetricOptions.MAX_BINS) {
            throw ConfigurationException.badAttribute(
                    where, "bins", "must be in [1, " + MetricOptions.MAX_BINS + "]", bins);
        }
        return new MetricOptions(average, positiveLabel.isEmpty() ? null : positiveLabel, bins, binning);
    }

    static MetricOptions options(String where, Averaging average, String positiveLabel) {
        return options(where, average, positiveLabel, MetricOptions.DEFAULT_BINS, Binning.EQUAL_WIDTH);
    }

    /**
     * Refuses a bound against the metric's direction: a floor on a loss (or a ceiling on a score) lets a worse model
     * pass more easily, which is never what a quality check means.
     */
    static void requireDirection(String where, Metric metric, Bound bound) {
        Direction wanted = bound == Bound.AT_LEAST ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
        if (metric.direction() != wanted) {
            String better = metric.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower";
            String instead = bound == Bound.AT_LEAST ? "@MetricAtMost" : "@MetricAtLeast";
            throw new ConfigurationException(where + ": 'metric' " + metric + " (" + metric.displayName() + ") is "
                    + better + "-is-better, so " + (bound == Bound.AT_LEAST ? "a floor" : "a ceiling")
                    + " would let a worse model pass; use " + instead + "(metric = " + metric + ", ...)");
        }
    }

    /** NDCG and MAP need a cut-off and a query column, which only their own annotations take. */
    static void requireNotRanking(String where, Metric metric) {
        if (metric == Metric.NDCG || metric == Metric.MAP) {
            String annotation = metric == Metric.NDCG ? "@NdcgAtLeast" : "@MapAtLeast";
            throw new ConfigurationException(where + ": 'metric' " + metric + " ranks the rows of each query: use "
                    + annotation + "(value = ..., k = ..., query = \"<query column>\")");
        }
    }

    static final class MetricAtLeastFactory implements MetricCheckFactory<MetricAtLeast> {
        @Override
        public Check create(MetricAtLeast a, String where) {
            requireNotRanking(where, a.metric());
            requireDirection(where, a.metric(), Bound.AT_LEAST);
            MetricOptions options = options(where, a.average(), a.positiveLabel(), a.bins(), a.binning());
            options = regressionOptions(where, options, a.alpha(), a.power(), a.forceFinite());
            options = rocOptions(where, options, a.multiClass(), a.maxFpr());
            return gate(a, where, a.metric(), Bound.AT_LEAST, options.withZeroDivision(a.zeroDivision()));
        }
    }

    static final class MetricAtMostFactory implements MetricCheckFactory<MetricAtMost> {
        @Override
        public Check create(MetricAtMost a, String where) {
            requireNotRanking(where, a.metric());
            requireDirection(where, a.metric(), Bound.AT_MOST);
            MetricOptions options = options(where, a.average(), a.positiveLabel(), a.bins(), a.binning());
            options = regressionOptions(where, options, a.alpha(), a.power(), a.forceFinite());
            return gate(a, where, a.metric(), Bound.AT_MOST, options.withZeroDivision(a.zeroDivision()));
        }
    }

    /**
     * Adds {@code alpha}, {@code power} and {@code forceFinite}, validated here so that the message names the
     * annotation; whether the metric takes them is the gate's check ({@code 'alpha' applies to mean pinball loss
     * ...}).
     */
    static MetricOptions regressionOptions(
            String where, MetricOptions options, double alpha, double power, boolean forceFinite) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw ConfigurationException.badAttribute(where, "alpha", "must be in [0, 1]", Format.number(alpha));
        }
        if (!Double.isFinite(power) || (power > 0 && power < 1)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "power",
                    "must be a finite number of at most 0 or at least 1 (the Tweedie deviance is only defined there)",
                    Format.number(power));
        }
        return options.withAlpha(alpha).withPower(power).withForceFinite(forceFinite);
    }

    /**
     * {@code @AccuracyAtLeast}: a metric check like the others, reported on the point value on all rows as it always
     * has been ({@link MetricGate.Builder#reportedAsAccuracyCheck()}).
     */
    static final class AccuracyFactory implements MetricCheckFactory<AccuracyAtLeast> {
        @Override
        public Check create(AccuracyAtLeast a, String where) {
            return builder(a, where, Metric.ACCURACY, Bound.AT_LEAST, MetricOptions.defaults())
                    .reportedAsAccuracyCheck()
                    .build();
        }
    }

    static final class F1Factory implements MetricCheckFactory<F1AtLeast> {
        @Override
        public Check create(F1AtLeast a, String where) {
            MetricOptions options =
                    options(where, a.average(), a.positiveLabel()).withZeroDivision(a.zeroDivision());
            return gate(a, where, Metric.F1, Bound.AT_LEAST, options);
        }
    }

    static final class FBetaFactory implements MetricCheckFactory<FBetaAtLeast> {
        @Override
        public Check create(FBetaAtLeast a, String where) {
            if (!(a.beta() > 0 && a.beta() < Double.POSITIVE_INFINITY)) {
                throw ConfigurationException.badAttribute(
                        where, "beta", "must be a finite number above 0", Format.number(a.beta()));
            }
            MetricOptions options = options(where, a.average(), a.positiveLabel())
                    .withBeta(a.beta())
                    .withZeroDivision(a.zeroDivision());
            return gate(a, where, Metric.F_BETA, Bound.AT_LEAST, options);
        }
    }

    static final class TopKAccuracyFactory implements MetricCheckFactory<TopKAccuracyAtLeast> {
        @Override
        public Check create(TopKAccuracyAtLeast a, String where) {
            if (a.k() < 1) {
                throw ConfigurationException.badAttribute(where, "k", "must be at least 1", a.k());
            }
            MetricOptions options = MetricOptions.defaults().withK(a.k());
            return gate(a, where, Metric.TOP_K_ACCURACY, Bound.AT_LEAST, options);
        }
    }

    /** The ranking metrics' own attributes: the cut-off {@code k} and the {@code query} column. */
    static MetricGate rankingGate(Annotation a, String where, Metric metric, int k, String query) {
        if (k < 1) {
            throw ConfigurationException.badAttribute(where, "k", "must be at least 1", k);
        }
        if (query.isBlank()) {
            throw ConfigurationException.badAttribute(
                    where, "query", "must name the column of each row's query", "'" + query + "'");
        }
        return builder(
                        a,
                        where,
                        metric,
                        Bound.AT_LEAST,
                        MetricOptions.defaults().withK(k))
                .query(query)
                .build();
    }

    static final class NdcgFactory implements MetricCheckFactory<NdcgAtLeast> {
        @Override
        public Check create(NdcgAtLeast a, String where) {
            return rankingGate(a, where, Metric.NDCG, a.k(), a.query());
        }
    }

    static final class MapFactory implements MetricCheckFactory<MapAtLeast> {
        @Override
        public Check create(MapAtLeast a, String where) {
            return rankingGate(a, where, Metric.MAP, a.k(), a.query());
        }
    }

    static final class PrecisionFactory implements MetricCheckFactory<PrecisionAtLeast> {
        @Override
        public Check create(PrecisionAtLeast a, String where) {
            MetricOptions options =
                    options(where, a.average(), a.positiveLabel()).withZeroDivision(a.zeroDivision());
            return gate(a, where, Metric.PRECISION, Bound.AT_LEAST, options);
        }
    }

    static final class RecallFactory implements MetricCheckFactory<RecallAtLeast> {
        @Override
        public Check create(RecallAtLeast a, String where) {
            MetricOptions options =
                    options(where, a.average(), a.positiveLabel()).withZeroDivision(a.zeroDivision());
            return gate(a, where, Metric.RECALL, Bound.AT_LEAST, options);
        }
    }

    static final class AucFactory implements MetricCheckFactory<AucAtLeast> {
        @Override
        public Check create(AucAtLeast a, String where) {
            MetricOptions options =
                    rocOptions(where, options(where, a.average(), a.positiveLabel()), a.multiClass(), a.maxFpr());
            return gate(a, where, Metric.ROC_AUC, Bound.AT_LEAST, options);
        }
    }

    /**
     * Adds ROC AUC's {@code multiClass} and {@code maxFpr}, {@code maxFpr} validated here so that the message names
     * the annotation; whether the metric and the classes take them is the gate's check.
     */
    static MetricOptions rocOptions(String where, MetricOptions options, MultiClass multiClass, double maxFpr) {
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "maxFpr",
                    "must be in (0, 1]: the false positive rate up to which the partial AUC is taken, 1 for the whole"
                            + " curve",
                    Format.number(maxFpr));
        }
        return options.withMultiClass(multiClass).withMaxFpr(maxFpr);
    }

    static final class LogLossFactory implements MetricCheckFactory<LogLossAtMost> {
        @Override
        public Check create(LogLossAtMost a, String where) {
            return gate(a, where, Metric.LOG_LOSS, Bound.AT_MOST, MetricOptions.defaults());
        }
    }

    static final class RmseFactory implements MetricCheckFactory<RmseAtMost> {
        @Override
        public Check create(RmseAtMost a, String where) {
            return gate(a, where, Metric.RMSE, Bound.AT_MOST, MetricOptions.defaults());
        }
    }

    static final class MaeFactory implements MetricCheckFactory<MaeAtMost> {
        @Override
        public Check create(MaeAtMost a, String where) {
            return gate(a, where, Metric.MAE, Bound.AT_MOST, MetricOptions.defaults());
        }
    }

    static final class R2Factory implements MetricCheckFactory<R2AtLeast> {
        @Override
        public Check create(R2AtLeast a, String where) {
            return gate(a, where, Metric.R2, Bound.AT_LEAST, MetricOptions.defaults());
        }
    }

    static final class CalibrationErrorFactory implements MetricCheckFactory<CalibrationErrorAtMost> {
        @Override
        public Check create(CalibrationErrorAtMost a, String where) {
            return gate(
                    a,
                    where,
                    Metric.EXPECTED_CALIBRATION_ERROR,
                    Bound.AT_MOST,
                    options(where, Averaging.AUTO, a.positiveLabel(), a.bins(), a.binning()));
        }
    }

    static final class NoRegressionFactory implements CheckFactory<NoRegressionVs> {
        @Override
        public Check create(NoRegressionVs a, String where) {
            requireNotRanking(where, a.metric());
            return NoRegressionCheck.builder(where, a.metric(), baseline(a, where))
                    .options(options(where, a.average(), a.positiveLabel()))
                    .tolerance(a.tolerance())
                    .alpha(a.alpha())
                    .seed(a.seed())
                    .resamples(a.resamples())
                    .build();
        }

        /** Exactly one baseline source, as {@code @ModelTest} requires exactly one model source. */
        static ModelSource baseline(NoRegressionVs a, String where) {
            List<String> sources = new ArrayList<>();
            if (!a.baselineModel().isBlank()) {
                sources.add("'baselineModel'");
            }
            if (a.baselineProvider() != ModelProvider.class) {
                sources.add("'baselineProvider'");
            }
            if (!a.baselinePredictions().isBlank()) {
                sources.add("'baselinePredictions'");
            }
            if (sources.size() != 1) {
                throw new ConfigurationException(where
                        + ": give exactly one baseline, 'baselineModel', 'baselineProvider' or 'baselinePredictions', "
                        + (sources.isEmpty() ? "found none" : "found " + String.join(" and ", sources)));
            }
            if (a.baselineScores().length > 0 && a.baselinePredictions().isBlank()) {
                throw new ConfigurationException(
                        where + ": 'baselineScores' goes with 'baselinePredictions' (probability columns of the"
                                + " baseline's predictions)");
            }
            if (!a.baselineModel().isBlank()) {
                return new ModelSource.File(a.baselineModel());
            }
            if (a.baselineProvider() != ModelProvider.class) {
                Class<? extends ModelProvider> type = a.baselineProvider();
                if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    throw ConfigurationException.badAttribute(
                            where, "baselineProvider", "must be a concrete class", type.getName());
                }
                return new ModelSource.Provider(type);
            }
            return new ModelSource.Columns(a.baselinePredictions(), List.of(a.baselineScores()));
        }
    }
}
