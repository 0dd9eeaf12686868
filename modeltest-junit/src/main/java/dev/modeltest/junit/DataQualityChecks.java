package dev.modeltest.junit;

import dev.modeltest.check.Check;
import dev.modeltest.quality.ConflictingLabelsCheck;
import dev.modeltest.quality.DuplicateRowsCheck;
import dev.modeltest.quality.LeakageCheck;
import dev.modeltest.quality.MissingRateCheck;
import java.util.List;

/** The factories of the data-quality check annotations: each translates attributes into a core check. */
final class DataQualityChecks {

    private DataQualityChecks() {}

    static final class MissingRate implements CheckFactory<MissingRateAtMost> {
        @Override
        public Check create(MissingRateAtMost annotation, String where) {
            return new MissingRateCheck(where, annotation.value(), List.of(annotation.columns()));
        }
    }

    static final class DuplicateRows implements CheckFactory<NoDuplicateRows> {
        @Override
        public Check create(NoDuplicateRows annotation, String where) {
            return new DuplicateRowsCheck(where, List.of(annotation.columns()));
        }
    }

    static final class ConflictingLabels implements CheckFactory<NoConflictingLabels> {
        @Override
        public Check create(NoConflictingLabels annotation, String where) {
            return new ConflictingLabelsCheck(where);
        }
    }

    static final class Leakage implements CheckFactory<NoLeakage> {
        @Override
        public Check create(NoLeakage annotation, String where) {
            return new LeakageCheck(where, annotation.train());
        }
    }
}
