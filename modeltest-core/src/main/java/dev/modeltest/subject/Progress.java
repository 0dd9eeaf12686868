package dev.modeltest.subject;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.Echo;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A progress line on the console for a step that takes more than a few seconds (loading data, loading a model,
 * predicting), e.g. {@code modeltest: predicting big.csv: 2 400 000 / 10 000 000 rows (24 %), 310 000 rows/s, about
 * 25 s left}. A step faster than {@link #QUIET_NANOS} prints nothing.
 *
 * <p>The lines are written by one shared daemon thread that looks at every running step each second, never by the
 * threads that predict or run checks: a line is one {@code println}, whole, on {@code System.err}.
 */
final class Progress implements AutoCloseable {

    /** The system property that turns the lines off when {@code false}. */
    static final String PROPERTY = "modeltest.progress";

    /** How long a step runs before its first line, unless {@value #AFTER_PROPERTY} says otherwise. */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** The system property giving, in seconds, how long a step runs before its first line; 3 when unset. */
    static final String AFTER_PROPERTY = "modeltest.progress.afterSeconds";

    /** The least time between two lines of a step. */
    static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Makes the progress of a step. */
    @FunctionalInterface
    interface Factory {
        /**
         * Starts the progress of a step.
         *
         * @param step what is done, e.g. {@code predicting big.csv}
         * @param totalRows the rows the step will do, or -1 when it cannot count them
         */
        Progress start(String step, long totalRows);

        /** Lines on {@code System.err}, ticked each second, unless the {@value #PROPERTY} system property is false. */
        static Factory console() {
            return (step, totalRows) -> {
                Progress progress = new Progress(step, totalRows, System::nanoTime, System.err::println, quietNanos());
                if (!"false"
                        .equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip())) {
                    progress.ticking = Ticker.EXECUTOR.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
                }
                return progress;
            };
        }
    }

    /** Reads {@value #AFTER_PROPERTY}: a number of seconds, at least 0. */
    static long quietNanos() {
        String value = System.getProperty(AFTER_PROPERTY);
        if (value == null) {
            return QUIET_NANOS;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0 && seconds <= 86_400)) {
            throw new ConfigurationException("system property " + AFTER_PROPERTY
                    + " must be a number of seconds in [0, 86400], was '" + Echo.text(value) + "'");
        }
        return (long) (seconds * 1e9);
    }

    /** The one daemon thread that prints every step's lines. */
    private static final class Ticker {
        static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "modeltest-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    private final String step;
    private final long totalRows;
    private final LongSupplier clock;
    private final Consumer<String> out;
    private final long start;
    private final long quietNanos;
    private final LongAdder done = new LongAdder();
    private long lastLine;
    private boolean printed;
    private boolean closed;
    private volatile ScheduledFuture<?> ticking;

    /**
     * Starts the progress of a step that nothing ticks: {@link #tick()} prints when it is time.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()}
     * @param out where the lines go
     */
    Progress(String step, long totalRows, LongSupplier clock, Consumer<String> out) {
        this(step, totalRows, clock, out, QUIET_NANOS);
    }

    /** As above, the first line after {@code quietNanos} rather than {@link #QUIET_NANOS}. */
    Progress(String step, long totalRows, LongSupplier clock, Consumer<String> out, long quietNanos) {
        this.quietNanos = quietNanos;
        this.step = step;
        this.totalRows = totalRows;
        this.clock = clock;
        this.out = out;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Counts rows done; safe from any thread. */
    void advance(long rows) {
        done.add(rows);
    }

    /** Returns the rows counted so far. */
    long rowsDone() {
        return done.sum();
    }

    /** Prints a line if the step has run longer than {@link #QUIET_NANOS} and no line came in {@link #EVERY_NANOS}. */
    synchronized void tick() {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < quietNanos || (printed && now - lastLine < EVERY_NANOS)) {
            return;
        }
        out.accept(line(elapsed, done.sum()));
        lastLine = now;
        printed = true;
    }

    /** Ends a step that succeeded: if it printed a line, prints how long it took. */
    synchronized void finish() {
        if (printed && !closed) {
            long elapsed = clock.getAsLong() - start;
            long rows = done.sum();
            out.accept("modeltest: " + step + ": "
                    + (totalRows < 0 ? "done" : count(rows) + " rows") + " in " + duration(elapsed)
                    + (totalRows < 0 || elapsed <= 0 ? "" : ", " + count(rate(rows, elapsed)) + " rows/s"));
        }
        close();
    }

    /** Ends the step without a further line (a failed step's error says the rest). */
    @Override
    public synchronized void close() {
        closed = true;
        ScheduledFuture<?> future = ticking;
        if (future != null) {
            future.cancel(false);
        }
    }

    /** The line of a step that has run {@code elapsed} nanoseconds and done {@code rows}. */
    String line(long elapsed, long rows) {
        StringBuilder line = new StringBuilder("modeltest: ").append(step).append(": ");
        if (totalRows < 0) {
            return line.append(duration(elapsed)).append(" so far").toString();
        }
        line.append(count(rows))
                .append(" / ")
                .append(count(totalRows))
                .append(" rows (")
                .append(totalRows == 0 ? 100 : rows * 100 / totalRows)
                .append(" %), ");
        if (rows == 0) {
            return line.append(duration(elapsed)).append(" so far").toString();
        }
        double perSecond = rows / (elapsed / 1e9);
        long leftNanos = (long) Math.ceil((totalRows - rows) / perSecond * 1e9);
        return line.append(count(rate(rows, elapsed)))
                .append(" rows/s, about ")
                .append(duration(leftNanos))
                .append(" left")
                .toString();
    }

    private static long rate(long rows, long elapsed) {
        return Math.round(rows / (elapsed / 1e9));
    }

    /** A count with its thousands apart, e.g. {@code 10 000 000}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }

    /** A duration rounded up to whole seconds, e.g. {@code 25 s}, {@code 3 min 5 s}, {@code 1 h 2 min}. */
    static String duration(long nanos) {
        long seconds = Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
