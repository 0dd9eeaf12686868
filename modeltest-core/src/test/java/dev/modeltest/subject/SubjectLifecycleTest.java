package dev.modeltest.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Output;
import dev.modeltest.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subject remembers a failed step whatever its type, and closing it never waits behind a load in progress. */
class SubjectLifecycleTest {

    static final OutOfMemoryError CRAFTED = new OutOfMemoryError("crafted model file");

    /** Fails to load with an {@link Error}, as a crafted model file may. */
    static final class ErrorOnLoad implements ModelProvider {
        @Override
        public Model load() {
            throw CRAFTED;
        }
    }

    static final CountDownLatch LOAD_STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE_LOAD = new CountDownLatch(1);
    static final AtomicBoolean CLOSED = new AtomicBoolean();

    /** Blocks in {@code load()} until released, as a stuck load does. */
    static final class StuckLoad implements ModelProvider {
        @Override
        public Model load() throws InterruptedException {
            LOAD_STARTED.countDown();
            RELEASE_LOAD.await();
            return new Model() {
                @Override
                public Task task() {
                    return Task.REGRESSION;
                }

                @Override
                public List<String> classes() {
                    return List.of();
                }

                @Override
                public boolean hasProbabilities() {
                    return false;
                }

                @Override
                public void predict(Batch batch, Output out) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                    CLOSED.set(true);
                }
            };
        }
    }

    private static SubjectSpec spec(Path dir, Class<? extends ModelProvider> provider) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "x,y\n1,1\n2,2\n");
        return new SubjectSpec(
                "@ModelTest on T", csv.toString(), "y", new ModelSource.Provider(provider), List.of(), null);
    }

    @Test
    void anErrorDuringLoadingIsRememberedAndThrownAgainToEveryLaterStep(@TempDir Path dir) throws Exception {
        try (Subject subject = Subject.of(spec(dir, ErrorOnLoad.class))) {
            assertThatThrownBy(subject::model).isSameAs(CRAFTED);
            // Before, the second reader saw a half-initialized subject: NullPointerException, "predictions" is null.
            assertThatThrownBy(subject::model).isSameAs(CRAFTED);
            assertThatThrownBy(subject::predictions).isSameAs(CRAFTED);
            assertThatThrownBy(subject::features).isSameAs(CRAFTED);
        }
    }

    @Test
    void closeDoesNotWaitForAStuckLoadAndClosesTheModelOnceItArrives(@TempDir Path dir) throws Exception {
        Subject subject = Subject.of(spec(dir, StuckLoad.class));
        Thread loader = new Thread(subject::model, "stuck-loader");
        loader.start();
        assertThat(LOAD_STARTED.await(10, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(5), subject::close);
        assertThat(CLOSED).isFalse();

        RELEASE_LOAD.countDown();
        loader.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(loader.isAlive()).isFalse();
        assertThat(CLOSED).as("the model that arrived after close() is closed").isTrue();
    }
}
