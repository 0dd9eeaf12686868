package dev.modeltest.drift;

import dev.modeltest.check.Verdict;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The comparison of one column: what was measured, on how many values, and the decision.
 *
 * @param column the column name
 * @param method the method used (never {@link DriftMethod#AUTO}: the one AUTO chose)
 * @param statistic the statistic of the test that gives the p-value: D of the KS test for KS and Wasserstein, χ² of
 *     the chi-square test on the bins for chi-square, PSI and JS
 * @param degreesOfFreedom the chi-square test's degrees of freedom (bins − 1), 0 for the KS test
 * @param effect the effect size the threshold applies to: D, Cramér's V, PSI, JS distance, or W/σ
 * @param threshold the effect threshold, or {@code NaN} under the p-value check
 * @param pValue the raw p-value (of the KS test for KS and Wasserstein, of the chi-square test on the bins for
 *     chi-square, PSI and JS), or {@code NaN} when there were too few values
 * @param adjustedPValue the p-value adjusted for the number of columns tested, or {@code NaN}
 * @param bins the number of bins compared (categories or quantile bins), 0 when the values were compared directly
 * @param referenceCount the number of non-missing reference values
 * @param currentCount the number of non-missing current values
 * @param verdict {@link Verdict#FAIL} when the column drifted, {@link Verdict#INCONCLUSIVE} when a sample had fewer than
 *     two values
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ColumnDrift(
        String column,
        DriftMethod method,
        double statistic,
        int degreesOfFreedom,
        double effect,
        double threshold,
        double pValue,
        double adjustedPValue,
        int bins,
        int referenceCount,
        int currentCount,
        Verdict verdict) {

    public ColumnDrift {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Returns whether the column drifted. */
    public boolean drifted() {
        return verdict == Verdict.FAIL;
    }

    /** Returns whether the effect size is above the threshold (always true without a threshold). */
    public boolean effectAboveThreshold() {
        return Double.isNaN(threshold) || effect > threshold;
    }

    /** Returns the name of the test that gave the p-value: {@code KS} or {@code chi-square}. */
    public String test() {
        return method.needsNumbers() ? "KS" : "chi-square";
    }

    ColumnDrift decided(double threshold, double adjustedPValue, Verdict verdict) {
        return new ColumnDrift(
                column,
                method,
                statistic,
                degreesOfFreedom,
                effect,
                threshold,
                pValue,
                adjustedPValue,
                bins,
                referenceCount,
                currentCount,
                verdict);
    }
}
