package dev.modeltest.junit;

import dev.modeltest.check.Check;
import dev.modeltest.drift.DriftCheck;
import dev.modeltest.drift.DriftOptions;
import java.util.List;

/** The factory of {@link NoDrift}: translates its attributes into a core {@link DriftCheck}. */
final class DriftChecks {

    private DriftChecks() {}

    static final class NoDriftFactory implements CheckFactory<NoDrift> {
        @Override
        public Check create(NoDrift annotation, String where) {
            DriftOptions options = new DriftOptions(
                    annotation.method(),
                    annotation.threshold(),
                    annotation.pValue(),
                    annotation.correction(),
                    annotation.bins());
            return new DriftCheck(where, annotation.reference(), List.of(annotation.columns()), options);
        }
    }
}
