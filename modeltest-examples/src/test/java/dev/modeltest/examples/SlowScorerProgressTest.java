package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs {@link SlowScorerTest} through a launcher of its own and checks that its slow prediction step shows the
 * progress line on {@code System.err}: a line while it predicts, and the last line. The run sets
 * {@code modeltest.progress.afterSeconds} to 0, so that the first line comes at the first tick (one second) rather
 * than after 3 seconds, and the test holds on a machine several times faster than the one its files were sized on.
 */
class SlowScorerProgressTest {

    private static final String STEP = "modeltest: predicting slow-scorer-test\\.csv: ";
    private static final String AFTER_SECONDS = "modeltest.progress.afterSeconds";
    private static final String COUNT = "\\d{1,3}(?: \\d{3})*";

    @Test
    void theSlowExamplePrintsItsProgressWhilePredicting() {
        List<String> lines = runSlowScorerTest().lines().toList();

        assertThat(lines)
                .anyMatch(line -> line.matches(STEP + COUNT + " / 16 384 rows \\(\\d{1,2} %\\), (?:" + COUNT
                        + " rows/s, about \\d+ s left|\\d+ s so far)"));
        assertThat(lines).anyMatch(line -> line.matches(STEP + "16 384 rows in \\d+ s, " + COUNT + " rows/s"));
    }

    @Test
    void theSlowExamplesDataIsWhatItsGeneratorWrites() throws IOException {
        Path resources = Path.of("src/test/resources");

        assertThat(Files.readString(resources.resolve(SlowScorerData.TRAIN), StandardCharsets.UTF_8))
                .isEqualTo(SlowScorerData.csv(SlowScorerData.TRAIN_ROWS, 1));
        assertThat(Files.readString(resources.resolve(SlowScorerData.TEST), StandardCharsets.UTF_8))
                .isEqualTo(SlowScorerData.csv(SlowScorerData.TEST_ROWS, 2));
    }

    /** Runs the example, its checks passing, and returns what it wrote on {@code System.err} (also passed on). */
    private static String runSlowScorerTest() {
        PrintStream previous = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        String after = System.getProperty(AFTER_SECONDS);
        System.setProperty(AFTER_SECONDS, "0");
        System.setErr(new PrintStream(new Tee(captured, previous), true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .configurationParameter("modeltest.summary", "false")
                                    .configurationParameter("modeltest.output.dir", "target/slow-scorer-modeltest")
                                    .selectors(selectClass(SlowScorerTest.class))
                                    .build(),
                            summary);
        } finally {
            System.setErr(previous);
            if (after == null) {
                System.clearProperty(AFTER_SECONDS);
            } else {
                System.setProperty(AFTER_SECONDS, after);
            }
        }
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
