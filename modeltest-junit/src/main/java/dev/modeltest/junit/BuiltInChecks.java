package dev.modeltest.junit;

import dev.modeltest.check.Check;
import dev.modeltest.gate.OutputRangeCheck;
import dev.modeltest.latency.LatencyCheck;
import dev.modeltest.quality.MissingValuesCheck;
import dev.modeltest.schema.SchemaCheck;
import java.util.List;

/** The factories of modeltest's own check annotations: each translates attributes into a core check. */
final class BuiltInChecks {

    private BuiltInChecks() {}

    static final class OutputRange implements CheckFactory<dev.modeltest.junit.OutputRange> {
        @Override
        public Check create(dev.modeltest.junit.OutputRange annotation, String where) {
            return new OutputRangeCheck(where, annotation.min(), annotation.max());
        }
    }

    static final class Latency implements CheckFactory<LatencyUnder> {
        @Override
        public Check create(LatencyUnder annotation, String where) {
            return LatencyCheck.builder(where, annotation.millis())
                    .percentile(annotation.percentile())
                    .warmup(annotation.warmup())
                    .maxWarmupMillis(annotation.maxWarmupMillis())
                    .samples(annotation.samples())
                    .batchSize(annotation.batchSize())
                    .confidence(annotation.confidence())
                    .maxRounds(annotation.maxRounds())
                    .inconclusive(annotation.inconclusive())
                    .build();
        }
    }

    static final class Schema implements CheckFactory<SchemaMatches> {
        @Override
        public Check create(SchemaMatches annotation, String where) {
            return new SchemaCheck(where, annotation.value());
        }
    }

    static final class MissingValues implements CheckFactory<NoMissingValues> {
        @Override
        public Check create(NoMissingValues annotation, String where) {
            return new MissingValuesCheck(where, List.of(annotation.columns()));
        }
    }
}
