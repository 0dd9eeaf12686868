package dev.modeltest.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterferenceTest {

    @TempDir
    Path dir;

    /** The build runs on Linux with HotSpot and its default flags, where the performance data file exists. */
    @Test
    void countsSafepointsFromHotSpotPerformanceDataWithoutFlags() {
        Interference.Snapshot before = Interference.snapshot();
        System.gc();
        Interference seen = Interference.Snapshot.between(before, Interference.snapshot());

        assertThat(Interference.safepointSource()).isEqualTo("hsperfdata");
        // A full collection stops the world at a safepoint.
        assertThat(seen.gcCount()).isPositive();
        assertThat(seen.safepoints()).isPositive();
        assertThat(seen.safepointNanos()).isPositive();
    }

    @Test
    void countsInvoluntaryContextSwitchesOfTheCallingThreadOnLinux() {
        long switches = Interference.threadInvoluntarySwitches();

        assertThat(switches).isGreaterThanOrEqualTo(0);
        assertThat(Interference.threadInvoluntarySwitches()).isGreaterThanOrEqualTo(switches);
    }

    @Test
    void readsLongCountersOfAPerformanceDataFile() throws Exception {
        Path mine = Path.of(
                "/tmp",
                "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(ProcessHandle.current().pid()));
        Path copy = Files.copy(mine, dir.resolve("perfdata"));

        PerfData data = PerfData.read(copy);

        assertThat(data.has("sun.rt.safepoints")).isTrue();
        assertThat(data.get("sun.os.hrt.frequency")).isEqualTo(1_000_000_000L);
        assertThat(data.has("no.such.counter")).isFalse();
    }

    @Test
    void refusesAFileThatIsNotPerformanceData() throws Exception {
        Path other = Files.writeString(dir.resolve("other"), "not perf data at all, just text");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PerfData.read(other))
                .hasMessageEndingWith("is not HotSpot performance data");
    }

    @Test
    void describesWhatItCountedAndWhatItCouldNot() {
        Interference counted = new Interference(2, 7, 12, 410_000, 1, 4, 1.5, 2);
        Interference uncounted = new Interference(1, 3, -1, -1, -1, -1, -1, 1);

        assertThat(counted.describe())
                .isEqualTo("2 GCs (7 ms), 12 safepoints (0.41 ms), 1 JIT compilation, 4 involuntary context switches;"
                        + " load average 1.50 on 2 CPUs");
        assertThat(uncounted.describe())
                .isEqualTo("1 GC (3 ms), safepoints not counted (no HotSpot performance data), JIT compilations not"
                        + " counted, context switches not counted (Linux only); load average unknown on 1 CPU");
    }

    @Test
    void addsRoundsAndStaysUnknownWhenEitherIs() {
        Interference first = new Interference(1, 2, 3, 4, 5, 6, 1.0, 2);
        Interference second = new Interference(1, 1, -1, -1, 0, 2, 2.0, 2);

        assertThat(first.plus(first)).isEqualTo(new Interference(2, 4, 6, 8, 10, 12, 1.0, 2));
        assertThat(first.plus(second)).isEqualTo(new Interference(2, 3, -1, -1, 5, 8, 2.0, 2));
        assertThat(first.withInvoluntarySwitches(9).involuntarySwitches()).isEqualTo(9);
    }

    @Test
    void countsJitCompilationsFromHotSpotPerformanceData() {
        long before = Interference.compilationsSoFar();

        assertThat(before).isPositive();
        assertThat(Interference.compilationsSoFar()).isGreaterThanOrEqualTo(before);
    }
}
