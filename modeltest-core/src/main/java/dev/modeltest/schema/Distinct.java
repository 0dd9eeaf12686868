package dev.modeltest.schema;

/**
 * The distinct values of one column and the row where each first appeared, for the {@code unique} and {@code
 * maxCardinality} rules.
 *
 * <p>An open-addressing table over primitive arrays: a column of a million values costs a few arrays, not a million
 * boxed entries as a {@code HashMap<Double, Integer>} would. A table holds either numbers (compared as values, so
 * {@code -0.0} equals {@code 0.0}) or texts, never both.
 */
final class Distinct {

    private static final int SMALLEST_CAPACITY = 16;

    private final int initialCapacity;
    private long[] numbers;
    private String[] texts;
    private int[] firstRows; // row + 1; 0 marks an empty slot
    private int size;

    /**
     * Creates an empty table sized for {@code expected} distinct values without growing (pass the row count when most
     * values are expected to differ, as for a unique column; 0 when few are).
     */
    Distinct(int expected) {
        int capacity = SMALLEST_CAPACITY;
        while (capacity < 2L * expected && capacity < (1 << 30)) {
            capacity <<= 1;
        }
        this.initialCapacity = capacity;
    }

    /**
     * Adds a number seen at {@code row} (from 0).
     *
     * @return the row (from 0) where the value first appeared, or -1 when it is new
     */
    int add(int row, double value) {
        if (firstRows == null) {
            allocate(initialCapacity, true);
        }
        long bits = Double.doubleToLongBits(value + 0.0);
        int mask = firstRows.length - 1;
        int slot = mix(bits) & mask;
        while (firstRows[slot] != 0) {
            if (numbers[slot] == bits) {
                return firstRows[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        numbers[slot] = bits;
        firstRows[slot] = row + 1;
        grow();
        return -1;
    }

    /**
     * Adds a text seen at {@code row} (from 0).
     *
     * @return the row (from 0) where the text first appeared, or -1 when it is new
     */
    int add(int row, String value) {
        if (firstRows == null) {
            allocate(initialCapacity, false);
        }
        int mask = firstRows.length - 1;
        // String caches its hash code, and the loader hands out one String instance per distinct value.
        int slot = mix(value.hashCode()) & mask;
        while (firstRows[slot] != 0) {
            if (texts[slot].equals(value)) {
                return firstRows[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        texts[slot] = value;
        firstRows[slot] = row + 1;
        grow();
        return -1;
    }

    /** Returns the number of distinct values added. */
    int size() {
        return size;
    }

    private void allocate(int capacity, boolean numeric) {
        firstRows = new int[capacity];
        if (numeric) {
            numbers = new long[capacity];
        } else {
            texts = new String[capacity];
        }
    }

    /** Counts the value just added and doubles the table when it is half full. */
    private void grow() {
        size++;
        if (size * 2 <= firstRows.length) {
            return;
        }
        int[] oldRows = firstRows;
        long[] oldNumbers = numbers;
        String[] oldTexts = texts;
        allocate(oldRows.length * 2, oldNumbers != null);
        int mask = firstRows.length - 1;
        for (int i = 0; i < oldRows.length; i++) {
            if (oldRows[i] == 0) {
                continue;
            }
            int slot = (oldNumbers != null ? mix(oldNumbers[i]) : mix(oldTexts[i].hashCode())) & mask;
            while (firstRows[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            firstRows[slot] = oldRows[i];
            if (oldNumbers != null) {
                numbers[slot] = oldNumbers[i];
            } else {
                texts[slot] = oldTexts[i];
            }
        }
    }

    /** The finalizer of MurmurHash3 (fmix64): spreads every input bit over the slot index. */
    static int mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
