#!/usr/bin/python3
"""Writes modeltest-examples/src/test/resources/iris-drifted.csv: iris-test.csv with its petal lengths drifted.

Every petal length of the 30 test rows is lengthened by 1.5 cm plus seeded normal noise (sd 0.1 cm), rounded to one
decimal like the source; the other columns are unchanged. This is the kind of shift a changed measuring protocol
produces (say, petals measured with the stalk), and the drift example (IrisDriftTest) proves that @NoDrift against
iris-train.csv catches it in petal_length only.

Run with Debian's interpreter: /usr/bin/python3 scripts/data/make_iris_drifted.py (after scripts/data/make_iris.py).
"""

import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCES = os.path.join(ROOT, "modeltest-examples", "src", "test", "resources")
SHIFT_CM = 1.5
NOISE_CM = 0.1


def main():
    test = pd.read_csv(os.path.join(RESOURCES, "iris-test.csv"))
    rng = np.random.default_rng(20240611)
    drifted = test.copy()
    drifted["petal_length"] = np.round(test["petal_length"] + SHIFT_CM + rng.normal(0, NOISE_CM, len(test)), 1)
    out = os.path.join(RESOURCES, "iris-drifted.csv")
    drifted.to_csv(out, index=False, float_format="%.1f", lineterminator="\n")
    train = pd.read_csv(os.path.join(RESOURCES, "iris-train.csv"))
    from scipy import stats

    for column in ["sepal_length", "sepal_width", "petal_length", "petal_width"]:
        ks = stats.ks_2samp(train[column], drifted[column])
        print(f"{column:13} KS D={ks.statistic:.4f} p={ks.pvalue:.3g}")
    print(f"wrote {out} ({len(drifted)} rows)")


if __name__ == "__main__":
    main()
