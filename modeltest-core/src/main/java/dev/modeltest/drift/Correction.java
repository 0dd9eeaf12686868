package dev.modeltest.drift;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * How p-values are adjusted when many columns are tested at once, so that testing 20 columns does not make a false
 * alarm 20 times as likely.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Correction {

    /**
     * Holm's step-down method: controls the family-wise error rate (the chance of any false alarm) at the level, and
     * is uniformly more powerful than Bonferroni. The adjusted p of the i-th smallest of m p-values is {@code
     * max over j ≤ i of min(1, (m − j + 1) p(j))}, as statsmodels' {@code multipletests(p, method='holm')}.
     */
    HOLM("Holm", "Holm"),

    /**
     * Benjamini–Hochberg: controls the false discovery rate (the expected share of false alarms among the columns
     * flagged). The adjusted p of the i-th smallest is {@code min over j ≥ i of min(1, m p(j) / j)}, as statsmodels'
     * {@code multipletests(p, method='fdr_bh')}.
     */
    BENJAMINI_HOCHBERG("Benjamini–Hochberg", "BH"),

    /** No adjustment: each column is tested at the level on its own. */
    NONE("unadjusted", "unadjusted");

    private final String displayName;
    private final String shortName;

    Correction(String displayName, String shortName) {
        this.displayName = displayName;
        this.shortName = shortName;
    }

    /** Returns the name used in messages, e.g. {@code Holm}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the short name used in table headers, e.g. {@code BH}. */
    public String shortName() {
        return shortName;
    }

    /**
     * Adjusts p-values. {@code NaN} entries (columns without a test) are kept as {@code NaN} and do not count towards
     * the number of tests.
     *
     * @param p the raw p-values, in [0, 1] or {@code NaN}
     * @return the adjusted p-values, in the same order
     */
    public double[] adjust(double[] p) {
        double[] adjusted = p.clone();
        if (this == NONE) {
            return adjusted;
        }
        Integer[] order = IntStream.range(0, p.length)
                .filter(i -> !Double.isNaN(p[i]))
                .boxed()
                .sorted(Comparator.comparingDouble(i -> p[i]))
                .toArray(Integer[]::new);
        int m = order.length;
        if (this == HOLM) {
            double running = 0;
            for (int j = 0; j < m; j++) {
                running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
                adjusted[order[j]] = running;
            }
        } else {
            double running = 1;
            for (int j = m - 1; j >= 0; j--) {
                running = Math.min(running, Math.min(1, p[order[j]] * m / (j + 1)));
                adjusted[order[j]] = running;
            }
        }
        return adjusted;
    }
}
