package dev.modeltest.subject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line of a slow step: what it says, how often, and that a fast step prints nothing. */
class ProgressTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<String> lines = new ArrayList<>();

    private Progress start(String step, long rows) {
        return new Progress(step, rows, clock::get, lines::add);
    }

    private void after(double seconds) {
        clock.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void startsAfterTheSecondsTheSystemPropertyGives() {
        Progress progress = new Progress("predicting big.csv", 100, clock::get, lines::add, Progress.quietNanos());
        String before = System.getProperty(Progress.AFTER_PROPERTY);
        System.setProperty(Progress.AFTER_PROPERTY, "0.5");
        try {
            Progress early = new Progress("predicting big.csv", 100, clock::get, lines::add, Progress.quietNanos());
            after(0.6);
            early.advance(50);
            progress.advance(50);
            early.tick();
            progress.tick();
        } finally {
            restore(before);
        }

        assertThat(lines)
                .containsExactly("modeltest: predicting big.csv: 50 / 100 rows (50 %), 83 rows/s, about 1 s left");
    }

    @Test
    void refusesAnAfterSecondsThatIsNotANumberOfSeconds() {
        String before = System.getProperty(Progress.AFTER_PROPERTY);
        try {
            for (String bad : new String[] {"soon", "-1", "NaN"}) {
                System.setProperty(Progress.AFTER_PROPERTY, bad);
                org.assertj.core.api.Assertions.assertThatThrownBy(Progress::quietNanos)
                        .isInstanceOf(dev.modeltest.error.ConfigurationException.class)
                        .hasMessage("system property modeltest.progress.afterSeconds must be a number of seconds in"
                                + " [0, 86400], was '" + bad + "'");
            }
        } finally {
            restore(before);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(Progress.AFTER_PROPERTY);
        } else {
            System.setProperty(Progress.AFTER_PROPERTY, before);
        }
    }

    @Test
    void printsNothingForAStepFasterThanAFewSeconds() {
        Progress progress = start("predicting big.csv", 10_000_000);
        after(1);
        progress.advance(5_000_000);
        progress.tick();
        after(1.9);
        progress.advance(5_000_000);
        progress.tick();
        progress.finish();

        assertThat(lines).isEmpty();
    }

    @Test
    void saysTheRowsDoneTheirRateAndTheTimeLeft() {
        Progress progress = start("predicting big.csv", 10_000_000);
        after(8);
        progress.advance(2_400_000);
        progress.tick();

        assertThat(lines)
                .containsExactly("modeltest: predicting big.csv: 2 400 000 / 10 000 000 rows (24 %), 300 000 rows/s,"
                        + " about 26 s left");
    }

    @Test
    void printsAtMostEveryFiveSecondsAndTheTotalTimeAtTheEnd() {
        Progress progress = start("predicting big.csv", 10_000_000);
        after(3);
        progress.tick();
        after(1);
        progress.advance(1_000_000);
        progress.tick();
        after(4);
        progress.advance(1_000_000);
        progress.tick();
        after(24);
        progress.advance(8_000_000);
        progress.finish();
        progress.tick();

        assertThat(lines)
                .containsExactly(
                        "modeltest: predicting big.csv: 0 / 10 000 000 rows (0 %), 3 s so far",
                        "modeltest: predicting big.csv: 2 000 000 / 10 000 000 rows (20 %), 250 000 rows/s, about 32 s"
                                + " left",
                        "modeltest: predicting big.csv: 10 000 000 rows in 32 s, 312 500 rows/s");
    }

    @Test
    void saysTheTimeSoFarOfAStepThatCannotCountItsRows() {
        Progress progress = start("loading data big.csv", -1);
        after(4);
        progress.tick();
        after(66);
        progress.finish();

        assertThat(lines)
                .containsExactly(
                        "modeltest: loading data big.csv: 4 s so far",
                        "modeltest: loading data big.csv: done in 1 min 10 s");
    }

    @Test
    void saysNothingMoreWhenAStepFails() {
        Progress progress = start("loading data big.csv", -1);
        after(4);
        progress.tick();
        after(10);
        progress.close();
        progress.tick();

        assertThat(lines).containsExactly("modeltest: loading data big.csv: 4 s so far");
    }

    @Test
    void writesDurationsInSecondsMinutesAndHours() {
        assertThat(Progress.duration(TimeUnit.MILLISECONDS.toNanos(1))).isEqualTo("1 s");
        assertThat(Progress.duration(TimeUnit.SECONDS.toNanos(59))).isEqualTo("59 s");
        assertThat(Progress.duration(TimeUnit.SECONDS.toNanos(125))).isEqualTo("2 min 5 s");
        assertThat(Progress.duration(TimeUnit.SECONDS.toNanos(3725))).isEqualTo("1 h 2 min");
        assertThat(Progress.count(1234567)).isEqualTo("1 234 567");
    }

    @Test
    void aSubjectShowsTheProgressOfLoadingAndPredicting(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "x,y\n1,1\n2,2\n3,3\n");
        SubjectSpec spec = new SubjectSpec(
                "@ModelTest on T",
                csv.toString(),
                "y",
                new ModelSource.Instance(Model.regressor(row -> row.getDouble(0))),
                List.of(),
                null);
        Map<String, Progress> started = new ConcurrentHashMap<>();
        List<Long> totals = new CopyOnWriteArrayList<>();

        try (Subject subject = Subject.of(spec, (step, rows) -> {
            Progress progress = new Progress(step, rows, clock::get, lines::add);
            started.put(step, progress);
            totals.add(rows);
            return progress;
        })) {
            subject.predictions();
        }

        assertThat(started).containsOnlyKeys("loading data " + csv, "loading model regressor", "predicting rows.csv");
        assertThat(started.get("predicting rows.csv").rowsDone()).isEqualTo(3);
        assertThat(totals).containsExactlyInAnyOrder(-1L, -1L, 3L);
        assertThat(lines).isEmpty();
    }
}
