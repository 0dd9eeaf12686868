#!/usr/bin/python3
"""Golden values for the exact and analytic metric intervals (modeltest-core dev.modeltest.metrics.Intervals).

- Student-t on the per-row losses (log loss, Brier, MSE, MAE, MAPE): scipy.stats.t.ppf (Newton-polished) on the
  NumPy mean and sem.
- RMSE: the square root of the MSE's Student-t bounds.
- R² and explained variance: the delta method on log(A/B), A and B the means of the squared (centred) residuals and
  of the squared deviations of y, with scipy.stats.norm.ppf.
- Binary ROC AUC: DeLong's variance from the structural components (DeLong, DeLong and Clarke-Pearson 1988; midranks
  as in Sun and Xu 2014, written here in NumPy) on the logit scale; the AUC is cross-checked with the Mann-Whitney count.
- One-vs-rest macro and weighted ROC AUC (3 classes): the same components per class; each row's term is its
  (V10 - AUC) / sqrt(m(m-1)) or (V01 - AUC) / sqrt(n(n-1)), weighted and summed over the classes, and the variance is
  the sum of their squares; the value is cross-checked with sklearn's roc_auc_score(multi_class='ovr').
- The D² scores (Tweedie with the default power 0, pinball at alpha 0.9, absolute error): the delta method on
  log(A/B), A the mean of the model's per-row losses, B of the null model's (mean or alpha quantile of y, fixed),
  cross-checked with sklearn's d2_*_score; RMSLE: the square roots of the Student-t bounds of the squared log errors,
  on a positive data set, cross-checked with mean_squared_log_error.
- Average precision (binary, and macro over 3 classes): the infinitesimal jackknife's variance, the sum over rows of
  the squared derivative of sklearn's average_precision_score with respect to the row's sample_weight, taken by
  central differences with one Richardson step; on the logit scale.

Writes modeltest-core/src/test/resources/golden/intervals/{binary-N.csv, regression-N.csv, expected.csv}.
Run with Debian's python3 (numpy, scipy): /usr/bin/python3 scripts/golden/make_intervals_golden.py
"""
import os

import numpy as np
from scipy import stats
from sklearn.metrics import (average_precision_score, d2_absolute_error_score, d2_pinball_score, d2_tweedie_score,
                             mean_squared_log_error, roc_auc_score)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "modeltest-core", "src", "test", "resources", "golden",
                   "intervals")
EPS = np.finfo(np.float64).eps
LEVELS = (0.95, 0.9, 0.99)


def t_quantile(level, df):
    """t.ppf(1 - α/2, df), polished by two Newton steps on t.sf: Debian's SciPy 1.10 t.ppf is off by up to ~1e-9
    relative at df = 11 (3.105806513 for 3.1058065155), SciPy 1.17's agrees with the polished value to 1e-15."""
    tail = (1 - level) / 2
    q = stats.t.ppf(1 - tail, df)
    for _ in range(2):
        q += (stats.t.sf(q, df) - tail) / stats.t.pdf(q, df)
    return q


def t_interval(values, level):
    """Student-t interval of a mean of non-negative losses; the lower bound is clipped at 0, as modeltest does."""
    n = len(values)
    mean = values.mean()
    se = values.std(ddof=1) / np.sqrt(n)
    q = t_quantile(level, n - 1)
    return mean, max(mean - q * se, 0.0), mean + q * se


def midrank(x):
    return stats.rankdata(x, method="average")


def delong_logit(y, score, level):
    pos = score[y == 1]
    neg = score[y == 0]
    m, n = len(pos), len(neg)
    tz = midrank(np.concatenate([pos, neg]))
    tx = midrank(pos)
    ty = midrank(neg)
    auc = (tz[:m].sum() - m * (m + 1) / 2) / (m * n)
    # Mann-Whitney: P(pos > neg) + P(tie) / 2, as roc_auc_score.
    assert abs(auc - ((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())) < 1e-12
    v10 = (tz[:m] - tx) / n
    v01 = 1 - (tz[m:] - ty) / m
    var = np.var(v10, ddof=1) / m + np.var(v01, ddof=1) / n
    z = stats.norm.ppf(1 - (1 - level) / 2)
    logit = np.log(auc / (1 - auc))
    se = np.sqrt(var) / (auc * (1 - auc))
    return auc, 1 / (1 + np.exp(-(logit - z * se))), 1 / (1 + np.exp(-(logit + z * se)))


def delong_terms(y, score):
    """Each row's DeLong term of one AUC, and the AUC."""
    pos_idx = np.flatnonzero(y == 1)
    neg_idx = np.flatnonzero(y == 0)
    pos, neg = score[pos_idx], score[neg_idx]
    m, n = len(pos), len(neg)
    tz = midrank(np.concatenate([pos, neg]))
    auc = (tz[:m].sum() - m * (m + 1) / 2) / (m * n)
    v10 = (tz[:m] - midrank(pos)) / n
    v01 = 1 - (tz[m:] - midrank(neg)) / m
    terms = np.zeros(len(y))
    terms[pos_idx] = (v10 - auc) / np.sqrt(m * (m - 1))
    terms[neg_idx] = (v01 - auc) / np.sqrt(n * (n - 1))
    return auc, terms


def logit_interval(value, variance, level):
    z = stats.norm.ppf(1 - (1 - level) / 2)
    logit = np.log(value / (1 - value))
    se = np.sqrt(variance) / (value * (1 - value))
    return value, 1 / (1 + np.exp(-(logit - z * se))), 1 / (1 + np.exp(-(logit + z * se)))


def delong_ovr(y, p, average, level):
    k = p.shape[0]
    counts = np.bincount(y, minlength=k)
    weights = counts / counts.sum() if average == "weighted" else np.full(k, 1 / k)
    auc = 0.0
    terms = np.zeros(len(y))
    for c in range(k):
        a, t = delong_terms((y == c).astype(int), p[c])
        auc += weights[c] * a
        terms += weights[c] * t
    expected = roc_auc_score(y, p.T, multi_class="ovr", average=average)
    assert abs(auc - expected) < 1e-12, (auc, expected)
    return logit_interval(auc, (terms ** 2).sum(), level)


def average_precision(y, p, average, w):
    if p.ndim == 1:
        return average_precision_score(y, p, sample_weight=w)
    onehot = np.eye(p.shape[0])[y]
    return average_precision_score(onehot, p.T, average=average, sample_weight=w)


def jackknife_ap(y, p, average, level):
    """The infinitesimal jackknife's variance: sum of squared d AP / d w_j at w = 1, by central differences with one
    Richardson step (error O(h^4))."""
    n = len(y)
    ones = np.ones(n)
    value = average_precision(y, p, average, ones)
    h = 1e-3
    variance = 0.0
    for j in range(n):
        def central(step):
            up, down = ones.copy(), ones.copy()
            up[j] += step
            down[j] -= step
            return (average_precision(y, p, average, up) - average_precision(y, p, average, down)) / (2 * step)
        d = (4 * central(h / 2) - central(h)) / 3
        variance += d * d
    return logit_interval(value, variance, level)


def pinball(alpha, diff):
    return np.where(diff >= 0, alpha * diff, (alpha - 1) * diff)


def delta_log_ratio(a, b, level):
    n = len(a)
    ma, mb = a.mean(), b.mean()
    cov = np.cov(np.vstack([a, b]), ddof=1)
    var = (cov[0, 0] / ma ** 2 + cov[1, 1] / mb ** 2 - 2 * cov[0, 1] / (ma * mb)) / n
    z = stats.norm.ppf(1 - (1 - level) / 2)
    r = ma / mb
    return 1 - r, 1 - r * np.exp(z * np.sqrt(var)), 1 - r * np.exp(-z * np.sqrt(var))


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261206)
    rows = []
    for n in (37, 400):
        y = (rng.random(n) < 0.3).astype(int)
        # Scores rounded to two decimals, so that ties occur between and within the classes.
        score = np.round(np.clip(0.35 * y + rng.normal(0.35, 0.2, n), 0, 1), 2)
        with open(os.path.join(OUT, f"binary-{n}.csv"), "w") as f:
            f.write("y,p1\n")
            for yi, si in zip(y, score):
                f.write(f"{yi},{float(si)!r}\n")
        score = np.loadtxt(os.path.join(OUT, f"binary-{n}.csv"), delimiter=",", skiprows=1)[:, 1]
        p = np.vstack([1 - score, score])
        clipped = np.clip(p, EPS, 1 - EPS)
        clipped = clipped / clipped.sum(axis=0)
        log_losses = -np.log(clipped[y, np.arange(n)])
        brier = (y - score) ** 2
        for level in LEVELS:
            rows.append((f"binary-{n}", "LOG_LOSS", level) + t_interval(log_losses, level))
            rows.append((f"binary-{n}", "BRIER", level) + t_interval(brier, level))
            rows.append((f"binary-{n}", "ROC_AUC", level) + delong_logit(y, score, level))
        for level in LEVELS:
            rows.append((f"binary-{n}", "AVERAGE_PRECISION:JACKKNIFE", level) + jackknife_ap(y, score, None, level))
    for n in (12, 50, 500):
        x = rng.normal(0, 1, n)
        y = 3 + 2 * x + rng.normal(0, 1, n)
        y_hat = np.round(3.1 + 1.8 * x, 3)
        with open(os.path.join(OUT, f"regression-{n}.csv"), "w") as f:
            f.write("y,y_hat\n")
            for yi, pi in zip(y, y_hat):
                f.write(f"{float(yi)!r},{float(pi)!r}\n")
        # Read back what was written, so that both sides compute on the same doubles.
        data = np.loadtxt(os.path.join(OUT, f"regression-{n}.csv"), delimiter=",", skiprows=1)
        y, y_hat = data[:, 0], data[:, 1]
        r = y - y_hat
        for level in LEVELS:
            rows.append((f"regression-{n}", "MSE", level) + t_interval(r ** 2, level))
            rows.append((f"regression-{n}", "MAE", level) + t_interval(np.abs(r), level))
            rows.append((f"regression-{n}", "MAPE", level) + t_interval(np.abs(r) / np.maximum(np.abs(y), EPS), level))
            mse, lo, hi = t_interval(r ** 2, level)
            rows.append((f"regression-{n}", "RMSE", level, np.sqrt(mse), np.sqrt(lo), np.sqrt(hi)))
            b = (y - y.mean()) ** 2
            r2 = delta_log_ratio(r ** 2, b, level)
            assert abs(r2[0] - (1 - (r ** 2).sum() / b.sum())) < 1e-12
            rows.append((f"regression-{n}", "R2", level) + r2)
            ev = delta_log_ratio((r - r.mean()) ** 2, b, level)
            assert abs(ev[0] - (1 - r.var() / y.var())) < 1e-12
            rows.append((f"regression-{n}", "EXPLAINED_VARIANCE", level) + ev)
            d2 = delta_log_ratio(r ** 2, (y - y.mean()) ** 2, level)
            assert abs(d2[0] - d2_tweedie_score(y, y_hat)) < 1e-12
            rows.append((f"regression-{n}", "D2_TWEEDIE", level) + d2)
            for name, alpha, reference in (("D2_PINBALL:ALPHA=0.9", 0.9, d2_pinball_score(y, y_hat, alpha=0.9)),
                                           ("D2_ABSOLUTE_ERROR", 0.5, d2_absolute_error_score(y, y_hat))):
                q = np.percentile(y, alpha * 100)
                d2 = delta_log_ratio(pinball(alpha, r), pinball(alpha, y - q), level)
                assert abs(d2[0] - reference) < 1e-12, (d2[0], reference)
                rows.append((f"regression-{n}", name, level) + d2)
    # Its own generator, so that the files above stay as they were before these rows were added.
    rng = np.random.default_rng(20261207)
    for n in (60, 300):
        y = rng.choice(3, size=n, p=[0.5, 0.35, 0.15])
        logits = 1.2 * np.eye(3)[y].T + rng.normal(0, 1, (3, n))
        p = np.exp(logits) / np.exp(logits).sum(axis=0)
        # Two decimals for ties; the third class takes the rest so that each row sums to 1 as written.
        p[:2] = np.round(p[:2] * 0.98, 2)
        p[2] = np.round(1 - p[0] - p[1], 2)
        with open(os.path.join(OUT, f"multiclass-{n}.csv"), "w") as f:
            f.write("y,p0,p1,p2\n")
            for j in range(n):
                f.write(f"{y[j]},{float(p[0, j])!r},{float(p[1, j])!r},{float(p[2, j])!r}\n")
        data = np.loadtxt(os.path.join(OUT, f"multiclass-{n}.csv"), delimiter=",", skiprows=1)
        y, p = data[:, 0].astype(int), data[:, 1:].T
        for level in LEVELS:
            for average in ("macro", "weighted"):
                rows.append((f"multiclass-{n}", f"ROC_AUC:{average.upper()}", level) + delong_ovr(y, p, average, level))
            rows.append((f"multiclass-{n}", "AVERAGE_PRECISION:JACKKNIFE:MACRO", level)
                        + jackknife_ap(y, p, "macro", level))
    rng = np.random.default_rng(20261208)
    n = 80
    y = np.round(np.exp(rng.normal(1, 0.8, n)), 3)
    y_hat = np.round(y * np.exp(rng.normal(0, 0.3, n)), 3)
    with open(os.path.join(OUT, f"positive-{n}.csv"), "w") as f:
        f.write("y,y_hat\n")
        for yi, pi in zip(y, y_hat):
            f.write(f"{float(yi)!r},{float(pi)!r}\n")
    data = np.loadtxt(os.path.join(OUT, f"positive-{n}.csv"), delimiter=",", skiprows=1)
    y, y_hat = data[:, 0], data[:, 1]
    sle = (np.log1p(y) - np.log1p(y_hat)) ** 2
    for level in LEVELS:
        msle, lo, hi = t_interval(sle, level)
        assert abs(msle - mean_squared_log_error(y, y_hat)) < 1e-12
        rows.append((f"positive-{n}", "MEAN_SQUARED_LOG_ERROR", level, msle, lo, hi))
        rows.append((f"positive-{n}", "ROOT_MEAN_SQUARED_LOG_ERROR", level, np.sqrt(msle), np.sqrt(lo), np.sqrt(hi)))
    with open(os.path.join(OUT, "expected.csv"), "w") as f:
        f.write("data,metric,level,value,lower,upper\n")
        for row in rows:
            f.write(",".join([row[0], row[1], repr(row[2])] + [repr(float(v)) for v in row[3:]]) + "\n")


if __name__ == "__main__":
    main()
