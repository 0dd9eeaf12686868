package dev.modeltest.benchmarks;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;

/**
 * Reads one CSV file in the heap this JVM was given and prints the size of the table read: run with {@code -Xmx} set
 * to twice that size, it shows that reading needs at most twice the table ({@code run_loading_benchmark.sh} does).
 *
 * <p>The table's size counts what the columns hold once read: 8 bytes a row for a decimal column, 4 for a whole
 * number or a text code, 1 for a boolean; the dictionaries of distinct texts are a few kilobytes here and left out.
 */
public final class LoadingHeapCheck {

    private LoadingHeapCheck() {}

    /** Reads {@code args[0]}; prints rows, columns, the table's size and the heap limit. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        TestData data = DataLoader.load(args[0]);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long bytes = 0;
        for (String column : data.columnNames()) {
            ColumnKind kind = data.kind(column);
            bytes += (long) data.rowCount() * (kind == ColumnKind.DOUBLE ? 8 : kind == ColumnKind.BOOLEAN ? 1 : 4);
        }
        System.out.printf(
                "%s: %d rows x %d columns read in %d ms; table %.0f MiB, heap limit (-Xmx) %.0f MiB%n",
                data.name(),
                data.rowCount(),
                data.columnNames().size(),
                millis,
                bytes / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
