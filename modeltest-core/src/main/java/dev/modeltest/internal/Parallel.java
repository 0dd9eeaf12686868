package dev.modeltest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * Runs a few long tasks side by side, each on a daemon thread of its own, for the readers that split one file into
 * parts (CSV parts of rows, Parquet parts of columns). Their tasks block on I/O or a JDBC driver, which is why they get
 * threads of their own rather than the common fork-join pool that the metrics' short CPU tasks share.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Parallel {

    /** A task that may throw the checked exception {@code E}. */
    @FunctionalInterface
    public interface Task<T, E extends Exception> {
        T call() throws E;
    }

    private Parallel() {}

    /**
     * Runs every task, each on its own thread named {@code threadName}, waits for all of them (a failed task does not
     * leave the others running against resources the caller is about to close) and returns their results in task
     * order. The first failure in task order is then rethrown as it was thrown: an {@link Error} or a runtime exception
     * as it is, a checked exception of type {@code checked} as it is.
     *
     * @throws E the first task's checked exception, in task order
     */
    public static <T, E extends Exception> List<T> run(
            String threadName, List<? extends Task<T, E>> tasks, Class<E> checked) throws E {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T, E> task : tasks) {
                futures.add(pool.submit(task::call));
            }
            List<T> results = new ArrayList<>(futures.size());
            Throwable first = null;
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                }
            }
            if (first != null) {
                throw rethrown(first, checked);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + threadName + " threads", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <E extends Exception> E rethrown(Throwable cause, Class<E> checked) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (checked.isInstance(cause)) {
            return checked.cast(cause);
        }
        // A Task declares E only, so this is a sneaky throw from inside a task.
        throw new IllegalStateException(cause);
    }
}
