#!/usr/bin/python3
"""Golden values for the gates' paired tests (modeltest-core dev.modeltest.gate).

- DeLong's test of two correlated ROC AUCs, written here in NumPy after DeLong, DeLong and Clarke-Pearson (1988)
  in the fast midrank form of Sun and Xu (2014), cross-checked against sklearn.metrics.roc_auc_score.
- The exact McNemar test (with a non-inferiority margin) as scipy.stats.binomtest(..., alternative='greater').

Writes modeltest-core/src/test/resources/golden/gates/{delong-data.csv, delong-expected.csv, mcnemar.csv}.
Run with Debian's python3 (numpy, scipy, scikit-learn): /usr/bin/python3 scripts/golden/make_gates_golden.py
"""
import os

import numpy as np
from scipy import stats
from sklearn.metrics import roc_auc_score

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "modeltest-core", "src", "test", "resources", "golden",
                   "gates")


def midrank(x):
    """1-based average ranks, ties sharing their mean rank (scipy.stats.rankdata(method='average'))."""
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    n = len(x)
    ranks = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and sorted_x[j] == sorted_x[i]:
            j += 1
        ranks[i:j] = 0.5 * (i + j - 1) + 1
        i = j
    out = np.empty(n)
    out[order] = ranks
    return out


def fast_delong(positive, scores):
    """scores: k x N. Returns (aucs, covariance k x k)."""
    x = scores[:, positive]
    y = scores[:, ~positive]
    m = x.shape[1]
    n = y.shape[1]
    k = scores.shape[0]
    tx = np.array([midrank(x[r]) for r in range(k)])
    ty = np.array([midrank(y[r]) for r in range(k)])
    tz = np.array([midrank(np.concatenate([x[r], y[r]])) for r in range(k)])
    aucs = tz[:, :m].sum(axis=1) / m / n - (m + 1.0) / (2.0 * n)
    v01 = (tz[:, :m] - tx) / n
    v10 = 1.0 - (tz[:, m:] - ty) / m
    cov = np.cov(v01) / m + np.cov(v10) / n
    return aucs, cov


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240508)
    n = 300
    y = rng.integers(0, 2, n)
    # Two correlated scorers; rounding to two decimals makes many ties within and across classes.
    base = y * 0.8 + rng.normal(0, 1, n)
    a = np.round(1 / (1 + np.exp(-(base + rng.normal(0, 0.6, n)))), 2)
    b = np.round(1 / (1 + np.exp(-(0.6 * base + rng.normal(0, 0.9, n)))), 2)
    with open(os.path.join(OUT, "delong-data.csv"), "w") as f:
        f.write("label,score_a,score_b\n")
        for i in range(n):
            f.write("%d,%r,%r\n" % (y[i], float(a[i]), float(b[i])))
    positive = y == 1
    aucs, cov = fast_delong(positive, np.vstack([a, b]))
    assert abs(aucs[0] - roc_auc_score(y, a)) < 1e-12 and abs(aucs[1] - roc_auc_score(y, b)) < 1e-12
    with open(os.path.join(OUT, "delong-expected.csv"), "w") as f:
        f.write("model,tolerance,auc_model,auc_baseline,var_model,var_baseline,cov,p_value\n")
        for tol in (0.0, 0.02, 0.1):
            # Model a against baseline b: H1 'a is worse than b by more than tol'.
            diff = aucs[0] - aucs[1]
            se = np.sqrt(cov[0, 0] + cov[1, 1] - 2 * cov[0, 1])
            p = stats.norm.cdf((diff + tol) / se)
            f.write("a,%r,%r,%r,%r,%r,%r,%r\n" % (tol, aucs[0], aucs[1], cov[0, 0], cov[1, 1], cov[0, 1], p))
        # And the other way round: b as the model, a as the baseline.
        for tol in (0.0, 0.05):
            diff = aucs[1] - aucs[0]
            se = np.sqrt(cov[0, 0] + cov[1, 1] - 2 * cov[0, 1])
            p = stats.norm.cdf((diff + tol) / se)
            f.write("b,%r,%r,%r,%r,%r,%r,%r\n" % (tol, aucs[1], aucs[0], cov[1, 1], cov[0, 0], cov[0, 1], p))
    with open(os.path.join(OUT, "mcnemar.csv"), "w") as f:
        f.write("b,c,n,tolerance,p_value\n")
        for b_, c_, n_, tol in [(1, 2, 30, 0.0), (0, 7, 30, 0.0), (3, 12, 100, 0.0), (3, 12, 100, 0.02),
                                (10, 10, 200, 0.0), (5, 40, 500, 0.03), (0, 0, 50, 0.0), (2, 9, 40, 0.1)]:
            m = b_ + c_
            if m == 0:
                p = 1.0
            else:
                pi0 = (m + tol * n_) / (2.0 * m)
                p = 1.0 if pi0 >= 1 else stats.binomtest(c_, m, pi0, alternative="greater").pvalue
            f.write("%d,%d,%d,%r,%r\n" % (b_, c_, n_, tol, p))


if __name__ == "__main__":
    main()
