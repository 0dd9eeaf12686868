package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * How a check makes the confidence interval of its metric: the user's choice, on every metric check annotation
 * ({@code interval = ...}), on {@code MetricGate.Builder#interval} and in the fluent assertions.
 *
 * <p>The method actually used is named in the check's message, its {@code interval method} detail and its {@link
 * dev.modeltest.check.Interval#method()}: {@code Wilson}, {@code DeLong (logit)}, {@code Student-t}, {@code delta
 * method (log ratio)}, {@code infinitesimal jackknife (logit)}, {@code BCa bootstrap} (or {@code percentile bootstrap} where BCa is undefined) or {@code
 * Poisson bootstrap}. docs/intervals.md says which metric gets which, why, and how well each covers.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public enum IntervalMethod {
    /**
     * The exact or analytic interval where theory gives one ({@link #EXACT}), the bootstrap otherwise ({@link
     * #BOOTSTRAP}). The default.
     */
    AUTO,

    /**
     * Only an exact or analytic interval: Wilson for a proportion of rows (accuracy, binary precision and recall,
     * micro averages, zero-one and Hamming loss, top-k accuracy), DeLong's variance on the logit scale for binary ROC
     * AUC and for one-vs-rest macro or weighted ROC AUC (not one-vs-one or partial AUC), Student-t on the per-row losses for log loss, Brier score,
     * MAE, MSE, MAPE, mean squared log error, mean pinball loss and the mean deviances, the square root of it for RMSE and RMSLE, and the delta method for R²,
     * explained variance and the D² scores; Student-t over the per-query values for NDCG and MAP. Any other metric is refused with a configuration error naming the methods that apply.
     */
    EXACT,

    /**
     * The seeded bootstrap, whatever the metric: BCa (multinomial resampling, percentile where BCa is undefined) below
     * {@value MetricSample#POISSON_FROM_ROWS} rows, the Poisson bootstrap from there on (per row for average
     * precision, which under {@link #AUTO} takes the bootstrap's normal limit, the infinitesimal jackknife, from there).
     */
    BOOTSTRAP
}
