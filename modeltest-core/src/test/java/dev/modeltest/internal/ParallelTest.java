package dev.modeltest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link Parallel}: results in task order, every task waited for, the first failure rethrown as it was thrown. */
class ParallelTest {

    @Test
    void returnsTheResultsInTaskOrderFromThreadsOfTheGivenName() throws IOException {
        List<Parallel.Task<String, IOException>> tasks = List.of(
                () -> "a:" + Thread.currentThread().getName(),
                () -> "b:" + Thread.currentThread().getName(),
                () -> "c:" + Thread.currentThread().getName());

        assertThat(Parallel.run("modeltest-test", tasks, IOException.class))
                .containsExactly("a:modeltest-test", "b:modeltest-test", "c:modeltest-test");
    }

    @Test
    void rethrowsTheFirstCheckedFailureInTaskOrderAfterEveryTaskEnded() {
        CountDownLatch secondFailed = new CountDownLatch(1);
        AtomicBoolean slowTaskEnded = new AtomicBoolean();
        List<Parallel.Task<String, Exception>> tasks = List.of(
                () -> {
                    // Fails after the second task, which must not win for being earlier in time.
                    secondFailed.await(10, TimeUnit.SECONDS);
                    throw new IOException("first part: bad line 3");
                },
                () -> {
                    secondFailed.countDown();
                    throw new IOException("second part: bad line 9");
                },
                () -> {
                    Thread.sleep(200);
                    slowTaskEnded.set(true);
                    return "slow";
                });

        assertThatThrownBy(() -> Parallel.run("modeltest-test", tasks, Exception.class))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("first part: bad line 3");
        assertThat(slowTaskEnded).isTrue();
    }

    @Test
    void rethrowsRuntimeExceptionsAndErrorsAsTheyAre() {
        List<Parallel.Task<String, IOException>> runtime = List.of(() -> "fine", () -> {
            throw new IllegalArgumentException("column 'x' holds text");
        });
        List<Parallel.Task<String, IOException>> error = List.of(() -> {
            throw new OutOfMemoryError("Java heap space");
        });

        assertThatThrownBy(() -> Parallel.run("modeltest-test", runtime, IOException.class))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x' holds text");
        assertThatThrownBy(() -> Parallel.run("modeltest-test", error, IOException.class))
                .isExactlyInstanceOf(OutOfMemoryError.class)
                .hasMessage("Java heap space");
    }
}
