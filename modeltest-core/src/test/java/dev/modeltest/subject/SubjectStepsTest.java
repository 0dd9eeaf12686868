package dev.modeltest.subject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps a subject reports (load data, load model, predict) each time their own work only. */
class SubjectStepsTest {

    private static final long LOAD_MILLIS = 300;

    /** A model that takes {@link #LOAD_MILLIS} to load and no time to predict. */
    static final class SlowToLoad implements ModelProvider {
        @Override
        public Model load() throws InterruptedException {
            Thread.sleep(LOAD_MILLIS);
            return Model.regressor(row -> row.getDouble(0));
        }
    }

    @Test
    void predictStepExcludesLoadingWhenThePredictionsAreAskedForFirst(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "x,y\n1,1\n2,2\n3,3\n");
        SubjectSpec spec = new SubjectSpec(
                "@ModelTest on T", csv.toString(), "y", new ModelSource.Provider(SlowToLoad.class), List.of(), null);

        try (Subject subject = Subject.of(spec)) {
            subject.predictions();

            Map<String, Long> steps = subject.stepNanos();
            assertThat(steps).containsOnlyKeys("load data", "load model", "predict");
            assertThat(steps.keySet()).containsExactly("load data", "load model", "predict");
            assertThat(steps.get("load model")).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS));
            // Three rows through an identity model: far below the load time it must no longer include.
            assertThat(steps.get("predict")).isLessThan(TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS));
        }
    }
}
