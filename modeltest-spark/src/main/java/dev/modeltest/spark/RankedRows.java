package dev.modeltest.spark;

import dev.modeltest.error.DataException;
import dev.modeltest.metrics.RocSummary;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The exact binary ranking of a scored Dataset, in Spark, without bringing its rows to the driver: the (positive?,
 * score) pairs are range-partitioned by score (equal scores land in one partition) and sorted within each partition;
 * a first job counts each partition's positive and negative rows (a few numbers per partition go to the driver), and a
 * second walks every partition's tie groups with the rows of the earlier partitions as offsets, summing core's {@link
 * RocSummary} (the Mann-Whitney count and DeLong's placements), which Spark merges.
 */
final class RankedRows {

    private RankedRows() {}

    /** Per partition: its index, positive rows, negative rows, rows without a score, rows with a non-finite score. */
    private static final int INDEX = 0;

    private static final int POSITIVES = 1;
    private static final int NEGATIVES = 2;
    private static final int MISSING = 3;
    private static final int NOT_FINITE = 4;

    /**
     * Summarizes the ranking of {@code positive}'s rows by {@code score}.
     *
     * @throws DataException if a score is missing, NaN or infinite
     */
    static RocSummary roc(Dataset<Row> scored, String dataName, String label, String score, String positive) {
        Dataset<Row> pairs = scored.select(
                functions.col(label).cast("string").equalTo(functions.lit(positive)),
                functions.col(score).cast("double").as("score"));
        int partitions = Math.max(1, scored.rdd().getNumPartitions());
        JavaRDD<Row> ranked = pairs.repartitionByRange(partitions, functions.col("score"))
                .sortWithinPartitions(functions.col("score"))
                .javaRDD();
        List<long[]> counts =
                ranked.mapPartitionsWithIndex(RankedRows::count, true).collect();
        long positives = 0;
        long negatives = 0;
        long missing = 0;
        long notFinite = 0;
        long[] negativesBelow = new long[counts.size()];
        long[] positivesBelow = new long[counts.size()];
        // The partitions in range order: each one's offsets are the rows of the partitions before it.
        long[][] byIndex = new long[counts.size()][];
        for (long[] c : counts) {
            byIndex[(int) c[INDEX]] = c;
        }
        for (int i = 0; i < byIndex.length; i++) {
            negativesBelow[i] = negatives;
            positivesBelow[i] = positives;
            positives += byIndex[i][POSITIVES];
            negatives += byIndex[i][NEGATIVES];
            missing += byIndex[i][MISSING];
            notFinite += byIndex[i][NOT_FINITE];
        }
        if (missing > 0) {
            throw new DataException("data set " + dataName + ", score column '" + score + "': " + missing
                    + (missing == 1 ? " row is" : " rows are") + " empty (null)");
        }
        if (notFinite > 0) {
            throw new DataException("data set " + dataName + ", score column '" + score + "': " + notFinite
                    + (notFinite == 1 ? " row is" : " rows are") + " NaN or infinite, not a finite number");
        }
        long totalPositives = positives;
        long totalNegatives = negatives;
        return ranked.mapPartitionsWithIndex(
                        (index, rows) -> List.of(walk(
                                        RocSummary.forTotals(positive, totalPositives, totalNegatives),
                                        rows,
                                        negativesBelow[index],
                                        positivesBelow[index]))
                                .iterator(),
                        true)
                .treeReduce(RocSummary::merge);
    }

    /** The first job's per-partition counts. */
    private static Iterator<long[]> count(int index, Iterator<Row> rows) {
        long[] c = new long[5];
        c[INDEX] = index;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.isNullAt(1)) {
                c[MISSING]++;
            } else if (!Double.isFinite(row.getDouble(1))) {
                c[NOT_FINITE]++;
            } else if (row.getBoolean(0)) {
                c[POSITIVES]++;
            } else {
                c[NEGATIVES]++;
            }
        }
        return List.of(c).iterator();
    }

    /** The second job: one partition's tie groups, in ascending score order, into {@code summary}. */
    private static RocSummary walk(RocSummary summary, Iterator<Row> rows, long negativesBelow, long positivesBelow) {
        long nb = negativesBelow;
        long pb = positivesBelow;
        long pos = 0;
        long neg = 0;
        double current = Double.NaN;
        while (rows.hasNext()) {
            Row row = rows.next();
            double s = row.getDouble(1);
            if (s != current && pos + neg > 0) {
                summary.group(pos, neg, nb, pb);
                nb += neg;
                pb += pos;
                pos = 0;
                neg = 0;
            }
            current = s;
            if (row.getBoolean(0)) {
                pos++;
            } else {
                neg++;
            }
        }
        if (pos + neg > 0) {
            summary.group(pos, neg, nb, pb);
        }
        return summary;
    }
}
