package dev.modeltest.latency;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** What HotSpot's JIT needs before a method called once per model call is compiled by its optimizing compiler. */
final class Jit {

    /** HotSpot's default {@code Tier4InvocationThreshold}, used when the JVM does not say. */
    static final long DEFAULT_C2_INVOCATIONS = 5000;

    private static final long C2_INVOCATIONS = readC2Invocations();

    private Jit() {}

    /**
     * Returns the invocations after which HotSpot compiles a loop-free method with C2: {@code Tier4InvocationThreshold}
     * with tiered compilation (5000 by default), {@code CompileThreshold} without it, or 5000 when this is not HotSpot.
     */
    static long c2Invocations() {
        return C2_INVOCATIONS;
    }

    private static long readC2Invocations() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean tiered = Boolean.parseBoolean(
                    hotspot.getVMOption("TieredCompilation").getValue());
            return Long.parseLong(hotspot.getVMOption(tiered ? "Tier4InvocationThreshold" : "CompileThreshold")
                    .getValue());
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, or no jdk.management module.
            return DEFAULT_C2_INVOCATIONS;
        }
    }
}
