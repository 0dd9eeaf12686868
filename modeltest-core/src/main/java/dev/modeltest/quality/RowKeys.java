package dev.modeltest.quality;

import dev.modeltest.data.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Some columns of a data set, seen row by row: a 64-bit hash per row and an exact comparison of two rows.
 *
 * <p>The hashes are computed column by column over the arrays {@link TestData} hands out, with no per-row objects and
 * no per-row string building: a number contributes its bits, a text its (cached) {@code String.hashCode()}. Two rows
 * with the same hash are then compared cell by cell, so a hash collision can cost time but never a false match. Cells
 * compare as the loader read them: numbers as values ({@code 1} and {@code 1.0} are equal, as are {@code -0.0} and
 * {@code 0.0}), text exactly; a missing cell equals a missing cell and nothing else.
 */
final class RowKeys {

    /** How many columns {@link #describe(int)} prints before it abbreviates. */
    private static final int MAX_DESCRIBED = 8;

    private static final long MISSING_NUMBER = 0x6a09e667f3bcc908L;
    private static final long MISSING_TEXT = 0xbb67ae8584caa73bL;
    private static final long STEP = 0x9e3779b97f4a7c15L;

    private final TestData data;
    private final List<String> columns;
    private final double[][] numbers;
    private final String[][] texts;
    private final long[] hashes;

    private RowKeys(TestData data, List<String> columns, boolean[] numeric) {
        this.data = data;
        this.columns = List.copyOf(columns);
        int n = data.rowCount();
        this.numbers = new double[columns.size()][];
        this.texts = new String[columns.size()][];
        long[] h = new long[n];
        for (int c = 0; c < columns.size(); c++) {
            if (numeric[c]) {
                double[] values = data.doubles(columns.get(c));
                numbers[c] = values;
                for (int i = 0; i < n; i++) {
                    double v = values[i];
                    // + 0.0 makes -0.0 hash as 0.0, which it equals.
                    long bits = v != v ? MISSING_NUMBER : Double.doubleToLongBits(v + 0.0);
                    h[i] = Long.rotateLeft(h[i], 29) * STEP + bits;
                }
            } else {
                String[] values = data.strings(columns.get(c));
                texts[c] = values;
                for (int i = 0; i < n; i++) {
                    String v = values[i];
                    long bits = v == null ? MISSING_TEXT : v.hashCode();
                    h[i] = Long.rotateLeft(h[i], 29) * STEP + bits;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            h[i] = mix(h[i]);
        }
        this.hashes = h;
    }

    private RowKeys(RowKeys keys, long[] hashes) {
        this.data = keys.data;
        this.columns = keys.columns;
        this.numbers = keys.numbers;
        this.texts = keys.texts;
        this.hashes = hashes;
    }

    /** Returns the rows of a data set over the given columns, numbers compared as numbers. */
    static RowKeys of(TestData data, List<String> columns) {
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = data.kind(columns.get(c)).isNumeric();
        }
        return new RowKeys(data, columns, numeric);
    }

    /**
     * Returns the rows of two data sets over the same columns, comparable with each other: a column is compared as
     * numbers when both sides read it as numbers, else as the text {@link TestData#strings(String)} gives.
     */
    static List<RowKeys> comparable(TestData a, TestData b, List<String> columns) {
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < numeric.length; c++) {
            String column = columns.get(c);
            numeric[c] = a.kind(column).isNumeric() && b.kind(column).isNumeric();
        }
        return List.of(new RowKeys(a, columns, numeric), new RowKeys(b, columns, numeric));
    }

    /** Returns the same rows with other hashes; for tests that force collisions. */
    RowKeys withHashes(long[] forced) {
        if (forced.length != hashes.length) {
            throw new IllegalArgumentException(forced.length + " hashes for " + hashes.length + " rows");
        }
        return new RowKeys(this, forced.clone());
    }

    int rows() {
        return hashes.length;
    }

    long hash(int row) {
        return hashes[row];
    }

    List<String> columns() {
        return columns;
    }

    TestData data() {
        return data;
    }

    /** Returns whether row {@code row} holds, in every column, the same cell as row {@code otherRow} of {@code other}. */
    boolean same(int row, RowKeys other, int otherRow) {
        for (int c = 0; c < columns.size(); c++) {
            if (numbers[c] != null) {
                double a = numbers[c][row];
                double b = other.numbers[c][otherRow];
                if (a != b && !(a != a && b != b)) {
                    return false;
                }
            } else if (!Objects.equals(texts[c][row], other.texts[c][otherRow])) {
                return false;
            }
        }
        return true;
    }

    /** Returns the row's cells for a message, e.g. {@code x1=0.5, x2=missing, label='a'}. */
    String describe(int row) {
        List<Object> cells = new ArrayList<>();
        for (int c = 0; c < columns.size() && c < MAX_DESCRIBED; c++) {
            if (numbers[c] != null) {
                double v = numbers[c][row];
                cells.add(Double.isNaN(v) ? null : v);
            } else {
                cells.add(texts[c][row]);
            }
        }
        return describe(columns, cells);
    }

    /**
     * Describes a row by its cells, e.g. {@code x1=3, colour='red', x2=missing}: numbers ({@link Number}) as {@link
     * #number(double)} prints them, text quoted, {@code null} (or NaN) as missing; at most {@value #MAX_DESCRIBED}
     * columns.
     */
    static String describe(List<String> columns, List<?> values) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < columns.size() && c < MAX_DESCRIBED; c++) {
            Object v = values.get(c);
            String value;
            if (v == null || (v instanceof Number n && Double.isNaN(n.doubleValue()))) {
                value = "missing";
            } else if (v instanceof Number n) {
                value = number(n.doubleValue());
            } else {
                value = "'" + v + "'";
            }
            cells.add(columns.get(c) + "=" + value);
        }
        if (columns.size() > MAX_DESCRIBED) {
            cells.add("... (" + columns.size() + " columns)");
        }
        return String.join(", ", cells);
    }

    /** Prints a number as {@link TestData#strings(String)} does: whole numbers without a fraction, others exactly. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The finalizer of MurmurHash3 (fmix64), so that the low bits used as a slot depend on every input bit. */
    static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
