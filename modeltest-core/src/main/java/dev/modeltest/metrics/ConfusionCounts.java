package dev.modeltest.metrics;

/**
 * Confusion counts, {@code counts[actual * k + predicted]}: the mergeable state of every label metric. Merging adds
 * the counts, so any split of the rows gives the same matrix.
 */
final class ConfusionCounts implements Chunks.Accumulator<ConfusionCounts> {

    private final Columns columns;
    private final Selection selection;
    final long[] counts;

    ConfusionCounts(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
        this.counts = new long[columns.k * columns.k];
    }

    static ConfusionCounts of(Columns columns, Selection selection) {
        return Chunks.reduce(selection.size, Chunks.LEAF, () -> new ConfusionCounts(columns, selection));
    }

    @Override
    public void absorb(int from, int to) {
        int[] actual = columns.actual;
        int[] predicted = columns.predicted;
        int k = columns.k;
        long[] c = counts;
        int[] rows = selection.rows;
        int[] weights = selection.counts;
        // Four loops rather than one with per-row tests: this is the 100-million-rows-a-second path.
        if (rows == null && weights == null) {
            for (int i = from; i < to; i++) {
                c[actual[i] * k + predicted[i]]++;
            }
        } else if (rows == null) {
            for (int i = from; i < to; i++) {
                c[actual[i] * k + predicted[i]] += weights[i];
            }
        } else if (weights == null) {
            for (int j = from; j < to; j++) {
                int i = rows[j];
                c[actual[i] * k + predicted[i]]++;
            }
        } else {
            for (int j = from; j < to; j++) {
                int i = rows[j];
                c[actual[i] * k + predicted[i]] += weights[j];
            }
        }
    }

    @Override
    public ConfusionCounts merge(ConfusionCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }
}
