#!/usr/bin/python3
"""Golden values for the drift measures of dev.modeltest.drift, from SciPy and NumPy on seeded data.

Writes, relative to the repository root:
  modeltest-core/src/test/resources/golden/drift/<case>-reference.csv and <case>-current.csv
      one column `value` each (numbers with 6 decimals, or category names; empty cells are missing)
  modeltest-core/src/test/resources/golden/drift/expected.csv
      per case: sample sizes, KS, chi-square, Cramér's V, PSI, Jensen-Shannon and Wasserstein values
  modeltest-core/src/test/resources/golden/drift/corrections.csv
      Holm and Benjamini-Hochberg adjusted p-values
  modeltest-junit/src/test/resources/fixtures/drift-reference.csv, drift-same.csv, drift-shifted.csv
      small data sets for the @NoDrift engine tests

Run with Debian's interpreter (python3-scipy, python3-numpy): /usr/bin/python3 scripts/golden/make_drift_golden.py

The definitions below are the ones docs/drift.md states; each is computed here independently of the Java code:
  KS              scipy.stats.ks_2samp(ref, cur) (method='auto': exact when max(n_ref, n_cur) <= 10000)
  chi-square      scipy.stats.chi2_contingency([ref_counts, cur_counts], correction=False) on the bins
  Cramér's V      scipy.stats.contingency.association(balanced table, method='cramer'), where the balanced table
                  is [ref_counts * n_cur, cur_counts * n_ref], i.e. both samples weighted equally
  PSI             sum((q - p) * ln(q / p)) with p, q the bin proportions after adding 0.5 to every bin count
  JS distance     scipy.spatial.distance.jensenshannon(ref_counts, cur_counts, base=2)
  Wasserstein     scipy.stats.wasserstein_distance(ref, cur), and that divided by numpy.std(ref) (ddof=0)
Bins: a column is categorical when it holds text, or numbers with at most 20 distinct reference values that occur
on average at least 5 times each (distinct * 5 <= n_ref); its bins are the values seen in either sample. Otherwise
the bins are cut at the distinct reference quantiles numpy.quantile(ref, k / 10) (k = 1..9, method 'linear'), plus
one bin below the reference minimum and one above its maximum; interior bins are closed on the left, the last one on
both sides. Bins that neither sample reaches are dropped.
"""

import csv
import math
import os

import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.stats.contingency import association

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "modeltest-core", "src", "test", "resources", "golden", "drift")
FIXTURES = os.path.join(ROOT, "modeltest-junit", "src", "test", "resources", "fixtures")
BINS = 10
MAX_CATEGORICAL_DISTINCT = 20
MIN_MEAN_COUNT = 5
SMOOTHING = 0.5


def g(x):
    """Writes a double so that Java's Double.parseDouble reads back the very same value."""
    return repr(float(x))


def numbers(rng_values, decimals=6):
    return np.round(np.asarray(rng_values, dtype=float), decimals)


def is_categorical(ref):
    if ref.dtype.kind not in "fi":
        return True
    distinct = len(np.unique(ref))
    return distinct <= MAX_CATEGORICAL_DISTINCT and distinct * MIN_MEAN_COUNT <= len(ref)


def bin_counts(ref, cur):
    if is_categorical(ref):
        values = np.union1d(ref, cur)
        a = np.array([np.sum(ref == v) for v in values], dtype=np.int64)
        b = np.array([np.sum(cur == v) for v in values], dtype=np.int64)
    else:
        edges = np.unique(np.quantile(ref, np.arange(1, BINS) / BINS, method="linear"))
        lo, hi = ref.min(), ref.max()

        def count(x):
            inside = x[(x >= lo) & (x <= hi)]
            interior = np.bincount(np.searchsorted(edges, inside, side="right"), minlength=len(edges) + 1)
            return np.concatenate([[np.sum(x < lo)], interior, [np.sum(x > hi)]]).astype(np.int64)

        a, b = count(ref), count(cur)
    keep = (a + b) > 0
    return a[keep], b[keep]


def psi(a, b):
    p = (a + SMOOTHING) / (a.sum() + SMOOTHING * len(a))
    q = (b + SMOOTHING) / (b.sum() + SMOOTHING * len(b))
    return float(np.sum((q - p) * np.log(q / p)))


def cramers_v(a, b):
    if len(a) < 2:
        return 0.0
    balanced = np.array([a * b.sum(), b * a.sum()], dtype=np.int64)
    v = association(balanced, method="cramer")
    # The closed form docs/drift.md gives: V^2 = 1/2 * sum((p - q)^2 / (p + q)).
    p, q = a / a.sum(), b / b.sum()
    closed = math.sqrt(0.5 * np.sum((p - q) ** 2 / (p + q)))
    assert abs(v - closed) <= 1e-12 * max(1.0, closed), (v, closed)
    return v


def chi_square(a, b):
    if len(a) < 2:
        return 0.0, 0, 1.0
    result = stats.chi2_contingency(np.array([a, b]), correction=False)
    return result[0], result[2], result[1]


def expected_row(name, ref, cur):
    row = {"case": name, "n_ref": len(ref), "n_cur": len(cur)}
    a, b = bin_counts(ref, cur)
    row["kind"] = "categorical" if is_categorical(ref) else "continuous"
    row["bins"] = len(a)
    chi2, df, p = chi_square(a, b)
    row.update(chi2=g(chi2), chi2_df=df, chi2_p=g(p), cramer_v=g(cramers_v(a, b)), psi=g(psi(a, b)))
    row["js"] = g(jensenshannon(a, b, base=2)) if len(a) > 1 else g(0.0)
    if ref.dtype.kind in "fi":
        ks = stats.ks_2samp(ref, cur)  # method='auto'
        w = stats.wasserstein_distance(ref, cur)
        sd = np.std(ref)
        row.update(ks_d=g(ks.statistic), ks_p=g(ks.pvalue), wasserstein=g(w), wasserstein_norm=g(w / sd))
    else:
        row.update(ks_d="", ks_p="", wasserstein="", wasserstein_norm="")
    return row


def write_values(path, values):
    with open(path, "w", newline="") as f:
        f.write("value\n")
        for v in values:
            if isinstance(v, (float, np.floating)):
                f.write("" if math.isnan(v) else g(v))
            else:
                f.write(str(v))
            f.write("\n")


def cases():
    rng = np.random.default_rng(20240611)
    out = {}
    out["shift"] = numbers(rng.normal(0, 1, 500)), numbers(rng.normal(0.5, 1, 400))
    same = numbers(rng.normal(3, 2, 300))
    out["identical"] = same, same.copy()
    out["sizes"] = numbers(rng.normal(0, 1, 2000)), numbers(rng.normal(0.1, 1.3, 37))
    out["equal-sizes"] = numbers(rng.normal(0, 1, 250)), numbers(rng.normal(0.2, 1, 250))
    # Ties within and across the samples; 13 distinct values in 600 rows make the column categorical.
    out["ties"] = numbers(np.round(rng.normal(0, 1, 600) * 2) / 2), numbers(np.round(rng.normal(0.3, 1, 450) * 2) / 2)
    # Ties in a continuous column: 41 distinct values.
    out["ties-continuous"] = (
        numbers(np.round(rng.normal(0, 2, 700) * 4) / 4),
        numbers(np.round(rng.normal(0.2, 2, 300) * 4) / 4),
    )
    # max(n) = 10000: SciPy's 'auto' is still exact here, Commons Statistics' AUTO would switch to asymptotic.
    out["exact-boundary"] = numbers(rng.normal(0, 1, 10000)), numbers(rng.normal(0.03, 1, 6000))
    # max(n) > 10000: asymptotic p-value (Smirnov's formula, kstwo.sf).
    out["asymptotic"] = numbers(rng.normal(0, 1, 12000)), numbers(rng.normal(0.05, 1, 11000))
    # The current sample reaches below and above the reference range.
    out["wider"] = numbers(rng.uniform(0, 1, 400)), numbers(rng.uniform(-0.2, 1.3, 300))
    out["categories"] = (
        rng.choice(["a", "b", "c", "d"], 800, p=[0.4, 0.3, 0.2, 0.1]),
        rng.choice(["a", "b", "c", "d", "e"], 500, p=[0.35, 0.3, 0.2, 0.1, 0.05]),
    )
    out["binary"] = rng.choice(["no", "yes"], 300, p=[0.7, 0.3]), rng.choice(["no", "yes"], 200, p=[0.6, 0.4])
    out["integers"] = (
        rng.choice([0, 1, 2, 3, 4], 500, p=[0.3, 0.3, 0.2, 0.1, 0.1]).astype(float),
        rng.choice([0, 1, 2, 3, 4, 5], 300, p=[0.25, 0.3, 0.2, 0.1, 0.1, 0.05]).astype(float),
    )
    return out, rng


def gaps(rng):
    """A continuous case with empty cells: the expected values are those of the non-missing values."""
    ref = numbers(rng.normal(0, 1, 300))
    cur = numbers(rng.normal(1, 1, 200))
    ref_cells = ref.copy()
    ref_cells[rng.choice(300, 20, replace=False)] = np.nan
    cur_cells = cur.copy()
    cur_cells[rng.choice(200, 10, replace=False)] = np.nan
    return ref_cells, cur_cells


def holm(p):
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    adjusted = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adjusted
    return out


def benjamini_hochberg(p):
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    raw = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum(1.0, np.minimum.accumulate(raw[::-1])[::-1])
    out = np.empty(m)
    out[order] = adjusted
    return out


def corrections(rng):
    sets = [
        np.array([0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.001, 0.049, 0.8, 0.02]),
        np.array([0.01, 0.01, 0.03, 0.03, 0.9]),  # ties
        np.array([0.3]),
        np.array([1e-30, 0.04, 0.6, 0.6, 0.02, 0.011, 0.7, 1.0]),
        rng.uniform(0, 0.1, 20),
    ]
    rows = []
    for s, p in enumerate(sets):
        for i, (raw, h, bh) in enumerate(zip(p, holm(p), benjamini_hochberg(p))):
            rows.append({"set": s, "index": i, "p": g(raw), "holm": g(h), "bh": g(bh)})
    return rows


def fixtures(rng):
    """Three small data sets for the @NoDrift engine tests: a reference, a fresh draw and a shifted draw."""

    def draw(n, shift_x1, colors_p):
        x1 = numbers(rng.normal(10 + shift_x1, 2, n), 3)
        x2 = numbers(rng.uniform(0, 1, n), 3)
        color = rng.choice(["red", "green", "blue"], n, p=colors_p)
        label = np.where(x2 > 0.5, "b", "a")
        pred = np.where(x2 > 0.45, "b", "a")
        return zip(x1, x2, color, label, pred)

    sets = {
        "drift-reference.csv": draw(200, 0.0, [0.5, 0.3, 0.2]),
        "drift-same.csv": draw(150, 0.0, [0.5, 0.3, 0.2]),
        "drift-shifted.csv": draw(150, 2.0, [0.2, 0.3, 0.5]),
    }
    for name, rows in sets.items():
        with open(os.path.join(FIXTURES, name), "w", newline="") as f:
            f.write("x1,x2,color,label,pred\n")
            for x1, x2, color, label, pred in rows:
                f.write(f"{g(x1)},{g(x2)},{color},{label},{pred}\n")


def main():
    os.makedirs(GOLDEN, exist_ok=True)
    data, rng = cases()
    data["gaps"] = gaps(rng)
    rows = []
    for name, (ref, cur) in data.items():
        write_values(os.path.join(GOLDEN, f"{name}-reference.csv"), ref)
        write_values(os.path.join(GOLDEN, f"{name}-current.csv"), cur)
        if ref.dtype.kind == "f":
            ref, cur = ref[~np.isnan(ref)], cur[~np.isnan(cur)]
        rows.append(expected_row(name, ref, cur))
    fields = ["case", "kind", "n_ref", "n_cur", "bins", "ks_d", "ks_p", "chi2", "chi2_df", "chi2_p", "cramer_v",
              "psi", "js", "wasserstein", "wasserstein_norm"]
    with open(os.path.join(GOLDEN, "expected.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with open(os.path.join(GOLDEN, "corrections.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["set", "index", "p", "holm", "bh"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(corrections(rng))
    fixtures(rng)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: {len(rows)} drift cases written to {GOLDEN}")
    for row in rows:
        print(f"  {row['case']:16} {row['kind']:11} n={row['n_ref']}/{row['n_cur']} bins={row['bins']}"
              f" D={row['ks_d'][:8]} p={row['ks_p'][:10]} chi2={row['chi2'][:8]} psi={row['psi'][:8]}")


if __name__ == "__main__":
    main()
