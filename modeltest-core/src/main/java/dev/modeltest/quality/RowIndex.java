package dev.modeltest.quality;

/**
 * An index of distinct rows: for each row, the first earlier (or indexed) row equal to it.
 *
 * <p>Open addressing over an {@code int[]} of row numbers and a {@code long[]} of their hashes, sized up front for all
 * rows (at most half full), so a million rows cost 24 MB and no boxed entries. A row is taken for equal only after the
 * full 64-bit hashes match and {@link RowKeys#same(int, RowKeys, int)} confirms every cell.
 */
final class RowIndex {

    private final RowKeys keys;
    private final int[] slots; // indexed row + 1; 0 marks an empty slot
    private final long[] hashes; // the hash of each slot's row, beside it: a probe then reads one place in memory
    private final int mask;

    /** Creates an empty index for rows of {@code keys}. */
    RowIndex(RowKeys keys) {
        this.keys = keys;
        int capacity = Integer.highestOneBit(Math.max(2, keys.rows()) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.hashes = new long[capacity];
        this.mask = capacity - 1;
    }

    /**
     * Returns the indexed row equal to row {@code row} of the indexed data set, or indexes {@code row} and returns
     * -1 when there is none.
     */
    int findOrAdd(int row) {
        long hash = keys.hash(row);
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            int candidate = slots[slot] - 1;
            if (hashes[slot] == hash && keys.same(candidate, keys, row)) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = row + 1;
        hashes[slot] = hash;
        return -1;
    }

    /** Returns the first indexed row equal to row {@code row} of {@code probe}, or -1 when there is none. */
    int find(RowKeys probe, int row) {
        long hash = probe.hash(row);
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            int candidate = slots[slot] - 1;
            if (hashes[slot] == hash && keys.same(candidate, probe, row)) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}
