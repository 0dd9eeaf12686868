package dev.modeltest.latency;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * What reading the clock costs: the median of back-to-back reads (the smallest of {@value #ROUNDS} medians, the first
 * rounds warming the loop up), and the smallest step the clock was seen to take (0 if it never moved).
 *
 * @param costNanos the median time between two back-to-back reads, in nanoseconds
 * @param tickNanos the smallest non-zero step seen, in nanoseconds, or 0
 * @since 0.1.0
 */
record TimerCost(long costNanos, long tickNanos) {

    private static final int PAIRS = 1001;
    private static final int ROUNDS = 3;
    private static final int TICK_PROBES = 20;
    private static final int MAX_TICK_SPINS = 1_000_000;

    /**
     * Measures the clock.
     *
     * @param clock the clock in nanoseconds, or {@code null} for {@link System#nanoTime()}, read directly so that no
     *     indirection is measured
     */
    public static TimerCost measure(LongSupplier clock) {
        long[] differences = new long[PAIRS];
        long cost = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < differences.length; i++) {
                long first = clock == null ? System.nanoTime() : clock.getAsLong();
                long second = clock == null ? System.nanoTime() : clock.getAsLong();
                differences[i] = second - first;
            }
            Arrays.sort(differences);
            cost = Math.min(cost, Math.max(0, differences[differences.length / 2]));
        }
        long tick = Long.MAX_VALUE;
        for (int probe = 0; probe < TICK_PROBES; probe++) {
            long first = clock == null ? System.nanoTime() : clock.getAsLong();
            long next = first;
            for (int spin = 0; next == first && spin < MAX_TICK_SPINS; spin++) {
                next = clock == null ? System.nanoTime() : clock.getAsLong();
            }
            if (next > first) {
                tick = Math.min(tick, next - first);
            }
        }
        return new TimerCost(cost, tick == Long.MAX_VALUE ? 0 : tick);
    }

    /** Returns the shortest duration the clock can tell apart from nothing: the larger of cost and tick. */
    public long floorNanos() {
        return Math.max(costNanos, tickNanos);
    }
}
