package dev.modeltest.spark;

import dev.modeltest.error.DataException;
import dev.modeltest.metrics.RocSummary;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;

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
    static RocSummary roc(
            Dataset<Row> scored, String dataName, String label, String score, String positive, boolean influence) {
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
        // One summary per partition to the driver (a few numbers each), merged there in range order: average
        // precision's influence pass needs each partition's sums as offsets for the partitions above it.
        List<Tuple2<Integer, RocSummary>> parts = ranked.mapPartitionsWithIndex(
                        (index, rows) -> List.of(new Tuple2<>(
                                        index,
                                        walk(
                                                RocSummary.forTotals(positive, totalPositives, totalNegatives),
                                                rows,
                                                negativesBelow[index],
                                                positivesBelow[index])))
                                .iterator(),
                        true)
                .collect();
        RocSummary[] byRange = new RocSummary[byIndex.length];
        parts.forEach(t -> byRange[t._1()] = t._2());
        RocSummary merged = RocSummary.forTotals(positive, totalPositives, totalNegatives);
        double[][] sumsBelow = new double[byRange.length][];
        for (int i = 0; i < byRange.length; i++) {
            sumsBelow[i] = merged.influenceSums();
            merged.merge(byRange[i]);
        }
        if (!influence) {
            return merged;
        }
        RocSummary ranking = merged;
        RocSummary influences = ranked.mapPartitionsWithIndex(
                        (index, rows) -> List.of(influences(
                                        ranking, rows, negativesBelow[index], positivesBelow[index], sumsBelow[index]))
                                .iterator(),
                        true)
                .treeReduce(RocSummary::merge);
        return merged.withInfluence(influences);
    }

    /**
     * The third job, for average precision: one partition's tie groups again, each adding its rows' squared influences
     * given the whole ranking's average precision and the sums of the groups below it (the earlier partitions' as
     * offsets, this partition's as they are walked, through a scratch ranking pass of core's).
     */
    private static RocSummary influences(
            RocSummary ranking, Iterator<Row> rows, long negativesBelow, long positivesBelow, double[] sumsBelow) {
        RocSummary pass = ranking.influencePass();
        RocSummary walked = RocSummary.forTotals(ranking.positiveClass(), ranking.positives(), ranking.negatives());
        long[] below = {negativesBelow, positivesBelow};
        forEachGroup(rows, (pos, neg) -> {
            double[] own = walked.influenceSums();
            pass.influence(pos, neg, below[0], below[1], new double[] {sumsBelow[0] + own[0], sumsBelow[1] + own[1]});
            walked.group(pos, neg, below[0], below[1]);
            below[0] += neg;
            below[1] += pos;
        });
        return pass;
    }

    /** Receives one group of rows tied on a score: its positive and negative rows. */
    private interface Group {
        void accept(long positives, long negatives);
    }

    /** Calls {@code group} for each group of tied scores of the sorted rows, in ascending score order. */
    private static void forEachGroup(Iterator<Row> rows, Group group) {
        long pos = 0;
        long neg = 0;
        double current = Double.NaN;
        while (rows.hasNext()) {
            Row row = rows.next();
            double s = row.getDouble(1);
            if (s != current && pos + neg > 0) {
                group.accept(pos, neg);
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
            group.accept(pos, neg);
        }
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
        long[] below = {negativesBelow, positivesBelow};
        forEachGroup(rows, (pos, neg) -> {
            summary.group(pos, neg, below[0], below[1]);
            below[0] += neg;
            below[1] += pos;
        });
        return summary;
    }
}
