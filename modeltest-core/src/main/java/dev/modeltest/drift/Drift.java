package dev.modeltest.drift;

import dev.modeltest.check.Verdict;
import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.apiguardian.api.API;

/**
 * Compares columns of current data with the same columns of reference data (usually the training data) and decides,
 * per column, whether it drifted. Missing cells (and non-finite numbers) are left out: their rate is the business of
 * the missing-value checks.
 *
 * <pre>{@code
 * DriftReport report = Drift.compare(train, test, List.of("age", "income"), DriftOptions.defaults());
 * report.drifted(); // the columns that drifted, worst first
 * }</pre>
 *
 * <p>Columns are compared in parallel; the memory needed is one sorted copy of each column being compared, not per-row
 * objects.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Drift {

    /** A numeric column with at most this many distinct reference values may be categorical. */
    static final int MAX_CATEGORICAL_DISTINCT = 20;

    /** ... if each distinct value occurs on average at least this often (the chi-square rule of thumb). */
    static final int MIN_MEAN_COUNT = 5;

    /** Each sample needs at least this many values for a column to be compared. */
    static final int MIN_VALUES = 2;

    private Drift() {}

    /**
     * Compares the named columns.
     *
     * @param reference the reference data, e.g. the training data
     * @param current the data compared with it, e.g. the test data
     * @param columns the columns to compare, in any order (duplicates are ignored); none means every column of the
     *     current data
     * @param options the method and the check
     * @return the per-column results, worst first
     * @throws ConfigurationException if an option is out of range, or a method does not apply to a column's values
     * @throws DataException if a column is missing from either data set
     */
    public static DriftReport compare(
            TestData reference, TestData current, List<String> columns, DriftOptions options) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        options.validate("drift options");
        List<String> names = List.copyOf(new LinkedHashSet<>(columns.isEmpty() ? current.columnNames() : columns));
        for (String column : names) {
            current.requireColumn(column, "");
            reference.requireColumn(column, "reference");
        }
        List<ColumnDrift> measured = IntStream.range(0, names.size())
                .parallel()
                .mapToObj(i -> measure(reference, current, names.get(i), options))
                .toList();
        return new DriftReport(reference, current, options, decide(measured, options));
    }

    /** Applies the correction and the check, and sorts the columns worst first. */
    static List<ColumnDrift> decide(List<ColumnDrift> measured, DriftOptions options) {
        double[] p = measured.stream().mapToDouble(ColumnDrift::pValue).toArray();
        double[] adjusted = options.correction().adjust(p);
        List<ColumnDrift> decided = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ColumnDrift column = measured.get(i);
            if (column.verdict() == Verdict.INCONCLUSIVE) {
                decided.add(column);
                continue;
            }
            double threshold = options.thresholdFor(column.method());
            boolean large = Double.isNaN(threshold) || column.effect() > threshold;
            boolean beyondNoise = adjusted[i] <= options.level();
            decided.add(column.decided(threshold, adjusted[i], large && beyondNoise ? Verdict.FAIL : Verdict.PASS));
        }
        decided.sort(worstFirst(options));
        return List.copyOf(decided);
    }

    /** Drifted columns, then those with too few values, then the rest; within each, the farthest from passing first. */
    private static Comparator<ColumnDrift> worstFirst(DriftOptions options) {
        Comparator<ColumnDrift> byVerdict = Comparator.comparingInt(c -> switch (c.verdict()) {
            case FAIL -> 0;
            case INCONCLUSIVE -> 1;
            case PASS -> 2;
        });
        Comparator<ColumnDrift> bySeverity = options.isPValueGate()
                ? Comparator.comparingDouble(ColumnDrift::adjustedPValue)
                : Comparator.comparingDouble((ColumnDrift c) -> c.effect() / c.threshold())
                        .reversed();
        return byVerdict
                .thenComparing(bySeverity)
                .thenComparingDouble(ColumnDrift::pValue)
                .thenComparing(ColumnDrift::column);
    }

    static ColumnDrift measure(TestData reference, TestData current, String column, DriftOptions options) {
        ColumnKind referenceKind = reference.kind(column);
        ColumnKind currentKind = current.kind(column);
        for (TestData data : List.of(reference, current)) {
            if (data.kind(column) == ColumnKind.TEMPORAL) {
                throw new ConfigurationException("column '" + column + "' of " + data.name()
                        + " holds dates or times; drift compares numbers and categories, so leave it out of"
                        + " 'columns' or store it as a number");
            }
        }
        boolean numeric = referenceKind.isNumeric() && currentKind.isNumeric();
        DriftMethod method = options.method();
        if (method.needsNumbers() && !numeric) {
            TestData text = referenceKind.isNumeric() ? current : reference;
            throw new ConfigurationException("method " + method.name() + " compares numbers, but column '" + column
                    + "' of " + text.name() + " holds " + text.kind(column).displayName()
                    + " values; use CHI_SQUARE, PSI, JENSEN_SHANNON or AUTO for it");
        }
        if (numeric) {
            double[] a = sortedFinite(reference.doubles(column));
            double[] b = sortedFinite(current.doubles(column));
            if (a.length < MIN_VALUES || b.length < MIN_VALUES) {
                return tooFew(
                        column,
                        method == DriftMethod.AUTO ? DriftMethod.KOLMOGOROV_SMIRNOV : method,
                        a.length,
                        b.length);
            }
            boolean categorical = isCategorical(a);
            DriftMethod chosen = method != DriftMethod.AUTO
                    ? method
                    : categorical ? DriftMethod.CHI_SQUARE : DriftMethod.KOLMOGOROV_SMIRNOV;
            if (chosen == DriftMethod.KOLMOGOROV_SMIRNOV) {
                SignificanceResult ks = Measures.kolmogorovSmirnov(a, b);
                return measured(column, chosen, ks, 0, ks.getStatistic(), 0, a.length, b.length);
            }
            if (chosen == DriftMethod.WASSERSTEIN) {
                double distance = Measures.wasserstein(a, b);
                double sd = Measures.standardDeviation(a);
                // A constant reference has no scale: any movement away from it is infinitely many of its sd.
                double effect = sd > 0 ? distance / sd : distance == 0 ? 0 : Double.POSITIVE_INFINITY;
                SignificanceResult ks = Measures.kolmogorovSmirnov(a, b);
                return measured(column, chosen, ks, 0, effect, 0, a.length, b.length);
            }
            Bins bins = categorical ? Bins.ofValues(a, b) : Bins.ofQuantiles(a, b, options.bins());
            return binned(column, chosen, bins, a.length, b.length);
        }
        String[] a = present(reference.strings(column));
        String[] b = present(current.strings(column));
        DriftMethod chosen = method == DriftMethod.AUTO ? DriftMethod.CHI_SQUARE : method;
        if (a.length < MIN_VALUES || b.length < MIN_VALUES) {
            return tooFew(column, chosen, a.length, b.length);
        }
        return binned(column, chosen, Bins.ofCategories(a, b), a.length, b.length);
    }

    private static ColumnDrift binned(String column, DriftMethod method, Bins bins, int n, int m) {
        long[] a = bins.reference();
        long[] b = bins.current();
        SignificanceResult chiSquare = Measures.chiSquare(a, b);
        double effect = switch (method) {
            case PSI -> Measures.psi(a, b);
            case JENSEN_SHANNON -> Measures.jensenShannon(a, b);
            case AUTO, CHI_SQUARE, KOLMOGOROV_SMIRNOV, WASSERSTEIN -> Measures.cramersV(a, b);
        };
        return measured(column, method, chiSquare, Math.max(0, bins.size() - 1), effect, bins.size(), n, m);
    }

    private static ColumnDrift measured(
            String column, DriftMethod method, SignificanceResult test, int df, double effect, int bins, int n, int m) {
        return new ColumnDrift(
                column,
                method,
                test.getStatistic(),
                df,
                effect,
                Double.NaN,
                test.getPValue(),
                Double.NaN,
                bins,
                n,
                m,
                Verdict.PASS);
    }

    /** A column that cannot be compared: a sample has fewer than {@value #MIN_VALUES} values. */
    private static ColumnDrift tooFew(String column, DriftMethod method, int n, int m) {
        return new ColumnDrift(
                column,
                method,
                Double.NaN,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0,
                n,
                m,
                Verdict.INCONCLUSIVE);
    }

    /**
     * Whether a numeric column is categorical: at most {@value #MAX_CATEGORICAL_DISTINCT} distinct reference values,
     * each occurring on average at least {@value #MIN_MEAN_COUNT} times. The second condition keeps a small sample of
     * a continuous variable (15 rows, 15 distinct values) from looking categorical.
     */
    static boolean isCategorical(double[] sortedReference) {
        int distinct = 0;
        for (int i = 0; i < sortedReference.length; i++) {
            if (i == 0 || sortedReference[i] != sortedReference[i - 1]) {
                if (++distinct > MAX_CATEGORICAL_DISTINCT) {
                    return false;
                }
            }
        }
        return (long) distinct * MIN_MEAN_COUNT <= sortedReference.length;
    }

    /** Returns the finite values, sorted; missing cells read as NaN. */
    static double[] sortedFinite(double[] values) {
        return Sorting.sortedFinite(values);
    }

    private static String[] present(String[] values) {
        return Arrays.stream(values).filter(Objects::nonNull).toArray(String[]::new);
    }
}
