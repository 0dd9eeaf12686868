#!/usr/bin/python3
"""Write the data sets the XGBoost and Tribuo test models are trained and tested on.

Reads the breast cancer, iris and diabetes data shipped in Debian's python3-sklearn
package and writes seeded train/test splits as CSV:

  modeltest-xgboost/src/test/resources/data/
      breast-cancer-train.csv  (426 rows)   breast-cancer-test.csv  (143 rows)
      iris-train.csv           (120 rows)   iris-test.csv           (30 rows)
      diabetes-train.csv       (331 rows)   diabetes-test.csv       (111 rows)
  modeltest-tribuo/src/test/resources/data/
      iris-train.csv, iris-test.csv, diabetes-train.csv, diabetes-test.csv (the same files)

The examples (XGBoostBreastCancerTest, TribuoIrisTest) read the test sets that
scripts/models/make_onnx_models.py and scripts/data/make_iris.py write to
modeltest-examples/src/test/resources; this script checks that they hold the same rows.

The splits are the ones the other scripts use, so the files agree with them:
  - breast cancer: test_size=0.25, stratified on sklearn's integer target,
    random_state=42 (as scripts/data/make_breast_cancer_scored.py); all 30 features,
    named in snake case (mean_radius, ...), and `diagnosis` as malignant/benign;
  - iris: test_size=0.2, stratified, random_state=42 (as scripts/data/make_iris.py,
    which writes byte-identical iris CSVs to modeltest-examples);
  - diabetes: test_size=0.2, random_state=42, the unscaled data
    (load_diabetes(scaled=False): age in years, sex 1/2, bmi, bp, s1..s6) and the
    target `progression` (disease progression one year after baseline).

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/models/make_xgboost_tribuo_data.py

The output is deterministic: rerunning it leaves the files byte-identical.
"""

from pathlib import Path

from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.model_selection import train_test_split

REPO = Path(__file__).resolve().parents[2]
XGBOOST = REPO / "modeltest-xgboost" / "src" / "test" / "resources" / "data"
TRIBUO = REPO / "modeltest-tribuo" / "src" / "test" / "resources" / "data"
EXAMPLES = REPO / "modeltest-examples" / "src" / "test" / "resources"

IRIS_COLUMNS = ["sepal_length", "sepal_width", "petal_length", "petal_width"]


def snake(name):
    return name.replace(" ", "_")


def write_csv(paths, header, rows):
    text = ",".join(header) + "\n" + "".join(",".join(row) + "\n" for row in rows)
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


def same_rows(theirs, ours):
    """Checks that a CSV another script wrote holds the same header and values as ours (numbers compared as numbers)."""
    if not theirs.exists():
        print(f"note: {theirs} does not exist (yet); not compared")
        return
    a = theirs.read_text(encoding="utf-8").splitlines()
    b = ours.read_text(encoding="utf-8").splitlines()

    def cell(text):
        try:
            return float(text)
        except ValueError:
            return text

    assert a[0] == b[0], f"{theirs}: header differs from {ours}"
    assert [[cell(c) for c in r.split(",")] for r in a[1:]] == [[cell(c) for c in r.split(",")] for r in b[1:]], (
        f"{theirs} holds other rows than {ours}"
    )


def breast_cancer():
    data = load_breast_cancer()
    names = [str(n) for n in data.target_names]
    assert names == ["malignant", "benign"], names
    columns = [snake(str(c)) for c in data.feature_names]
    assert min(data.data.min(axis=0)) >= 0
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=0.25, stratify=data.target, random_state=42
    )
    header = columns + ["diagnosis"]
    for part, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
        # repr() is the shortest text that round-trips, i.e. the source's digits.
        rows = [[repr(float(v)) for v in x] + [names[code]] for x, code in zip(X, y)]
        write_csv([XGBOOST / f"breast-cancer-{part}.csv"], header, rows)
    same_rows(EXAMPLES / "breast-cancer-test.csv", XGBOOST / "breast-cancer-test.csv")
    print(f"breast cancer: {len(y_train)} train rows, {len(y_test)} test rows")


def iris():
    data = load_iris()
    names = [str(n) for n in data.target_names]
    assert names == ["setosa", "versicolor", "virginica"], names
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=0.2, stratify=data.target, random_state=42
    )
    for part, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
        # The source has exactly one decimal per value (as scripts/data/make_iris.py writes it).
        rows = [[f"{v:.1f}" for v in x] + [names[code]] for x, code in zip(X, y)]
        write_csv([XGBOOST / f"iris-{part}.csv", TRIBUO / f"iris-{part}.csv"], IRIS_COLUMNS + ["species"], rows)
    same_rows(EXAMPLES / "iris-train.csv", XGBOOST / "iris-train.csv")
    same_rows(EXAMPLES / "iris-test.csv", XGBOOST / "iris-test.csv")
    print(f"iris: {len(y_train)} train rows, {len(y_test)} test rows")


def diabetes():
    data = load_diabetes(scaled=False)
    columns = [str(c) for c in data.feature_names]
    assert columns == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], columns
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.25, random_state=42)
    for part, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
        rows = [[repr(float(v)) for v in x] + [repr(float(t))] for x, t in zip(X, y)]
        write_csv(
            [XGBOOST / f"diabetes-{part}.csv", TRIBUO / f"diabetes-{part}.csv"], columns + ["progression"], rows
        )
    print(f"diabetes: {len(y_train)} train rows, {len(y_test)} test rows")


def main():
    breast_cancer()
    iris()
    diabetes()
    print(f"-> {XGBOOST}, {TRIBUO}")


if __name__ == "__main__":
    main()
