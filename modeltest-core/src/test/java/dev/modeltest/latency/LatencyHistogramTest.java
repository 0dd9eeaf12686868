package dev.modeltest.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void answersNearestRankPercentilesAsTheTopOfTheirBucket() {
        LatencyHistogram histogram =
                of(LongStream.rangeClosed(1, 100).map(i -> i * 1_000).toArray());

        // Rank ceil(p/100 · n): p50 is the 50th value, p99 the 99th, p99.5 the 100th.
        Histogram hdr = new Histogram(3);
        assertThat(histogram.percentile(50))
                .isEqualTo(hdr.highestEquivalentValue(50_000))
                .isEqualTo(50_015);
        assertThat(histogram.percentile(99))
                .isEqualTo(hdr.highestEquivalentValue(99_000))
                .isEqualTo(99_007);
        assertThat(histogram.percentile(99.5)).isEqualTo(100_000);
        assertThat(histogram.percentile(100)).isEqualTo(100_000);
        assertThat(histogram.percentile(0.5)).isEqualTo(1_000);
    }

    @Test
    void computesTheNearestRankWithoutFloatingPointDrift() {
        // 0.99 · 1000 is 989.9999999999999 in doubles; 99.9 · 1000 / 100 is 999.0000000000001.
        assertThat(LatencyHistogram.nearestRank(99, 1000)).isEqualTo(990);
        assertThat(LatencyHistogram.nearestRank(99.9, 1000)).isEqualTo(999);
        assertThat(LatencyHistogram.nearestRank(50, 7)).isEqualTo(4);
        assertThat(LatencyHistogram.nearestRank(0.001, 7)).isEqualTo(1);
    }

    @Test
    void widensBoundsToTheBucketEdgesButStaysWithinTheExactExtremes() {
        // 1,000,001 ns lies in a bucket of 512 ns width: [999,936, 1,000,447].
        LatencyHistogram histogram = of(1_000, 1_000_001, 1_000_001, 5_000_000);
        Histogram hdr = new Histogram(3);

        assertThat(histogram.atRank(3, false))
                .isEqualTo(hdr.lowestEquivalentValue(1_000_001))
                .isEqualTo(999_936);
        assertThat(histogram.atRank(3, true))
                .isEqualTo(hdr.highestEquivalentValue(1_000_001))
                .isEqualTo(1_000_447);
        // The edges of the extreme values' buckets lie beyond them: the exact minimum and maximum instead.
        assertThat(of(1_000_001, 1_000_001).atRank(1, false)).isEqualTo(1_000_001);
        assertThat(of(1_000_001, 1_000_001).atRank(2, true)).isEqualTo(1_000_001);
        assertThat(histogram.atRank(4, true)).isEqualTo(5_000_000);
    }

    @Test
    void keepsExactCountMeanMinimumAndMaximum() {
        LatencyHistogram histogram = of(3, 5, 1_000_003);

        assertThat(histogram.count()).isEqualTo(3);
        assertThat(histogram.meanNanos()).isEqualTo(1_000_011 / 3.0);
        assertThat(histogram.minNanos()).isEqualTo(3);
        assertThat(histogram.maxNanos()).isEqualTo(1_000_003);
    }

    @Test
    void recordsABackwardStepOfTheClockAsZero() {
        LatencyHistogram histogram = of(-5, 10);

        assertThat(histogram.minNanos()).isZero();
        assertThat(histogram.percentile(50)).isZero();
    }

    @Test
    void addsAnotherHistogramWithoutChangingIt() {
        LatencyHistogram first = of(10, 20);
        LatencyHistogram second = of(30);

        LatencyHistogram pooled = first.copy();
        pooled.add(second);

        assertThat(pooled.count()).isEqualTo(3);
        assertThat(pooled.maxNanos()).isEqualTo(30);
        assertThat(pooled.meanNanos()).isEqualTo(20.0);
        assertThat(first.count()).isEqualTo(2);
    }

    @Test
    void givesThePercentileWithTheValuesAtItsIntervalRanks() {
        LatencyHistogram histogram = of(LongStream.rangeClosed(1, 1000).toArray());

        LatencyHistogram.Estimate p99 = histogram.estimate(99, 0.95);

        // Ranks 983 and 997 (see the golden file); values below 2048 are exact.
        assertThat(p99.ranks().lowerRank()).isEqualTo(983);
        assertThat(p99.lowerNanos()).isEqualTo(983);
        assertThat(p99.upperNanos()).isEqualTo(997);
        assertThat(p99.nanos()).isEqualTo(990);
        assertThat(histogram.estimate(99.9, 0.95).hasUpper()).isFalse();
        assertThat(histogram.estimate(100, 0.95).ranks()).isNull();
    }

    @Test
    void writesHdrHistogramsPercentileDistributionAsCsvInMicroseconds() {
        String csv = of(1_000_000, 2_000_000).percentileCsv();

        assertThat(csv.lines().findFirst()).contains("\"Value\",\"Percentile\",\"TotalCount\",\"1/(1-Percentile)\"");
        assertThat(csv).contains("1000.447,0.000000000000,1,1.00\n").contains("2000.895,1.000000000000,2,Infinity");
    }

    @Test
    void encodesTheHistogramSoThatHdrHistogramCanReadItBack() throws Exception {
        LatencyHistogram histogram = of(1_000, 2_000, 3_000);

        byte[] bytes = java.util.Base64.getDecoder().decode(histogram.encoded());
        Histogram decoded = Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(bytes), 0);

        assertThat(decoded.getTotalCount()).isEqualTo(3);
        assertThat(decoded.valuesAreEquivalent(decoded.getMaxValue(), 3_000)).isTrue();
    }

    @Test
    void rejectsARankOutsideTheSamples() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> of(1, 2).atRank(3, true))
                .withMessage("rank must be in [1, 2], was 3");
    }

    private static LatencyHistogram of(long... nanos) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long n : nanos) {
            histogram.record(n);
        }
        return histogram;
    }
}
