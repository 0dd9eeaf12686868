package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * What a 0/0 ratio of precision, recall, F1, F-beta or Jaccard is, as scikit-learn's {@code zero_division}: precision
 * of a class nothing is predicted as, recall of a class no row is of, F-beta and Jaccard of a class that is neither
 * true nor predicted.
 *
 * <p>With the labels of the rows (scikit-learn's {@code labels=None}), a class present in the true or predicted labels
 * has a defined F-beta and Jaccard; the averages (macro, micro, weighted) over the present classes are therefore
 * defined whatever the choice, except where a per-class precision or recall is 0/0: {@link #NAN} leaves that class out
 * of a macro or weighted average, as scikit-learn 1.3 and later do.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public enum ZeroDivision {
    /** 0/0 is 0: scikit-learn's default ({@code zero_division="warn"} and {@code 0}), and modeltest's. */
    ZERO,
    /** 0/0 is 1 ({@code zero_division=1}). */
    ONE,
    /**
     * 0/0 is undefined ({@code zero_division=np.nan}, scikit-learn 1.3 and later): a check on an undefined value is
     * INCONCLUSIVE and says which class has nothing to divide by; macro and weighted averages leave such classes out
     * and are undefined only when every class is.
     */
    NAN
}
