package dev.modeltest.metrics;

/**
 * The rows a metric is computed on: an optional list of row indexes ({@code null} for all rows in order) and optional
 * per-position multiplicities ({@code null} for once each). Kernels loop over positions {@code j} in
 * {@code [0, size)}; the row is {@code rows[j]} (or {@code j}) and it counts {@code counts[j]} times (or once).
 */
final class Selection {

    final int[] rows;
    final int[] counts;
    final int size;

    Selection(int[] rows, int[] counts, int size) {
        this.rows = rows;
        this.counts = counts;
        this.size = size;
    }

    Selection withCounts(int[] newCounts) {
        return new Selection(rows, newCounts, size);
    }

    int row(int j) {
        return rows == null ? j : rows[j];
    }

    int count(int j) {
        return counts == null ? 1 : counts[j];
    }
}
