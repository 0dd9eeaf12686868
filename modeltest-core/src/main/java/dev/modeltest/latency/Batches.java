package dev.modeltest.latency;

import dev.modeltest.model.Batch;
import dev.modeltest.model.Features;
import org.apiguardian.api.API;

/**
 * Real rows of the test data, cut into the batches that latency and throughput measurements replay.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Batches {

    /** At most this many batches are built up front; calls cycle through them. */
    public static final int MAX_PREBUILT_BATCHES = 10_000;

    /** At most this many row indexes (over all batches) are built up front. */
    public static final int MAX_PREBUILT_ROWS = 1 << 20;

    private Batches() {}

    /**
     * Builds the batches up front, so that no call times the building: batch {@code k} holds rows
     * {@code k × batchSize} onwards, wrapping around the end of the data. Beyond one full cycle through the data the
     * batches would repeat, so at most that many are built (and no more than the calls need or the caps allow); call
     * {@code i} then uses batch {@code i mod length}.
     *
     * @param features the model's input columns of the test data, at least one row
     * @param batchSize the rows per batch, at least 1
     * @param calls the number of calls the batches are for, at least 1
     */
    public static Batch[] cycle(Features features, int batchSize, long calls) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        int rows = features.rowCount();
        if (rows < 1) {
            throw new IllegalArgumentException("the data has no rows to replay");
        }
        long cycle = rows / gcd(rows, batchSize);
        long count = Math.min(Math.min(Math.max(1, calls), cycle), MAX_PREBUILT_BATCHES);
        count = Math.max(1, Math.min(count, MAX_PREBUILT_ROWS / batchSize));
        Batch[] batches = new Batch[(int) count];
        int[] indexes = new int[batchSize];
        for (int k = 0; k < count; k++) {
            long start = (long) k * batchSize;
            for (int j = 0; j < batchSize; j++) {
                indexes[j] = (int) ((start + j) % rows);
            }
            batches[k] = features.batch(indexes);
        }
        return batches;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
