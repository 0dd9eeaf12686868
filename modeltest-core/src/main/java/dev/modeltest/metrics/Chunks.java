package dev.modeltest.metrics;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.function.Supplier;

/**
 * Evaluates a mergeable accumulator over positions {@code [0, size)} as a tree of chunks, forked on the common
 * fork-join pool when there is more than one chunk.
 *
 * <p>The tree depends only on {@code size} and the leaf size, never on the number of cores or on which thread runs
 * what, and merges always combine the left part with the right part. So floating-point sums come out the same bit for
 * bit whether the tree runs in parallel, sequentially, or inside a bootstrap replicate on a worker thread.
 */
final class Chunks {

    /**
     * Rows per leaf for accumulators with floating-point sums: fixed, so that results never depend on the machine.
     * Large enough that the merge cost is negligible, small enough to spread 10 million rows over many cores.
     */
    static final int LEAF = 1 << 16;

    private Chunks() {}

    /** A state that absorbs rows and merges with another state of the same kind. */
    interface Accumulator<A extends Accumulator<A>> {

        /** Absorbs the rows at positions {@code [from, to)} of the selection. */
        void absorb(int from, int to);

        /** Returns the state of this state's rows followed by {@code other}'s rows; may reuse this or other. */
        A merge(A other);
    }

    /** Reduces {@code [0, size)} with leaves of at most {@code leaf} positions. */
    static <A extends Accumulator<A>> A reduce(int size, int leaf, Supplier<A> empty) {
        if (size <= leaf || ForkJoinTask.inForkJoinPool()) {
            // Inside a pool (e.g. a bootstrap replicate) the caller already uses every core.
            return sequential(0, size, leaf, empty);
        }
        return new Node<>(0, size, leaf, empty).invoke();
    }

    /** A leaf size for exact (integer) accumulators: about one leaf per core, at least {@link #LEAF}. */
    static int leafPerCore(int size) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(LEAF, (int) ((size + (long) cores - 1) / cores));
    }

    private static int split(int from, int to, int leaf) {
        int leaves = (int) (((long) to - from + leaf - 1) / leaf);
        return from + (leaves / 2) * leaf;
    }

    private static <A extends Accumulator<A>> A sequential(int from, int to, int leaf, Supplier<A> empty) {
        if (to - from <= leaf) {
            A accumulator = empty.get();
            accumulator.absorb(from, to);
            return accumulator;
        }
        int mid = split(from, to, leaf);
        A left = sequential(from, mid, leaf, empty);
        return left.merge(sequential(mid, to, leaf, empty));
    }

    private static final class Node<A extends Accumulator<A>> extends RecursiveTask<A> {

        private static final long serialVersionUID = 1L;

        private final int from;
        private final int to;
        private final int leaf;
        private final transient Supplier<A> empty;

        Node(int from, int to, int leaf, Supplier<A> empty) {
            this.from = from;
            this.to = to;
            this.leaf = leaf;
            this.empty = empty;
        }

        @Override
        protected A compute() {
            if (to - from <= leaf) {
                A accumulator = empty.get();
                accumulator.absorb(from, to);
                return accumulator;
            }
            int mid = split(from, to, leaf);
            Node<A> right = new Node<>(mid, to, leaf, empty);
            right.fork();
            A left = new Node<>(from, mid, leaf, empty).compute();
            return left.merge(right.join());
        }
    }
}
