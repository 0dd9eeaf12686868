package dev.modeltest.metrics;

/**
 * A kernel of the label metrics: every value comes from one table of confusion counts, counted from the rows ({@link
 * LabelKernel}) or merged from elsewhere ({@link MergedLabelKernel}). What needs only that table (the per-cell
 * Poisson bootstrap, the caveats on its coverage, why a value is undefined) reads it here, so both give the same.
 */
interface ConfusionKernel extends Kernel {

    /** Returns the confusion counts over the sample's rows, each counted once, row-major (true × predicted). */
    long[] counts();

    /** Returns the number of classes, the table's side. */
    int classCount();

    /** Returns the name of class {@code c}. */
    String className(int c);
}
