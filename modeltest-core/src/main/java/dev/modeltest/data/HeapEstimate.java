package dev.modeltest.data;

import dev.modeltest.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * How much heap a CSV file needs once read, estimated from its size and its first lines before it is read, so that a
 * file too large for the heap fails at once with a message saying what to do, not with an {@link OutOfMemoryError}
 * after minutes of reading.
 *
 * <p>The estimate: the first {@value #SAMPLE_BYTES} bytes give the average line length and the number of columns; the
 * file size over the line length gives the rows. Every cell is counted at 8 bytes (a double; an int or a text code
 * takes 4, and text adds its distinct values), and reading needs a quarter more while the arrays grow.
 */
record HeapEstimate(long rows, int columns) {

    private static final int SAMPLE_BYTES = 1 << 16;

    /** Bytes a cell takes once read: a double. */
    private static final long BYTES_PER_CELL = 8;

    /** Heap the reader needs beyond the table: read buffers and parser state. */
    private static final long OVERHEAD_BYTES = 16L << 20;

    static HeapEstimate of(Resource resource) throws IOException {
        byte[] head;
        try (InputStream in = resource.open()) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        int lines = 0;
        int columns = 1;
        boolean quoted = false;
        for (byte b : head) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == '\n') {
                lines++;
            } else if (!quoted && b == ',' && lines == 0) {
                columns++;
            }
        }
        long size = resource.size();
        long rows;
        if (head.length >= size) {
            rows = lines + 1L; // the whole file was seen; the header line is a spare row
        } else {
            double bytesPerLine = (double) head.length / Math.max(1, lines);
            rows = (long) Math.ceil(size / bytesPerLine * 1.05);
        }
        return new HeapEstimate(rows, columns);
    }

    /** The heap the table takes once read. */
    long tableBytes() {
        return rows * columns * BYTES_PER_CELL;
    }

    /** The heap needed to read it. */
    long neededBytes() {
        return tableBytes() + tableBytes() / 4 + OVERHEAD_BYTES;
    }

    void requireFits(Resource resource, long maxHeap) {
        if (neededBytes() > maxHeap) {
            throw new DataException(tooLarge(resource, maxHeap));
        }
    }

    /** Turns running out of heap while reading into the same message, with the error as cause. */
    DataException outOfMemory(Resource resource, long maxHeap, OutOfMemoryError e) {
        return new DataException(tooLarge(resource, maxHeap) + " (the heap ran out while reading)", e);
    }

    private String tooLarge(Resource resource, long maxHeap) {
        return "data file '" + resource.location() + "' ("
                + String.format(Locale.ROOT, "%s, about %,d rows × %,d columns", bytes(resource.size()), rows, columns)
                + ") is too large for this JVM's heap: reading it needs about " + bytes(neededBytes())
                + ", but the heap may grow to at most " + bytes(maxHeap)
                + " (-Xmx). Give the JVM more heap (-Xmx, e.g. in Surefire's argLine),"
                + " judge the model on a sample of the rows, or run the checks on Spark with the Spark module";
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
