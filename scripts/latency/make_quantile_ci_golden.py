#!/usr/bin/python3
"""Write golden values for the order-statistic confidence interval of a quantile.

Writes modeltest-core/src/test/resources/golden/quantile_ci.csv with the columns
n,quantile,confidence,lower_rank,upper_rank,coverage and
modeltest-core/src/test/resources/golden/quantile_ci_upper_n.csv with the columns
quantile,confidence,min_n, read by dev.modeltest.latency.QuantileIntervalGoldenTest.

The method (Conover, Practical Nonparametric Statistics, 3rd ed., 1999, section 3.2):
with B ~ Binomial(n, q) and F its distribution function (scipy.stats.binom.cdf),
tail = (1 - confidence) / 2,

  lower_rank = the largest l in [0, n] with F(l - 1) <= tail       (0: no lower bound)
  upper_rank = the smallest u in [1, n + 1] with 1 - F(u - 1) <= tail   (n + 1: no upper bound)
  coverage   = F(upper_rank - 1) - F(lower_rank - 1),  F(-1) = 0, F(n) = 1

found here by scanning every rank (no inverse functions), so the Java code, which
uses Commons Statistics' inverse functions, is checked against the definition.
1 - F(k) is scipy.stats.binom.sf(k). min_n is the smallest n with q**n <= tail, the
fewest samples whose maximum is an upper bound.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/latency/make_quantile_ci_golden.py

The cases are fixed plus a seeded random set, so a rerun leaves the files
byte-identical.
"""

import random
from pathlib import Path

import numpy as np
from scipy.stats import binom

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "modeltest-core" / "src" / "test" / "resources" / "golden"

NS = [1, 2, 5, 10, 20, 30, 100, 200, 367, 368, 500, 1000, 2000, 3000, 3688, 10000, 100000]
QUANTILES = [0.5, 0.9, 0.99, 0.999]
CONFIDENCES = [0.9, 0.95, 0.99]
SEED = 20240611
RANDOM_CASES = 24


def ranks(n, q, confidence):
    tail = (1 - confidence) / 2
    k = np.arange(-1, n + 1)  # k = -1 .. n
    cdf = binom.cdf(k, n, q)
    sf = binom.sf(k, n, q)
    cdf[0], sf[0] = 0.0, 1.0  # F(-1) = 0
    cdf[-1], sf[-1] = 1.0, 0.0  # F(n) = 1
    # index i of these arrays is k = i - 1
    lower = max(l for l in range(0, n + 1) if cdf[l - 1 + 1] <= tail)
    upper = min([u for u in range(1, n + 1) if sf[u - 1 + 1] <= tail] + [n + 1])
    coverage = cdf[upper - 1 + 1] - cdf[lower - 1 + 1]
    return lower, upper, coverage


def min_n(q, confidence):
    tail = (1 - confidence) / 2
    n = 1
    while q ** n > tail:
        n += 1
    return n


def main():
    cases = [(n, q, c) for n in NS for q in QUANTILES for c in CONFIDENCES]
    rng = random.Random(SEED)
    for _ in range(RANDOM_CASES):
        n = rng.randint(1, 5000)
        q = round(rng.uniform(0.05, 0.999), 4)
        c = round(rng.uniform(0.5, 0.999), 3)
        cases.append((n, q, c))
    GOLDEN.mkdir(parents=True, exist_ok=True)
    with open(GOLDEN / "quantile_ci.csv", "w") as out:
        out.write("n,quantile,confidence,lower_rank,upper_rank,coverage\n")
        for n, q, c in cases:
            lower, upper, coverage = ranks(n, q, c)
            assert coverage >= c - 1e-12, (n, q, c, coverage)
            out.write(f"{n},{q!r},{c!r},{lower},{upper},{float(coverage)!r}\n")
    with open(GOLDEN / "quantile_ci_upper_n.csv", "w") as out:
        out.write("quantile,confidence,min_n\n")
        for q in [0.5, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999]:
            for c in [0.9, 0.95, 0.99]:
                out.write(f"{q!r},{c!r},{min_n(q, c)}\n")
    print(f"wrote {len(cases)} interval cases to {GOLDEN / 'quantile_ci.csv'}")


if __name__ == "__main__":
    main()
