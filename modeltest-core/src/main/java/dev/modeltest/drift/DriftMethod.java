package dev.modeltest.drift;

import org.apiguardian.api.API;

/**
 * How one column of the current data is compared with the same column of the reference data. Every method reports
 * an effect size (the number its threshold applies to) and a p-value; see {@code docs/drift.md} for the formulas.
 *
 * <p>Columns are <em>categorical</em> when they hold text or booleans, or numbers with at most 20 distinct reference
 * values that occur on average at least 5 times each; otherwise they are <em>continuous</em>. Methods that compare
 * bins use the values of a categorical column as its bins, and cut a continuous column at its reference deciles.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum DriftMethod {

    /**
     * Chooses per column: {@link #KOLMOGOROV_SMIRNOV} for continuous numeric columns, {@link #CHI_SQUARE} for
     * categorical ones (text, booleans, and numbers with few distinct values relative to the reference size).
     */
    AUTO("auto", "", Double.NaN, 1),

    /**
     * Two-sample Kolmogorov–Smirnov test on the values of a numeric column. The effect size is the statistic D, the
     * largest distance between the two empirical distribution functions (in [0, 1]). Statistic and p-value are those
     * of SciPy's {@code scipy.stats.ks_2samp(reference, current)} (method 'auto': exact when both samples have at most
     * 10,000 values, asymptotic above), computed by Commons Statistics' {@code KolmogorovSmirnovTest}.
     */
    KOLMOGOROV_SMIRNOV("KS", "D", 0.1, 1),

    /**
     * Chi-square test of homogeneity on the 2 × k table of bin counts, as SciPy's {@code
     * scipy.stats.chi2_contingency(table, correction=False)}, computed by Commons Statistics' {@code ChiSquareTest}.
     * The effect size is Cramér's V of the table with both samples weighted equally, {@code V = sqrt(½ Σ (p − q)² /
     * (p + q))} over the bin proportions (in [0, 1]), so that it does not depend on the sample sizes.
     */
    CHI_SQUARE("chi-square", "V", 0.1, 1),

    /**
     * Population stability index over the bins, {@code Σ (q − p) ln(q / p)}, where 0.5 is added to every bin count
     * before the proportions are formed, so that an empty bin costs a finite amount. The p-value is that of the
     * chi-square test on the same bins.
     */
    PSI("PSI", "PSI", 0.25, Double.POSITIVE_INFINITY),

    /**
     * Jensen–Shannon distance (base 2, in [0, 1]) between the bin proportions, as SciPy's {@code
     * scipy.spatial.distance.jensenshannon(p, q, base=2)}. The p-value is that of the chi-square test on the same
     * bins.
     */
    JENSEN_SHANNON("JS", "JS", 0.1, 1),

    /**
     * Wasserstein distance between the values of a numeric column, as SciPy's {@code
     * scipy.stats.wasserstein_distance(reference, current)}; the effect size is that distance divided by the
     * reference's standard deviation ({@code numpy.std}, ddof 0), so it reads in standard deviations. The p-value is
     * that of the Kolmogorov–Smirnov test on the same values.
     */
    WASSERSTEIN("Wasserstein", "W/σ", 0.1, Double.POSITIVE_INFINITY);

    private final String displayName;
    private final String effectName;
    private final double defaultThreshold;
    private final double maxEffect;

    DriftMethod(String displayName, String effectName, double defaultThreshold, double maxEffect) {
        this.displayName = displayName;
        this.effectName = effectName;
        this.defaultThreshold = defaultThreshold;
        this.maxEffect = maxEffect;
    }

    /** Returns the short name used in messages, e.g. {@code KS}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the symbol of the effect size, e.g. {@code D}; empty for {@link #AUTO}. */
    public String effectName() {
        return effectName;
    }

    /**
     * Returns the effect size above which a column drifts unless configured otherwise: 0.1 for D, V, JS and W/σ, 0.25
     * for PSI (the usual "significant shift" mark); {@code NaN} for {@link #AUTO}, which uses the chosen method's.
     */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Returns the largest value the effect size can take: 1, or infinity for PSI and W/σ. */
    public double maxEffect() {
        return maxEffect;
    }

    /** Returns whether the method compares the values of numeric columns themselves rather than bins. */
    public boolean needsNumbers() {
        return this == KOLMOGOROV_SMIRNOV || this == WASSERSTEIN;
    }
}
