package dev.modeltest.junit;

import dev.modeltest.check.Check;
import dev.modeltest.latency.ThroughputCheck;

/** The factories of the speed annotations besides {@link LatencyUnder}: each translates attributes into a core check. */
final class LatencyChecks {

    private LatencyChecks() {}

    static final class Throughput implements CheckFactory<ThroughputAtLeast> {
        @Override
        public Check create(ThroughputAtLeast annotation, String where) {
            return ThroughputCheck.builder(where, annotation.rowsPerSecond())
                    .batchSize(annotation.batchSize())
                    .threads(annotation.threads())
                    .warmup(annotation.warmup())
                    .maxWarmupMillis(annotation.maxWarmupMillis())
                    .durationMillis(annotation.durationMillis())
                    .build();
        }
    }
}
