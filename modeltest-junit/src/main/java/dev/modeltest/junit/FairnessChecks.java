package dev.modeltest.junit;

import static dev.modeltest.junit.AnnotationAttributes.read;

import dev.modeltest.check.Check;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.DisparateImpactCheck;
import dev.modeltest.fairness.EqualOpportunityCheck;
import dev.modeltest.fairness.EqualizedOddsCheck;
import dev.modeltest.fairness.FairnessOptions;
import dev.modeltest.fairness.GroupMetricAtLeastCheck;
import dev.modeltest.fairness.GroupMetricGapAtMostCheck;
import java.lang.annotation.Annotation;
import java.util.List;

/** The factories of the fairness check annotations: each translates attributes into a core fairness check. */
final class FairnessChecks {

    private FairnessChecks() {}

    /**
     * Reads the attributes every fairness annotation declares alike: {@code attribute}, {@code positiveLabel},
     * {@code threshold}, {@code minGroupSize}, {@code confidence}, {@code seed} and {@code resamples}. The core check
     * validates them, naming the annotation and the attribute.
     */
    static FairnessOptions options(Annotation a) {
        return new FairnessOptions(
                List.of(read(a, "attribute", String[].class)),
                read(a, "positiveLabel", String.class),
                read(a, "threshold", Double.class),
                read(a, "minGroupSize", Integer.class),
                read(a, "confidence", Double.class),
                read(a, "seed", Long.class),
                read(a, "resamples", Integer.class));
    }

    static final class DemographicParityFactory implements CheckFactory<DemographicParity> {
        @Override
        public Check create(DemographicParity a, String where) {
            return new DemographicParityCheck(where, options(a), a.maxDifference(), a.minRatio());
        }
    }

    static final class EqualizedOddsFactory implements CheckFactory<EqualizedOdds> {
        @Override
        public Check create(EqualizedOdds a, String where) {
            return new EqualizedOddsCheck(where, options(a), a.maxDifference());
        }
    }

    static final class EqualOpportunityFactory implements CheckFactory<EqualOpportunity> {
        @Override
        public Check create(EqualOpportunity a, String where) {
            return new EqualOpportunityCheck(where, options(a), a.maxDifference());
        }
    }

    static final class DisparateImpactFactory implements CheckFactory<DisparateImpactAtLeast> {
        @Override
        public Check create(DisparateImpactAtLeast a, String where) {
            return new DisparateImpactCheck(where, options(a), List.of(a.privileged()), a.value());
        }
    }

    static final class GroupMetricAtLeastFactory implements CheckFactory<GroupMetricAtLeast> {
        @Override
        public Check create(GroupMetricAtLeast a, String where) {
            return new GroupMetricAtLeastCheck(where, options(a), a.metric(), a.value());
        }
    }

    static final class GroupMetricGapAtMostFactory implements CheckFactory<GroupMetricGapAtMost> {
        @Override
        public Check create(GroupMetricGapAtMost a, String where) {
            return new GroupMetricGapAtMostCheck(where, options(a), a.metric(), a.value());
        }
    }
}
