package dev.modeltest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Predicting in batches on several threads gives what one thread gives, and only when the model allows it. */
class PredictorThreadsTest {

    private static final int ROWS = 100_000;
    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final TestData DATA = data(ROWS);

    private static TestData data(int rows) {
        double[] x = new double[rows];
        String[] y = new String[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = Math.sin(r * 0.37) * 10;
            y[r] = CLASSES.get(r % 3);
        }
        return TestData.of("big.csv", Table.create(DoubleColumn.create("x", x), StringColumn.create("y", y)));
    }

    /** A three-class model whose probabilities depend on {@code x} only; records the threads that called it. */
    static final class Recording implements Model {
        private final boolean threadSafe;
        private final int failingRow;
        private final CountDownLatch twoThreads;
        final Set<Thread> callers = ConcurrentHashMap.newKeySet();
        final AtomicLong rows = new AtomicLong();

        Recording(boolean threadSafe, int failingRow, int threadsToMeet) {
            this.threadSafe = threadSafe;
            this.failingRow = failingRow;
            this.twoThreads = new CountDownLatch(threadsToMeet);
        }

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public List<String> classes() {
            return CLASSES;
        }

        @Override
        public boolean hasProbabilities() {
            return true;
        }

        @Override
        public boolean isThreadSafe() {
            return threadSafe;
        }

        @Override
        public void predict(Batch batch, Output out) {
            if (callers.add(Thread.currentThread())) {
                // Holds the first threads until a second one arrives, so that several threads surely predict.
                twoThreads.countDown();
                try {
                    twoThreads.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            double[] p = new double[3];
            for (int i = 0; i < batch.size(); i++) {
                double x = batch.row(i).getDouble(0);
                if (x == DATA.doubles("x")[failingRow < 0 ? 0 : failingRow] && failingRow >= 0) {
                    throw new IllegalStateException("cannot predict x=" + x);
                }
                double e0 = Math.exp(x / 3);
                double e1 = Math.exp(-x / 5);
                double e2 = Math.exp(Math.cos(x));
                double sum = e0 + e1 + e2;
                p[0] = e0 / sum;
                p[1] = e1 / sum;
                p[2] = e2 / sum;
                out.setProbabilities(i, p);
            }
            rows.addAndGet(batch.size());
        }

        @Override
        public String describe() {
            return "Recording model";
        }
    }

    private static Predictions predict(Model model, int threads) {
        Features features = Features.of(DATA, List.of("x"));
        return Predictor.predict(DATA, "y", features, model, rows -> {}, threads);
    }

    @Test
    void predictsTheSameOnSeveralThreadsAsOnOne() {
        Recording parallel = new Recording(true, -1, 2);
        Recording serial = new Recording(true, -1, 1);

        Predictions onFour = predict(parallel, 4);
        Predictions onOne = predict(serial, 1);

        assertThat(parallel.callers).hasSizeGreaterThan(1);
        assertThat(serial.callers).containsExactly(Thread.currentThread());
        assertThat(parallel.rows.get()).isEqualTo(ROWS);
        assertThat(onFour.predictedClasses()).isEqualTo(onOne.predictedClasses());
        for (int k = 0; k < CLASSES.size(); k++) {
            assertThat(onFour.probabilities(k)).isEqualTo(onOne.probabilities(k));
        }
        assertThat(onFour).isEqualTo(onOne);
    }

    @Test
    void callsAModelThatIsNotThreadSafeFromTheCallingThreadOnly() {
        Recording unsafe = new Recording(false, -1, 1);

        predict(unsafe, 4);

        assertThat(unsafe.callers).containsExactly(Thread.currentThread());
        assertThat(unsafe.rows.get()).isEqualTo(ROWS);
    }

    @Test
    void failsOnSeveralThreadsWithTheMessageOfOneThreadNamingTheRowsOfTheBatch() {
        // Row 50 000 is in batch 13 (rows 49 153–53 248); x repeats nowhere earlier, so that batch fails first.
        int failing = 49_999;
        String message =
                "Recording model failed to predict rows 49153–53248 of big.csv: java.lang.IllegalStateException:"
                        + " cannot predict x=" + DATA.doubles("x")[failing];

        assertThatThrownBy(() -> predict(new Recording(true, failing, 1), 1))
                .isInstanceOf(ModelException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> predict(new Recording(true, failing, 2), 4))
                .isInstanceOf(ModelException.class)
                .hasMessage(message);
    }

    @Test
    void reportsTheFirstFailingBatchInRowOrderWhateverTheThreadsFinishFirst() {
        Model model = new Recording(true, -1, 1);
        BatchRunner runner = new BatchRunner(10 * 100, 100, model, "rows.csv", (from, to) -> {
            if (from >= 300) {
                // Later batches fail at once; batch 4 (rows 301–400) fails last, yet is the one reported.
                if (from == 300) {
                    sleep(200);
                }
                throw new IllegalArgumentException("bad batch at " + from);
            }
        });

        assertThatThrownBy(() -> runner.run(4, rows -> {}))
                .isInstanceOf(ModelException.class)
                .hasMessage("Recording model failed to predict rows 301–400 of rows.csv:"
                        + " java.lang.IllegalArgumentException: bad batch at 300");
    }

    @Test
    void tellsTheRowsDoneOfEveryBatch() {
        AtomicLong done = new AtomicLong();
        BatchRunner runner = new BatchRunner(1001, 100, new Recording(true, -1, 1), "rows.csv", (from, to) -> {});

        runner.run(3, done::addAndGet);

        assertThat(done.get()).isEqualTo(1001);
        assertThat(runner.batches()).isEqualTo(11);
    }

    @Test
    void predictsOnOneThreadForDataOfOneBatchOrAModelThatIsNotThreadSafe() {
        Model safe = new Recording(true, -1, 1);
        Model unsafe = new Recording(false, -1, 1);

        assertThat(new BatchRunner(BatchRunner.BATCH_ROWS, safe, "d", (f, t) -> {}).threads(null, 8))
                .isEqualTo(1);
        assertThat(new BatchRunner(BatchRunner.BATCH_ROWS + 1, safe, "d", (f, t) -> {}).threads(null, 8))
                .isEqualTo(2);
        assertThat(new BatchRunner(ROWS, safe, "d", (f, t) -> {}).threads(null, 8))
                .isEqualTo(8);
        assertThat(new BatchRunner(ROWS, safe, "d", (f, t) -> {}).threads("3", 8))
                .isEqualTo(3);
        assertThat(new BatchRunner(ROWS, unsafe, "d", (f, t) -> {}).threads(null, 8))
                .isEqualTo(1);
    }

    @Test
    void refusesAThreadCountThatIsNotAPositiveWholeNumber() {
        BatchRunner runner = new BatchRunner(ROWS, new Recording(true, -1, 1), "d", (f, t) -> {});

        assertThatThrownBy(() -> runner.threads("0", 8))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("system property modeltest.predict.threads must be a whole number of threads, at least 1,"
                        + " was '0'");
        assertThatThrownBy(() -> runner.threads("all", 8))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("system property modeltest.predict.threads must be a whole number of threads, at least 1,"
                        + " was 'all'");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
