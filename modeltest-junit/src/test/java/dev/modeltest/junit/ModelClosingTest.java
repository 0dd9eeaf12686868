package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Models are closed when their test class finishes: modeltest keeps each class's subject in JUnit's extension store,
 * and JUnit closes the store's {@link AutoCloseable} values.
 */
class ModelClosingTest {

    static final AtomicInteger CLOSED = new AtomicInteger();

    /** A classifier that counts its closing. */
    public static final class Closing implements ModelProvider {
        @Override
        public Model load() {
            Model inner = Model.classifier(List.of("a", "b"), row -> row.getDouble("x1") >= 0.5 ? 1 : 0);
            return new Model() {
                @Override
                public dev.modeltest.model.Task task() {
                    return inner.task();
                }

                @Override
                public List<String> classes() {
                    return inner.classes();
                }

                @Override
                public boolean hasProbabilities() {
                    return false;
                }

                @Override
                public void predict(dev.modeltest.model.Batch batch, dev.modeltest.model.Output out) {
                    inner.predict(batch, out);
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                }
            };
        }
    }

    @ModelTest(provider = Closing.class, data = TestModels.TINY, label = "label")
    static class ClosingTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}

        @AccuracyAtLeast(0.6)
        void accurateToo() {}
    }

    @BeforeEach
    void reset() {
        CLOSED.set(0);
    }

    @Test
    void theModelIsClosedOnceWhenItsClassFinishes() {
        run(ClosingTestCase.class);

        assertThat(CLOSED).hasValue(1);
    }

    @Test
    void theModelStaysOpenWhenJUnitIsToldNotToCloseStoreValues() {
        // The reliance the docs state: with JUnit's closing of AutoCloseable store values turned off, nothing closes
        // it.
        run(ClosingTestCase.class, Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false"));

        assertThat(CLOSED).hasValue(0);
    }
}
