package dev.modeltest.drift;

import dev.modeltest.check.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The counts of both samples over the same bins: the values of a categorical column, or reference-quantile intervals
 * of a continuous one. Bins that neither sample reaches are left out, so they change no statistic.
 */
final class Bins {

    /** numpy.quantile's default, method 'linear' (Hyndman and Fan's type 7). */
    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final List<String> labels;
    private final long[] reference;
    private final long[] current;

    private Bins(List<String> labels, long[] reference, long[] current) {
        List<String> keptLabels = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] + current[i] > 0) {
                keptLabels.add(labels.get(i));
                reference[kept] = reference[i];
                current[kept] = current[i];
                kept++;
            }
        }
        this.labels = List.copyOf(keptLabels);
        this.reference = Arrays.copyOf(reference, kept);
        this.current = Arrays.copyOf(current, kept);
    }

    int size() {
        return labels.size();
    }

    List<String> labels() {
        return labels;
    }

    long[] reference() {
        return reference;
    }

    long[] current() {
        return current;
    }

    /** One bin per distinct value of either sample; both arrays sorted ascending. */
    static Bins ofValues(double[] a, double[] b) {
        List<String> labels = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            double v = Math.min(
                    i < a.length ? a[i] : Double.POSITIVE_INFINITY, j < b.length ? b[j] : Double.POSITIVE_INFINITY);
            long ca = 0;
            long cb = 0;
            while (i < a.length && a[i] == v) {
                ca++;
                i++;
            }
            while (j < b.length && b[j] == v) {
                cb++;
                j++;
            }
            labels.add(Format.number(v));
            counts.add(new long[] {ca, cb});
        }
        return of(labels, counts);
    }

    /** One bin per distinct text value of either sample, in alphabetical order; no nulls in the arrays. */
    static Bins ofCategories(String[] a, String[] b) {
        // Counted in a hash map (a million lookups), ordered once at the end.
        Map<String, long[]> counts = new HashMap<>();
        for (String v : a) {
            counts.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (String v : b) {
            counts.computeIfAbsent(v, k -> new long[2])[1]++;
        }
        Map<String, long[]> sorted = new TreeMap<>(counts);
        return of(new ArrayList<>(sorted.keySet()), new ArrayList<>(sorted.values()));
    }

    /**
     * Bins cut at the distinct reference quantiles {@code k / count} ({@code k = 1 .. count − 1}), closed on the left,
     * the last one closed on both sides at the reference maximum, plus one bin below the reference minimum and one
     * above its maximum, where current values outside the reference range fall. Both arrays sorted ascending.
     */
    static Bins ofQuantiles(double[] a, double[] b, int count) {
        double[] probabilities = new double[count - 1];
        for (int k = 1; k < count; k++) {
            probabilities[k - 1] = k / (double) count;
        }
        double[] edges = Arrays.stream(QUANTILE.evaluate(a.length, i -> a[i], probabilities))
                .distinct()
                .toArray();
        double lo = a[0];
        double hi = a[a.length - 1];
        List<String> labels = new ArrayList<>();
        labels.add("< " + Format.number(lo));
        double left = lo;
        for (double edge : edges) {
            labels.add("[" + Format.number(left) + ", " + Format.number(edge) + ")");
            left = edge;
        }
        labels.add("[" + Format.number(left) + ", " + Format.number(hi) + "]");
        labels.add("> " + Format.number(hi));
        return new Bins(labels, count(a, edges, lo, hi), count(b, edges, lo, hi));
    }

    /** Counts sorted values into the bins of {@link #ofQuantiles}: one pass, as the bin index only grows. */
    private static long[] count(double[] sorted, double[] edges, double lo, double hi) {
        long[] counts = new long[edges.length + 3];
        int edge = 0;
        for (double v : sorted) {
            if (v < lo) {
                counts[0]++;
            } else if (v > hi) {
                counts[counts.length - 1]++;
            } else {
                while (edge < edges.length && edges[edge] <= v) {
                    edge++;
                }
                counts[1 + edge]++;
            }
        }
        return counts;
    }

    private static Bins of(List<String> labels, List<long[]> counts) {
        long[] reference = new long[counts.size()];
        long[] current = new long[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            reference[i] = counts.get(i)[0];
            current[i] = counts.get(i)[1];
        }
        return new Bins(labels, reference, current);
    }
}
