package dev.modeltest.model;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.error.ModelTestException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Calls the model over all rows in batches of {@value #BATCH_ROWS}, on several threads when the model is thread-safe
 * and the data fills at least two batches, else on the calling thread.
 *
 * <p>The batches are the same whatever the number of threads, so a model sees the same inputs, writes the same
 * outputs into its rows, and a failure names the same rows: when batches fail, the first one (in row order) is
 * reported, as on one thread, where the rows after it are never predicted.
 */
final class BatchRunner {

    /** Rows per model call: a few thousand, so that a call's overhead (a native session, a matrix) is paid rarely. */
    static final int BATCH_ROWS = 4096;

    /** The system property with the number of prediction threads; default the number of processors. */
    static final String THREADS_PROPERTY = "modeltest.predict.threads";

    /** Predicts rows {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Work {
        void predict(int from, int to);
    }

    private final int rows;
    private final int batchRows;
    private final Model model;
    private final String dataName;
    private final Work work;

    BatchRunner(int rows, Model model, String dataName, Work work) {
        this(rows, BATCH_ROWS, model, dataName, work);
    }

    BatchRunner(int rows, int batchRows, Model model, String dataName, Work work) {
        this.rows = rows;
        this.batchRows = batchRows;
        this.model = model;
        this.dataName = dataName;
        this.work = work;
    }

    /** Returns the number of batches. */
    int batches() {
        return (int) (((long) rows + batchRows - 1) / batchRows);
    }

    /**
     * Returns how many threads to predict on: one for a model that is not thread-safe or data of one batch, else the
     * {@value #THREADS_PROPERTY} system property or the number of processors, at most one per batch.
     */
    int threads() {
        return threads(
                System.getProperty(THREADS_PROPERTY), Runtime.getRuntime().availableProcessors());
    }

    int threads(String property, int processors) {
        int wanted = property == null ? processors : parseThreads(property);
        if (!model.isThreadSafe() || batches() < 2) {
            return 1;
        }
        return Math.max(1, Math.min(wanted, batches()));
    }

    static int parseThreads(String property) {
        int threads;
        try {
            threads = Integer.parseInt(property.strip());
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads < 1) {
            throw new ConfigurationException("system property " + THREADS_PROPERTY
                    + " must be a whole number of threads, at least 1, was '" + property + "'");
        }
        return threads;
    }

    /**
     * Predicts every batch on {@code threads} threads (the calling thread among them), telling {@code rowsDone} the
     * size of each batch that finished.
     */
    void run(int threads, IntConsumer rowsDone) {
        if (threads <= 1) {
            for (int b = 0; b < batches(); b++) {
                rowsDone.accept(predictBatch(b));
            }
            return;
        }
        Shared shared = new Shared(rowsDone);
        Thread[] helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(shared::work, "modeltest-predict-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        shared.work();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            shared.stop = true;
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while " + model.describe() + " predicted " + dataName, e);
        }
        Map.Entry<Integer, Throwable> first = shared.failures.firstEntry();
        if (first != null) {
            Throwable failure = first.getValue();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new ModelException(failure.toString(), failure);
        }
    }

    /** Predicts batch {@code b}; returns its size. */
    private int predictBatch(int b) {
        int from = b * batchRows;
        int to = (int) Math.min(rows, (long) from + batchRows);
        try {
            work.predict(from, to);
        } catch (ModelTestException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new ModelException(
                    model.describe() + " failed to predict rows " + (from + 1) + "–" + to + " of " + dataName + ": "
                            + e,
                    e);
        }
        return to - from;
    }

    /** The state the threads share: the next batch to take and the failures so far. */
    private final class Shared {
        private final IntConsumer rowsDone;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        private final ConcurrentSkipListMap<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
        private volatile boolean stop;

        Shared(IntConsumer rowsDone) {
            this.rowsDone = rowsDone;
        }

        /**
         * Takes batches in row order until none is left. After a failure, batches behind it are skipped (one thread
         * would never reach them) while those before it, already taken, finish: one of them may fail first.
         */
        void work() {
            int batches = batches();
            while (!stop) {
                int b = next.getAndIncrement();
                if (b >= batches || b > firstFailed.get()) {
                    return;
                }
                int done;
                try {
                    done = predictBatch(b);
                } catch (Throwable t) { // rethrown on the calling thread by run()
                    failures.put(b, t);
                    firstFailed.accumulateAndGet(b, Math::min);
                    continue;
                }
                rowsDone.accept(done);
            }
        }
    }
}
