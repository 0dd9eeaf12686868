package dev.modeltest.latency;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What else took the processor while a measurement ran: garbage collections, safepoints (the JVM's stop-the-world
 * pauses), JIT compilations (a sign the warm-up was too short) and involuntary context switches of the measuring
 * thread (the OS giving the core to another process), with the system load average at the end. Counted, not subtracted: the samples keep whatever these cost, and the message
 * shows them so a reader can tell a slow model from a busy machine.
 *
 * <ul>
 *   <li>GC: the sums of {@link GarbageCollectorMXBean#getCollectionCount()} and {@code getCollectionTime()} over all
 *       collectors (for G1 on JDK 17, young and full collections, i.e. pauses; time in whole milliseconds);
 *   <li>safepoints: count and total time, from HotSpot's performance data (see {@link Safepoints}), when available;
 *   <li>JIT compilations: HotSpot's {@code sun.ci.totalCompiles} performance counter, when available;
 *   <li>involuntary context switches: {@code nonvoluntary_ctxt_switches} of {@code /proc/thread-self/status}, on Linux.
 * </ul>
 *
 * @param gcCount collections during the measurement
 * @param gcMillis time of those collections, in milliseconds
 * @param safepoints safepoints during the measurement, or -1 when the JVM does not tell
 * @param safepointNanos time at those safepoints, in nanoseconds, or -1
 * @param jitCompilations methods the JIT compiled during the measurement, or -1 when the JVM does not tell
 * @param involuntarySwitches times the measuring thread(s) were preempted, or -1 when the OS does not tell
 * @param loadAverage the system load average over the last minute at the end, or a negative number when unknown
 * @param cpus the processors available to the JVM
 * @since 0.1.0
 */
record Interference(
        long gcCount,
        long gcMillis,
        long safepoints,
        long safepointNanos,
        long jitCompilations,
        long involuntarySwitches,
        double loadAverage,
        int cpus) {

    private static final Path THREAD_STATUS = Path.of("/proc/thread-self/status");
    private static final String INVOLUNTARY = "nonvoluntary_ctxt_switches:";

    /** Takes the counters now, on the measuring thread. */
    public static Snapshot snapshot() {
        Safepoints safepoints = Safepoints.current();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new Snapshot(
                gcCount,
                gcMillis,
                safepoints.count(),
                safepoints.totalNanos(),
                compilationsSoFar(),
                threadInvoluntarySwitches(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns how often the calling thread has been preempted so far, or -1 where the OS does not tell (anything but
     * Linux). About 20 µs a call: read it around a measurement, never inside.
     */
    public static long threadInvoluntarySwitches() {
        try {
            for (String line : Files.readAllLines(THREAD_STATUS)) {
                if (line.startsWith(INVOLUNTARY)) {
                    return Long.parseLong(line.substring(INVOLUNTARY.length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc not mounted.
        }
        return -1;
    }

    /**
     * Returns how many methods the JIT compilers have compiled so far in this JVM (HotSpot's {@code
     * sun.ci.totalCompiles}), or -1 when the JVM does not tell. Cheap: a read of mapped memory.
     */
    public static long compilationsSoFar() {
        return Safepoints.compilations();
    }

    /** Returns where the safepoint figures come from: {@code hsperfdata}, {@code HotspotRuntimeMBean} or {@code none}. */
    public static String safepointSource() {
        return Safepoints.current().source();
    }

    /** Returns the sum of two measurements made one after the other; the load average is the later one's. */
    public Interference plus(Interference later) {
        return new Interference(
                gcCount + later.gcCount,
                gcMillis + later.gcMillis,
                sum(safepoints, later.safepoints),
                sum(safepointNanos, later.safepointNanos),
                sum(jitCompilations, later.jitCompilations),
                sum(involuntarySwitches, later.involuntarySwitches),
                later.loadAverage,
                later.cpus);
    }

    /** Returns this with another count of involuntary context switches, e.g. summed over several threads. */
    public Interference withInvoluntarySwitches(long switches) {
        return new Interference(
                gcCount, gcMillis, safepoints, safepointNanos, jitCompilations, switches, loadAverage, cpus);
    }

    private static long sum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }

    /**
     * Describes it in one line, e.g. {@code 1 GC (3 ms), 12 safepoints (0.41 ms), 0 JIT compilations, 4 involuntary
     * context switches; load average 1.52 on 2 CPUs}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(count(gcCount, "GC", "GCs"))
                .append(" (")
                .append(gcMillis)
                .append(" ms), ");
        if (safepoints < 0) {
            text.append("safepoints not counted (no HotSpot performance data)");
        } else {
            text.append(count(safepoints, "safepoint", "safepoints"))
                    .append(" (")
                    .append(String.format(Locale.ROOT, "%.2f", safepointNanos / 1e6))
                    .append(" ms)");
        }
        text.append(", ");
        if (jitCompilations < 0) {
            text.append("JIT compilations not counted");
        } else {
            text.append(count(jitCompilations, "JIT compilation", "JIT compilations"));
        }
        text.append(", ");
        if (involuntarySwitches < 0) {
            text.append("context switches not counted (Linux only)");
        } else {
            text.append(count(involuntarySwitches, "involuntary context switch", "involuntary context switches"));
        }
        if (loadAverage >= 0) {
            text.append("; load average ").append(String.format(Locale.ROOT, "%.2f", loadAverage));
        } else {
            text.append("; load average unknown");
        }
        return text.append(" on ").append(count(cpus, "CPU", "CPUs")).toString();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * The counters at one moment.
     *
     * @param gcCount collections so far
     * @param gcMillis collection time so far
     * @param safepoints safepoints so far, or -1
     * @param safepointNanos time at safepoints so far, or -1
     * @param jitCompilations methods compiled so far, or -1
     * @param involuntarySwitches preemptions of the thread that took it, or -1
     * @param loadAverage the system load average now, or a negative number
     * @param cpus the processors available now
     */
    public record Snapshot(
            long gcCount,
            long gcMillis,
            long safepoints,
            long safepointNanos,
            long jitCompilations,
            long involuntarySwitches,
            double loadAverage,
            int cpus) {

        /** Returns what happened between two snapshots; the load average and CPUs are the later one's. */
        public static Interference between(Snapshot start, Snapshot end) {
            return new Interference(
                    end.gcCount - start.gcCount,
                    end.gcMillis - start.gcMillis,
                    difference(start.safepoints, end.safepoints),
                    difference(start.safepointNanos, end.safepointNanos),
                    difference(start.jitCompilations, end.jitCompilations),
                    difference(start.involuntarySwitches, end.involuntarySwitches),
                    end.loadAverage,
                    end.cpus);
        }

        private static long difference(long start, long end) {
            return start < 0 || end < 0 ? -1 : end - start;
        }
    }
}
