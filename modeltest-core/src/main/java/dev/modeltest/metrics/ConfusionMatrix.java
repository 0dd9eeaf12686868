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

    ConfusionMatrix(List<String> classes, long[] counts) {
        this.classes = List.copyOf(classes);
        this.k = classes.size();
        this.counts = counts.clone();
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
