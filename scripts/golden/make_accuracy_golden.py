#!/usr/bin/python3
"""Write golden values for the Wilson score interval of an accuracy.

Writes modeltest-core/src/test/resources/golden/wilson.csv with the columns
successes,n,confidence,lower,upper, read by dev.modeltest.stats.WilsonGoldenTest.

The reference is SciPy: z = scipy.stats.norm.ppf(1 - (1 - confidence) / 2) and

    (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n),   p = successes / n,

clipped to [0, 1], with the bounds at 0 of n and n of n set to their exact
values 0 and 1 (Wilson 1927; the same as statsmodels'
proportion_confint(method='wilson')). Each row is cross-checked against a
50-digit mpmath evaluation when mpmath is installed (Debian: python3-mpmath),
and against statsmodels when that is installed.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/golden/make_accuracy_golden.py

The cases are fixed edge cases plus a seeded random set, so a rerun leaves the
file byte-identical.
"""

import math
import random
from pathlib import Path

from scipy.stats import norm

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-core" / "src" / "test" / "resources" / "golden" / "wilson.csv"

CONFIDENCES = [0.8, 0.9, 0.95, 0.99]
SEED = 20240607
RANDOM_CASES = 16


def wilson(successes, n, confidence):
    z = float(norm.ppf(1 - (1 - confidence) / 2))
    p = successes / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    denominator = 1 + z2 / n
    lower = (centre - half) / denominator
    upper = (centre + half) / denominator
    # At 0 of n the lower bound is exactly 0 and at n of n the upper bound exactly 1
    # (centre and half-width cancel); double arithmetic leaves noise such as
    # 4.2e-22 or 0.9999999999999999, which does not belong in a golden file.
    if successes == 0:
        lower = 0.0
    if successes == n:
        upper = 1.0
    return max(0.0, lower), min(1.0, upper)


def wilson_mpmath(successes, n, confidence):
    import mpmath

    with mpmath.workdps(50):
        c = mpmath.mpf(repr(confidence))
        # Two-sided: P(|Z| <= z) = confidence  <=>  z = sqrt(2) * erfinv(confidence).
        z = mpmath.sqrt(2) * mpmath.erfinv(c)
        n_ = mpmath.mpf(n)
        p = mpmath.mpf(successes) / n_
        z2 = z * z
        centre = p + z2 / (2 * n_)
        half = z * mpmath.sqrt(p * (1 - p) / n_ + z2 / (4 * n_ * n_))
        denominator = 1 + z2 / n_
        lower = max(mpmath.mpf(0), (centre - half) / denominator)
        upper = min(mpmath.mpf(1), (centre + half) / denominator)
        return float(lower), float(upper)


def cases():
    fixed = [
        # n = 1: both possible outcomes at every confidence.
        *[(s, 1, c) for s in (0, 1) for c in CONFIDENCES],
        # 0 of n and n of n: the bound at 0 or 1 must be exact.
        (0, 30, 0.95), (30, 30, 0.95), (0, 10, 0.9), (10, 10, 0.99),
        (0, 1_000_000, 0.95), (1_000_000, 1_000_000, 0.95),
        # n = 30, a typical small test set, across the confidences.
        (26, 30, 0.8), (26, 30, 0.9), (26, 30, 0.95), (26, 30, 0.99),
        (1, 30, 0.95), (15, 30, 0.95), (29, 30, 0.95),
        # n = 1e6: narrow intervals, and one success or failure away from the edge.
        (1, 1_000_000, 0.95), (999_999, 1_000_000, 0.95),
        (500_000, 1_000_000, 0.99), (987_654, 1_000_000, 0.8),
        # Less common confidence levels.
        (7, 12, 0.5), (7, 12, 0.999),
    ]
    rng = random.Random(SEED)
    drawn = []
    while len(drawn) < RANDOM_CASES:
        n = int(round(10 ** rng.uniform(0, 6)))
        case = (rng.randint(0, n), n, rng.choice(CONFIDENCES))
        if case not in fixed and case not in drawn:
            drawn.append(case)
    return fixed + drawn


def cross_check(rows):
    try:
        import mpmath  # noqa: F401
    except ImportError:
        print("mpmath not installed: skipped the high-precision cross-check")
    else:
        worst = 0.0
        for s, n, c, lo, hi in rows:
            for got, want in zip((lo, hi), wilson_mpmath(s, n, c)):
                error = abs(got - want) if abs(want) < 1e-12 else abs(got - want) / abs(want)
                worst = max(worst, error)
        assert worst < 1e-12, worst
        print(f"mpmath (50 digits) agrees: worst relative error {worst:.2e}")
    try:
        from statsmodels.stats.proportion import proportion_confint
    except ImportError:
        print("statsmodels not installed: skipped the statsmodels cross-check")
    else:
        for s, n, c, lo, hi in rows:
            want = proportion_confint(s, n, alpha=1 - c, method="wilson")
            assert math.isclose(lo, want[0], rel_tol=1e-12, abs_tol=1e-15), (s, n, c)
            assert math.isclose(hi, want[1], rel_tol=1e-12, abs_tol=1e-15), (s, n, c)
        print("statsmodels agrees")


def main():
    rows = [(s, n, c, *wilson(s, n, c)) for s, n, c in cases()]
    for s, n, c, lo, hi in rows:
        assert 0 <= lo <= s / n <= hi <= 1, (s, n, c, lo, hi)
    cross_check(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("successes,n,confidence,lower,upper\n")
        for s, n, c, lo, hi in rows:
            # Inputs as their shortest exact text; bounds with 17 significant digits (round-trip).
            f.write(f"{s},{n},{c!r},{lo:.17g},{hi:.17g}\n")
    print(f"wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()
