#!/usr/bin/python3
"""Save XGBoost models the way Python users do, and what Python predicts with them.

Trains, with Debian's python3-xgboost (1.7) and the CSVs of make_xgboost_tribuo_data.py,
an XGBClassifier on iris and an XGBRegressor on diabetes (pandas DataFrames, so the
boosters store their feature names), and writes under
modeltest-xgboost/src/test/resources/models/python/:

  iris-classifier.json, iris-classifier.ubj    multi:softprob, class names in the booster
                                               attribute class_names
  iris-classifier-expected.csv                 predict_proba on iris-test.csv (setosa, versicolor, virginica)
  diabetes-regressor.ubj                       reg:squarederror
  diabetes-regressor-expected.csv              predict on diabetes-test.csv

The expected values are XGBoost's float32 results, written with repr() of the float, so
they read back as exactly the same numbers. XGBoostPythonModelTest loads the files with
modeltest-xgboost (XGBoost4J 3.4) and compares.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/models/make_xgboost_python_models.py

Needs apt-get install python3-xgboost python3-pandas. Deterministic: a rerun writes the
same bytes.
"""

from pathlib import Path

import pandas as pd
import xgboost as xgb

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "modeltest-xgboost" / "src" / "test" / "resources" / "data"
OUT = REPO / "modeltest-xgboost" / "src" / "test" / "resources" / "models" / "python"

SPECIES = ["setosa", "versicolor", "virginica"]


def write_expected(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(",".join(repr(float(v)) for v in row) + "\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    train = pd.read_csv(DATA / "iris-train.csv")
    test = pd.read_csv(DATA / "iris-test.csv")
    classifier = xgb.XGBClassifier(n_estimators=10, max_depth=2, random_state=0, n_jobs=1)
    classifier.fit(train.drop(columns="species"), train.species.map(SPECIES.index))
    classifier.get_booster().set_attr(class_names='["setosa", "versicolor", "virginica"]')
    classifier.save_model(OUT / "iris-classifier.json")
    classifier.save_model(OUT / "iris-classifier.ubj")
    probabilities = classifier.predict_proba(test.drop(columns="species"))
    write_expected(OUT / "iris-classifier-expected.csv", probabilities)
    accuracy = (probabilities.argmax(axis=1) == test.species.map(SPECIES.index)).mean()

    train = pd.read_csv(DATA / "diabetes-train.csv")
    test = pd.read_csv(DATA / "diabetes-test.csv")
    regressor = xgb.XGBRegressor(n_estimators=10, max_depth=2, random_state=0, n_jobs=1)
    regressor.fit(train.drop(columns="progression"), train.progression)
    regressor.save_model(OUT / "diabetes-regressor.ubj")
    write_expected(OUT / "diabetes-regressor-expected.csv", [[v] for v in regressor.predict(test.drop(columns="progression"))])
    print(f"xgboost {xgb.__version__}: iris test accuracy {accuracy:.4f}; files in {OUT}")


if __name__ == "__main__":
    main()
