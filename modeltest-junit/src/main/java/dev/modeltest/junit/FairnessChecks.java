package dev.modeltest.junit;

import dev.modeltest.check.Check;
import dev.modeltest.fairness.DemographicParityCheck;
import dev.modeltest.fairness.DisparateImpactCheck;
import dev.modeltest.fairness.EqualOpportunityCheck;
import dev.modeltest.fairness.EqualizedOddsCheck;
import dev.modeltest.fairness.FairnessOptions;
import dev.modeltest.fairness.GroupMetricAtLeastCheck;
import dev.modeltest.fairness.GroupMetricGapAtMostCheck;
import java.util.List;

/** The factories of the fairness check annotations: each translates attributes into a core fairness check. */
final class FairnessChecks {

    private FairnessChecks() {}

    /** The attributes every fairness annotation shares. */
    static FairnessOptions options(
            String[] attribute,
            String positiveLabel,
            double threshold,
            int minGroupSize,
            double confidence,
            long seed,
            int resamples) {
        return new FairnessOptions(
                List.of(attribute), positiveLabel, threshold, minGroupSize, confidence, seed, resamples);
    }

    static final class DemographicParityFactory implements CheckFactory<DemographicParity> {
        @Override
        public Check create(DemographicParity a, String where) {
            return new DemographicParityCheck(
                    where,
                    options(
                            a.attribute(),
                            a.positiveLabel(),
                            a.threshold(),
                            a.minGroupSize(),
                            a.confidence(),
                            a.seed(),
                            a.resamples()),
                    a.maxDifference(),
                    a.minRatio());
        }
    }

    static final class EqualizedOddsFactory implements CheckFactory<EqualizedOdds> {
        @Override
        public Check create(EqualizedOdds a, String where) {
            return new EqualizedOddsCheck(
                    where,
                    options(
                            a.attribute(),
                            a.positiveLabel(),
                            a.threshold(),
                            a.minGroupSize(),
                            a.confidence(),
                            a.seed(),
                            a.resamples()),
                    a.maxDifference());
        }
    }

    static final class EqualOpportunityFactory implements CheckFactory<EqualOpportunity> {
        @Override
        public Check create(EqualOpportunity a, String where) {
            return new EqualOpportunityCheck(
                    where,
                    options(
                            a.attribute(),
                            a.positiveLabel(),
                            a.threshold(),
                            a.minGroupSize(),
                            a.confidence(),
                            a.seed(),
                            a.resamples()),
                    a.maxDifference());
        }
    }

    static final class DisparateImpactFactory implements CheckFactory<DisparateImpactAtLeast> {
        @Override
        public Check create(DisparateImpactAtLeast a, String where) {
            return new DisparateImpactCheck(
                    where,
                    options(
                            a.attribute(),
                            a.positiveLabel(),
                            a.threshold(),
                            a.minGroupSize(),
                            a.confidence(),
                            a.seed(),
                            a.resamples()),
                    List.of(a.privileged()),
                    a.value());
        }
    }

    static final class GroupMetricAtLeastFactory implements CheckFactory<GroupMetricAtLeast> {
        @Override
        public Check create(GroupMetricAtLeast a, String where) {
            return new GroupMetricAtLeastCheck(
                    where,
                    options(
                            a.attribute(),
                            a.positiveLabel(),
                            a.threshold(),
                            a.minGroupSize(),
                            a.confidence(),
                            a.seed(),
                            a.resamples()),
                    a.metric(),
                    a.value());
        }
    }

    static final class GroupMetricGapAtMostFactory implements CheckFactory<GroupMetricGapAtMost> {
        @Override
        public Check create(GroupMetricGapAtMost a, String where) {
            return new GroupMetricGapAtMostCheck(
                    where,
                    options(
                            a.attribute(),
                            a.positiveLabel(),
                            a.threshold(),
                            a.minGroupSize(),
                            a.confidence(),
                            a.seed(),
                            a.resamples()),
                    a.metric(),
                    a.value());
        }
    }
}
