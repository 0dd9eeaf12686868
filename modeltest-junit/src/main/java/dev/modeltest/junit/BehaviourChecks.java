package dev.modeltest.junit;

import dev.modeltest.behaviour.InvarianceCheck;
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
                    annotation.confidence());
        }
    }
}
