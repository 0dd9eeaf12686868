package dev.modeltest.junit;

import dev.modeltest.behaviour.GeneratedInputsCheck;
import dev.modeltest.behaviour.InvarianceCheck;
import dev.modeltest.behaviour.MonotonicityCheck;
import dev.modeltest.behaviour.NoiseStabilityCheck;
import dev.modeltest.check.Check;
import java.util.List;

/** The factories of the behavioural check annotations: each translates attributes into a core check. */
final class BehaviourChecks {

    private BehaviourChecks() {}

    static final class InvariantToFactory implements CheckFactory<InvariantTo> {
        @Override
        public Check create(InvariantTo annotation, String where) {
            return new InvarianceCheck(
                    where,
                    annotation.column(),
                    List.of(annotation.values()),
                    annotation.maxFlipRate(),
                    annotation.tolerance(),
                    annotation.confidence());
        }
    }

    static final class MonotonicFactory implements CheckFactory<Monotonic> {
        @Override
        public Check create(Monotonic annotation, String where) {
            return new MonotonicityCheck(
                    where,
                    annotation.feature(),
                    annotation.direction(),
                    annotation.step(),
                    annotation.positiveClass(),
                    annotation.tolerance(),
                    annotation.maxViolationRate(),
                    annotation.confidence());
        }
    }

    static final class StableUnderNoiseFactory implements CheckFactory<StableUnderNoise> {
        @Override
        public Check create(StableUnderNoise annotation, String where) {
            return new NoiseStabilityCheck(
                    where,
                    List.of(annotation.columns()),
                    annotation.sigma(),
                    annotation.maxFlipRate(),
                    annotation.maxMeanChange(),
                    annotation.seed(),
                    annotation.confidence());
        }
    }

    static final class HandlesGeneratedInputsFactory implements CheckFactory<HandlesGeneratedInputs> {
        @Override
        public Check create(HandlesGeneratedInputs annotation, String where) {
            return new GeneratedInputsCheck(
                    where,
                    annotation.rows(),
                    annotation.schema(),
                    annotation.seed(),
                    annotation.min(),
                    annotation.max());
        }
    }
}
