#!/usr/bin/python3
"""Golden values for the exact and analytic metric intervals (modeltest-core dev.modeltest.metrics.Intervals).

- Student-t on the per-row losses (log loss, Brier, MSE, MAE, MAPE): scipy.stats.t.ppf (Newton-polished) on the
  NumPy mean and sem.
- RMSE: the square root of the MSE's Student-t bounds.
- R² and explained variance: the delta method on log(A/B), A and B the means of the squared (centred) residuals and
  of the squared deviations of y, with scipy.stats.norm.ppf.
- Binary ROC AUC: DeLong's variance from the structural components (DeLong, DeLong and Clarke-Pearson 1988; midranks
  as in Sun and Xu 2014, written here in NumPy) on the logit scale; the AUC is cross-checked with the Mann-Whitney count.

Writes modeltest-core/src/test/resources/golden/intervals/{binary-N.csv, regression-N.csv, expected.csv}.
Run with Debian's python3 (numpy, scipy): /usr/bin/python3 scripts/golden/make_intervals_golden.py
"""
import os

import numpy as np
from scipy import stats

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
    with open(os.path.join(OUT, "expected.csv"), "w") as f:
        f.write("data,metric,level,value,lower,upper\n")
        for row in rows:
            f.write(",".join([row[0], row[1], repr(row[2])] + [repr(float(v)) for v in row[3:]]) + "\n")


if __name__ == "__main__":
    main()
