#!/usr/bin/python3
"""Write golden values for the data-quality checks, computed by pandas.

Writes into modeltest-core/src/test/resources/golden/data-quality/:

  train.csv, test.csv   seeded data sets with gaps, duplicate rows, conflicting
                        labels and test rows copied from the training data
  golden.csv            check,columns,value: what pandas computes on them

read by dev.modeltest.check.DataQualityGoldenTest. The references:

  missing-rate      df[c].isna().mean()                  per column of test.csv
  duplicates        df.duplicated(subset=cols).sum()     on test.csv, all columns and a subset
  conflicting-rows  labelled rows of test.csv in groups of equal features
                    (groupby(features, dropna=False)) holding more than one label
  leaked-rows       rows of test.csv whose features equal those of a row of
                    train.csv (missing equals missing, as in df.merge)

Missing cells are written as empty fields, which pandas and the Java loader
both read as missing. Numbers have one decimal, so the same text gives the same
double on both sides.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/golden/make_data_quality_golden.py

The data is drawn from numpy's seeded generator, so a rerun leaves the files
byte-identical.
"""

from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parents[2] / "modeltest-core/src/test/resources/golden/data-quality"
FEATURES = ["x1", "x2", "colour"]
LABEL = "label"


def frame(rng, n):
    # 6000 feature combinations for 2000 test rows: equal rows happen by chance (a few hundred), as well as by copying.
    df = pd.DataFrame({
        "x1": np.round(rng.integers(0, 200, n) / 10, 1),
        "x2": rng.integers(0, 10, n).astype(float),
        "colour": rng.choice(["red", "green", "blue"], n),
        LABEL: rng.choice(["yes", "no"], n),
    })
    for column, rate in [("x1", 0.03), ("x2", 0.05), ("colour", 0.02), (LABEL, 0.01)]:
        df.loc[rng.random(n) < rate, column] = np.nan
    return df


def main():
    rng = np.random.default_rng(20240131)
    train = frame(rng, 3000)
    test = frame(rng, 2000)
    # Copy 40 training rows into the test set (features and label), a leak by construction.
    picked = rng.choice(len(train), 40, replace=False)
    test.iloc[rng.choice(len(test), 40, replace=False)] = train.iloc[picked].to_numpy()
    OUT.mkdir(parents=True, exist_ok=True)
    train.to_csv(OUT / "train.csv", index=False, float_format="%.1f")
    test.to_csv(OUT / "test.csv", index=False, float_format="%.1f")

    # Read back what was written, exactly as a user's pandas would.
    train = pd.read_csv(OUT / "train.csv")
    test = pd.read_csv(OUT / "test.csv")
    rows = []
    for column in test.columns:
        rows.append(("missing-rate", column, repr(float(test[column].isna().mean()))))
    rows.append(("duplicates", "", str(int(test.duplicated().sum()))))
    rows.append(("duplicates", "x1 x2", str(int(test.duplicated(subset=["x1", "x2"]).sum()))))
    labelled = test[test[LABEL].notna()]
    labels = labelled.groupby(FEATURES, dropna=False)[LABEL].transform("nunique")
    rows.append(("conflicting-rows", " ".join(FEATURES), str(int((labels > 1).sum()))))
    sentinel = "\u0000missing"
    seen = set(map(tuple, train[FEATURES].astype(object).where(train[FEATURES].notna(), sentinel).to_numpy()))
    keys = map(tuple, test[FEATURES].astype(object).where(test[FEATURES].notna(), sentinel).to_numpy())
    rows.append(("leaked-rows", " ".join(FEATURES), str(sum(key in seen for key in keys))))
    with open(OUT / "golden.csv", "w") as out:
        out.write("check,columns,value\n")
        for check, columns, value in rows:
            out.write(f"{check},{columns},{value}\n")
    for check, columns, value in rows:
        print(f"{check:18} {columns:18} {value}")


if __name__ == "__main__":
    main()
