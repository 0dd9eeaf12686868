package dev.modeltest.metrics;

import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Row counts by true class (rows) and predicted class (columns), over all classes of the predictions in their order:
 * the same as {@code sklearn.metrics.confusion_matrix(y_true, y_pred, labels=classes)}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ConfusionMatrix {

    private final List<String> classes;
    private final long[] counts;
    private final int k;

    /** The counts of this matrix, {@code counts[actual * k + predicted]}; not a copy, callers must not modify it. */
    long[] counts() {
        return counts;
    }

    ConfusionMatrix(List<String> classes, long[] counts) {
        this.classes = List.copyOf(classes);
        this.k = classes.size();
        this.counts = counts.clone();
    }

    /**
     * Creates a matrix from counts made elsewhere, e.g. added up over the partitions of a distributed data set.
     *
     * @param classes the class names, in row and column order
     * @param counts {@code counts[actual][predicted]}, one row and one column per class, none negative
     * @throws IllegalArgumentException if the counts are not a square of the classes' size or a count is negative
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static ConfusionMatrix of(List<String> classes, long[][] counts) {
        int size = classes.size();
        if (counts.length != size) {
            throw new IllegalArgumentException(
                    counts.length + " rows of counts for the " + size + " classes " + classes);
        }
        long[] flat = new long[size * size];
        for (int a = 0; a < size; a++) {
            if (counts[a].length != size) {
                throw new IllegalArgumentException("row " + a + " of the counts has " + counts[a].length
                        + " columns for the " + size + " classes " + classes);
            }
            for (int p = 0; p < size; p++) {
                if (counts[a][p] < 0) {
                    throw new IllegalArgumentException("count [" + a + "][" + p + "] is negative: " + counts[a][p]);
                }
                flat[a * size + p] = counts[a][p];
            }
        }
        return new ConfusionMatrix(classes, flat);
    }

    /** Returns the class names, in row and column order. */
    public List<String> classes() {
        return classes;
    }

    /** Returns how many rows of true class {@code actual} were predicted as {@code predicted} (class indexes). */
    public long count(int actual, int predicted) {
        return counts[index(actual) * k + index(predicted)];
    }

    /** Returns how many rows of true class {@code actual} were predicted as {@code predicted} (class names). */
    public long count(String actual, String predicted) {
        return count(indexOf(actual), indexOf(predicted));
    }

    /** Returns the number of rows whose true class is {@code actual}: the row total (the class's support). */
    public long actualTotal(int actual) {
        return LabelMetrics.rowSum(counts, k, index(actual));
    }

    /** Returns the number of rows predicted as {@code predicted}: the column total. */
    public long predictedTotal(int predicted) {
        return LabelMetrics.columnSum(counts, k, index(predicted));
    }

    /** Returns the number of rows predicted right: the diagonal. */
    public long correct() {
        return LabelMetrics.trace(counts, k);
    }

    /** Returns the number of rows. */
    public long total() {
        return LabelMetrics.total(counts);
    }

    /** Returns the counts as {@code [actual][predicted]}, a new array. */
    public long[][] toArray() {
        long[][] out = new long[k][];
        for (int r = 0; r < k; r++) {
            out[r] = Arrays.copyOfRange(counts, r * k, (r + 1) * k);
        }
        return out;
    }

    private int index(int c) {
        if (c < 0 || c >= k) {
            throw new IndexOutOfBoundsException("class index " + c + " is outside the " + k + " classes " + classes);
        }
        return c;
    }

    private int indexOf(String label) {
        int c = classes.indexOf(label);
        if (c < 0) {
            throw new IllegalArgumentException("\"" + label + "\" is not one of the classes " + classes);
        }
        return c;
    }

    /** Formats the matrix as an aligned text table, true classes down and predicted classes across. */
    @Override
    public String toString() {
        String corner = "true \\ predicted";
        int labelWidth = corner.length();
        for (String c : classes) {
            labelWidth = Math.max(labelWidth, c.length());
        }
        int[] widths = new int[k];
        for (int c = 0; c < k; c++) {
            widths[c] = classes.get(c).length();
            for (int r = 0; r < k; r++) {
                widths[c] = Math.max(widths[c], Long.toString(counts[r * k + c]).length());
            }
        }
        StringBuilder out = new StringBuilder(pad(corner, labelWidth, false));
        for (int c = 0; c < k; c++) {
            out.append("  ").append(pad(classes.get(c), widths[c], true));
        }
        for (int r = 0; r < k; r++) {
            out.append('\n').append(pad(classes.get(r), labelWidth, false));
            for (int c = 0; c < k; c++) {
                out.append("  ").append(pad(Long.toString(counts[r * k + c]), widths[c], true));
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && classes.equals(m.classes) && Arrays.equals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + Arrays.hashCode(counts);
    }
}
