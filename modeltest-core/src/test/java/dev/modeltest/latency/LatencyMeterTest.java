package dev.modeltest.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyMeterTest {

    private static final TimerCost TIMER = new TimerCost(25, 25);

    @Test
    void sizesWarmupWindowsAsAFifthOfTheMinimumWithinBounds() {
        assertThat(LatencyMeter.window(1000)).isEqualTo(200);
        assertThat(LatencyMeter.window(5)).isEqualTo(10);
        assertThat(LatencyMeter.window(1_000_000)).isEqualTo(1000);
    }

    @Test
    void windowsAgreeWithin5PercentOfTheLargerMedianOrTwoTimerFloors() {
        assertThat(LatencyMeter.agree(100_000, 95_000, TIMER)).isTrue();
        assertThat(LatencyMeter.agree(100_000, 94_999, TIMER)).isFalse();
        // 30 vs 80 ns: far apart in ratio, but within two 25 ns timer floors of each other.
        assertThat(LatencyMeter.agree(30, 80, TIMER)).isTrue();
        assertThat(LatencyMeter.agree(30, 81, TIMER)).isFalse();
    }

    @Test
    void timesCallsInGroupsOnlyWhenTheyAreShorterThanTenTimerFloors() {
        assertThat(LatencyMeter.callsPerSample(250, TIMER)).isEqualTo(1);
        assertThat(LatencyMeter.callsPerSample(249, TIMER)).isEqualTo(11);
        assertThat(LatencyMeter.callsPerSample(125, TIMER)).isEqualTo(20);
        assertThat(LatencyMeter.callsPerSample(0, TIMER)).isEqualTo(2500);
        assertThat(LatencyMeter.callsPerSample(-1, TIMER)).isEqualTo(1);
    }

    @Test
    void waitsForThreeTimesTheJitsC2ThresholdOfCalls() {
        // HotSpot's default Tier4InvocationThreshold is 5000; the build runs with default flags.
        assertThat(Jit.c2Invocations()).isEqualTo(5000);
        assertThat(LatencyMeter.jitMinimumCalls()).isEqualTo(15_000);
    }

    @Test
    void measuresTheRealTimerAsCheapAndFine() {
        TimerCost timer = TimerCost.measure(null);

        // System.nanoTime() costs tens of nanoseconds; anything near a microsecond would make every figure suspect.
        assertThat(timer.costNanos()).isBetween(0L, 1_000L);
        assertThat(timer.floorNanos()).isGreaterThanOrEqualTo(timer.costNanos()).isLessThan(1_000_000L);
    }
}
