package dev.modeltest.junit;

import dev.modeltest.model.Batch;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Output;
import dev.modeltest.model.Task;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Models used by the fixture test classes, built in code through {@link ModelProvider}. */
final class TestModels {

    static final String TINY = "src/test/resources/fixtures/tiny.csv";

    /** Counts prediction passes of {@link Threshold}, to prove the subject is shared. */
    static final AtomicInteger PREDICT_CALLS = new AtomicInteger();

    static final AtomicInteger LOADS = new AtomicInteger();

    private TestModels() {}

    /** Predicts b when x1 ≥ 0.5, with probability x1 for b: 9 of the 10 rows of tiny.csv are right. */
    public static final class Threshold implements ModelProvider {
        @Override
        public Model load() {
            LOADS.incrementAndGet();
            Model inner = Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
                double x = row.getDouble("x1");
                p[0] = 1 - x;
                p[1] = x;
            });
            return new Model() {
                @Override
                public Task task() {
                    return inner.task();
                }

                @Override
                public List<String> classes() {
                    return inner.classes();
                }

                @Override
                public boolean hasProbabilities() {
                    return true;
                }

                @Override
                public void predict(Batch batch, Output out) {
                    PREDICT_CALLS.incrementAndGet();
                    inner.predict(batch, out);
                }

                @Override
                public String describe() {
                    return "threshold model";
                }
            };
        }
    }

    /** Gives class labels only. */
    public static final class LabelsOnly implements ModelProvider {
        @Override
        public Model load() {
            return Model.classifier(List.of("a", "b"), row -> row.getDouble("x1") >= 0.5 ? 1 : 0);
        }
    }

    /**
     * Gives probability 1.2 (and −0.2) where x1 > 0.85: out of range, but numbers. A NaN would fail every gate as
     * invalid model output (see {@code BadInputCorpusTest}).
     */
    public static final class BadProbabilities implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
                double x = row.getDouble("x1");
                p[1] = x > 0.85 ? 1.2 : x;
                p[0] = 1 - p[1];
            });
        }
    }

    /** Knows classes a and c only. */
    public static final class WrongClasses implements ModelProvider {
        @Override
        public Model load() {
            return Model.classifier(List.of("a", "c"), row -> 0);
        }
    }

    /** Returns one prediction fewer than rows. */
    public static final class ShortOutput implements ModelProvider {
        @Override
        public Model load() {
            return new Model() {
                @Override
                public Task task() {
                    return Task.CLASSIFICATION;
                }

                @Override
                public List<String> classes() {
                    return List.of("a", "b");
                }

                @Override
                public boolean hasProbabilities() {
                    return false;
                }

                @Override
                public void predict(Batch batch, Output out) {
                    out.setClasses(new int[batch.size() - 1]);
                }
            };
        }
    }

    /** Predicts 10 × x1. */
    public static final class Regressor implements ModelProvider {
        @Override
        public Model load() {
            return Model.regressor(row -> 10 * row.getDouble("x1"));
        }
    }

    /** Busy-waits 2 ms per call. */
    public static final class Slow implements ModelProvider {
        @Override
        public Model load() {
            return Model.classifier(List.of("a", "b"), row -> {
                long end = System.nanoTime() + 2_000_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return 0;
            });
        }
    }

    /** Fails to load. */
    public static final class Broken implements ModelProvider {
        @Override
        public Model load() throws IOException {
            throw new IOException("weights.bin: no such file");
        }
    }
}
