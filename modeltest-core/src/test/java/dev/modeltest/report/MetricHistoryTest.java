package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricHistoryTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyHistory() {
        MetricHistory history = MetricHistory.read(dir.resolve("absent.jsonl"));

        assertThat(history.size()).isZero();
        assertThat(history.values("m")).isEmpty();
    }

    @Test
    void appendedRunsAreReadBackOldestFirst() {
        Path file = dir.resolve("runs/Model.jsonl");
        MetricHistory.append(file, run("2026-11-01T00:00:00Z", Map.of("a.accuracy", 0.91, "a.accuracy.n", 30)));
        MetricHistory.append(file, run("2026-11-02T00:00:00Z", Map.of("a.accuracy", 0.93)));

        MetricHistory history = MetricHistory.read(file);

        assertThat(history.size()).isEqualTo(2);
        assertThat(history.values("a.accuracy")).containsExactly(0.91, 0.93);
        assertThat(history.values("a.accuracy.n")).containsExactly(30.0);
    }

    @Test
    void keepsTheLastRunsOnly() throws IOException {
        Path file = dir.resolve("Model.jsonl");
        for (int i = 0; i < MetricHistory.KEEP + 5; i++) {
            MetricHistory.append(file, run("t" + i, Map.of("m", i)));
        }

        assertThat(Files.readAllLines(file)).hasSize(MetricHistory.KEEP);
        assertThat(MetricHistory.read(file).values("m")).startsWith(5.0).endsWith(MetricHistory.KEEP + 4.0);
    }

    @Test
    void skipsLinesThatAreNotRuns() throws IOException {
        Path file = dir.resolve("Model.jsonl");
        Files.writeString(
                file,
                "{\"metrics\":{\"m\":1}}\nnot json\n[1,2]\n{\"metrics\":{\"m\":\"x\"}}\n{\"metrics\":{\"m\":2}}\n");

        assertThat(MetricHistory.read(file).values("m")).containsExactly(1.0, 2.0);
    }

    @Test
    void runsWrittenBeforeKeysHadQualifiersAreReadUnderTheirOldKey() throws IOException {
        Path file = dir.resolve("Model.jsonl");
        Files.writeString(
                file,
                "{\"metrics\":{\"f1.metric-at-least\":0.7}}\n"
                        + "{\"schemaVersion\":2,\"metrics\":{\"f1.metric-at-least:f1\":0.8}}\n"
                        + "{\"schemaVersion\":2,\"metrics\":{\"f1.metric-at-least\":0.1,"
                        + "\"f1.metric-at-least:f1\":0.9}}\n");
        MetricHistory history = MetricHistory.read(file);

        assertThat(history.values("f1.metric-at-least:f1", "f1.metric-at-least"))
                .containsExactly(0.7, 0.8, 0.9);
        assertThat(history.values("f1.metric-at-least:f1")).containsExactly(0.8, 0.9);
        assertThat(history.values("f1.metric-at-least:f1", null)).containsExactly(0.8, 0.9);
    }

    private static Map<String, Object> run(String finishedAt, Map<String, Object> metrics) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("finishedAt", finishedAt);
        run.put("metrics", metrics);
        return run;
    }
}
