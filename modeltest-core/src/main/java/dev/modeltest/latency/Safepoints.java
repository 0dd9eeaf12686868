package dev.modeltest.latency;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * This JVM's safepoint count and total time at safepoints (the stop-the-world pauses of GC, deoptimization, thread
 * dumps...), from the first source that answers: {@code sun.management.HotspotRuntimeMBean} when the JVM runs with
 * {@code --add-exports java.management/sun.management=ALL-UNNAMED}, else HotSpot's performance data file (no flag
 * needed, see {@link PerfData}), else none; and its JIT compilation count, from the performance data.
 */
abstract class Safepoints {

    /** This JVM's performance data, mapped once; {@code null} when there is none. */
    private static final PerfData PERF_DATA = PerfData.open().orElse(null);

    private static final Safepoints CURRENT = detect();

    private static final String COMPILATIONS = "sun.ci.totalCompiles";

    /** Returns the source this JVM offers. */
    static Safepoints current() {
        return CURRENT;
    }

    /** Returns the JIT compilations so far, or -1 when the performance data does not tell. */
    static long compilations() {
        return PERF_DATA != null && PERF_DATA.has(COMPILATIONS) ? PERF_DATA.get(COMPILATIONS) : -1;
    }

    /** Returns whether counts are available. */
    abstract boolean available();

    /** Returns the number of safepoints so far, or -1. */
    abstract long count();

    /** Returns the total time at safepoints so far in nanoseconds, or -1. */
    abstract long totalNanos();

    /** Returns where the figures come from, for messages. */
    abstract String source();

    private static Safepoints detect() {
        Optional<Safepoints> bean = Bean.open();
        if (bean.isPresent()) {
            return bean.get();
        }
        Optional<PerfData> data = Optional.ofNullable(PERF_DATA);
        if (data.isPresent()
                && data.get().has(PerfCounters.COUNT)
                && data.get().has(PerfCounters.TIME)
                && data.get().has(PerfCounters.FREQUENCY)) {
            return new PerfCounters(data.get());
        }
        return new None();
    }

    /** {@code sun.management.HotspotRuntimeMBean}, reached by reflection because its package is not exported. */
    private static final class Bean extends Safepoints {
        private final Object bean;
        private final Method count;
        private final Method time;

        private Bean(Object bean, Method count, Method time) {
            this.bean = bean;
            this.count = count;
            this.time = time;
        }

        static Optional<Safepoints> open() {
            try {
                Class<?> helper = Class.forName("sun.management.ManagementFactoryHelper");
                Class<?> type = Class.forName("sun.management.HotspotRuntimeMBean");
                Object bean = helper.getMethod("getHotspotRuntimeMBean").invoke(null);
                Bean source =
                        new Bean(bean, type.getMethod("getSafepointCount"), type.getMethod("getTotalSafepointTime"));
                source.count();
                return Optional.of(source);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Not exported to us (the default) or not HotSpot.
                return Optional.empty();
            }
        }

        @Override
        boolean available() {
            return true;
        }

        @Override
        long count() {
            return invoke(count);
        }

        @Override
        long totalNanos() {
            // getTotalSafepointTime() is in milliseconds.
            return invoke(time) * 1_000_000;
        }

        private long invoke(Method method) {
            try {
                return ((Number) method.invoke(bean)).longValue();
            } catch (ReflectiveOperationException e) {
                return -1;
            }
        }

        @Override
        String source() {
            return "HotspotRuntimeMBean";
        }
    }

    /** The performance counters {@code sun.rt.safepoints} and {@code sun.rt.safepointTime}. */
    private static final class PerfCounters extends Safepoints {
        static final String COUNT = "sun.rt.safepoints";
        static final String TIME = "sun.rt.safepointTime";
        static final String FREQUENCY = "sun.os.hrt.frequency";

        private final PerfData data;
        private final double nanosPerTick;

        PerfCounters(PerfData data) {
            this.data = data;
            this.nanosPerTick = 1e9 / data.get(FREQUENCY);
        }

        @Override
        boolean available() {
            return true;
        }

        @Override
        long count() {
            return data.get(COUNT);
        }

        @Override
        long totalNanos() {
            return Math.round(data.get(TIME) * nanosPerTick);
        }

        @Override
        String source() {
            return "hsperfdata";
        }
    }

    private static final class None extends Safepoints {
        @Override
        boolean available() {
            return false;
        }

        @Override
        long count() {
            return -1;
        }

        @Override
        long totalNanos() {
            return -1;
        }

        @Override
        String source() {
            return "none";
        }
    }
}
